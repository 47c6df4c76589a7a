"""Template helpers shared by the console and the portal."""

from __future__ import annotations

from datetime import datetime, timedelta

import nh3
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from triagedesk.triage.codes import Code

from .. import labels

register = template.Library()


@register.simple_tag
def code_badge(code: str, size: str = "") -> str:
    """The code as colour *and* word, so it reads without colour vision too."""
    if not code:
        return ""
    try:
        parsed = Code.parse(code)
    except ValueError:
        return code
    return format_html('<span class="code code-{}{}">{}</span>', parsed.value, f" code-{size}" if size else "",
                       parsed.label(get_language() or "en").upper())


@register.filter
def code_label(code: str) -> str:
    try:
        return Code.parse(code).label(get_language() or "en").upper()
    except ValueError:
        return code or ""


@register.filter
def state_label(state: str) -> str:
    return labels.state_label(state or "")


@register.filter
def customer_state_label(state: str) -> str:
    return labels.state_label(state or "", customer=True)


@register.filter
def resolution_label(value: str) -> str:
    return str(labels.RESOLUTIONS.get(value, value))


@register.filter
def channel_label(value: str) -> str:
    return str(labels.CHANNELS.get(value, value))


@register.filter
def verb_label(value: str) -> str:
    return str(labels.VERBS.get(value, value))


@register.filter
def tier_label(value) -> str:
    return labels.TIERS.get(value, f"L{value}")


@register.filter
def iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


@register.filter
def epoch_ms(value: datetime | None) -> str:
    return str(int(value.timestamp() * 1000)) if value else ""


@register.filter
def span(value: timedelta | None, minutes_only: bool = False) -> str:
    """A duration as the countdown script writes it: "12:05", "3 h 12 min", "4 d 3 h"."""
    if value is None:
        return ""
    return labels.format_span(value.total_seconds(), labels.span_units(), minutes_only)


@register.filter
def target_span(value: timedelta | None) -> str:
    """A target's length, in minutes granularity ("15 min", "24 h", "4 d")."""
    return span(value, True)


def countdown_strings() -> dict[str, str]:
    return {**labels.span_units(), "left": gettext("%s left"), "breached": gettext("BREACHED %s ago")}


@register.simple_tag
def countdown(due: datetime | None, now: datetime) -> str:
    """Server-rendered text of a live countdown (the script keeps it ticking)."""
    if due is None:
        return ""
    left = due - now
    strings = countdown_strings()
    if left.total_seconds() < 0:
        return strings["breached"] % span(left, True)
    return strings["left"] % span(left)


@register.simple_tag
def countdown_class(due: datetime | None, warning: datetime | None, now: datetime) -> str:
    if due is None:
        return ""
    if now >= due:
        return "cd-breached"
    return "cd-warning" if warning and now >= warning else "cd-running"


@register.simple_tag
def js_strings():
    """The words the countdown script needs, in the page's language."""
    from django.utils.html import json_script

    return json_script(countdown_strings(), "td-i18n")


@register.filter
def sanitized(html: str) -> str:
    """Mail HTML is sanitised when stored; cleaning again on output costs little and guards old rows."""
    return mark_safe(nh3.clean(html or "", link_rel="noopener noreferrer nofollow"))


@register.filter
def language_label(code: str) -> str:
    from django.utils.translation import get_language_info

    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@register.simple_tag
def now_ms() -> str:
    return str(int(timezone.now().timestamp() * 1000))


@register.filter
def ago(value: datetime | None, now: datetime) -> str:
    if value is None:
        return ""
    return gettext("%s ago") % span(now - value, True)


@register.simple_tag
def customer_state(ticket, now: datetime) -> str:
    """The state as the customer reads it; a scheduled ticket whose time has come is simply waiting."""
    state = ticket.state
    if state == "scheduled" and not (ticket.not_before_at and ticket.not_before_at > now):
        state = "triaged"
    return labels.state_label(state, customer=True)


@register.filter
def percent(value: float | None) -> str:
    """0.1234 -> "12.3 %" (in the active language's number format); None -> "—"."""
    if value is None:
        return "—"
    from django.utils.formats import number_format

    return f"{number_format(value * 100, 1)} %"
