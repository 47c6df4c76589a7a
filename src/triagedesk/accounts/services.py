"""Writes to customers, plans and agents (the admin edits the same rows)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction

from triagedesk.core.errors import DomainError

from .models import Account, Agent, BusinessCalendar, Contact, EmailDomain, Plan, PlanTarget, Team


def calendar_create(*, name: str, time_zone: str, weekly_hours: list, holiday_country: str = "") -> BusinessCalendar:
    return BusinessCalendar.objects.create(name=name, time_zone=time_zone, weekly_hours=weekly_hours,
                                           holiday_country=holiday_country)


@transaction.atomic
def plan_create(*, name: str, slug: str, calendar: BusinessCalendar, monthly_included_hours, personal_manager=False,
                targets: Iterable[dict] = ()) -> Plan:
    plan = Plan.objects.create(name=name, slug=slug, calendar=calendar, personal_manager=personal_manager,
                               monthly_included_hours=monthly_included_hours)
    PlanTarget.objects.bulk_create([PlanTarget(plan=plan, **t) for t in targets])
    return plan


def team_create(*, name: str, slug: str) -> Team:
    return Team.objects.create(name=name, slug=slug)


@transaction.atomic
def agent_create(*, username: str, email: str, name: str, password: str, tier: int = 1, teams: Iterable[Team] = (),
                 language: str = "en", superuser: bool = False, sees_all_teams: bool = False,
                 lead_of: Iterable[Team] = ()) -> Agent:
    first, _, last = name.partition(" ")
    User = get_user_model()
    user = User.objects.create_user(username=username, email=email, password=password, first_name=first,
                                    last_name=last, is_staff=True, is_superuser=superuser)
    agent = Agent.objects.create(user=user, tier=tier, language=language, sees_all_teams=sees_all_teams)
    agent.teams.set(list(teams))
    for team in lead_of:
        team.lead = agent
        team.save(update_fields=["lead"])
    return agent


@transaction.atomic
def account_create(*, code: str, name: str, plan: Plan, language: str = "it", time_zone: str = "Europe/Rome",
                   team: Team | None = None, account_manager: Agent | None = None,
                   domains: Iterable[str] = ()) -> Account:
    if Account.objects.filter(code=code).exists():
        raise DomainError(f"customer code {code} is already taken")
    if plan.personal_manager and account_manager is None:
        raise DomainError(f"plan {plan.name} comes with a personal account manager: choose one")
    account = Account.objects.create(code=code, name=name, plan=plan, language=language, time_zone=time_zone,
                                     team=team, account_manager=account_manager)
    EmailDomain.objects.bulk_create([EmailDomain(account=account, domain=d.lower(), verified=True) for d in domains])
    return account


@transaction.atomic
def contact_create(*, account: Account, name: str, email: str, phone: str = "", language: str = "",
                   password: str | None = None) -> Contact:
    email = email.strip().lower()
    if Contact.objects.filter(email__iexact=email).exists():
        raise DomainError(f"{email} is already a contact")
    user = None
    if password is not None:
        first, _, last = name.partition(" ")
        user = get_user_model().objects.create_user(username=email, email=email, password=password,
                                                    first_name=first, last_name=last)
    return Contact.objects.create(account=account, name=name, email=email, phone=phone, language=language, user=user)
