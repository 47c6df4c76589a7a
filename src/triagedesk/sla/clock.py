"""Keeping a ticket's stored SLA fields in step with the pure domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .domain import Pause, Target, deadline, take_in_charge_clock
from . import policy


def ticket_target(ticket) -> Target:
    plan_id = ticket.account.plan_id if ticket.account_id else None
    return policy.target_for(plan_id, ticket.code)


def apply_clock(ticket, *, now: datetime, pauses: Sequence[Pause] = (), target: Target | None = None) -> None:
    """Recompute not-before, deadline, warning and the next scan instant of ``ticket`` (unsaved)."""
    target = target or ticket_target(ticket)
    clock = take_in_charge_clock(target, opened_at=ticket.opened_at, now=now, pauses=pauses)
    ticket.not_before_at = clock.not_before_at
    ticket.due_at = clock.due_at
    ticket.warning_at = clock.warning_at
    ticket.resolution_due_at = (
        deadline(Target(target.resolution, target.calendar), opened_at=ticket.opened_at, pauses=pauses)
        if target.resolution else None
    )
    refresh_next_scan(ticket)


def refresh_next_scan(ticket) -> None:
    if not ticket.is_open or ticket.taken_at is not None or ticket.paused_since is not None:
        ticket.sla_next_at = None
    elif ticket.sla_warned_at is None:
        ticket.sla_next_at = ticket.warning_at
    elif ticket.sla_breached_at is None:
        ticket.sla_next_at = ticket.due_at
    else:
        ticket.sla_next_at = None
