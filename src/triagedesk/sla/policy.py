"""From plans in the database to the pure SLA domain's targets.

Plans change rarely and are read on every ticket change, so their targets are
cached per process and dropped whenever a plan, target or calendar is saved.
Other processes pick up a change within ``CACHE_SECONDS``.
"""

from __future__ import annotations

import threading
import time as _time
from datetime import date, time, timedelta

from django.db.models.signals import post_delete, post_save

from triagedesk.accounts.models import BusinessCalendar, ClosedDay, Plan, PlanTarget

from .domain import DEFAULT_TARGETS, Calendar, Target

CACHE_SECONDS = 30.0
_lock = threading.Lock()
_cache: dict[int, tuple[float, dict[str, Target]]] = {}


def calendar_from_model(calendar: BusinessCalendar, closed_days: list[date] | None = None) -> Calendar:
    if closed_days is None:
        closed_days = list(calendar.closed_days.values_list("date", flat=True))
    weekly = None
    if calendar.weekly_hours:
        weekly = tuple(
            tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in day)
            for day in (list(calendar.weekly_hours) + [[]] * 7)[:7]
        )
    return Calendar(
        tz=calendar.time_zone,
        weekly=weekly,
        holiday_country=calendar.holiday_country or None,
        holiday_subdiv=calendar.holiday_subdiv or None,
        closed_days=frozenset(closed_days),
    )


def _load(plan_id: int) -> dict[str, Target]:
    plan = Plan.objects.select_related("calendar").get(pk=plan_id)
    business = calendar_from_model(plan.calendar)
    targets = dict(DEFAULT_TARGETS)
    for row in PlanTarget.objects.filter(plan_id=plan_id):
        targets[row.code] = Target(
            take_in_charge=timedelta(minutes=row.take_in_charge_minutes),
            calendar=business if row.business_hours else Calendar.always(),
            not_before=timedelta(minutes=row.not_before_minutes) if row.not_before_minutes else None,
            resolution=timedelta(minutes=row.resolution_minutes) if row.resolution_minutes else None,
        )
    return targets


def targets_for_plan(plan_id: int | None) -> dict[str, Target]:
    if plan_id is None:
        return DEFAULT_TARGETS
    now = _time.monotonic()
    with _lock:
        hit = _cache.get(plan_id)
        if hit and now - hit[0] < CACHE_SECONDS:
            return hit[1]
    targets = _load(plan_id)
    with _lock:
        _cache[plan_id] = (now, targets)
    return targets


def target_for(plan_id: int | None, code: str) -> Target:
    return targets_for_plan(plan_id)[code]


def clear_cache(**_kwargs) -> None:
    with _lock:
        _cache.clear()


for _model in (Plan, PlanTarget, BusinessCalendar, ClosedDay):
    post_save.connect(clear_cache, sender=_model, dispatch_uid=f"sla-cache-{_model.__name__}-save")
    post_delete.connect(clear_cache, sender=_model, dispatch_uid=f"sla-cache-{_model.__name__}-delete")
