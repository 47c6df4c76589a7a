"""Inbound mail: one service behind every adapter (MTA pipe, IMAP, LMTP).

The order of the steps is the point:

1. the raw bytes are stored first, in their own transaction, keyed by their
   hash: from then on the mail cannot be lost, whatever happens next, and a
   second delivery of the same mail is recognised by a unique constraint;
2. parsing is pure and never the reason a mail disappears: what cannot be
   parsed is quarantined, listed for agents and can be processed again;
3. routing (bounce, auto-reply, reply, new ticket) and the RawEmail's final
   status are written in ONE transaction, so a crash in between leaves the
   mail "received", and the next delivery attempt finishes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q

from triagedesk.core.audit import Actor, audit_record
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError, NotFound
from triagedesk.core.rows import RowWriter, prepared_cursor
from triagedesk.notify.delivery import record_bounce
from triagedesk.tickets.models import Message, Ticket
from triagedesk.tickets.rules import State
from triagedesk.tickets.services import IncomingAttachment, ticket_customer_message, ticket_open, ticket_system_note

from ..email.parse import EmailParseError, InboundEmail, parse_email
from ..fingerprint import Fingerprint, fingerprint
from ..models import RawEmail
from ..selectors import (
    Sender, outbound_by_message_ids, reopen_window, sender_identify, ticket_by_message_ids,
    ticket_by_subject,
)
from ..threading import strip_ticket_numbers, thread_message_ids

log = logging.getLogger(__name__)

ACTIONS = ("opened", "replied", "reopened", "bounce", "auto_reply", "duplicate", "quarantined")
DATABASE_DOWN = (OperationalError, InterfaceError)
_Status = RawEmail.Status


@dataclass(frozen=True)
class IntakeResult:
    action: str  # one of ACTIONS
    ticket_number: str | None
    reason: str
    raw_email_id: int | None

    def as_json(self) -> dict:
        return {"action": self.action, "ticket": self.ticket_number, "reason": self.reason}


@dataclass(frozen=True)
class _Outcome:
    action: str
    ticket: Ticket | None = None
    reason: str = ""
    status: str = _Status.PROCESSED


class _TakenElsewhere(Exception):
    """Another process finished this stored mail while we were working on it."""


def email_receive(*, raw: bytes, source: str, clock: Clock = system_clock) -> IntakeResult:
    """Take one raw RFC 5322 mail from any adapter; tell what became of it.

    Raises only for an empty input (``DomainError``) and when the database is
    unreachable (``OperationalError``/``InterfaceError``: the adapter must ask
    the sender to try again later). Anything else ends as a result.
    """
    raw = bytes(raw)
    if not raw.strip():
        raise DomainError("empty message: nothing to receive")
    now = clock()
    stored, created = _store_raw(raw, fingerprint(raw), source=source, now=now)
    if not created:
        if stored.status != _Status.RECEIVED:
            return _duplicate(stored)
        # Stored by an earlier attempt that never finished (a crash, the
        # database went away): this delivery finishes it.
        raw = bytes(RawEmail.objects.values_list("content", flat=True).get(pk=stored.pk))
    return _process(stored, raw, clock=clock, expected=(_Status.RECEIVED,), throttle=True)


def raw_email_reprocess(*, raw_email_id: int, actor: Actor, clock: Clock = system_clock) -> IntakeResult:
    """An agent sends a quarantined mail through again (after a parser fix, or to let a throttled sender in).

    The agent decided: the throttle does not apply this time.
    """
    stored = RawEmail.objects.filter(pk=raw_email_id).first()
    if stored is None:
        raise NotFound(f"no stored mail #{raw_email_id}")
    if stored.status == _Status.PROCESSED:
        raise DomainError(f"mail #{raw_email_id} was already processed ({stored.action})")
    with transaction.atomic():
        audit_record(at=clock(), actor=actor, verb="email.reprocessed", subject_type="raw_email",
                     subject_id=stored.pk, data={"previous_reason": stored.reason[:500]})
    return _process(stored, bytes(stored.content), clock=clock,
                    expected=(_Status.QUARANTINED, _Status.RECEIVED), throttle=False)


# --------------------------------------------------------------------------
# storing and finishing
# --------------------------------------------------------------------------


def _store_raw(raw: bytes, fp: Fingerprint, *, source: str, now: datetime) -> tuple[RawEmail, bool]:
    row = RawEmail(sha256=fp.sha256, message_id=fp.message_id, body_sha256=fp.body_sha256, content=raw,
                   size=len(raw), source=source[:32], received_at=now)
    try:
        _insert_raw(row)
        return row, True
    except IntegrityError:
        same = Q(sha256=fp.sha256)
        if fp.message_id:
            same |= Q(message_id=fp.message_id, body_sha256=fp.body_sha256)
        existing = RawEmail.objects.defer("content").filter(same).order_by("id").first()
        if existing is None:
            raise
        return existing, False


def _insert_raw(row: RawEmail) -> None:
    """One statement in its own transaction; on PostgreSQL without waiting for its own WAL flush.

    Why that is safe: WAL is flushed in order, and every path that then tells
    the sender "accepted" ends with a synchronous commit (the processing
    transaction, or the quarantine) that flushes this row too. A crash before
    that means the MTA got no answer and delivers the mail again. It saves one
    fsync per mail, the largest single cost of the intake.
    """
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        with transaction.atomic():  # a savepoint, so a duplicate does not break the caller's transaction
            row.save(force_insert=True)
        return
    if connection.vendor != "postgresql":
        row.save(force_insert=True)  # autocommit: one statement, its own transaction
        return
    fields = [f for f in RawEmail._meta.concrete_fields if not f.primary_key and getattr(row, f.attname) is not None]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(RawEmail._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"SELECT {', '.join(['%s'] * len(fields))} "
           f"FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed RETURNING {quote('id')}")
    params = [f.get_db_prep_save(getattr(row, f.attname), connection=connection) for f in fields]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        row.pk = cursor.fetchone()[0]
    row._state.adding, row._state.db = False, connection.alias


def _duplicate(stored: RawEmail) -> IntakeResult:
    number = Ticket.objects.filter(pk=stored.ticket_id).values_list("number", flat=True).first() \
        if stored.ticket_id else None
    how = stored.action or stored.status
    return IntakeResult("duplicate", number, f"already received as mail #{stored.pk} ({how})", stored.pk)


def _process(stored: RawEmail, raw: bytes, *, clock: Clock, expected: tuple[str, ...], throttle: bool) -> IntakeResult:
    try:
        email = parse_email(raw)
    except EmailParseError as exc:
        return _quarantine(stored, f"unparseable: {exc}", clock=clock, expected=expected)
    except DATABASE_DOWN:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug must not lose the mail
        log.exception("the parser failed on stored mail #%s", stored.pk)
        return _quarantine(stored, f"parser failed: {type(exc).__name__}: {exc}", clock=clock, expected=expected)
    try:
        with ExitStack() as work:
            # A new ticket is written by one statement with the mail's final status (core.rows):
            # that statement is the transaction. Any other write first opens one (`begin`),
            # which then holds everything up to the final status.
            writer = RowWriter(one_statement=True)
            began: list[bool] = []

            def begin() -> None:
                if not began:
                    began.append(True)
                    work.enter_context(transaction.atomic())

            if not writer.deferred or writer.connection.in_atomic_block:
                begin()  # SQLite, or inside a caller's transaction: a savepoint to roll back to
            outcome = _route(email, stored, clock=clock, throttle=throttle, writer=writer, begin=begin)
            if outcome.status == _Status.QUARANTINED:
                begin()
            _finish(stored, email, outcome, at=clock(), expected=expected, writer=writer)
            writer.flush()
            if outcome.status == _Status.QUARANTINED:
                _audit_quarantine(stored, outcome.reason, at=clock())
    except _TakenElsewhere:
        return _duplicate(RawEmail.objects.defer("content").get(pk=stored.pk))
    except DATABASE_DOWN:
        raise
    except Exception as exc:  # noqa: BLE001 - keep the mail, show it to agents, move on
        log.exception("stored mail #%s could not be processed", stored.pk)
        return _quarantine(stored, f"processing failed: {type(exc).__name__}: {exc}", clock=clock,
                           expected=expected, email=email)
    number = outcome.ticket.number if outcome.ticket else None
    return IntakeResult(outcome.action, number, outcome.reason, stored.pk)


def _finish(stored: RawEmail, email: InboundEmail | None, outcome: _Outcome, *, at: datetime,
            expected: tuple[str, ...], writer: RowWriter | None = None) -> None:
    """Record the outcome; the status guard makes a second worker on the same mail roll back.

    With a ``writer`` the UPDATE goes out with the writer's rows (the new ticket's), and the
    guard is checked when the writer flushes.
    """
    own = writer is None
    writer = writer or RowWriter()
    writer.update_row(RawEmail, stored.pk, dict(
        status=outcome.status, action=outcome.action, reason=_clean(outcome.reason), processed_at=at,
        ticket=outcome.ticket,
        from_email=_clean((email.from_email or "") if email else "")[:254],
        subject=_clean(email.subject if email else "")[:300],
    ), where_in={"status": expected}, required=True, then=_claimed)
    if own:
        writer.flush()


def _claimed(count: int) -> None:
    if not count:
        raise _TakenElsewhere


def _quarantine(stored: RawEmail, reason: str, *, clock: Clock, expected: tuple[str, ...],
                email: InboundEmail | None = None) -> IntakeResult:
    outcome = _Outcome("quarantined", None, reason[:2000], _Status.QUARANTINED)
    try:
        with transaction.atomic():
            _finish(stored, email, outcome, at=clock(), expected=expected)
            _audit_quarantine(stored, outcome.reason, at=clock())
    except _TakenElsewhere:
        return _duplicate(RawEmail.objects.defer("content").get(pk=stored.pk))
    return IntakeResult("quarantined", None, outcome.reason, stored.pk)


def _audit_quarantine(stored: RawEmail, reason: str, *, at: datetime) -> None:
    audit_record(at=at, actor=Actor.system("mail intake"), verb="email.quarantined", subject_type="raw_email",
                 subject_id=stored.pk, data={"reason": reason[:500]})


# --------------------------------------------------------------------------
# routing
# --------------------------------------------------------------------------


def _route(email: InboundEmail, stored: RawEmail, *, clock: Clock, throttle: bool, writer: RowWriter,
           begin: Callable[[], None]) -> _Outcome:
    """What becomes of the mail; ``begin()`` opens the transaction before any write but the writer's."""
    if email.kind == "bounce":
        begin()
        return _bounce(email, clock=clock)
    if (email.from_email or "").lower() == settings.SUPPORT_ADDRESS.lower():
        return _Outcome("quarantined", None, "loop: the mail comes from our own support address",
                        _Status.QUARANTINED)

    sender: list[Sender] = []

    def who() -> Sender:  # looked up once, and only when needed
        if not sender:
            sender.append(sender_identify(email.from_email, _clean(email.from_name),
                                          since=clock() - timedelta(hours=1)))
        return sender[0]

    ticket, threaded_by = _thread(email, who)
    if email.kind == "auto_reply":
        begin()
        return _auto_reply(email, ticket, stored, clock=clock)

    attachments, dropped = _attachments(email)
    linked_to = None
    if ticket is not None:
        if ticket.state not in (State.RESOLVED, State.CLOSED) or _may_reopen(ticket, clock()):
            begin()
            return _add_to_ticket(email, ticket, who(), stored, attachments, dropped, threaded_by, clock=clock)
        linked_to = ticket

    if attachments or dropped:
        begin()  # attachments are stored, and a note written, besides the writer's rows
    return _open_ticket(email, who(), stored, attachments, dropped, linked_to, clock=clock, throttle=throttle,
                        writer=writer)


