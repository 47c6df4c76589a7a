"""Everything that happens to a ticket after it is opened."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from triagedesk.accounts.models import Agent, Contact
from triagedesk.core.audit import Actor
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError, InvalidTransition
from triagedesk.notify.services import outbound_email_queue, render_email
from triagedesk.sla.clock import apply_clock, refresh_next_scan
from triagedesk.sla.domain import Pause
from triagedesk.triage.codes import triage_outcome

from ..models import Message, Ticket, TicketPause
from ..presenters import portal_url
from ..rules import OPEN_STATES, Action, State, TransitionError, next_state, validate_resolution
from .common import IncomingAttachment, audit_ticket, parse_code, severity_of, store_attachments


def _locked(ticket: Ticket) -> Ticket:
    """Re-read the ticket under a row lock so concurrent changes queue up."""
    return Ticket.objects.select_for_update(of=("self",)).select_related("account").get(pk=ticket.pk)


def _move(ticket: Ticket, action: Action) -> tuple[str, str]:
    try:
        new = next_state(ticket.state, action)
    except TransitionError as exc:
        raise InvalidTransition(f"{ticket.number}: {exc}") from None
    old = ticket.state
    ticket.state = new.value
    ticket.is_open = new in OPEN_STATES
    return old, new.value


def _pauses(ticket: Ticket) -> list[Pause]:
    return [Pause(p.started_at, p.ended_at) for p in ticket.pauses.all()]


def _save(ticket: Ticket, now, *fields: str) -> None:
    ticket.updated_at = now
    ticket.save(update_fields=[*fields, "updated_at"])


def ticket_take(*, ticket: Ticket, agent: Agent, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.TAKE)
        ticket.taken_at = ticket.taken_at or now
        old_assignee = ticket.assignee_id
        ticket.assignee = agent
        refresh_next_scan(ticket)
        _save(ticket, now, "state", "is_open", "taken_at", "assignee", "sla_next_at")
        late = ticket.due_at is not None and now > ticket.due_at
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.taken", changes={
            "state": [old, new], "assignee": [old_assignee, agent.pk]}, data={"late": late})
    return ticket


def ticket_retriage(*, ticket: Ticket, code: str, reason: str, actor: Actor, clock: Clock = system_clock) -> Ticket:
    """Change the triage code; the SLA clock is recomputed from the original opening time."""
    new_code = parse_code(code).value
    if not (reason or "").strip():
        raise DomainError("a re-triage needs a reason")
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        if not ticket.is_open:
            raise InvalidTransition(f"{ticket.number}: cannot re-triage a ticket that is {ticket.state}")
        old_code = ticket.code
        if new_code == old_code:
            raise DomainError(f"{ticket.number} is already {new_code.upper()}")
        ticket.code, ticket.severity = new_code, severity_of(new_code)
        ticket.sla_version += 1
        ticket.sla_warned_at = ticket.sla_breached_at = None
        apply_clock(ticket, now=now, pauses=_pauses(ticket))
        fields = ["code", "severity", "sla_version", "sla_warned_at", "sla_breached_at", "not_before_at",
                  "due_at", "warning_at", "resolution_due_at", "sla_next_at"]
        if ticket.state == State.SCHEDULED and not (ticket.not_before_at and ticket.not_before_at > now):
            ticket.state = State.TRIAGED.value
            fields.append("state")
        elif ticket.state == State.TRIAGED and ticket.not_before_at and ticket.not_before_at > now:
            ticket.state = State.SCHEDULED.value
            fields.append("state")
        _save(ticket, now, *fields)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.retriaged",
                     changes={"code": [old_code, new_code]},
                     data={"reason": reason.strip(), "proposed_code": ticket.proposed_code,
                           "triage": triage_outcome(ticket.proposed_code, new_code)})
    return ticket


def ticket_assign(*, ticket: Ticket, agent: Agent | None, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old = ticket.assignee_id
        ticket.assignee = agent
        _save(ticket, now, "assignee")
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.assigned",
                     changes={"assignee": [old, agent.pk if agent else None]})
    return ticket


def ticket_escalate(*, ticket: Ticket, reason: str, actor: Actor, clock: Clock = system_clock) -> Ticket:
    """Move the ticket to the next tier (L1 -> L2 -> L3); the next tier picks it up."""
    if not (reason or "").strip():
        raise DomainError("an escalation needs a reason")
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        if not ticket.is_open:
            raise InvalidTransition(f"{ticket.number}: cannot escalate a ticket that is {ticket.state}")
        if ticket.tier >= 3:
            raise DomainError(f"{ticket.number} is already at the highest tier (L3)")
        old_tier, old_assignee = ticket.tier, ticket.assignee_id
        ticket.tier += 1
        ticket.assignee = None
        _save(ticket, now, "tier", "assignee")
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.escalated",
                     changes={"tier": [old_tier, ticket.tier], "assignee": [old_assignee, None]},
                     data={"reason": reason.strip()})
        Message.objects.create(ticket=ticket, channel="agent", visibility=Message.Visibility.INTERNAL,
                               author_name=actor.label, body=f"Escalated to L{ticket.tier}: {reason.strip()}",
                               created_at=now)
    return ticket


def _pause(ticket: Ticket, now, reason: str) -> None:
    if ticket.paused_since is None:
        ticket.paused_since = now
        TicketPause.objects.create(ticket=ticket, started_at=now, reason=reason)


def _resume(ticket: Ticket, now) -> None:
    if ticket.paused_since is not None:
        TicketPause.objects.filter(ticket=ticket, ended_at__isnull=True).update(ended_at=now)
        ticket.paused_since = None
        apply_clock(ticket, now=now, pauses=_pauses(ticket))


_CLOCK_FIELDS = ("paused_since", "not_before_at", "due_at", "warning_at", "resolution_due_at", "sla_next_at")


def ticket_wait_customer(*, ticket: Ticket, actor: Actor, clock: Clock = system_clock) -> Ticket:
    """Stop the clocks while we wait for the customer's answer."""
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.WAIT_CUSTOMER)
        _pause(ticket, now, "waiting_customer")
        refresh_next_scan(ticket)
        _save(ticket, now, "state", "is_open", *_CLOCK_FIELDS)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.paused", changes={"state": [old, new]})
    return ticket


