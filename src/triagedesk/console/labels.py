"""Words people read for the machine values of tickets, in every language we speak."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

STATES = {
    "new": pgettext_lazy("ticket state", "new"),
    "triaged": pgettext_lazy("ticket state", "triaged"),
    "scheduled": pgettext_lazy("ticket state", "scheduled"),
    "in_progress": pgettext_lazy("ticket state", "in progress"),
    "waiting_customer": pgettext_lazy("ticket state", "waiting for customer"),
    "waiting_quote": pgettext_lazy("ticket state", "waiting for quote"),
    "reopened": pgettext_lazy("ticket state", "reopened"),
    "resolved": pgettext_lazy("ticket state", "resolved"),
    "closed": pgettext_lazy("ticket state", "closed"),
}

# The portal says it from the customer's side.
CUSTOMER_STATES = {
    **STATES,
    "triaged": _("received, waiting to be taken in charge"),
    "scheduled": _("received, scheduled"),
    "in_progress": _("being worked on"),
    "waiting_customer": _("waiting for your answer"),
}

RESOLUTIONS = {
    "answer": _("answer"),
    "guideline": _("guideline"),
    "service": _("service provided"),
    "workaround": _("workaround"),
    "hotfix": _("hotfix"),
    "other": _("other solution"),
}

CHANNELS = {
    "email": _("email"), "portal": _("portal"), "phone": _("phone"), "api": _("API"),
    "monitoring": _("monitoring"), "agent": _("agent"),
}

VERBS = {
    "ticket.opened": _("opened"),
    "ticket.taken": _("taken in charge"),
    "ticket.retriaged": _("re-triaged"),
    "ticket.assigned": _("assigned"),
    "ticket.escalated": _("escalated"),
    "ticket.paused": _("paused, waiting for the customer"),
    "ticket.resumed": _("resumed"),
    "ticket.quote_requested": _("quote requested"),
    "ticket.quote_accepted": _("quote accepted"),
    "ticket.resolved": _("resolved"),
    "ticket.closed": _("closed"),
    "ticket.reopened": _("reopened"),
    "ticket.replied": _("replied"),
    "ticket.noted": _("internal note"),
    "ticket.customer_replied": _("customer wrote"),
    "ticket.time_logged": _("time logged"),
    "ticket.callback_booked": _("call-back booked"),
    "ticket.callback_closed": _("call-back closed"),
    "sla.warning": _("SLA warning"),
    "sla.breach": _("SLA breached"),
}

CALLBACK_STATUSES = {"requested": _("requested"), "done": _("done"), "cancelled": _("cancelled")}

TIERS = {1: "L1", 2: "L2", 3: "L3"}


def state_label(state: str, customer: bool = False) -> str:
    table = CUSTOMER_STATES if customer else STATES
    return str(table.get(state, state.replace("_", " ")))


def span_units() -> dict[str, str]:
    """The abbreviated units of a duration, in the active language."""
    from django.utils.translation import pgettext

    return {"d": pgettext("days, abbreviated", "d"), "h": pgettext("hours, abbreviated", "h"),
            "min": pgettext("minutes, abbreviated", "min")}


def format_span(seconds: float, units: dict[str, str], minutes_only: bool = False) -> str:
    """A duration as the countdown script writes it: "12:05", "3 h 12 min", "4 d 3 h"."""
    total = int(abs(seconds))
    minutes = total // 60
    if minutes < 60:
        return f"{minutes} {units['min']}" if minutes_only else f"{minutes:02d}:{total % 60:02d}"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} {units['h']}" + (f" {rest} {units['min']}" if rest else "")
    days, hours = divmod(hours, 24)
    return f"{days} {units['d']}" + (f" {hours} {units['h']}" if hours else "")