def _open_ticket(email: InboundEmail, sender: Sender, stored: RawEmail, attachments: list[IncomingAttachment],
                 dropped: list[str], linked_to: Ticket | None, *, clock: Clock, throttle: bool,
                 writer: RowWriter) -> _Outcome:
    limit = settings.TRIAGEDESK["MAX_NEW_TICKETS_PER_SENDER_HOUR"]
    if throttle and sender.email and sender.recent_tickets >= limit:
        # A mail loop or a flood: keep the mail, open nothing, acknowledge nothing; agents decide.
        return _Outcome("quarantined", None, f"throttled: {sender.email} opened {sender.recent_tickets} tickets "
                                             f"in the last hour (limit {limit}); an agent can let it in",
                        _Status.QUARANTINED)
    prefix = settings.TRIAGEDESK["TICKET_PREFIX"]
    subject = strip_ticket_numbers(email.subject, prefix) if linked_to else email.subject
    body, quoted = _body(email)
    ticket = ticket_open(
        subject=_clean(subject), body=body, quoted=quoted, body_html=_clean(email.html or ""), channel="email",
        actor=_actor(sender), account=sender.account, requester=sender.contact, requester_email=sender.email,
        requester_name=sender.name, attachments=attachments, email_message_id=(email.message_id or "")[:998],
        raw_email=stored, unverified=not sender.known, linked_to=linked_to, clock=clock, writer=writer,
    )
    if dropped:
        writer.flush()  # the note goes on a ticket that must exist by then
        _note_dropped(ticket, dropped, clock=clock)
    if linked_to is not None:
        reason = f"follow-up of {linked_to.number}, finished more than {reopen_window().days} days ago"
    elif sender.contact is not None:
        reason = f"contact of {sender.account.code}"
    elif sender.account is not None:
        reason = f"verified domain of {sender.account.code}"
    else:
        reason = "unknown sender: screening queue, no acknowledgement"
    return _Outcome("opened", ticket, reason)


