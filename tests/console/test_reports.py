"""Triage quality: proposed versus final code, over- and under-triage, scoped like every read."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from triagedesk.core.models import AuditEvent
from triagedesk.reports.selectors import triage_quality
from triagedesk.tickets import services as svc
from triagedesk.triage.codes import triage_outcome

from .helpers import as_agent, open_ticket

RED_TEXT = dict(subject="Sito down", body="Il sito è completamente down da stamattina, errore 500 ovunque.")
YELLOW_TEXT = dict(subject="Password FTP", body="Abbiamo perso la password FTP, potete reimpostarla?")


def _desk(world, clock):
    """Four tickets of Rossi (team support), one of Dupont (team systems); two re-triaged."""
    boss = as_agent(world.agents["boss"])
    over = open_ticket(world, code=None, clock=clock, **RED_TEXT)
    under = open_ticket(world, code=None, clock=clock, **YELLOW_TEXT)
    kept = open_ticket(world, code=None, clock=clock, **RED_TEXT)
    other = open_ticket(world, contact="marie", code=None, clock=clock, **YELLOW_TEXT)
    assert (over.proposed_code, under.proposed_code, other.proposed_code) == ("red", "yellow", "yellow")
    svc.ticket_retriage(ticket=over, code="green", reason="only a cosmetic glitch", actor=boss, clock=clock)
    svc.ticket_retriage(ticket=under, code="red", reason="FTP is how their shop imports orders", actor=boss,
                        clock=clock)
    return over, under, kept, other


def test_triage_outcome_compares_urgency():
    assert triage_outcome("red", "green") == "over"
    assert triage_outcome("white", "yellow") == "under"
    assert triage_outcome("yellow", "yellow") == "agreed"
    assert triage_outcome("", "red") == ""


def test_retriage_records_over_and_under_triage_in_the_audit_trail(world, clock):
    over, under, _kept, _other = _desk(world, clock)
    events = {e.subject_id: e.data for e in AuditEvent.objects.filter(verb="ticket.retriaged")}
    assert events[over.pk]["triage"] == "over"
    assert events[under.pk]["triage"] == "under"
    assert events[under.pk]["proposed_code"] == "yellow"


def test_report_counts_proposed_against_final(world, clock):
    _desk(world, clock)
    now = clock()
    report = triage_quality(user=world.agents["boss"].user, since=now - timedelta(days=1), until=now + timedelta(1))
    assert report.total == 4
    assert (report.agreed, report.over, report.under) == (2, 1, 1)
    assert report.matrix["red"]["green"] == 1 and report.matrix["yellow"]["red"] == 1
    assert report.matrix["red"]["red"] == 1 and report.matrix["yellow"]["yellow"] == 1
    assert report.recall("red") == 0.5  # two tickets ended RED, one was proposed RED
    assert report.rate(report.under) == 0.25


def test_report_is_scoped_and_windowed(world, clock):
    _desk(world, clock)
    now = clock()
    l1 = triage_quality(user=world.agents["l1"].user, since=now - timedelta(days=1), until=now + timedelta(1))
    assert l1.total == 3  # Dupont's ticket belongs to the systems team
    earlier = triage_quality(user=world.agents["boss"].user, since=now - timedelta(days=9), until=now - timedelta(1))
    assert earlier.total == 0
    anna = triage_quality(user=world.contacts["anna"].user, since=now - timedelta(days=1), until=now + timedelta(1))
    assert anna.total == 3  # a contact's scope is their account; the page itself is for agents only


def test_report_page_for_agents_only(world, clock, agent_client, contact_client, client):
    _desk(world, clock)
    anonymous = client.get("/console/reports/triage/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    page = agent_client("boss")
    with CaptureQueriesContext(connection) as queries:
        response = page.get("/console/reports/triage/?days=7")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-figure="under"' in html and 'data-cell="yellow-red">1<' in html
    assert 'data-cell="red-green">1<' in html
    assert len(queries) <= 8
    client.logout()
    assert contact_client("anna").get("/console/reports/triage/").status_code == 403


def test_report_page_with_nothing_to_show_and_a_bad_period(world, agent_client):
    response = agent_client("l1").get("/console/reports/triage/?days=abc")
    assert response.status_code == 200
    assert "No ticket you can see was opened in this period." in response.content.decode()
