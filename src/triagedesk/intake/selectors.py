"""Reads the mail intake needs: who wrote, which ticket a mail continues, what agents must look at."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from django.conf import settings
from django.db import connection
from django.db.models.signals import post_delete, post_save

from triagedesk.accounts.models import Account, Contact, EmailDomain, Plan, Team
from triagedesk.core.rows import prepared_cursor
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets.models import Message, Ticket

from .models import Mailbox, RawEmail
from .threading import thread_message_ids, ticket_numbers_in_subject


@dataclass(frozen=True)
class Sender:
    """Who wrote a mail, as far as the desk knows them."""

    email: str
    name: str
    contact: Contact | None = None
    account: Account | None = None
    recent_tickets: int = 0  # tickets this address opened by mail in the last hour (throttling)

    @property
    def known(self) -> bool:
        return self.account is not None


# Accounts change rarely and every mail of a customer needs theirs (plan, team, language):
# cached per process like the SLA policy, dropped on any local save, at most this old elsewhere.
ACCOUNT_CACHE_SECONDS = 30.0
_accounts: dict[int, tuple[float, Account]] = {}
_accounts_lock = threading.Lock()


def account_cached(account_id: int) -> Account | None:
    now = time.monotonic()
    with _accounts_lock:
        hit = _accounts.get(account_id)
    if hit and now - hit[0] < ACCOUNT_CACHE_SECONDS:
        return hit[1]
    account = Account.objects.select_related("plan", "team").filter(pk=account_id).first()
    if account is not None:
        with _accounts_lock:
            _accounts[account_id] = (now, account)
    return account


def clear_account_cache(**_kwargs) -> None:
    with _accounts_lock:
        _accounts.clear()


for _model in (Account, Team, Plan):
    post_save.connect(clear_account_cache, sender=_model, dispatch_uid=f"intake-accounts-{_model.__name__}-save")
    post_delete.connect(clear_account_cache, sender=_model, dispatch_uid=f"intake-accounts-{_model.__name__}-delete")


def _identify_sql() -> str:
    """One round trip for the three facts every mail needs.

    Written in SQL because the ORM cannot say "this contact, or else that
    domain" in one query, and this runs for every mail. ``LOWER(email) = %s``
    is the very expression of the contacts' unique index.
    """
    contact, account, domain, ticket = (m._meta.db_table for m in (Contact, Account, EmailDomain, Ticket))
    return f"""
        SELECT c.id, c.name, c.email, c.language, c.phone, c.user_id, c.account_id,
               (SELECT d.account_id FROM {domain} d JOIN {account} da ON da.id = d.account_id
                 WHERE d.domain = %s AND d.verified AND da.is_active LIMIT 1),
               (SELECT COUNT(*) FROM {ticket} t
                 WHERE t.requester_email = %s AND t.channel = 'email' AND t.opened_at >= %s)
          FROM (SELECT 1) AS one
          LEFT JOIN ({contact} c JOIN {account} ca ON ca.id = c.account_id AND ca.is_active)
            ON LOWER(c.email) = %s AND c.is_active
         LIMIT 1"""


def sender_identify(email: str | None, name: str = "", *, since: datetime | None = None) -> Sender:
    """A contact by address, else an account by verified domain, else a stranger;
    with the number of tickets the address opened by mail since ``since``."""
    address = (email or "").strip().lower()
    if not address:
        return Sender("", name)
    since = since or datetime(1970, 1, 1, tzinfo=timezone.utc)
    with prepared_cursor() as cursor:
        cursor.execute(_identify_sql(), [address.rpartition("@")[2], address,
                                        connection.ops.adapt_datetimefield_value(since), address])
        contact_id, c_name, c_email, c_language, c_phone, c_user, c_account, domain_account, recent = cursor.fetchone()
    if contact_id is not None:
        account = account_cached(c_account)
        if account is not None:
            contact = Contact(id=contact_id, name=c_name, email=c_email, language=c_language, phone=c_phone,
                              user_id=c_user, account_id=c_account, is_active=True)
            contact._state.adding, contact._state.db = False, connection.alias
            contact.account = account
            return Sender(address, name or contact.name, contact, account, recent)
    account = account_cached(domain_account) if domain_account is not None else None
    return Sender(address, name, None, account, recent)


def ticket_by_subject(subject: str) -> list[Ticket]:
    """Tickets named in the subject, in the order they appear there."""
    numbers = ticket_numbers_in_subject(subject, settings.TRIAGEDESK["TICKET_PREFIX"])
    if not numbers:
        return []
    found = {t.number: t for t in Ticket.objects.select_related("account").filter(number__in=numbers)}
    return [found[n] for n in numbers if n in found]


def ticket_by_message_ids(in_reply_to: list[str], references: list[str]) -> Ticket | None:
    """The ticket of the newest referenced mail that we sent or that is already on a ticket."""
    ids = thread_message_ids(in_reply_to, references)
    if not ids:
        return None
    owners: dict[str, int] = {}
    for mid, ticket_id in OutboundEmail.objects.filter(message_id__in=ids, ticket__isnull=False).values_list(
            "message_id", "ticket_id"):
        owners.setdefault(mid, ticket_id)
    missing = [mid for mid in ids if mid not in owners]
    if missing:
        for mid, ticket_id in Message.objects.filter(email_message_id__in=missing).values_list(
                "email_message_id", "ticket_id"):
            owners.setdefault(mid, ticket_id)
    ticket_id = next((owners[mid] for mid in ids if mid in owners), None)
    return Ticket.objects.select_related("account").filter(pk=ticket_id).first() if ticket_id else None


def outbound_by_message_ids(ids: list[str]) -> OutboundEmail | None:
    """Our mail that a delivery report is about: the first id that matches wins."""
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return None
    rows = {e.message_id: e for e in OutboundEmail.objects.select_related("ticket").filter(message_id__in=ids)}
    return next((rows[i] for i in ids if i in rows), None)


def raw_emails_quarantined(limit: int = 200) -> list[RawEmail]:
    """Mails agents must look at: unparseable, throttled, or failed while processing."""
    return list(RawEmail.objects.defer("content").filter(status=RawEmail.Status.QUARANTINED)
                .order_by("-received_at")[:limit])


def mailboxes_due() -> list[Mailbox]:
    return list(Mailbox.objects.filter(is_active=True).order_by("name"))


def reopen_window() -> timedelta:
    return timedelta(days=settings.TRIAGEDESK["REOPEN_DAYS"])


__all__ = ["Sender", "sender_identify", "ticket_by_subject", "ticket_by_message_ids", "outbound_by_message_ids",
           "raw_emails_quarantined", "mailboxes_due", "reopen_window"]