def _thread(email: InboundEmail, who: Callable[[], Sender]) -> tuple[Ticket | None, str]:
    """The subject's ticket number first (if this sender may write there), then the mail headers."""
    for ticket in ticket_by_subject(email.subject):
        if _may_write_on(ticket, who()):
            return ticket, "ticket number in the subject"
    ticket = ticket_by_message_ids(email.in_reply_to, email.references)
    return ticket, "In-Reply-To/References" if ticket else ""


def _may_write_on(ticket: Ticket, sender: Sender) -> bool:
    """A number in a subject is easy to type: only the requester or their own customer can use it.

    (A Message-ID of ours is not: whoever quotes one had our mail, so the
    headers thread whoever writes.)
    """
    if sender.email and sender.email == (ticket.requester_email or "").lower():
        return True
    return sender.account is not None and sender.account.pk == ticket.account_id


def _may_reopen(ticket: Ticket, now: datetime) -> bool:
    finished = ticket.resolved_at or ticket.closed_at or ticket.updated_at
    return now - finished <= reopen_window()


def _add_to_ticket(email: InboundEmail, ticket: Ticket, sender: Sender, stored: RawEmail,
                   attachments: list[IncomingAttachment], dropped: list[str], threaded_by: str, *,
                   clock: Clock) -> _Outcome:
    was_finished = ticket.state in (State.RESOLVED, State.CLOSED)
    same_customer = sender.contact is not None and sender.contact.account_id == ticket.account_id
    body, quoted = _body(email)
    ticket_customer_message(
        ticket=ticket, body=body, quoted=quoted, body_html=_clean(email.html or ""), channel="email",
        actor=_actor(sender), contact=sender.contact if same_customer else None, author_email=sender.email,
        author_name=sender.name, attachments=attachments, email_message_id=(email.message_id or "")[:998],
        raw_email=stored, clock=clock,
    )
    _note_dropped(ticket, dropped, clock=clock)
    if was_finished:
        return _Outcome("reopened", ticket, f"by {threaded_by}: answer to a ticket finished less than "
                                            f"{reopen_window().days} days ago")
    return _Outcome("replied", ticket, f"by {threaded_by}")


