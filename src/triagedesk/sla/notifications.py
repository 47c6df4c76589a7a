"""Telling team leads about SLA warnings and breaches."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from triagedesk.accounts.models import Agent, Team
from triagedesk.core.clock import system_clock
from triagedesk.notify.services import outbound_email_queue, render_email
from triagedesk.tickets.models import Ticket
from triagedesk.tickets.presenters import console_url, local_time
from triagedesk.triage.codes import Code


def _leads(team_id: int | None) -> list[Agent]:
    if team_id is not None:
        team = Team.objects.select_related("lead__user").filter(pk=team_id).first()
        if team and team.lead and team.lead.user.email:
            return [team.lead]
    # No team or no lead: every supervisor hears about it.
    return list(Agent.objects.select_related("user").filter(sees_all_teams=True).exclude(user__email=""))


def sla_notify_leads(*, kind: str, team_id: int | None, ticket_ids: list[int], clock=system_clock) -> int:
    now = clock()
    sent = 0
    tickets = Ticket.objects.filter(pk__in=ticket_ids).select_related("account")
    with transaction.atomic():
        for lead in _leads(team_id):
            for ticket in tickets:
                lang = lead.language
                subject, body = render_email("sla_alert", lang, {
                    "ticket": ticket, "kind": kind, "code_label": Code(ticket.code).label("en").upper(),
                    "account": ticket.account.name if ticket.account_id else "unverified sender",
                    "due": local_time(ticket.due_at, settings.TIME_ZONE), "console_url": console_url(ticket)})
                outbound_email_queue(kind=f"sla_{kind}", to=lead.user.email, subject=subject, body_text=body,
                                     at=now, language=lang, ticket=ticket)
                sent += 1
    return sent
