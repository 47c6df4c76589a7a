"""The README's first command: demo data that shows every part of the desk, loaded once."""

from __future__ import annotations

import io

from django.core.management import call_command

from triagedesk.accounts.models import Account, Agent, Plan
from triagedesk.core.demo import DEMO_PASSWORD, seed_demo
from triagedesk.core.models import AuditEvent
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets.models import Ticket
from triagedesk.triage.catalog_data import CATALOG
from triagedesk.triage.models import CaseType


def test_the_demo_has_every_part_of_the_desk_and_loads_only_once(db, django_user_model):
    assert seed_demo(tickets_count=120) is True
    assert CaseType.objects.filter(builtin=True).count() == len(CATALOG)
    assert set(Plan.objects.values_list("name", flat=True)) == {"Economy", "Standard", "Premium"}
    assert Plan.objects.get(name="Premium").personal_manager
    assert Account.objects.count() == 12
    assert set(Agent.objects.values_list("tier", flat=True)) == {1, 2, 3}
    tickets = Ticket.objects.all()
    assert tickets.count() == 120
    assert set(tickets.values_list("code", flat=True)) == {"red", "yellow", "green", "white"}
    states = set(tickets.values_list("state", flat=True))
    assert {"triaged", "in_progress", "resolved"} <= states, states
    assert tickets.filter(is_open=True).exists() and tickets.filter(is_open=False).exists()
    assert AuditEvent.objects.filter(verb="ticket.retriaged").exists()  # the triage report has content
    # the history already happened: none of its mails goes out when the worker starts
    assert not OutboundEmail.objects.filter(status="queued").exists()
    # the logins the demo prints work
    anna = django_user_model.objects.get(username="anna@rossi-shop.it")
    assert anna.check_password(DEMO_PASSWORD)
    assert seed_demo(tickets_count=120) is False
    assert Ticket.objects.count() == 120


def test_demo_command_prepares_the_data_without_serving(db):
    out = io.StringIO()
    call_command("demo", "--no-serve", "--tickets", "30", stdout=out)
    assert "demo data loaded (30 tickets)" in out.getvalue()
    assert Ticket.objects.count() == 30