def _auto_reply(email: InboundEmail, ticket: Ticket | None, stored: RawEmail, *, clock: Clock) -> _Outcome:
    """Never a ticket, never an acknowledgement (that is how mail loops start); a trace on the thread."""
    reason = email.kind_reason or "automatic reply"
    if ticket is not None:
        text = (email.new_text or email.text or "").strip()
        ticket_system_note(
            ticket=ticket, actor=Actor.system("mail intake"), verb="ticket.auto_reply_received",
            visibility=Message.Visibility.SYSTEM, raw_email=stored, email_message_id=email.message_id or "",
            body=_clean(f"Automatic reply from {email.from_email or 'unknown sender'}: {email.subject}\n\n"
                        f"{text[:4000]}").strip(),
            data={"reason": reason}, clock=clock,
        )
    return _Outcome("auto_reply", ticket, reason)


def _bounce(email: InboundEmail, *, clock: Clock) -> _Outcome:
    """A delivery report about one of our mails: mark it, tell the agents. Never a ticket."""
    info = email.bounce
    ids = [info.original_message_id.strip().strip("<>")] if info and info.original_message_id else []
    ours = outbound_by_message_ids(ids + thread_message_ids(email.in_reply_to, email.references))
    if ours is None:
        return _Outcome("bounce", None, "delivery report about a mail that is not ours (or no longer known)")
    recipient = (info.recipients[0] if info and info.recipients else "") or ours.to
    status = (info.status or "") if info else ""
    diagnostic = _clean((info.diagnostic or "") if info else "")
    permanent = info.permanent if info else True
    record_bounce(ours, recipient=recipient, status=status, diagnostic=diagnostic, permanent=permanent, clock=clock)
    word = "bounced" if permanent else "delayed"
    return _Outcome("bounce", ours.ticket, f"{ours.kind} to {recipient} {word}: {status} {diagnostic}".strip())


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------


