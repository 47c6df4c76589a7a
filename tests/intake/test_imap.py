"""Polling a real IMAP server (a private dovecot): tickets, flags or moves, bookmarks, UIDVALIDITY."""

from __future__ import annotations

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from triagedesk.core.audit import Actor
from triagedesk.core.testing import run_queued_tasks
from triagedesk.intake.imap import PROCESSED_KEYWORD, poll_mailbox
from triagedesk.intake.models import Mailbox, RawEmail
from triagedesk.intake.services import mailbox_create
from triagedesk.tickets.models import Ticket

from .mails import build_mail

pytestmark = pytest.mark.django_db


def make_mailbox(imap_server, clock, **kw) -> Mailbox:
    return mailbox_create(name=kw.pop("name", "support"), host=imap_server.host, port=imap_server.port, ssl=False,
                          username=imap_server.username, password=imap_server.password, actor=Actor.system(),
                          at=clock.now, **kw)


def append(imap_server, *mails: bytes, folder: str = "INBOX") -> None:
    with imap_server.client() as client:
        if not client.folder_exists(folder):
            client.create_folder(folder)
        for raw in mails:
            client.append(folder, raw)


def flags_by_uid(imap_server, folder: str = "INBOX") -> dict[int, set[bytes]]:
    with imap_server.client() as client:
        client.select_folder(folder, readonly=True)
        return {uid: set(flags) for uid, flags in client.get_flags(client.search("ALL")).items()}


def test_new_mail_becomes_tickets_and_is_flagged_only_after_it_is_in_the_desk(world, clock, imap_server):
    mailbox = make_mailbox(imap_server, clock)
    append(imap_server,
           build_mail(subject="Sito down"),
           build_mail(sender="someone@elsewhere.example", subject="Preventivo"),
           b"this is not a mail at all\r\n",
           b"\r\n")
    report = poll_mailbox(mailbox, clock)
    assert report.fetched == 4
    assert report.actions == {"opened": 2, "quarantined": 1, "rejected": 1}
    assert Ticket.objects.count() == 2
    assert set(RawEmail.objects.values_list("source", flat=True)) == {"imap:support"}
    flags = flags_by_uid(imap_server)
    assert all({b"\\Seen", PROCESSED_KEYWORD.encode()} <= f for f in flags.values())
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 4 and mailbox.uidvalidity and mailbox.last_error.startswith("1 mail(s)")
    assert mailbox.locked_until is None and mailbox.last_polled_at == clock.now

    append(imap_server, build_mail(subject="Ancora giù", body="di nuovo"))
    again = poll_mailbox(mailbox, clock)
    assert again.fetched == 1 and again.actions == {"opened": 1}  # only what is new


def test_processed_mail_can_be_moved_to_a_folder(world, clock, imap_server):
    mailbox = make_mailbox(imap_server, clock, processed_folder="Processed")
    append(imap_server, build_mail(subject="uno"), build_mail(subject="due"))
    assert poll_mailbox(mailbox, clock).actions == {"opened": 2}
    with imap_server.client() as client:
        assert client.select_folder("INBOX")[b"EXISTS"] == 0
        assert client.select_folder("Processed")[b"EXISTS"] == 2


def test_a_new_uidvalidity_rescans_the_folder_and_duplicates_are_recognised(world, clock, imap_server):
    mailbox = make_mailbox(imap_server, clock, folder="Support")
    first, second = build_mail(subject="uno"), build_mail(subject="due")
    append(imap_server, first, second, folder="Support")
    assert poll_mailbox(mailbox, clock).actions == {"opened": 2}
    mailbox.refresh_from_db()
    old_validity = mailbox.uidvalidity
    with imap_server.client() as client:  # the folder is rebuilt: UIDs start again at 1
        client.delete_folder("Support")
        client.create_folder("Support")
    append(imap_server, first, second, build_mail(subject="tre"), folder="Support")
    report = poll_mailbox(mailbox, clock)
    assert report.uidvalidity_reset
    assert report.actions == {"duplicate": 2, "opened": 1}
    mailbox.refresh_from_db()
    assert mailbox.uidvalidity != old_validity and mailbox.last_uid == 3
    assert Ticket.objects.count() == 3


def test_a_mailbox_held_by_another_poller_is_skipped(world, clock, imap_server):
    mailbox = make_mailbox(imap_server, clock)
    Mailbox.objects.filter(pk=mailbox.pk).update(locked_until=clock.now + timedelta(minutes=5))
    append(imap_server, build_mail())
    report = poll_mailbox(mailbox, clock)
    assert report.skipped and report.fetched == 0 and not Ticket.objects.exists()
    clock.advance(minutes=11)
    assert poll_mailbox(mailbox, clock).actions == {"opened": 1}  # a crashed poller's lease runs out


def test_wrong_credentials_are_recorded_on_the_mailbox_without_the_password(world, clock, imap_server, caplog):
    mailbox = make_mailbox(imap_server, clock)
    Mailbox.objects.filter(pk=mailbox.pk).update(password="wrong-Secret-99")
    mailbox.refresh_from_db()
    with caplog.at_level(logging.DEBUG):
        report = poll_mailbox(mailbox, clock)
    assert report.errors and not Ticket.objects.exists()
    mailbox.refresh_from_db()
    assert "LoginError" in mailbox.last_error
    assert "wrong-Secret-99" not in mailbox.last_error + caplog.text + repr(mailbox) + str(mailbox)


def test_the_password_can_come_from_the_environment(world, clock, imap_server, monkeypatch):
    monkeypatch.setenv("TD_TEST_IMAP_PASSWORD", imap_server.password)
    mailbox = make_mailbox(imap_server, clock)
    Mailbox.objects.filter(pk=mailbox.pk).update(password="env:TD_TEST_IMAP_PASSWORD")
    mailbox.refresh_from_db()
    append(imap_server, build_mail())
    assert poll_mailbox(mailbox, clock).actions == {"opened": 1}


def test_the_scheduler_polls_through_the_task_worker_and_the_command_polls_once(world, clock, imap_server):
    make_mailbox(imap_server, clock)
    append(imap_server, build_mail(subject="uno"))
    call_command("scheduler", once=True)
    run_queued_tasks()
    assert Ticket.objects.count() == 1
    append(imap_server, build_mail(subject="due"))
    out = StringIO()
    call_command("imap_poll", once=True, stdout=out)
    assert "support: 1 fetched: opened 1" in out.getvalue()
    assert Ticket.objects.count() == 2
