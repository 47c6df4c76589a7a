"""The triage board: open tickets by code, live countdowns, filters kept in the URL."""

from __future__ import annotations

from itertools import groupby

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from triagedesk.core.clock import system_clock
from triagedesk.tickets.selectors import agent_queue

from ..access import agent_required
from ..forms import BoardFilterForm, select_fields
from ..presenters import BoardWords
from ..presenters import board_rows
from ..selectors import plans_for_filter, teams_for_filter


def _is_fragment(request, target: str) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Target") == target


@agent_required
def board(request):
    now = system_clock()
    form = BoardFilterForm(request.GET or None, teams=teams_for_filter(request.agent), plans=plans_for_filter())
    filters = form.filters() if form.is_bound else {}
    page = agent_queue(user=request.user, now=now, filters=filters)
    words = BoardWords()
    rows = board_rows(page.active, now, words)
    groups = [(code, list(items)) for code, items in groupby(rows, key=lambda row: row["code"])]
    context = {
        "section": "board", "form": form, "select_fields": select_fields(form), "now": now, "groups": groups,
        "scheduled": board_rows(page.scheduled, now, words),
        "now_ms": int(now.timestamp() * 1000), "unverified_label": _("unverified"),
        "breached": sum(1 for row in rows if row["status"] == "breached"),
        "shown": len(rows), "filtered": bool(filters),
    }
    template = "console/_board.html" if _is_fragment(request, "board") else "console/board.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response
