"""Our mail going wrong: delivery reports that come back, and SMTP refusals at send time."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from email.utils import make_msgid

import pytest

from triagedesk.core.testing import run_queued_tasks
from triagedesk.intake.services import email_receive
from triagedesk.notify.delivery import MAX_ATTEMPTS
from triagedesk.notify.models import DeliveryAttempt, OutboundEmail
from triagedesk.tickets.models import Ticket

from .mails import build_mail

pytestmark = pytest.mark.django_db
LATER = datetime(2100, 1, 1, tzinfo=timezone.utc)


def dsn(original, *, recipient: str, status: str = "5.1.1", action: str = "failed",
        diagnostic: str = "550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown in local recipient table",
        mta: str = "mx.rossi-shop.it") -> bytes:
    """A delivery status notification (RFC 3464) as Postfix writes it, about ``original``."""
    boundary = "B0UNCE.1700000000/" + mta
    headers = "".join(f"{k}: {v}\r\n" for k, v in original.items() if k.lower() in
                      {"from", "to", "subject", "message-id", "date", "in-reply-to"})
    diagnostic = diagnostic.format(rcpt=recipient)
    return (
        f"From: MAILER-DAEMON@{mta} (Mail Delivery System)\r\n"
        f"To: support@triagedesk.example\r\n"
        f"Subject: Undelivered Mail Returned to Sender\r\n"
        f"Date: Mon, 23 Nov 2026 10:05:00 +0100 (CET)\r\n"
        f"Message-ID: {make_msgid(domain=mta)}\r\n"
        f"Auto-Submitted: auto-replied\r\n"
        f"MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"\r\n'
        f"\r\n"
        f"This is a MIME-encapsulated message.\r\n\r\n"
        f"--{boundary}\r\n"
        f"Content-Description: Notification\r\n"
        f"Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        f"This is the mail system at host {mta}.\r\n\r\n"
        f"I'm sorry to have to inform you that your message could not\r\n"
        f"be delivered to one or more recipients. It's attached below.\r\n\r\n"
        f"<{recipient}>: host {mta}[192.0.2.25] said: {diagnostic}\r\n\r\n"
        f"--{boundary}\r\n"
        f"Content-Description: Delivery report\r\n"
        f"Content-Type: message/delivery-status\r\n\r\n"
        f"Reporting-MTA: dns; {mta}\r\n"
        f"X-Postfix-Queue-ID: 4F1C2A0B3\r\n"
        f"Arrival-Date: Mon, 23 Nov 2026 10:04:58 +0100 (CET)\r\n\r\n"
        f"Final-Recipient: rfc822; {recipient}\r\n"
        f"Original-Recipient: rfc822;{recipient}\r\n"
        f"Action: {action}\r\n"
        f"Status: {status}\r\n"
        f"Remote-MTA: dns; {mta}\r\n"
        f"Diagnostic-Code: smtp; {diagnostic}\r\n\r\n"
        f"--{boundary}\r\n"
        f"Content-Description: Undelivered Message Headers\r\n"
        f"Content-Type: text/rfc822-headers\r\n\r\n"
        f"{headers}\r\n"
        f"--{boundary}--\r\n"
    ).encode()


def open_and_send_ack(clock, smtp_sink, sender="Paolo Verdi <paolo@rossi-shop.it>"):
    result = email_receive(raw=build_mail(sender=sender), source="pipe", clock=clock)
    ticket = Ticket.objects.get(number=result.ticket_number)
    run_queued_tasks(now=LATER)
    [received] = smtp_sink.messages
    return ticket, received


def test_a_bounce_of_our_acknowledgement_marks_it_bounced_and_tells_the_agents(world, clock, smtp_sink):
    ticket, ack = open_and_send_ack(clock, smtp_sink)
    assert ack["Message-ID"].strip("<>") == OutboundEmail.objects.get().message_id
    result = email_receive(raw=dsn(ack, recipient="paolo@rossi-shop.it"), source="pipe", clock=clock)
    assert (result.action, result.ticket_number) == ("bounce", ticket.number)
    mail = OutboundEmail.objects.get()
    assert mail.status == "bounced" and "5.1.1" in mail.last_error
    attempt = mail.attempts_log.order_by("-id").first()
    assert not attempt.ok and attempt.permanent and "User unknown" in attempt.detail
    note = ticket.messages.get(visibility="internal")
    assert note.body.startswith("Delivery failed to paolo@rossi-shop.it: 5.1.1")
    assert Ticket.objects.count() == 1 and OutboundEmail.objects.count() == 1  # no ticket, no answer to a daemon


def test_a_delay_warning_is_logged_but_the_mail_is_not_given_up(world, clock, smtp_sink):
    ticket, ack = open_and_send_ack(clock, smtp_sink)
    warning = dsn(ack, recipient="paolo@rossi-shop.it", status="4.4.7", action="delayed",
                  diagnostic="451 4.4.7 mailbox temporarily unavailable, will keep trying")
    result = email_receive(raw=warning, source="pipe", clock=clock)
    assert result.action == "bounce"
    mail = OutboundEmail.objects.get()
    assert mail.status == "sent"
    assert mail.attempts_log.filter(ok=False, permanent=False, detail__startswith="delayed").exists()
    assert not ticket.messages.filter(visibility="internal").exists()


def test_a_bounce_about_a_mail_we_never_sent_opens_nothing(world, clock):
    from email.message import EmailMessage

    stranger = EmailMessage()
    stranger["From"], stranger["To"], stranger["Subject"] = "x@y.example", "z@w.example", "hi"
    stranger["Message-ID"] = "<not-ours@y.example>"
    result = email_receive(raw=dsn(stranger, recipient="z@w.example"), source="pipe", clock=clock)
    assert (result.action, result.ticket_number) == ("bounce", None)
    assert not Ticket.objects.exists()


# --------------------------------------------------------------------------- at send time


def test_a_5xx_refusal_fails_the_mail_at_once_and_puts_a_note_on_the_ticket(world, clock, smtp_sink):
    smtp_sink.reject["paolo@rossi-shop.it"] = "550 5.1.1 <paolo@rossi-shop.it>: user unknown"
    result = email_receive(raw=build_mail(sender="paolo@rossi-shop.it"), source="pipe", clock=clock)
    run_queued_tasks(now=LATER)
    mail = OutboundEmail.objects.get()
    assert mail.status == "failed" and mail.attempts == 1 and "550" in mail.last_error
    note = Ticket.objects.get(number=result.ticket_number).messages.get(visibility="internal")
    assert note.body.startswith("Delivery failed to paolo@rossi-shop.it: ") and "user unknown" in note.body


def test_a_4xx_refusal_is_retried_with_backoff_then_delivered(world, clock, smtp_sink):
    smtp_sink.reject["paolo@rossi-shop.it"] = "450 4.2.0 <paolo@rossi-shop.it>: greylisted, come back later"
    email_receive(raw=build_mail(sender="paolo@rossi-shop.it"), source="pipe", clock=clock)
    start = datetime.now(timezone.utc)
    run_queued_tasks(now=start)
    mail = OutboundEmail.objects.get()
    assert mail.status == "retrying" and mail.attempts == 1
    assert run_queued_tasks(now=start + timedelta(seconds=5)) == 0  # not before the backoff
    del smtp_sink.reject["paolo@rossi-shop.it"]
    assert run_queued_tasks(now=start + timedelta(minutes=5)) == 1
    mail.refresh_from_db()
    assert mail.status == "sent" and [a.ok for a in mail.attempts_log.all()] == [False, True]


def test_a_server_that_is_down_is_retried_until_the_last_attempt_then_the_agents_are_told(world, clock, settings):
    from .processes import closed_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    result = email_receive(raw=build_mail(sender="paolo@rossi-shop.it"), source="pipe", clock=clock)
    for _ in range(MAX_ATTEMPTS):
        run_queued_tasks(now=LATER)
    mail = OutboundEmail.objects.get()
    assert mail.status == "failed" and mail.attempts == MAX_ATTEMPTS
    assert all(not a.permanent for a in mail.attempts_log.all())
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert ticket.messages.filter(visibility="internal", body__startswith="Delivery failed").count() == 1


def test_bad_smtp_credentials_are_retried_and_the_password_never_appears(world, clock, settings, caplog):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    from .processes import free_port

    class Sink:
        async def handle_DATA(self, server, session, envelope):  # pragma: no cover - never authenticated
            return "250 OK"

    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=False, handled=False)

    controller = Controller(Sink(), hostname="127.0.0.1", port=free_port(), authenticator=authenticator,
                            auth_require_tls=False, auth_required=True)
    controller.start()
    secret = "s3cret-Pa55word-never-log"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "desk", secret
    try:
        email_receive(raw=build_mail(sender="paolo@rossi-shop.it"), source="pipe", clock=clock)
        with caplog.at_level(logging.DEBUG):
            run_queued_tasks(now=datetime.now(timezone.utc))  # the first attempt only
    finally:
        controller.stop()
    mail = OutboundEmail.objects.get()
    assert mail.status == "retrying" and "535" in mail.last_error  # our setup is wrong: keep the mail
    logged = caplog.text + mail.last_error + "".join(DeliveryAttempt.objects.values_list("detail", flat=True))
    assert secret not in logged
