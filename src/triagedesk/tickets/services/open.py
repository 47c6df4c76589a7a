from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from datetime import datetime

from django.db import transaction

from triagedesk.accounts.models import Account, Contact, Team
from triagedesk.core.audit import Actor
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError
from triagedesk.core.rows import RowWriter
from triagedesk.notify.services import outbound_email_queue_with, render_email
from triagedesk.sla.clock import apply_clock
from triagedesk.triage import services as triage_services

from ..models import Message, Ticket
from ..models.ticket import CHANNEL_CHOICES
from ..rules import State
from .common import IncomingAttachment, allocate_number, audit_ticket, parse_code, severity_of, store_attachments

CUSTOMER_CHANNELS = {"email", "portal", "phone", "api"}
CHANNELS = frozenset(value for value, _label in CHANNEL_CHOICES)


def ticket_open(
    *,
    subject: str,
    body: str,
    channel: str,
    actor: Actor,
    account: Account | None = None,
    account_code: str | None = None,
    requester: Contact | None = None,
    requester_email: str = "",
    requester_name: str = "",
    code: str | None = None,
    case: str | None = None,
    hints=None,
    language: str | None = None,
    team: Team | None = None,
    attachments: Sequence[IncomingAttachment] = (),
    body_html: str = "",
    quoted: str = "",
    email_message_id: str = "",
    raw_email=None,
    unverified: bool = False,
    linked_to: Ticket | None = None,
    acknowledge: bool = True,
    clock: Clock = system_clock,
    writer: RowWriter | None = None,
) -> Ticket:
    """Open a ticket with its first message, triage, SLA clock, audit event and acknowledgement.

    One transaction of its own; or, given a ``writer``, part of the caller's: the caller
    is inside ``transaction.atomic()``, rolls all of it back on any error, and flushes
    the writer (with its own rows) before leaving; or, with a ``RowWriter(one_statement=True)``
    on PostgreSQL, no transaction at all: the caller's flush is the one statement that
    writes everything. That saves a savepoint (or BEGIN and COMMIT) and lets an intake
    adapter's last write ride in the same statement as the ticket's.
    """
    subject = (subject or "").strip()[:300] or "(no subject)"
    if channel not in CHANNELS:
        raise DomainError(f"unknown channel {channel!r}")
    if account_code is not None and account is None:
        account = Account.objects.select_related("plan").filter(code=account_code.strip()).first()
        if account is None:
            raise DomainError(f"unknown customer code {account_code!r}")
    if requester is not None:
        if account is None:
            account = requester.account
        elif requester.account_id != account.pk:
            raise DomainError(f"contact {requester.email} does not belong to account {account.code}")
    if account is not None and not account.is_active:
        raise DomainError(f"account {account.code} is not active")

    triage = triage_services.triage_request(subject=subject, body=body, language=language, hints=hints, case=case)
    proposed = triage.code
    final_code = parse_code(code).value if code else proposed
    if language is None:
        language = (requester.effective_language if requester else account.language if account else None) \
            or (triage.language if triage.language in {"it", "en", "fr", "ru"} else "en")
    now = clock()

    acknowledged = bool(acknowledge and channel in CUSTOMER_CHANNELS and not unverified
                        and (requester.email if requester else requester_email))
    # On PostgreSQL the new rows (ticket, message, audit event, acknowledgement and its task)
    # and the ticket's number go out as ONE statement (core.rows); with no caller's
    # transaction around and no attachment to store, that statement is the transaction:
    # one round trip in all. Elsewhere the rows are saved one by one.
    own = writer is None
    writer = writer or RowWriter()
    in_transaction = writer.connection.in_atomic_block
    alone = writer.deferred and not attachments and not in_transaction  # one statement can be the transaction
    if not own and not in_transaction and not (writer.one_statement and alone):
        raise RuntimeError("ticket_open(writer=...) runs inside the caller's transaction.atomic(), or with a "
                           "RowWriter(one_statement=True) on PostgreSQL and no attachments (stored apart)")
    with transaction.atomic() if own and not alone else nullcontext():
        ticket = Ticket(
            number=allocate_number(now, writer=writer), subject=subject, account=account,
            requester=requester,
            requester_email=(requester.email if requester else requester_email)[:254],
            requester_name=(requester.name if requester else requester_name)[:200],
            # team_id, not account.team: that would read the team row just to take its id.
            team_id=team.pk if team else (account.team_id if account else None), tier=1, channel=channel,
            language=language,
            code=final_code, severity=severity_of(final_code), case_type_id=triage.case_type_id,
            proposed_code=proposed, triage_confidence=triage.confidence, triage_reasons=list(triage.reasons),
            state=State.TRIAGED.value, is_open=True, unverified=unverified, linked_to=linked_to,
            opened_at=now, updated_at=now,
        )
        if writer.deferred:
            ticket.pk = writer.reserved(Ticket)
        apply_clock(ticket, now=now)
        if ticket.not_before_at and ticket.not_before_at > now:
            ticket.state = State.SCHEDULED.value
        writer.add(ticket)
        message = Message(
            ticket=ticket, channel=channel, visibility=Message.Visibility.PUBLIC,
            author_contact=requester, author_name=ticket.requester_name, author_email=ticket.requester_email,
            body=body or "", body_html=body_html, quoted=quoted, email_message_id=email_message_id,
            raw_email=raw_email, created_at=now,
        )
        if writer.deferred and attachments:
            message.pk = writer.reserved(Message)
        writer.add(message)
        store_attachments(message, attachments)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.opened", writer=writer, data={
            "channel": channel, "code": final_code, "proposed_code": proposed,
            "case": triage.case, "reasons": list(triage.reasons), "confidence": triage.confidence,
        })
        if acknowledged:
            _queue_acknowledgement(ticket, in_reply_to=email_message_id, now=now, writer=writer)
        if own:
            writer.flush()
    return ticket


def _queue_acknowledgement(ticket: Ticket, *, in_reply_to: str, now: datetime, writer: RowWriter) -> None:
    from triagedesk.tickets.presenters import ack_context

    subject, body = render_email("acknowledgement", ticket.language, ack_context(ticket))
    outbound_email_queue_with(
        writer, kind="acknowledgement", to=ticket.requester_email, subject=subject, body_text=body, at=now,
        language=ticket.language, ticket=ticket, in_reply_to=in_reply_to, references=in_reply_to,
    )