def ticket_resume(*, ticket: Ticket, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        if ticket.state != State.WAITING_CUSTOMER:
            raise InvalidTransition(f"{ticket.number}: only a ticket waiting for the customer can be resumed")
        old, new = _move(ticket, Action.CUSTOMER_REPLIED)
        _resume(ticket, now)
        _save(ticket, now, "state", "is_open", *_CLOCK_FIELDS)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.resumed", changes={"state": [old, new]})
    return ticket


def ticket_request_quote(*, ticket: Ticket, amount: str, note: str, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.REQUEST_QUOTE)
        _pause(ticket, now, "waiting_quote")
        refresh_next_scan(ticket)
        _save(ticket, now, "state", "is_open", *_CLOCK_FIELDS)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.quote_requested", changes={"state": [old, new]},
                     data={"amount": amount, "note": note})
    return ticket


def ticket_quote_accepted(*, ticket: Ticket, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.QUOTE_ACCEPTED)
        _resume(ticket, now)
        ticket.taken_at = ticket.taken_at or now
        refresh_next_scan(ticket)
        _save(ticket, now, "state", "is_open", "taken_at", *_CLOCK_FIELDS)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.quote_accepted", changes={"state": [old, new]})
    return ticket


def ticket_resolve(*, ticket: Ticket, resolution_type: str, actor: Actor, note: str = "",
                   clock: Clock = system_clock) -> Ticket:
    try:
        validate_resolution(resolution_type)
    except TransitionError as exc:
        raise DomainError(str(exc)) from None
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.RESOLVE)
        if ticket.paused_since is not None:
            TicketPause.objects.filter(ticket=ticket, ended_at__isnull=True).update(ended_at=now)
            ticket.paused_since = None
        ticket.resolution_type = resolution_type
        ticket.resolved_at = now
        refresh_next_scan(ticket)
        _save(ticket, now, "state", "is_open", "resolution_type", "resolved_at", "paused_since", "sla_next_at")
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.resolved", changes={"state": [old, new]},
                     data={"resolution_type": resolution_type, "note": note})
    return ticket