def _actor(sender: Sender) -> Actor:
    if sender.contact is not None:
        return Actor("contact", sender.contact.user_id, sender.contact.name)
    return Actor.system(f"email from {sender.email or 'unknown sender'}"[:200])


def _body(email: InboundEmail) -> tuple[str, str]:
    """What the customer wrote now, and the quoted history (kept, folded away in display)."""
    new = (email.new_text or "").strip()
    if not new:
        return _clean(email.text or ""), ""
    return _clean(email.new_text), _clean(email.quoted_text or "")


def _attachments(email: InboundEmail) -> tuple[list[IncomingAttachment], list[str]]:
    """Files we keep, and the names of those too big to keep (the mail is processed anyway)."""
    limit = settings.ATTACHMENT_MAX_BYTES
    kept: list[IncomingAttachment] = []
    dropped: list[str] = []
    for part in email.attachments:
        name = _clean(part.filename or "") or "attachment"
        if len(part.data) > limit:
            dropped.append(f"{name} ({len(part.data):,} bytes)")
            continue
        kept.append(IncomingAttachment(filename=name, content_type=part.content_type or "application/octet-stream",
                                       data=part.data, content_id=_clean(part.content_id or ""),
                                       inline=bool(part.inline)))
    return kept, dropped


def _note_dropped(ticket: Ticket, dropped: list[str], *, clock: Clock) -> None:
    if not dropped:
        return
    limit = settings.ATTACHMENT_MAX_BYTES
    ticket_system_note(
        ticket=ticket, actor=Actor.system("mail intake"), verb="ticket.attachment_dropped", clock=clock,
        body=f"Attachment dropped, over the limit of {limit:,} bytes: " + "; ".join(dropped)
             + ". Ask the customer for another way to send it.",
        data={"dropped": dropped},
    )


def _clean(text: str) -> str:
    """PostgreSQL text cannot hold NUL; mail sometimes does."""
    return text.replace("\x00", "") if text else ""
