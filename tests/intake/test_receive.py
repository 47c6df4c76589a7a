"""email_receive: identify the sender, thread, reopen, dedupe, throttle, quarantine, attachments, charsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from triagedesk.core.audit import Actor
from triagedesk.core.models import AuditEvent
from triagedesk.intake.models import RawEmail
from triagedesk.intake.services import email_receive, raw_email_reprocess
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets import services as tickets
from triagedesk.tickets.models import Attachment, Ticket, TicketSequence

from .mails import build_mail

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "email"


def receive(raw: bytes, clock, source: str = "pipe"):
    return email_receive(raw=raw, source=source, clock=clock)


def agent(world, key="l1"):
    a = world.agents[key]
    return Actor("agent", a.user_id, a.display_name)


def ack_of(ticket) -> OutboundEmail:
    return OutboundEmail.objects.get(ticket=ticket, kind="acknowledgement")


# --------------------------------------------------------------------------- who wrote


def test_a_contact_opens_a_ticket_in_their_language_with_an_acknowledgement(world, clock):
    result = receive(build_mail(), clock)
    assert result.action == "opened" and result.ticket_number == "TD-2026-000001"
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert ticket.requester == world.contacts["anna"] and ticket.account == world.accounts["rossi"]
    assert ticket.channel == "email" and not ticket.unverified and ticket.language == "it"
    message = ticket.messages.get()
    assert message.body.startswith("Il sito non risponde") and message.email_message_id
    assert message.raw_email_id == result.raw_email_id
    ack = ack_of(ticket)
    assert ack.to == "anna@rossi-shop.it" and "[TD-2026-000001]" in ack.subject
    assert ack.in_reply_to == message.email_message_id  # the acknowledgement answers the customer's mail
    raw = RawEmail.objects.get(pk=result.raw_email_id)
    assert (raw.status, raw.action, raw.ticket_id) == ("processed", "opened", ticket.pk)
    assert raw.from_email == "anna@rossi-shop.it" and raw.subject == "Sito down"


def test_a_colleague_from_a_verified_domain_is_the_customer_without_being_a_contact(world, clock):
    result = receive(build_mail(sender="Paolo Verdi <paolo@ROSSI-shop.it>"), clock)
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert ticket.account == world.accounts["rossi"] and ticket.requester is None
    assert (ticket.requester_email, ticket.requester_name) == ("paolo@rossi-shop.it", "Paolo Verdi")
    assert not ticket.unverified
    assert ack_of(ticket).to == "paolo@rossi-shop.it"
    assert "verified domain" in result.reason


def test_a_stranger_lands_in_screening_and_gets_no_acknowledgement(world, clock):
    result = receive(build_mail(sender="Someone <someone@elsewhere.example>"), clock)
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert result.action == "opened" and ticket.unverified and ticket.account is None
    assert ticket.requester_email == "someone@elsewhere.example"
    assert not OutboundEmail.objects.exists()  # no backscatter to forged senders
    assert "screening" in result.reason


def test_a_contact_of_a_disabled_account_is_a_stranger(world, clock):
    world.accounts["rossi"].is_active = False
    world.accounts["rossi"].save()
    ticket = Ticket.objects.get(number=receive(build_mail(), clock).ticket_number)
    assert ticket.unverified and ticket.account is None


def test_a_mail_from_our_own_address_is_a_loop_and_is_quarantined(world, clock, settings):
    result = receive(build_mail(sender=settings.SUPPORT_ADDRESS), clock)
    assert result.action == "quarantined" and "loop" in result.reason
    assert not Ticket.objects.exists()


# --------------------------------------------------------------------------- duplicates


def test_the_same_bytes_twice_are_a_duplicate_of_the_first(world, clock):
    raw = build_mail()
    first = receive(raw, clock)
    again = receive(raw, clock)
    assert again.action == "duplicate" and again.ticket_number == first.ticket_number
    assert again.raw_email_id == first.raw_email_id
    assert Ticket.objects.count() == 1 and OutboundEmail.objects.count() == 1


def test_the_same_mail_by_another_route_is_a_duplicate(world, clock):
    raw = build_mail(message_id="same@mail.example")
    receive(raw, clock)
    other_route = b"Delivered-To: help@triagedesk.example\r\nReceived: from mx2 by mx\r\n" + raw.replace(b"\n", b"\r\n")
    assert receive(other_route, clock).action == "duplicate"
    same_id_other_text = build_mail(message_id="same@mail.example", body="Something else entirely\n")
    assert receive(same_id_other_text, clock).action == "opened"  # a reused id with new text is no duplicate
    assert RawEmail.objects.count() == 2


def test_a_mail_stored_but_never_finished_is_finished_by_the_next_delivery(world, clock):
    from triagedesk.intake.fingerprint import fingerprint

    raw = build_mail()
    fp = fingerprint(raw)
    RawEmail.objects.create(sha256=fp.sha256, message_id=fp.message_id, body_sha256=fp.body_sha256, content=raw,
                            size=len(raw), source="pipe", received_at=clock.now)  # the crash happened here
    result = receive(raw, clock)
    assert result.action == "opened" and RawEmail.objects.get().status == "processed"


def another_worker_finishes_while_we_parse(monkeypatch):
    from triagedesk.intake.services import receive as module

    parse = module.parse_email

    def parse_while_another_worker_finishes(raw):
        # The other worker commits its result while this one is still parsing.
        RawEmail.objects.update(status="processed", action="opened")
        return parse(raw)

    monkeypatch.setattr(module, "parse_email", parse_while_another_worker_finishes)


def test_a_mail_another_worker_finished_meanwhile_opens_nothing(world, clock, monkeypatch):
    another_worker_finishes_while_we_parse(monkeypatch)
    result = receive(build_mail(), clock)
    assert result.action == "duplicate" and "opened" in result.reason
    # This worker's ticket, message and acknowledgement were rolled back with its claim.
    assert not Ticket.objects.exists() and not OutboundEmail.objects.exists()
    assert not TicketSequence.objects.filter(last__gt=0).exists()  # the number was given back too


@pytest.mark.postgres
def test_on_postgresql_a_new_mail_is_three_statements(world, clock):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    receive(build_mail(message_id="warm@mail.example"), clock)  # per-process caches
    with CaptureQueriesContext(connection) as captured:
        assert receive(build_mail(), clock).action == "opened"
    # The test's transaction turns the service's transactions into savepoints: not counted.
    statements = [q["sql"] for q in captured.captured_queries if not _not_counted(q["sql"])]
    # Store the raw mail; who is the sender; the ticket's number and rows, and the raw mail's status.
    assert len(statements) == 3, statements
    assert statements[-1].startswith("WITH ") and 'UPDATE "intake_rawemail"' in statements[-1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_new_mail_needs_no_transaction_of_its_own(world, clock, monkeypatch):
    """Outside any transaction the last statement is the whole write: no BEGIN, no COMMIT."""
    from django.db import connection

    seen = []

    def autocommit_at_each_write(execute, sql, params, many, context):
        if sql.lstrip().startswith(("INSERT", "WITH", "UPDATE")):
            seen.append((sql.lstrip()[:12], connection.get_autocommit()))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(autocommit_at_each_write):
        assert receive(build_mail(), clock).action == "opened"
    assert seen == [("INSERT INTO ", True), ("WITH r0 AS (", True)]
    # With an attachment (stored apart from that statement) a transaction holds it all.
    seen.clear()
    with connection.execute_wrapper(autocommit_at_each_write):
        raw = build_mail(message_id="att@mail.example", attachments=[("log.txt", "text/plain", b"502")])
        assert receive(raw, clock).action == "opened"
    assert seen[0][1] is True and all(not autocommit for _sql, autocommit in seen[1:])
    assert Attachment.objects.count() == 1
    # And the other worker's result still wins, with nothing written by this one.
    another_worker_finishes_while_we_parse(monkeypatch)
    result = receive(build_mail(message_id="late@mail.example"), clock)
    assert result.action == "duplicate"
    assert Ticket.objects.count() == 2 and OutboundEmail.objects.count() == 2
    assert TicketSequence.objects.get().last == 2  # no number taken


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_three_statements_of_a_new_mail_are_prepared(world, clock):
    from django.db import connection

    for k in range(3):
        assert receive(build_mail(message_id=f"prep{k}@mail.example"), clock).action == "opened"
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = sorted(" ".join(row[0].split())[:30] for row in cursor.fetchall())
    assert prepared == ['INSERT INTO "intake_rawemail" ', 'SELECT c.id, c.name, c.email, ', 'WITH r0 AS (INSERT INTO ticket']


# --------------------------------------------------------------------------- threading


def open_by_mail(clock, **kw) -> Ticket:
    return Ticket.objects.get(number=receive(build_mail(**kw), clock).ticket_number)


def test_ticket_number_in_the_subject_threads(world, clock):
    ticket = open_by_mail(clock)
    result = receive(build_mail(subject=f"Re: [{ticket.number}] Sito down", body="Ora funziona a metà."), clock)
    assert (result.action, result.ticket_number) == ("replied", ticket.number)
    assert ticket.messages.count() == 2 and OutboundEmail.objects.count() == 1  # replies are not acknowledged


def test_a_subject_number_does_not_let_another_customer_write_on_a_ticket(world, clock):
    ticket = open_by_mail(clock)
    result = receive(build_mail(sender="marie@dupont.fr", subject=f"[{ticket.number}] hello"), clock)
    assert result.action == "opened" and result.ticket_number != ticket.number


def test_in_reply_to_our_acknowledgement_threads(world, clock):
    ticket = open_by_mail(clock)
    ack = ack_of(ticket)
    result = receive(build_mail(sender="marie@dupont.fr", subject="Re: your mail", in_reply_to=ack.message_id), clock)
    assert (result.action, result.ticket_number) == ("replied", ticket.number)  # forwarded to a colleague: fine


def test_references_alone_thread(world, clock):
    ticket = open_by_mail(clock)
    ack = ack_of(ticket)
    raw = build_mail(subject="no number here", references=["unrelated@elsewhere.example", ack.message_id])
    assert receive(raw, clock).ticket_number == ticket.number


def test_a_reply_to_the_customers_own_first_mail_threads(world, clock):
    ticket = open_by_mail(clock, message_id="first@rossi-shop.it")
    raw = build_mail(sender="paolo@rossi-shop.it", subject="Re: Sito down", in_reply_to="first@rossi-shop.it")
    assert receive(raw, clock).ticket_number == ticket.number


def test_unknown_ids_open_a_new_ticket(world, clock):
    ticket = open_by_mail(clock)
    raw = build_mail(subject="Re: [TD-2026-999999] old", in_reply_to="td.td-2026-999999.abc@triagedesk.example")
    result = receive(raw, clock)
    assert result.action == "opened" and result.ticket_number != ticket.number


def test_a_customer_answer_resumes_a_ticket_waiting_for_them(world, clock):
    ticket = open_by_mail(clock)
    tickets.ticket_wait_customer(ticket=ticket, actor=agent(world), clock=clock)
    clock.advance(hours=2)
    receive(build_mail(subject=f"Re: [{ticket.number}] Sito down", body="Ecco i log."), clock)
    ticket.refresh_from_db()
    assert ticket.state == "in_progress" and ticket.paused_since is None


def resolve(world, ticket, clock):
    tickets.ticket_take(ticket=ticket, agent=world.agents["l1"], actor=agent(world), clock=clock)
    return tickets.ticket_resolve(ticket=ticket, resolution_type="answer", actor=agent(world), clock=clock)


def test_an_answer_within_the_reopen_window_reopens(world, clock, settings):
    ticket = open_by_mail(clock)
    resolve(world, ticket, clock)
    clock.advance(days=settings.TRIAGEDESK["REOPEN_DAYS"] - 1)
    result = receive(build_mail(subject=f"Re: [{ticket.number}] Sito down", body="Di nuovo giù!"), clock)
    ticket.refresh_from_db()
    assert (result.action, result.ticket_number) == ("reopened", ticket.number)
    assert ticket.state == "reopened" and ticket.is_open


def test_an_answer_after_the_reopen_window_opens_a_linked_ticket(world, clock, settings):
    old = open_by_mail(clock)
    resolve(world, old, clock)
    tickets.ticket_close(ticket=old, actor=agent(world), clock=clock)
    clock.advance(days=settings.TRIAGEDESK["REOPEN_DAYS"] + 1)
    result = receive(build_mail(subject=f"Re: [{old.number}] Sito down", body="Di nuovo giù!",
                                in_reply_to=ack_of(old).message_id), clock)
    new = Ticket.objects.get(number=result.ticket_number)
    assert result.action == "opened" and new.linked_to == old and new.pk != old.pk
    assert new.subject == "Sito down"  # the old number is gone, or the next answer would go to the old ticket
    old.refresh_from_db()
    assert old.state == "closed"
    follow = receive(build_mail(subject=f"Re: {ack_of(new).subject}", body="Grazie"), clock)
    assert (follow.action, follow.ticket_number) == ("replied", new.number)


# --------------------------------------------------------------------------- auto-replies and loops


def test_an_auto_reply_to_our_acknowledgement_is_noted_on_the_ticket_and_never_answered(world, clock):
    ticket = open_by_mail(clock)
    ack = ack_of(ticket)
    raw = build_mail(subject=f"Risposta automatica: {ack.subject}", body="Sono in ferie fino al 19.",
                     in_reply_to=ack.message_id, headers={"Auto-Submitted": "auto-replied"})
    result = receive(raw, clock)
    assert (result.action, result.ticket_number) == ("auto_reply", ticket.number)
    note = ticket.messages.get(visibility="system")
    assert "Sono in ferie" in note.body and ticket.messages.filter(visibility="public").count() == 1
    assert OutboundEmail.objects.count() == 1
    ticket.refresh_from_db()
    assert ticket.state == "triaged"


def test_an_unthreaded_auto_reply_opens_nothing(world, clock):
    raw = build_mail(subject="Out of office: something", headers={"Auto-Submitted": "auto-replied"})
    result = receive(raw, clock)
    assert (result.action, result.ticket_number) == ("auto_reply", None)
    assert not Ticket.objects.exists() and RawEmail.objects.get().action == "auto_reply"


def test_outlook_out_of_office_in_italian_is_an_auto_reply(world, clock):
    result = receive((FIXTURES / "it_outlook_oof.eml").read_bytes(), clock)
    assert result.action == "auto_reply" and not Ticket.objects.exists() and not OutboundEmail.objects.exists()


# --------------------------------------------------------------------------- throttling


def test_a_sender_over_the_hourly_limit_is_held_for_agents(world, clock, settings):
    settings.TRIAGEDESK = {**settings.TRIAGEDESK, "MAX_NEW_TICKETS_PER_SENDER_HOUR": 3}
    results = [receive(build_mail(subject=f"alert {i}"), clock) for i in range(5)]
    assert [r.action for r in results] == ["opened"] * 3 + ["quarantined"] * 2
    assert results[3].reason.startswith("throttled")
    held = RawEmail.objects.filter(status="quarantined")
    assert held.count() == 2 and all(r.reason.startswith("throttled") for r in held)
    assert OutboundEmail.objects.count() == 3
    assert AuditEvent.objects.filter(verb="email.quarantined").count() == 2
    # an hour later the sender is welcome again; replies are never throttled
    ticket = Ticket.objects.first()
    assert receive(build_mail(subject=f"Re: [{ticket.number}] x", body="more"), clock).action == "replied"
    clock.advance(minutes=61)
    assert receive(build_mail(subject="alert 6"), clock).action == "opened"
    # an agent lets a held mail in: the throttle does not apply to that decision
    released = raw_email_reprocess(raw_email_id=results[3].raw_email_id, actor=agent(world), clock=clock)
    assert released.action == "opened"


# --------------------------------------------------------------------------- quarantine


def test_an_unparseable_mail_is_kept_listed_and_can_be_processed_again(world, clock):
    from triagedesk.intake.selectors import raw_emails_quarantined

    result = receive(b"\x00\x01 not a mail, no headers at all\r\n", clock)
    assert result.action == "quarantined" and result.reason.startswith("unparseable")
    assert [r.pk for r in raw_emails_quarantined()] == [result.raw_email_id]
    again = raw_email_reprocess(raw_email_id=result.raw_email_id, actor=agent(world), clock=clock)
    assert again.action == "quarantined"  # still not a mail: still kept
    assert AuditEvent.objects.filter(verb="email.reprocessed", subject_id=result.raw_email_id).exists()


def test_a_processing_failure_is_quarantined_then_reprocessed_when_fixed(world, clock, settings, tmp_path):
    media = settings.MEDIA_ROOT
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "files"  # the attachment store cannot write: processing fails
    result = receive(build_mail(attachments=[("log.txt", "text/plain", b"error 502")]), clock)
    assert result.action == "quarantined" and "processing failed" in result.reason
    assert not Ticket.objects.exists() and not OutboundEmail.objects.exists()  # all or nothing
    settings.MEDIA_ROOT = media
    again = raw_email_reprocess(raw_email_id=result.raw_email_id, actor=agent(world), clock=clock)
    assert again.action == "opened" and Attachment.objects.get().filename == "log.txt"


def test_reprocessing_a_processed_mail_is_refused(world, clock):
    from triagedesk.core.errors import DomainError

    result = receive(build_mail(), clock)
    with pytest.raises(DomainError, match="already processed"):
        raw_email_reprocess(raw_email_id=result.raw_email_id, actor=agent(world), clock=clock)


def test_an_empty_mail_is_refused(world, clock):
    from triagedesk.core.errors import DomainError

    with pytest.raises(DomainError):
        receive(b"  \r\n", clock)


# --------------------------------------------------------------------------- attachments


def test_attachments_are_kept_and_one_over_the_limit_is_dropped_with_a_note(world, clock, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    raw = build_mail(attachments=[("log.txt", "text/plain", b"error 502\n" * 10),
                                  ("dump.sql", "application/octet-stream", b"x" * 5000)],
                     html="<p>Il sito <b>non</b> risponde</p>")
    result = receive(raw, clock)
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert result.action == "opened"
    assert list(Attachment.objects.values_list("filename", "size")) == [("log.txt", 100)]
    note = ticket.messages.get(visibility="internal")
    assert "dump.sql" in note.body and "5,000 bytes" in note.body
    assert "<b>non</b>" in ticket.messages.get(visibility="public").body_html


def test_inline_images_are_stored_as_inline_attachments(world, clock):
    from email.message import EmailMessage
    from email.utils import make_msgid

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "anna@rossi-shop.it", "support@triagedesk.example", "screenshot"
    msg["Message-ID"] = make_msgid()
    msg.set_content("see the screenshot")
    msg.add_alternative('<p>see <img src="cid:shot@x"></p>', subtype="html")
    msg.get_payload()[1].add_related(b"\x89PNG\r\n\x1a\n" + b"0" * 64, maintype="image", subtype="png", cid="<shot@x>",
                                     filename="shot.png")
    receive(msg.as_bytes(), clock)
    image = Attachment.objects.get()
    assert image.inline and image.content_type == "image/png" and image.content_id.strip("<>") == "shot@x"


# --------------------------------------------------------------------------- charsets and real clients


def start_at(number: int) -> None:
    TicketSequence.objects.update_or_create(year=2026, defaults={"last": number - 1})


def test_italian_iso_8859_1_mail(world, clock):
    result = receive((FIXTURES / "it_iso8859_qp.eml").read_bytes(), clock)
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert ticket.subject == "Il sito è down da stamattina, è urgente!"
    assert ticket.requester_name == "Niccolò Ferrà" and ticket.requester_email == "niccolo@ferra-calzature.example"
    body = ticket.messages.get().body
    assert "non si apre più" in body and "perché" in body and "È un problema" in body


def test_french_windows_1252_reply_lands_on_its_ticket(world, clock):
    from triagedesk.accounts import services as acc

    account = acc.account_create(code="C1003", name="Boutique Lefèvre", plan=world.plans["standard"], language="fr",
                                 domains=["boutique-lefevre.example"])
    start_at(118)
    ticket = tickets.ticket_open(subject="Mise à jour PHP", body="Merci de mettre à jour PHP", channel="portal",
                                 account=account, requester_email="helene.lefevre@boutique-lefevre.example",
                                 actor=Actor.system(), clock=clock)
    assert ticket.number == "TD-2026-000118"
    result = receive((FIXTURES / "fr_cp1252_reply.eml").read_bytes(), clock)
    assert (result.action, result.ticket_number) == ("replied", ticket.number)
    message = ticket.messages.order_by("-id").first()
    assert message.author_name == "Hélène Lefèvre"
    assert "ne s’affiche plus" in message.body and "300 €" in message.body
    assert "Madame Lefèvre" in message.quoted and "Madame" not in message.body


def test_russian_koi8_r_mail(world, clock):
    ticket = Ticket.objects.get(number=receive((FIXTURES / "ru_koi8r.eml").read_bytes(), clock).ticket_number)
    assert ticket.subject == "Не работает почта"
    assert ticket.requester_name == "Иван Петров"
    assert "Здравствуйте" in ticket.messages.get().body


def test_gmail_multipart_alternative_reply_keeps_the_text_and_folds_the_quote(world, clock):
    from triagedesk.accounts import services as acc

    account = acc.account_create(code="C1004", name="Anna's Bakery", plan=world.plans["standard"], language="en")
    anna = acc.contact_create(account=account, name="Anna Schmidt", email="anna.schmidt@gmail.com")
    start_at(123)
    ticket = tickets.ticket_open(subject="Database connection errors on www.anna-bakery.example", body="errors",
                                 channel="email", requester=anna, actor=Actor.system(), clock=clock)
    result = receive((FIXTURES / "gmail_alternative_reply.eml").read_bytes(), clock)
    assert (result.action, result.ticket_number) == ("replied", ticket.number)
    message = ticket.messages.order_by("-id").first()
    assert message.author_contact == anna
    assert "the errors are back since 09:00" in message.body and "we restarted" not in message.body
    assert "we restarted the database cluster" in message.quoted
    assert message.body_html and "<script" not in message.body_html.lower()


def _not_counted(sql: str) -> bool:
    """The test's own savepoints, and the id pool's refill (once every core.rows.ID_BLOCK rows)."""
    return "SAVEPOINT" in sql or "FROM generate_series" in sql
