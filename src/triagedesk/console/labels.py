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
