"""The agent queue (ordering, scheduled, scoping) and the SLA scan (exactly once)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from triagedesk.core.audit import Actor
from triagedesk.core.models import AuditEvent
from triagedesk.core.testing import run_queued_tasks
from triagedesk.notify.models import OutboundEmail
from triagedesk.sla.scan import sla_scan
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import SlaEvent, Ticket
from triagedesk.tickets.selectors import agent_queue, tickets_visible_to

pytestmark = pytest.mark.django_db


def _open(world, clock, code, contact="anna", subject="req"):
    c = world.contacts[contact]
    return svc.ticket_open(subject=subject, body="...", channel="portal", requester=c, code=code,
                           actor=Actor("contact", c.user_id, c.name), acknowledge=False, clock=clock)


def test_queue_orders_by_severity_then_deadline_and_keeps_scheduled_apart(world, clock):
    yellow_old = _open(world, clock, "yellow")
    clock.advance(minutes=1)
    red = _open(world, clock, "red")
    white = _open(world, clock, "white")
    clock.advance(minutes=1)
    yellow_new = _open(world, clock, "yellow")
    page = agent_queue(user=world.agents["boss"].user, now=clock.now)
    assert [t.number for t in page.active] == [red.number, yellow_old.number, yellow_new.number]
    assert [t.number for t in page.scheduled] == [white.number]
    clock.advance(hours=49)
    page = agent_queue(user=world.agents["boss"].user, now=clock.now)
    assert page.active[-1].number == white.number and page.scheduled == []


def test_queue_filters_and_team_scoping(world, clock):
    mine = _open(world, clock, "red", "anna")        # Support team
    other = _open(world, clock, "red", "marie")      # Systems team
    l1 = world.agents["l1"].user
    assert [t.pk for t in agent_queue(user=l1, now=clock.now).active] == [mine.pk]
    assert agent_queue(user=l1, now=clock.now, filters={"team": world.teams["systems"].pk}).active == []
    boss = world.agents["boss"].user
    assert {t.pk for t in agent_queue(user=boss, now=clock.now).active} == {mine.pk, other.pk}
    assert [t.pk for t in agent_queue(user=boss, now=clock.now, filters={"plan": "premium"}).active] == [other.pk]
    assert [t.pk for t in agent_queue(user=boss, now=clock.now, filters={"account": "C1001"}).active] == [mine.pk]
    assert agent_queue(user=boss, now=clock.now, filters={"code": "yellow"}).active == []
    assert agent_queue(user=world.contacts["anna"].user, now=clock.now).active == []  # customers have no queue


def test_a_customer_sees_only_their_own_accounts_tickets(world, clock):
    mine = _open(world, clock, "yellow", "anna")
    _open(world, clock, "yellow", "marie")
    assert list(tickets_visible_to(world.contacts["anna"].user)) == [mine]
    from django.contrib.auth.models import AnonymousUser

    assert list(tickets_visible_to(AnonymousUser())) == []


def test_scan_warns_at_80_percent_and_breaches_at_100_percent_exactly_once(world, clock, smtp_sink):
    ticket = _open(world, clock, "red")                  # 15 minutes
    assert sla_scan(now=clock.advance(minutes=11)).warnings == 0
    first = sla_scan(now=clock.advance(minutes=1))       # 12 minutes = 80 %
    again = sla_scan(now=clock.now)
    assert (first.warnings, again.warnings) == (1, 0)
    result = sla_scan(now=clock.advance(minutes=3))      # 15 minutes
    assert (result.warnings, result.breaches) == (0, 1)
    assert sla_scan(now=clock.advance(minutes=30)).breaches == 0
    assert list(SlaEvent.objects.filter(ticket=ticket).values_list("kind", flat=True)) == ["warning", "breach"]
    assert AuditEvent.objects.filter(verb="ticket.sla_breach", subject_id=ticket.pk).count() == 1
    run_queued_tasks(now=clock.now)
    kinds = sorted(OutboundEmail.objects.values_list("kind", flat=True))
    assert kinds == ["sla_breach", "sla_warning"]
    assert [m["To"] for m in smtp_sink.messages] == ["lead@desk.example", "lead@desk.example"]


def test_taken_paused_and_resolved_tickets_are_not_scanned(world, clock):
    taken = _open(world, clock, "red")
    svc.ticket_take(ticket=taken, agent=world.agents["l1"], actor=Actor.system(), clock=clock)
    paused = _open(world, clock, "red")
    svc.ticket_wait_customer(ticket=paused, actor=Actor.system(), clock=clock)
    result = sla_scan(now=clock.advance(hours=2))
    assert (result.warnings, result.breaches) == (0, 0)


def test_retriage_gives_the_new_clock_its_own_warning_and_breach(world, clock):
    ticket = _open(world, clock, "red")
    sla_scan(now=clock.advance(minutes=16))
    svc.ticket_retriage(ticket=ticket, code="yellow", reason="not that bad", actor=Actor.system(), clock=clock)
    assert sla_scan(now=clock.now).breaches == 0
    result = sla_scan(now=clock.advance(hours=24))
    assert result.breaches == 1
    assert SlaEvent.objects.filter(ticket=ticket, kind="breach").count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_scanners_at_once_record_each_event_once(world, clock):
    """Two threads, two connections: the claim is atomic, nothing is recorded twice."""
    import threading

    from django.db import connection

    tickets = [_open(world, clock, "red") for _ in range(30)]
    now = clock.advance(minutes=20)
    results = []

    def scan():
        try:
            results.append(sla_scan(now=now, batch=7))
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    total = sum(r.breaches for r in results)
    assert SlaEvent.objects.filter(kind="breach").count() == total
    assert total <= len(tickets)
    sla_scan(now=now)
    while sla_scan(now=now).breaches:
        pass
    assert SlaEvent.objects.filter(kind="breach").count() == len(tickets)
    assert Ticket.objects.filter(sla_breached_at__isnull=True).count() == 0
