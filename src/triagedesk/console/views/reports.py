"""Reports for agents and supervisors: figures over the tickets they may see."""

from __future__ import annotations

from datetime import timedelta

from django.shortcuts import render

from triagedesk.core.clock import system_clock
from triagedesk.reports.selectors import CODES, triage_quality

from ..access import agent_required

PERIODS = (7, 30, 90, 365)


@agent_required
def triage_report(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    now = system_clock()
    report = triage_quality(user=request.user, since=now - timedelta(days=days), until=now)
    context = {
        "section": "reports", "report": report, "days": days, "periods": PERIODS, "codes": CODES,
        "rows": report.rows(), "column_totals": report.column_totals(),
        "over_rate": report.rate(report.over), "under_rate": report.rate(report.under),
        "agreed_rate": report.rate(report.agreed), "red_recall": report.recall("red"),
    }
    return render(request, "console/report_triage.html", context)
