"""Reads the console pages need besides tickets (those live in tickets.selectors)."""

from __future__ import annotations

from django.db.models import Q

from triagedesk.accounts.models import Agent, Contact, Plan, Team


def is_supervisor(agent: Agent) -> bool:
    return agent.sees_all_teams or agent.user.is_superuser


def teams_for_filter(agent: Agent) -> list[Team]:
    qs = Team.objects.order_by("name")
    return list(qs if is_supervisor(agent) else qs.filter(agents=agent))


def plans_for_filter() -> list[Plan]:
    return list(Plan.objects.order_by("name").only("pk", "name", "slug"))


def assignable_agents(ticket) -> list[Agent]:
    """Agents of the ticket's team, plus those who see every team."""
    q = Q(sees_all_teams=True) | Q(user__is_superuser=True)
    if ticket.team_id:
        q |= Q(teams=ticket.team_id)
    return list(Agent.objects.filter(q, user__is_active=True).select_related("user").distinct()
                .order_by("tier", "user__first_name", "user__username"))


def caller(contact_id) -> Contact | None:
    """Phone intake: the contact an agent picked from the caller search."""
    try:
        pk = int(contact_id)
    except (TypeError, ValueError):
        return None
    return (Contact.objects.select_related("account", "account__plan")
            .filter(pk=pk, is_active=True, account__is_active=True).first())


def may_see_mail_quarantine(agent: Agent) -> bool:
    """Quarantined mail is unsorted and may hold anything: supervisors and team leads only."""
    return is_supervisor(agent) or agent.led_teams.exists()


def quarantined_mail(limit: int = 200) -> list:
    from triagedesk.intake.models import RawEmail

    return list(RawEmail.objects.filter(status=RawEmail.Status.QUARANTINED)
                .defer("content").order_by("-received_at", "-id")[:limit])


def callbacks_for(ticket) -> list:
    from triagedesk.portal.models import CallbackRequest

    return list(CallbackRequest.objects.filter(ticket=ticket).select_related("contact"))


def callback_visible_to(*, user, pk: int):
    from triagedesk.portal.models import CallbackRequest
    from triagedesk.tickets.selectors import tickets_visible_to

    return (CallbackRequest.objects.filter(pk=pk, ticket__in=tickets_visible_to(user).values("pk"))
            .select_related("ticket").first())