def ticket_close(*, ticket: Ticket, actor: Actor, clock: Clock = system_clock) -> Ticket:
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        old, new = _move(ticket, Action.CLOSE)
        ticket.closed_at = now
        _save(ticket, now, "state", "is_open", "closed_at")
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.closed", changes={"state": [old, new]})
    return ticket


def ticket_reopen(*, ticket: Ticket, actor: Actor, reason: str = "", clock: Clock = system_clock) -> Ticket:
    """A resolved or closed ticket comes back; it must be taken in charge again, on a fresh clock from now."""
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        return _reopen_locked(ticket, actor=actor, reason=reason, now=now)


def _reopen_locked(ticket: Ticket, *, actor: Actor, reason: str, now) -> Ticket:
    from triagedesk.sla.clock import ticket_target
    from triagedesk.sla.domain import take_in_charge_clock

    old, new = _move(ticket, Action.REOPEN)
    ticket.resolved_at = ticket.closed_at = None
    ticket.resolution_type = ""
    ticket.taken_at = None
    ticket.sla_version += 1
    ticket.sla_warned_at = ticket.sla_breached_at = None
    clock_state = take_in_charge_clock(ticket_target(ticket), opened_at=now, now=now)
    ticket.due_at, ticket.warning_at = clock_state.due_at, clock_state.warning_at
    refresh_next_scan(ticket)
    _save(ticket, now, "state", "is_open", "resolved_at", "closed_at", "resolution_type", "taken_at",
          "sla_version", "sla_warned_at", "sla_breached_at", "due_at", "warning_at", "sla_next_at")
    audit_ticket(ticket, at=now, actor=actor, verb="ticket.reopened", changes={"state": [old, new]},
                 data={"reason": reason})
    return ticket


def ticket_reply(*, ticket: Ticket, agent: Agent, body: str, actor: Actor,
                 attachments: Sequence[IncomingAttachment] = (), clock: Clock = system_clock) -> Message:
    """A public answer to the customer: stored, audited, and mailed to the requester."""
    if not (body or "").strip():
        raise DomainError("a reply cannot be empty")
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        if ticket.state == State.CLOSED:
            raise InvalidTransition(f"{ticket.number} is closed: reopen it before replying")
        message = Message.objects.create(
            ticket=ticket, channel="agent", visibility=Message.Visibility.PUBLIC, author_agent=agent,
            author_name=agent.display_name, body=body, created_at=now)
        store_attachments(message, attachments)
        _save(ticket, now)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.replied", data={"message": message.pk})
        if ticket.requester_email:
            _queue_reply_email(ticket, message, agent, now)
    return message


def _thread_ids(ticket: Ticket) -> tuple[str, str]:
    """In-Reply-To and References for our next mail: the thread so far, oldest first."""
    from triagedesk.notify.models import OutboundEmail

    ours = list(OutboundEmail.objects.filter(ticket=ticket).order_by("created_at", "id")
                .values_list("message_id", flat=True)[:20])
    theirs = list(Message.objects.filter(ticket=ticket).exclude(email_message_id="")
                  .order_by("created_at", "id").values_list("email_message_id", flat=True)[:20])
    refs = theirs[:1] + ours
    return (refs[-1] if refs else ""), " ".join(refs)


