from __future__ import annotations

from django_tasks import task


@task(queue_name="sla")
def sla_scan_task() -> dict:
    from triagedesk.core.clock import system_clock

    from .scan import sla_scan

    result = sla_scan(now=system_clock())
    return {"warnings": result.warnings, "breaches": result.breaches}


@task(queue_name="sla")
def notify_team_leads(kind: str, team_id: int | None, ticket_ids: list[int]) -> int:
    from .notifications import sla_notify_leads

    return sla_notify_leads(kind=kind, team_id=team_id, ticket_ids=ticket_ids)
