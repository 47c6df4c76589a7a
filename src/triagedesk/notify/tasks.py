from __future__ import annotations

from django_tasks import task


@task(queue_name="mail")
def send_outbound_email(email_id: int) -> str:
    from .delivery import deliver

    return deliver(email_id)
