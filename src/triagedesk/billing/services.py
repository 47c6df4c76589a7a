"""Writes to the hours ledger."""

from __future__ import annotations

from django.db import transaction

from triagedesk.accounts.models import Agent
from triagedesk.core.audit import Actor, audit_record
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError

from .models import TimeEntry

MAX_MINUTES_PER_ENTRY = 24 * 60


def time_log(*, ticket, agent: Agent, minutes: int, actor: Actor, note: str = "",
             clock: Clock = system_clock) -> TimeEntry:
    """Record ``minutes`` of ``agent``'s work on ``ticket``; counted in the account's month."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        raise DomainError("minutes must be a whole number") from None
    if minutes <= 0:
        raise DomainError("log at least one minute")
    if minutes > MAX_MINUTES_PER_ENTRY:
        raise DomainError(f"one entry cannot exceed {MAX_MINUTES_PER_ENTRY} minutes; log each day apart")
    now = clock()
    with transaction.atomic():
        entry = TimeEntry.objects.create(ticket=ticket, account_id=ticket.account_id, agent=agent,
                                         minutes=minutes, note=(note or "").strip()[:500], at=now)
        audit_record(at=now, actor=actor, verb="ticket.time_logged", subject_type="ticket", subject_id=ticket.pk,
                     data={"minutes": minutes, "entry": entry.pk, "agent": agent.pk, "note": entry.note})
    return entry
