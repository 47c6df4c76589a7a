"""Polling IMAP mailboxes: fetch new mail, hand it to ``email_receive``, then mark it.

The order matters: a mail is flagged (or moved) only after ``email_receive``
returned, that is after it was committed. A crash in between means the mail is
fetched again next time and recognised as a duplicate; never that a mail is
marked done without being in the desk.

UIDs are only a bookmark. When the server's UIDVALIDITY changes (the folder
was rebuilt), every UID is new: start again from zero and let duplicate
detection skip what we already have.
"""

from __future__ import annotations

import logging
import os
import ssl as ssl_module
from dataclasses import dataclass, field

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError

from .models import Mailbox
from .services import DATABASE_DOWN, email_receive, mailbox_bookmark, mailbox_claim, mailbox_release

log = logging.getLogger(__name__)

PROCESSED_KEYWORD = "TriagedeskProcessed"
FETCH_BATCH = 25
TIMEOUT_SECONDS = 60


@dataclass
class PollReport:
    mailbox: str
    fetched: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    uidvalidity_reset: bool = False
    skipped: bool = False  # another poller held the mailbox

    def count(self, action: str) -> None:
        self.actions[action] = self.actions.get(action, 0) + 1


def mailbox_password(mailbox: Mailbox) -> str:
    """The stored password, or ``env:NAME`` read from the environment (kept out of the database)."""
    if mailbox.password.startswith("env:"):
        return os.environ.get(mailbox.password[4:], "")
    return mailbox.password


def connect(mailbox: Mailbox) -> IMAPClient:
    context = ssl_module.create_default_context()
    client = IMAPClient(mailbox.host, port=mailbox.port, ssl=mailbox.ssl, ssl_context=context if mailbox.ssl else None,
                        timeout=TIMEOUT_SECONDS)
    if mailbox.starttls and not mailbox.ssl:
        client.starttls(context)
    client.login(mailbox.username, mailbox_password(mailbox))
    return client


def poll_mailbox(mailbox: Mailbox, clock: Clock = system_clock) -> PollReport:
    """Process every new mail of one mailbox. Errors on one mail do not stop the others."""
    report = PollReport(mailbox.name)
    if not mailbox_claim(mailbox=mailbox, now=clock()):
        report.skipped = True
        return report
    error = ""
    try:
        with connect(mailbox) as client:
            _poll(client, mailbox, report, clock)
            client.logout()
    except DATABASE_DOWN:
        error = "database unreachable: will retry at the next poll"
        raise
    except (IMAPClientError, OSError, ssl_module.SSLError) as exc:
        # The server's words, never our credentials (imapclient does not echo them).
        error = f"{type(exc).__name__}: {exc}"
        log.warning("IMAP mailbox %s: %s", mailbox.name, error)
        report.errors.append(error)
    finally:
        if report.errors and not error:
            error = f"{len(report.errors)} mail(s) failed: {report.errors[0]}"
        try:
            mailbox_release(mailbox=mailbox, now=clock(), error=error)
        except DATABASE_DOWN:  # the lease runs out by itself
            pass
    return report


def _poll(client: IMAPClient, mailbox: Mailbox, report: PollReport, clock: Clock) -> None:
    info = client.select_folder(mailbox.folder)
    uidvalidity = int(info[b"UIDVALIDITY"])
    last_uid = mailbox.last_uid
    if mailbox.uidvalidity is not None and mailbox.uidvalidity != uidvalidity:
        log.warning("IMAP mailbox %s: UIDVALIDITY changed (%s -> %s), rescanning the folder",
                    mailbox.name, mailbox.uidvalidity, uidvalidity)
        report.uidvalidity_reset = True
        last_uid = 0
    if mailbox.uidvalidity != uidvalidity:
        mailbox_bookmark(mailbox=mailbox, uidvalidity=uidvalidity, last_uid=last_uid)
    move = bool(mailbox.processed_folder)
    if move and not client.folder_exists(mailbox.processed_folder):
        client.create_folder(mailbox.processed_folder)
    criteria: list = ["UID", f"{last_uid + 1}:*", "NOT", "DELETED"]
    if not move:
        criteria += ["NOT", "KEYWORD", PROCESSED_KEYWORD]
    # "n:*" always matches the highest UID, even when it is below n.
    uids = sorted(uid for uid in client.search(criteria) if uid > last_uid)
    failed_before = False
    for start in range(0, len(uids), FETCH_BATCH):
        batch = uids[start:start + FETCH_BATCH]
        fetched = client.fetch(batch, ["BODY.PEEK[]"])
        for uid in batch:
            raw = (fetched.get(uid) or {}).get(b"BODY[]")
            if raw is None:  # expunged by someone else meanwhile
                continue
            report.fetched += 1
            action = _receive(raw, uid, mailbox, report, clock)
            if action is None:
                failed_before = True  # left unmarked: fetched again at the next poll
                continue
            report.count(action)
            _mark_done(client, uid, mailbox)
            if not failed_before:
                # The bookmark moves only over an unbroken run, so a failed mail is not skipped.
                mailbox_bookmark(mailbox=mailbox, uidvalidity=uidvalidity, last_uid=uid)


def _receive(raw: bytes, uid: int, mailbox: Mailbox, report: PollReport, clock: Clock) -> str | None:
    """The action for one fetched mail; None when it failed and must be tried again."""
    try:
        return email_receive(raw=raw, source=f"imap:{mailbox.name}"[:32], clock=clock).action
    except DATABASE_DOWN:
        raise
    except DomainError as exc:  # an empty mail: nothing to keep, nothing to retry
        report.errors.append(f"uid {uid}: {exc}")
        return "rejected"
    except Exception as exc:  # noqa: BLE001 - one broken mail must not block the mailbox
        log.exception("IMAP mailbox %s: uid %s failed", mailbox.name, uid)
        report.errors.append(f"uid {uid}: {type(exc).__name__}: {exc}")
        return None


def _mark_done(client: IMAPClient, uid: int, mailbox: Mailbox) -> None:
    if mailbox.processed_folder:
        if client.has_capability("MOVE"):
            client.move([uid], mailbox.processed_folder)
        else:
            client.copy([uid], mailbox.processed_folder)
            client.delete_messages([uid])
            if client.has_capability("UIDPLUS"):
                client.uid_expunge([uid])
            else:
                client.expunge()
    else:
        client.add_flags([uid], [b"\\Seen", PROCESSED_KEYWORD.encode()])


def poll_all(clock: Clock = system_clock) -> list[PollReport]:
    from .selectors import mailboxes_due

    reports = []
    for mailbox in mailboxes_due():
        try:
            reports.append(poll_mailbox(mailbox, clock))
        except DATABASE_DOWN:
            raise
        except Exception:  # noqa: BLE001 - one broken mailbox must not stop the others
            log.exception("IMAP mailbox %s: poll failed", mailbox.name)
    return reports
