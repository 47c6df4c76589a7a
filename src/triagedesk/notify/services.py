"""Queuing outbound mail: a row and a task, inside the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string

from triagedesk.core.rows import RowWriter
from triagedesk.core.tasks import task_enqueue_with

from .models import OutboundEmail
from .tasks import send_outbound_email

EMAIL_LANGUAGES = ("en", "it", "fr", "ru")


def new_message_id(ticket_number: str | None = None) -> str:
    local = f"td.{ticket_number}.{uuid.uuid4().hex[:16]}" if ticket_number else f"td.{uuid.uuid4().hex}"
    return f"{local.lower()}@{settings.MESSAGE_ID_DOMAIN}"


def render_email(template: str, language: str, context: dict) -> tuple[str, str]:
    """Render ``notify/email/<template>.<lang>.txt``: first line is the subject."""
    language = language if language in EMAIL_LANGUAGES else "en"
    text = render_to_string(f"notify/email/{template}.{language}.txt", context)
    subject, _, body = text.lstrip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def outbound_email_queue(
    *, kind: str, to: str, subject: str, body_text: str, at: datetime, language: str = "en",
    ticket=None, message=None, in_reply_to: str = "", references: str = "",
) -> OutboundEmail:
    email = _outbound_email(kind=kind, to=to, subject=subject, body_text=body_text, at=at, language=language,
                            ticket=ticket, message=message, in_reply_to=in_reply_to, references=references)
    email.save(force_insert=True)
    send_outbound_email.enqueue(email.pk)
    return email


def outbound_email_queue_with(writer: RowWriter, **fields) -> OutboundEmail:
    """``outbound_email_queue`` whose two rows go out with ``writer``'s other rows (``core.rows``).

    On PostgreSQL the mail's id is needed before its row is written (the task carries it):
    it comes from the process's pool of ids (``core.rows.take_id``).
    """
    email = _outbound_email(**fields)
    if writer.deferred:
        email.pk = writer.reserved(OutboundEmail)
    writer.add(email)
    task_enqueue_with(writer, send_outbound_email, email.pk)
    return email


def _outbound_email(
    *, kind: str, to: str, subject: str, body_text: str, at: datetime, language: str = "en",
    ticket=None, message=None, in_reply_to: str = "", references: str = "",
) -> OutboundEmail:
    return OutboundEmail(
        kind=kind, ticket=ticket, ticket_message=message, to=to, subject=subject, body_text=body_text,
        message_id=new_message_id(ticket.number if ticket else None), in_reply_to=in_reply_to,
        references=references, language=language, created_at=at,
    )


def outbound_settle_backlog(*, before: datetime) -> int:
    """Mark mails queued before ``before`` as sent without sending them (demo history only)."""
    from django.db import transaction
    from django.db.models import F
    from django_tasks_db.models import DBTaskResult

    with transaction.atomic():
        count = OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED, created_at__lt=before).update(
            status=OutboundEmail.Status.SENT, sent_at=F("created_at"))
        DBTaskResult.objects.filter(task_path=send_outbound_email.module_path, status="READY").delete()
    return count
