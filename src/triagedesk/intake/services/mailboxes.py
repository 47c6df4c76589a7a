"""Writes to IMAP mailboxes: created by an admin, then only the poller's bookmarks change."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q

from triagedesk.core.audit import Actor, audit_record
from triagedesk.core.errors import DomainError

from ..models import Mailbox

LEASE = timedelta(minutes=10)  # longer than any sane poll; a crashed poller frees the mailbox after it


def mailbox_create(*, name: str, host: str, username: str, password: str, actor: Actor, at: datetime,
                   port: int | None = None, ssl: bool = True, starttls: bool = False, folder: str = "INBOX",
                   processed_folder: str = "") -> Mailbox:
    if ssl and starttls:
        raise DomainError("choose implicit TLS (ssl) or STARTTLS, not both")
    if Mailbox.objects.filter(name=name).exists():
        raise DomainError(f"a mailbox called {name} already exists")
    with transaction.atomic():
        mailbox = Mailbox.objects.create(
            name=name, host=host, port=port or (993 if ssl else 143), ssl=ssl, starttls=starttls, username=username,
            password=password, folder=folder or "INBOX", processed_folder=processed_folder)
        # The password stays out of the trail, like out of the logs.
        audit_record(at=at, actor=actor, verb="mailbox.created", subject_type="mailbox", subject_id=mailbox.pk,
                     data={"name": name, "host": host, "port": mailbox.port, "username": username, "folder": folder})
    return mailbox


def mailbox_claim(*, mailbox: Mailbox, now: datetime) -> bool:
    """Take the mailbox for one poll; False when another poller holds it."""
    return bool(Mailbox.objects.filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now), pk=mailbox.pk,
                                       is_active=True).update(locked_until=now + LEASE))


def mailbox_bookmark(*, mailbox: Mailbox, uidvalidity: int, last_uid: int) -> None:
    """Everything up to ``last_uid`` is in the desk (the mails themselves are already committed)."""
    Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=uidvalidity, last_uid=last_uid)
    mailbox.uidvalidity, mailbox.last_uid = uidvalidity, last_uid


def mailbox_release(*, mailbox: Mailbox, now: datetime, error: str = "") -> None:
    Mailbox.objects.filter(pk=mailbox.pk).update(locked_until=None, last_polled_at=now, last_error=error[:2000])
    mailbox.locked_until, mailbox.last_polled_at, mailbox.last_error = None, now, error[:2000]
