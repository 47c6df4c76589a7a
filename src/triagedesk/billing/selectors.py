"""Reads of the hours ledger."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Sum

from .models import TimeEntry


def month_bounds(now: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """The calendar month containing ``now``, as seen in ``time_zone`` (where the customer is billed)."""
    local = now.astimezone(ZoneInfo(time_zone))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start, end


def hours_used_this_month(account, now: datetime) -> Decimal:
    """Hours logged on the account's tickets in the current month, to two decimals."""
    if account is None:
        return Decimal("0.00")
    start, end = month_bounds(now, account.time_zone)
    minutes = (TimeEntry.objects.filter(account=account, at__gte=start, at__lt=end)
               .aggregate(total=Sum("minutes"))["total"]) or 0
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01"))


def time_entries_for(ticket) -> list[TimeEntry]:
    return list(TimeEntry.objects.filter(ticket=ticket).select_related("agent__user"))
