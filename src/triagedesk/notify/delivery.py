"""Sending one queued mail over SMTP, with a log row per attempt and retries."""

from __future__ import annotations

import logging
import smtplib
import socket
from datetime import timedelta
from email.utils import formataddr, formatdate

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from triagedesk.core.clock import system_clock

from .models import DeliveryAttempt, OutboundEmail

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_SECONDS = (30, 60, 300, 900, 1800, 3600, 7200)


def _is_permanent(exc: Exception) -> bool:
    """Only a refusal of this mail or this recipient is final.

    A 5xx to AUTH, MAIL FROM or HELO says our own setup is wrong (credentials,
    sender address): every mail would fail alike, so keep retrying while
    someone fixes the settings instead of dropping the whole queue.
    """
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return bool(exc.recipients) and all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, (smtplib.SMTPAuthenticationError, smtplib.SMTPSenderRefused, smtplib.SMTPHeloError)):
        return False
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False  # connection problems, timeouts: try again later


def _describe(exc: Exception) -> str:
    """The server's own words; never our settings (the password is only ever sent, not echoed)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{addr}: {code} {_text(msg)}" for addr, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def build_message(email: OutboundEmail) -> EmailMessage:
    headers = {
        "Message-ID": f"<{email.message_id}>",
        "Date": formatdate(localtime=False),
    }
    if email.kind != "reply":
        # RFC 3834: our automatic mails say so, so that autoresponders stay quiet;
        # an agent's reply is written by a person and must not carry it.
        headers["Auto-Submitted"] = "auto-replied" if email.kind == "acknowledgement" else "auto-generated"
        headers["X-Auto-Response-Suppress"] = "All"
    if email.ticket_id:
        headers["X-Triagedesk-Ticket"] = email.ticket.number
    if email.in_reply_to:
        headers["In-Reply-To"] = f"<{email.in_reply_to}>"
    if email.references:
        headers["References"] = " ".join(f"<{r}>" for r in email.references.split())
    return EmailMessage(
        subject=email.subject, body=email.body_text, from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to], headers=headers, reply_to=[settings.SUPPORT_ADDRESS],
    )


def deliver(email_id: int, clock=system_clock) -> str:
    email = OutboundEmail.objects.select_related("ticket").get(pk=email_id)
    if email.status in (OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED, OutboundEmail.Status.BOUNCED):
        return email.status
    now = clock()
    try:
        with get_connection(fail_silently=False) as connection:
            connection.send_messages([build_message(email)])
    except (smtplib.SMTPException, OSError, socket.timeout) as exc:
        permanent = _is_permanent(exc)
        detail = _describe(exc)[:2000]
        log.warning("mail %s to ticket %s failed (%s): %s", email.pk, email.ticket_id,
                    "permanent" if permanent else "temporary", detail)
        with transaction.atomic():
            email.attempts += 1
            give_up = permanent or email.attempts >= MAX_ATTEMPTS
            email.status = OutboundEmail.Status.FAILED if give_up else OutboundEmail.Status.RETRYING
            email.last_error = detail
            email.save(update_fields=["attempts", "status", "last_error"])
            DeliveryAttempt.objects.create(email=email, at=now, ok=False, permanent=permanent, detail=detail)
            if not give_up:
                from .tasks import send_outbound_email

                delay = BACKOFF_SECONDS[min(email.attempts - 1, len(BACKOFF_SECONDS) - 1)]
                send_outbound_email.using(run_after=now + timedelta(seconds=delay)).enqueue(email.pk)
            elif email.ticket_id:
                _tell_agents(email, recipient=email.to, detail=detail, clock=clock)
        return email.status
    with transaction.atomic():
        email.attempts += 1
        email.status = OutboundEmail.Status.SENT
        email.sent_at = now
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        DeliveryAttempt.objects.create(email=email, at=now, ok=True, detail="accepted by " + settings.EMAIL_HOST)
    return email.status


def _tell_agents(email: OutboundEmail, *, recipient: str, detail: str, clock) -> None:
    from triagedesk.core.audit import Actor
    from triagedesk.tickets.services import ticket_delivery_failed

    ticket_delivery_failed(ticket=email.ticket, recipient=recipient, detail=detail, email_id=email.pk,
                           actor=Actor.system("mail delivery"), clock=clock)


def record_bounce(email: OutboundEmail, *, recipient: str, status: str, diagnostic: str, permanent: bool,
                  clock=system_clock) -> OutboundEmail:
    """A delivery report came back for one of our mails (called by the mail intake, in its transaction).

    A permanent failure marks the mail bounced and puts a note on its ticket;
    a delay warning only goes into the delivery log.
    """
    now = clock()
    detail = " ".join(part for part in (status, diagnostic) if part)[:2000] or "no diagnostic given"
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update(of=("self",)).select_related("ticket").get(pk=email.pk)
        DeliveryAttempt.objects.create(email=email, at=now, ok=False, permanent=permanent,
                                       detail=("bounced: " if permanent else "delayed: ") + detail)
        if permanent:
            email.status = OutboundEmail.Status.BOUNCED
            email.last_error = detail
            email.save(update_fields=["status", "last_error"])
            if email.ticket_id:
                _tell_agents(email, recipient=recipient or email.to, detail=detail, clock=clock)
    return email