def _queue_reply_email(ticket: Ticket, message: Message, agent: Agent, now) -> None:
    in_reply_to, references = _thread_ids(ticket)
    subject, body = render_email("reply", ticket.language, {
        "ticket": ticket, "body": message.body, "agent_name": agent.display_name, "portal_url": portal_url(ticket)})
    outbound_email_queue(kind="reply", to=ticket.requester_email, subject=subject, body_text=body, at=now,
                         language=ticket.language, ticket=ticket, message=message,
                         in_reply_to=in_reply_to, references=references)


def ticket_note(*, ticket: Ticket, agent: Agent, body: str, actor: Actor, clock: Clock = system_clock) -> Message:
    """An internal note: agents only, never mailed."""
    if not (body or "").strip():
        raise DomainError("a note cannot be empty")
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        message = Message.objects.create(ticket=ticket, channel="agent", visibility=Message.Visibility.INTERNAL,
                                         author_agent=agent, author_name=agent.display_name, body=body,
                                         created_at=now)
        _save(ticket, now)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.noted", data={"message": message.pk})
    return message


def ticket_customer_message(
    *, ticket: Ticket, body: str, channel: str, actor: Actor, contact: Contact | None = None,
    author_email: str = "", author_name: str = "", attachments: Sequence[IncomingAttachment] = (),
    body_html: str = "", quoted: str = "", email_message_id: str = "", raw_email=None,
    reopen: bool = True, clock: Clock = system_clock,
) -> Message:
    """The customer writes on an existing ticket: a waiting ticket resumes, a resolved one reopens."""
    now = clock()
    with transaction.atomic():
        ticket = _locked(ticket)
        message = Message.objects.create(
            ticket=ticket, channel=channel, visibility=Message.Visibility.PUBLIC, author_contact=contact,
            author_name=(contact.name if contact else author_name)[:200],
            author_email=(contact.email if contact else author_email)[:254], body=body or "",
            body_html=body_html, quoted=quoted, email_message_id=email_message_id, raw_email=raw_email,
            created_at=now)
        store_attachments(message, attachments)
        fields: list[str] = []
        if ticket.state == State.WAITING_CUSTOMER:
            old, new = _move(ticket, Action.CUSTOMER_REPLIED)
            _resume(ticket, now)
            refresh_next_scan(ticket)
            fields += ["state", "is_open", *_CLOCK_FIELDS]
            audit_ticket(ticket, at=now, actor=actor, verb="ticket.resumed", changes={"state": [old, new]})
        elif ticket.state in (State.RESOLVED, State.CLOSED) and reopen:
            _reopen_locked(ticket, actor=actor, reason="customer replied", now=now)
        _save(ticket, now, *fields)
        audit_ticket(ticket, at=now, actor=actor, verb="ticket.customer_replied",
                     data={"message": message.pk, "channel": channel})
    return message


def ticket_system_note(*, ticket: Ticket, body: str, actor: Actor, verb: str = "ticket.system_noted",
                       visibility: str = Message.Visibility.INTERNAL, data: dict | None = None, raw_email=None,
                       email_message_id: str = "", clock: Clock = system_clock) -> Message:
    """Something the desk itself must tell the agents (an auto-reply, a dropped file): never mailed,
    never changes the ticket's state or clocks."""
    now = clock()
    with transaction.atomic():
        message = Message.objects.create(ticket=ticket, channel="email", visibility=visibility,
                                         author_name=actor.label[:200], body=body, raw_email=raw_email,
                                         email_message_id=email_message_id[:998], created_at=now)
        audit_ticket(ticket, at=now, actor=actor, verb=verb, data={"message": message.pk, **(data or {})})
    return message


def ticket_delivery_failed(*, ticket: Ticket, recipient: str, detail: str, actor: Actor, email_id: int | None = None,
                           clock: Clock = system_clock) -> Message:
    """One of our mails on this ticket will never arrive (a 5xx or a bounce): agents must know,
    since the customer is waiting for an answer they did not get."""
    return ticket_system_note(ticket=ticket, body=f"Delivery failed to {recipient}: {detail}".strip(), actor=actor,
                              verb="ticket.delivery_failed", data={"email": email_id, "recipient": recipient},
                              clock=clock)
