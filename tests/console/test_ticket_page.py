"""The ticket page: conversation, triage facts, clocks, customer, hours, audit, queries."""

from __future__ import annotations

import re

import pytest

from tests.console.helpers import as_agent, as_contact, open_ticket
from triagedesk.billing.services import time_log
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Message

pytestmark = pytest.mark.django_db


def test_public_replies_and_internal_notes_look_different(agent_client, world):
    ticket = open_ticket(world, body="Il sito non risponde.")
    l1 = world.agents["l1"]
    svc.ticket_reply(ticket=ticket, agent=l1, body="Ci stiamo lavorando.", actor=as_agent(l1))
    svc.ticket_note(ticket=ticket, agent=l1, body="Check the nginx logs", actor=as_agent(l1))
    html = agent_client("l1").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert re.search(r'class="msg from-customer".*?Il sito non risponde', html, re.S)
    assert re.search(r'class="msg from-agent".*?Public reply.*?Ci stiamo lavorando', html, re.S)
    assert re.search(r'class="msg internal".*?Internal note.*?Check the nginx logs', html, re.S)


def test_mail_html_is_shown_sanitised_and_quoted_history_folded(agent_client, world):
    ticket = open_ticket(world)
    Message.objects.create(ticket=ticket, channel="email", author_name="Anna", created_at=ticket.opened_at,
                           body="plain", body_html='<p>Ciao <b>team</b></p><script>alert(1)</script>'
                                                   '<img src=x onerror="alert(2)">',
                           quoted="> earlier message")
    html = agent_client("l1").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "<p>Ciao <b>team</b></p>" in html
    assert "alert(1)" not in html and "onerror" not in html
    assert re.search(r"<details class=\"quoted\"><summary>Quoted history</summary><pre>&gt; earlier message</pre>",
                     html)


def test_triage_facts_code_reasons_case_and_price(agent_client, world):
    from triagedesk.tickets.models import Ticket
    from triagedesk.triage.models import CaseType

    ticket = open_ticket(world, code="red")
    case = CaseType.objects.filter(slug__contains="restore", code="red", price_kind="amount").first()
    Ticket.objects.filter(pk=ticket.pk).update(case_type=case, proposed_code="yellow",
                                               triage_reasons=["matched \"restore\" (it)"])
    html = agent_client("l1").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "proposed" in html and 'code-yellow">YELLOW' in html and 'code-red code-big">RED' in html
    assert case.name("en") in html and case.price_label("en") in html
    assert "matched &quot;restore&quot; (it)" in html


def test_sla_clock_customer_plan_manager_and_hours(agent_client, world):
    ticket = open_ticket(world, contact="marie", code="red")  # Premium, personal manager l3
    boss = world.agents["boss"]
    time_log(ticket=ticket, agent=boss, minutes=90, note="migration", actor=as_agent(boss))
    html = agent_client("boss").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "take in charge within 10 min" in html
    assert "10:00 left" in html and f'data-due="{int(ticket.due_at.timestamp() * 1000)}"' in html
    assert "C1002" in html and "Premium" in html
    assert "Personal manager" in html and "Tara Three" in html
    assert "1.50 h of 20.00 h included" in html
    assert "Customer language: French" in html


def test_audit_trail_lists_who_did_what(agent_client, world):
    ticket = open_ticket(world, code="yellow")
    lead = world.agents["lead"]
    svc.ticket_retriage(ticket=ticket, code="red", reason="checkout broken", actor=as_agent(lead))
    html = agent_client("l1").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "Audit trail" in html
    assert re.search(r"Lena Lead</strong> re-triaged · YELLOW → RED · “checkout broken”", html)


def test_only_actions_allowed_from_the_state_are_offered(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    html = client.get(f"/console/tickets/{ticket.number}/").content.decode()
    for action in ("take", "pause", "retriage", "escalate", "resolve", "reply", "note", "log_time"):
        assert f"/{action}/" in html, action
    for action in ("resume", "close", "reopen"):
        assert f"/{action}/" not in html, action
    svc.ticket_resolve(ticket=ticket, resolution_type="answer", actor=as_agent(world.agents["l1"]))
    html = client.get(f"/console/tickets/{ticket.number}/").content.decode()
    for action in ("close", "reopen", "reply", "note"):
        assert f"/{action}/" in html, action
    for action in ("take", "pause", "resume", "retriage", "escalate", "resolve", "assign"):
        assert f"/{action}/" not in html, action


def test_callback_bookings_are_shown_to_agents(agent_client, world, clock):
    from datetime import timedelta

    from triagedesk.portal.services import callback_book

    ticket = open_ticket(world)
    anna = world.contacts["anna"]
    callback_book(ticket=ticket, contact=anna, slot_start=clock.now + timedelta(hours=2), phone="+39 02 1234",
                  note="after lunch", actor=as_contact(anna))
    html = agent_client("l1").get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "Call-back bookings" in html and "+39 02 1234" in html and "after lunch" in html
    assert "Mon 23 Nov 13:00" in html


def test_ticket_page_with_30_messages_needs_a_bounded_number_of_queries(agent_client, world,
                                                                         django_assert_max_num_queries):
    ticket = open_ticket(world)
    l1 = world.agents["l1"]
    for i in range(15):
        svc.ticket_reply(ticket=ticket, agent=l1, body=f"reply {i}", actor=as_agent(l1),
                         attachments=[svc.IncomingAttachment(f"log{i}.txt", "text/plain", b"x" * i)])
        svc.ticket_customer_message(ticket=ticket, body=f"answer {i}", channel="portal",
                                    contact=world.contacts["anna"], actor=as_contact(world.contacts["anna"]))
    time_log(ticket=ticket, agent=l1, minutes=5, actor=as_agent(l1))
    client = agent_client("l1")
    with django_assert_max_num_queries(20):
        response = client.get(f"/console/tickets/{ticket.number}/")
    html = response.content.decode()
    assert html.count('class="msg ') == 31
    assert "log14.txt" in html


def test_attachment_download_is_permission_checked(agent_client, world):
    ticket = open_ticket(world, attachments=[svc.IncomingAttachment("shot.png", "image/png", b"\x89PNG...")])
    attachment = ticket.messages.get().attachments.get()
    response = agent_client("l1").get(f"/console/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG..."
    assert 'attachment; filename="shot.png"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert agent_client("l3").get(f"/console/attachments/{attachment.pk}/").status_code == 404
