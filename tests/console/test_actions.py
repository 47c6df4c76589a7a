"""Each action on the ticket page calls its service; refusals are shown, drafts kept."""

from __future__ import annotations

import pytest

from tests.console.helpers import as_agent, open_ticket
from triagedesk.billing.models import TimeEntry
from triagedesk.core.models import AuditEvent
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db


def act(client, ticket, action, data=None, **extra):
    return client.post(f"/console/tickets/{ticket.number}/{action}/", data or {}, **extra)


def fresh(ticket):
    return Ticket.objects.get(pk=ticket.pk)


def test_take_in_charge(agent_client, world):
    ticket = open_ticket(world, code="red")
    client = agent_client("l1")
    response = act(client, ticket, "take")
    assert response.status_code == 302 and response["Location"] == f"/console/tickets/{ticket.number}/"
    ticket = fresh(ticket)
    assert ticket.state == "in_progress" and ticket.assignee == world.agents["l1"]
    assert "Taken in charge." in client.get(response["Location"]).content.decode()


def test_reply_is_stored_mailed_and_can_carry_files(agent_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ticket = open_ticket(world)
    response = act(agent_client("l1"), ticket, "reply", {
        "body": "Abbiamo riavviato il server.",
        "attachments": [SimpleUploadedFile("a.txt", b"one"), SimpleUploadedFile("b.txt", b"two")]})
    assert response.status_code == 302
    message = Message.objects.get(ticket=ticket, author_agent=world.agents["l1"])
    assert message.visibility == "public" and message.body == "Abbiamo riavviato il server."
    assert sorted(a.filename for a in message.attachments.all()) == ["a.txt", "b.txt"]
    assert OutboundEmail.objects.filter(ticket=ticket, kind="reply", to="anna@rossi-shop.it").exists()


def test_internal_note_is_never_mailed(agent_client, world):
    ticket = open_ticket(world)
    act(agent_client("l1"), ticket, "note", {"body": "customer is VIP"})
    assert Message.objects.filter(ticket=ticket, visibility="internal", body="customer is VIP").exists()
    assert not OutboundEmail.objects.filter(ticket=ticket).exists()


def test_retriage_with_a_reason(agent_client, world):
    ticket = open_ticket(world, code="yellow")
    assert act(agent_client("lead"), ticket, "retriage", {"code": "red", "reason": "orders failing"}).status_code == 302
    assert fresh(ticket).code == "red"
    assert AuditEvent.objects.get(verb="ticket.retriaged").data["reason"] == "orders failing"


def test_retriage_without_a_reason_is_refused_and_the_form_kept(agent_client, world):
    ticket = open_ticket(world, code="yellow")
    response = act(agent_client("l1"), ticket, "retriage", {"code": "red", "reason": ""})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'class="error-box"' in html and "Please correct" in html
    assert '<details open id="panel-retriage">' in html
    assert fresh(ticket).code == "yellow"


def test_a_domain_error_is_shown_clearly(agent_client, world):
    ticket = open_ticket(world, code="red")
    response = act(agent_client("l1"), ticket, "retriage", {"code": "red", "reason": "sure?"})
    assert response.status_code == 422
    assert f"{ticket.number} is already RED" in response.content.decode()


def test_a_refused_reply_keeps_the_draft(agent_client, world):
    ticket = open_ticket(world)
    l1 = world.agents["l1"]
    svc.ticket_resolve(ticket=ticket, resolution_type="answer", actor=as_agent(l1))
    svc.ticket_close(ticket=ticket, actor=as_agent(l1))
    response = act(agent_client("l1"), ticket, "reply", {"body": "my long careful answer"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "is closed: reopen it before replying" in html
    assert ">my long careful answer</textarea>" in html


def test_assign_to_an_agent_of_the_team_and_back_to_nobody(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    act(client, ticket, "assign", {"agent": world.agents["lead"].pk})
    assert fresh(ticket).assignee == world.agents["lead"]
    act(client, ticket, "assign", {"agent": ""})
    assert fresh(ticket).assignee is None
    # An agent outside the ticket's team is not a choice.
    response = act(client, ticket, "assign", {"agent": world.agents["l3"].pk})
    assert response.status_code == 422 and fresh(ticket).assignee is None


def test_escalate_to_the_next_tier_with_a_reason(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    assert act(client, ticket, "escalate", {"reason": "needs root"}).status_code == 302
    assert fresh(ticket).tier == 2
    assert act(client, ticket, "escalate", {"reason": ""}).status_code == 422
    assert fresh(ticket).tier == 2


def test_pause_and_resume(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    act(client, ticket, "take")
    act(client, ticket, "pause")
    assert fresh(ticket).state == "waiting_customer" and fresh(ticket).paused_since is not None
    html = client.get(f"/console/tickets/{ticket.number}/").content.decode()
    assert "/resume/" in html and "/pause/" not in html
    act(client, ticket, "resume")
    assert fresh(ticket).state == "in_progress" and fresh(ticket).paused_since is None


def test_resolve_close_and_reopen(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    assert act(client, ticket, "resolve", {"resolution_type": "workaround", "note": "restarted"}).status_code == 302
    assert fresh(ticket).state == "resolved" and fresh(ticket).resolution_type == "workaround"
    act(client, ticket, "close")
    assert fresh(ticket).state == "closed"
    act(client, ticket, "reopen", {"reason": "came back"})
    assert fresh(ticket).state == "reopened"


def test_resolve_needs_a_known_resolution_type(agent_client, world):
    ticket = open_ticket(world)
    assert act(agent_client("l1"), ticket, "resolve", {"resolution_type": "magic"}).status_code == 422
    assert fresh(ticket).is_open


def test_taking_a_resolved_ticket_is_refused_by_the_state_machine(agent_client, world):
    ticket = open_ticket(world)
    svc.ticket_resolve(ticket=ticket, resolution_type="answer", actor=as_agent(world.agents["l1"]))
    response = act(agent_client("l1"), ticket, "take")
    assert response.status_code == 422
    assert "cannot take a ticket that is resolved" in response.content.decode()


def test_log_time(agent_client, world):
    ticket = open_ticket(world)
    client = agent_client("l1")
    assert act(client, ticket, "log_time", {"minutes": "45", "note": "DNS"}).status_code == 302
    entry = TimeEntry.objects.get()
    assert entry.minutes == 45 and entry.account == world.accounts["rossi"] and entry.agent == world.agents["l1"]
    assert AuditEvent.objects.filter(verb="ticket.time_logged", subject_id=ticket.pk).exists()
    assert act(client, ticket, "log_time", {"minutes": "0"}).status_code == 422


def test_an_htmx_submission_gets_the_error_page_to_swap_in(agent_client, world):
    ticket = open_ticket(world, code="red")
    response = act(agent_client("l1"), ticket, "retriage", {"code": "red", "reason": "x"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422  # htmx-config swaps 422 responses
    assert "is already RED" in response.content.decode()
