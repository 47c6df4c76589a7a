"""The email channel end to end, with real parts: an SMTP/LMTP listener on loopback, the desk's
outbound mail caught by a real SMTP server, and the ``triagedesk mail-in`` console script."""

from __future__ import annotations

import json
import smtplib
from datetime import datetime, timezone

import pytest

from triagedesk.core.audit import Actor
from triagedesk.core.testing import run_queued_tasks
from triagedesk.intake.lmtp import IntakeController
from triagedesk.intake.models import RawEmail
from triagedesk.tickets import services as tickets
from triagedesk.tickets.models import Ticket
from triagedesk.tickets.presenters import local_time
from triagedesk.triage.codes import Code

from .mails import build_mail, reply_to
from .processes import child_env, closed_port, free_port, run, shared_database, start_listener

CUSTOMER = "anna@rossi-shop.it"


@pytest.fixture
def listener(transactional_db):
    controller = IntakeController(host="127.0.0.1", port=free_port(), lmtp=False, workers=2)
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


def later() -> datetime:
    return datetime(2100, 1, 1, tzinfo=timezone.utc)  # every queued task is due


def test_a_mail_becomes_a_ticket_is_acknowledged_answered_and_the_answer_threads_back(
        world, listener, smtp_sink, tmp_path):
    # 1. The customer writes; the MTA hands the mail to our listener over SMTP.
    with smtplib.SMTP(listener.hostname, listener.port, timeout=30) as smtp:
        refused = smtp.sendmail(CUSTOMER, ["support@triagedesk.example"],
                                build_mail(subject="Sito down", body="Il sito non risponde, errore 502."))
        assert refused == {}
    ticket = Ticket.objects.get()
    assert ticket.requester.email == CUSTOMER and ticket.channel == "email"

    # 2. The worker sends the acknowledgement, in the contact's language, with the code and the target.
    run_queued_tasks(now=later())
    [ack] = smtp_sink.by_recipient(CUSTOMER)
    assert f"[{ticket.number}]" in ack["Subject"]
    body = ack.get_content()
    assert Code(ticket.code).label("it") in body
    assert local_time(ticket.due_at, ticket.account.time_zone) in body
    assert "abbiamo ricevuto la tua richiesta" in body  # Italian, like Anna
    assert ack["Auto-Submitted"] == "auto-replied"

    # 3. An agent answers; the answer is threaded under the acknowledgement.
    agent = world.agents["l1"]
    tickets.ticket_reply(ticket=ticket, agent=agent, body="Abbiamo riavviato PHP-FPM, ora risponde.",
                         actor=Actor("agent", agent.user_id, agent.display_name))
    run_queued_tasks(now=later())
    reply = smtp_sink.by_recipient(CUSTOMER)[-1]
    assert reply["In-Reply-To"] == ack["Message-ID"]
    assert ack["Message-ID"] in reply["References"]
    assert f"[{ticket.number}]" in reply["Subject"] and "Auto-Submitted" not in reply

    # 4. The customer presses Reply; the MTA pipes it to the real `triagedesk mail-in`.
    answer = reply_to(reply, sender=f"Anna Rossi <{CUSTOMER}>", body="Confermo, funziona. Grazie!")
    with shared_database(tmp_path) as url:
        done = run(["mail-in"], env=child_env(url, tmp_path / "data"), stdin=answer)
    assert done.returncode == 0, done.stderr.decode()
    lines = done.stdout.decode().strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == {"action": "replied", "ticket": ticket.number,
                                    "reason": "by ticket number in the subject"}
    last = ticket.messages.order_by("-id").first()
    assert last.body.startswith("Confermo, funziona") and last.author_contact == world.contacts["anna"]
    assert "Abbiamo riavviato PHP-FPM" in last.quoted
    assert RawEmail.objects.get(ticket=ticket, source="pipe").action == "replied"


def test_mail_in_says_tempfail_when_the_database_is_unreachable(tmp_path):
    url = f"postgres://postgres@127.0.0.1:{closed_port()}/nowhere"
    done = run(["mail-in"], env=child_env(url, tmp_path / "data"), stdin=build_mail())
    assert done.returncode == 75, done.stderr.decode()
    reply = json.loads(done.stdout.decode())
    assert reply["action"] == "tempfail" and "database unreachable" in reply["reason"]


