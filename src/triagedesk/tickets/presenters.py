"""Human-facing renderings of ticket facts (dates in the customer's zone, code labels)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from triagedesk.triage.codes import Code


def local_time(at: datetime | None, tz: str) -> str:
    if at is None:
        return ""
    return at.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M %Z")


def portal_url(ticket) -> str:
    return f"{settings.BASE_URL}/portal/tickets/{ticket.number}/"


def console_url(ticket) -> str:
    return f"{settings.BASE_URL}/console/tickets/{ticket.number}/"


def ack_context(ticket) -> dict:
    tz = ticket.account.time_zone if ticket.account_id else settings.TIME_ZONE
    return {
        "ticket": ticket,
        "name": ticket.requester_name or ticket.requester_email,
        "code_label": Code(ticket.code).label(ticket.language),
        "due": local_time(ticket.due_at, tz),
        "not_before": local_time(ticket.not_before_at, tz) if ticket.state == "scheduled" else "",
        "portal_url": portal_url(ticket),
    }
