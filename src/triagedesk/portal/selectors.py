"""Reads for the portal pages besides tickets (those are in tickets.selectors)."""

from __future__ import annotations

from datetime import datetime, timedelta

from triagedesk.sla.policy import calendar_from_model
from triagedesk.triage.models import CaseType

from .models import CallbackRequest
from .services import CALLBACK_MIN_NOTICE, CALLBACK_SLOT


def case_types() -> list[CaseType]:
    return list(CaseType.objects.filter(is_active=True).order_by("position", "slug"))


def open_callback(ticket) -> CallbackRequest | None:
    return CallbackRequest.objects.filter(ticket=ticket, status=CallbackRequest.Status.REQUESTED).first()


def callback_slots(account, now: datetime, *, days: int = 7, limit: int = 48) -> list[datetime]:
    """Half-hour call-back slots in the plan's business hours, from 15 minutes from now."""
    calendar = calendar_from_model(account.plan.calendar)
    earliest = now + CALLBACK_MIN_NOTICE
    step = int(CALLBACK_SLOT.total_seconds() // 60)
    start = earliest.replace(second=0, microsecond=0)
    if start.minute % step or start < earliest:
        start += timedelta(minutes=step - start.minute % step)
    slots: list[datetime] = []
    for opens, closes in calendar.open_intervals(start, start + timedelta(days=days)):
        slot = opens
        if slot.minute % step:  # align to the half hour
            slot += timedelta(minutes=step - slot.minute % step)
        slot = slot.replace(second=0, microsecond=0)
        while slot + CALLBACK_SLOT <= closes and len(slots) < limit:
            slots.append(slot)
            slot += CALLBACK_SLOT
    return slots