def test_mail_in_refuses_an_empty_stdin_with_a_data_error(tmp_path):
    done = run(["mail-in"], env=child_env(f"sqlite:///{tmp_path / 'x.sqlite3'}", tmp_path / "data"), stdin=b"\n")
    assert done.returncode == 65
    assert json.loads(done.stdout.decode())["action"] == "rejected"


def test_mail_in_keeps_an_unparseable_mail_and_exits_zero(transactional_db, tmp_path):
    with shared_database(tmp_path) as url:
        done = run(["mail-in"], env=child_env(url, tmp_path / "data"), stdin=b"\x00garbage without any header\n")
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout.decode())["action"] == "quarantined"
    assert RawEmail.objects.get().status == "quarantined"


def test_lmtp_answers_per_recipient_and_a_duplicate_is_accepted(world, transactional_db):
    controller = IntakeController(host="127.0.0.1", port=free_port(), lmtp=True, workers=1)
    controller.start()
    try:
        raw = build_mail(body="Il certificato SSL è scaduto.")
        with smtplib.LMTP(controller.hostname, controller.port, timeout=30) as lmtp:
            assert lmtp.sendmail(CUSTOMER, ["support@triagedesk.example"], raw) == {}
            code, _ = lmtp.noop()
            assert code == 250  # the session is still in step: one answer per recipient
            assert lmtp.sendmail(CUSTOMER, ["support@triagedesk.example"], raw) == {}
    finally:
        controller.stop()
    assert Ticket.objects.count() == 1
    assert list(RawEmail.objects.values_list("action", flat=True)) == ["opened"]


def test_lmtp_server_defers_mail_while_the_database_is_down(tmp_path):
    port = free_port()
    url = f"postgres://postgres@127.0.0.1:{closed_port()}/nowhere"
    server = start_listener(["lmtp_server", "--port", str(port), "--smtp"], child_env(url, tmp_path / "data"),
                            within=30)
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
            with pytest.raises(smtplib.SMTPDataError) as refused:
                smtp.sendmail(CUSTOMER, ["support@triagedesk.example"], build_mail())
        assert refused.value.smtp_code == 451  # the MTA keeps the mail and tries again
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_two_listeners_share_a_port_and_both_take_mail(world, transactional_db):
    """reuse_port (lmtp_server --processes N): one port, the kernel spreads the sessions."""
    port = free_port()
    listeners = [IntakeController(host="127.0.0.1", port=port, lmtp=True, workers=1, reuse_port=True)
                 for _ in range(2)]
    for controller in listeners:
        controller.start()  # the second would fail with "address in use" without SO_REUSEPORT
    try:
        for k in range(6):
            with smtplib.LMTP("127.0.0.1", port, timeout=30) as lmtp:
                raw = build_mail(body=f"Il sito non risponde ({k}).", message_id=f"share{k}@mail.example")
                assert lmtp.sendmail(CUSTOMER, ["support@triagedesk.example"], raw) == {}
    finally:
        for controller in listeners:
            controller.stop()
    assert Ticket.objects.count() == 6


def test_lmtp_server_with_two_processes_takes_mail_and_stops_on_sigterm(world, transactional_db, tmp_path):
    import signal

    port = free_port()
    with shared_database(tmp_path) as url:
        server = start_listener(["lmtp_server", "--port", str(port), "--processes", "2"],
                                child_env(url, tmp_path / "data"))
        try:
            for k in range(4):
                with smtplib.LMTP("127.0.0.1", port, timeout=60) as lmtp:
                    raw = build_mail(body=f"Le mail non partono ({k}).", message_id=f"pre{k}@mail.example")
                    assert lmtp.sendmail(CUSTOMER, ["support@triagedesk.example"], raw) == {}
        finally:
            server.send_signal(signal.SIGTERM)
            out, err = server.communicate(timeout=60)
        assert server.returncode == 0, err.decode()
        assert out.decode().count("intake listening on") == 2 and out.decode().count("intake stopped") == 2
    assert Ticket.objects.count() == 4
