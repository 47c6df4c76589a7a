"""The ticket services: opening, the state machine in practice, SLA fields, audit, tasks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from triagedesk.core.audit import Actor
from triagedesk.core.errors import DomainError, InvalidTransition
from triagedesk.core.models import AuditEvent
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db


def customer(contact):
    return Actor("contact", contact.user_id, contact.name)


def agent_actor(agent):
    return Actor("agent", agent.user_id, agent.display_name)


def open_ticket(world, clock, code=None, subject="Sito down", body="Il sito non risponde, errore 502", **kw):
    contact = kw.pop("contact", world.contacts["anna"])
    return svc.ticket_open(subject=subject, body=body, channel=kw.pop("channel", "email"), requester=contact,
                           actor=customer(contact), code=code, clock=clock, **kw)


def test_opening_a_ticket_writes_ticket_message_audit_and_acknowledgement_in_one_go(world, clock):
    ticket = open_ticket(world, clock, code="red")
    assert ticket.number == "TD-2026-000001"
    assert ticket.account == world.accounts["rossi"] and ticket.team == world.teams["support"]
    assert ticket.state == "triaged" and ticket.is_open and ticket.severity == 0
    assert ticket.due_at == clock.now + timedelta(minutes=15)
    assert ticket.warning_at == clock.now + timedelta(minutes=12)
    assert ticket.sla_next_at == ticket.warning_at
    assert Message.objects.filter(ticket=ticket, visibility="public").count() == 1
    event = AuditEvent.objects.get(subject_type="ticket", subject_id=ticket.pk)
    assert event.verb == "ticket.opened" and event.data["code"] == "red"
    ack = OutboundEmail.objects.get(ticket=ticket)
    assert ack.kind == "acknowledgement" and ack.to == "anna@rossi-shop.it"
    assert ticket.number in ack.subject and "Rosso" in ack.body_text  # the contact's language: Italian
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(task_path__endswith="send_outbound_email").count() == 1


def test_ticket_numbers_are_sequential_per_year(world, clock):
    first = open_ticket(world, clock)
    second = open_ticket(world, clock)
    clock.now = clock.now.replace(year=2027, month=1, day=2)
    third = open_ticket(world, clock)
    assert [first.number, second.number, third.number] == ["TD-2026-000001", "TD-2026-000002", "TD-2027-000001"]


def test_unknown_code_is_a_clear_domain_error_and_nothing_is_written(world, clock):
    with pytest.raises(DomainError, match="invalid triage code 'purple'"):
        open_ticket(world, clock, code="purple")
    assert Ticket.objects.count() == 0 and Message.objects.count() == 0


def test_a_failure_after_the_ticket_insert_rolls_everything_back(world, clock, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(DomainError, match="over the limit"):
        open_ticket(world, clock, attachments=[svc.IncomingAttachment("big.bin", "application/octet-stream",
                                                                      b"x" * 11)])
    assert Ticket.objects.count() == 0 and AuditEvent.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_contact_of_another_account_is_refused(world, clock):
    with pytest.raises(DomainError, match="does not belong"):
        svc.ticket_open(subject="x", body="y", channel="phone", requester=world.contacts["marie"],
                        account=world.accounts["rossi"], actor=Actor.system(), clock=clock)


def test_green_ticket_is_scheduled_until_its_not_before_time(world, clock):
    ticket = open_ticket(world, clock, code="green", subject="HTTPS", body="vorremmo HTTPS")
    assert ticket.state == "scheduled"
    assert ticket.not_before_at == clock.now + timedelta(hours=48)
    assert ticket.due_at == clock.now + timedelta(days=4)


def test_plan_changes_the_target(world, clock):
    premium = open_ticket(world, clock, code="red", contact=world.contacts["marie"])
    standard = open_ticket(world, clock, code="red")
    assert premium.due_at - premium.opened_at == timedelta(minutes=10)
    assert standard.due_at - standard.opened_at == timedelta(minutes=15)


def test_take_in_charge_stops_the_clock_and_assigns(world, clock):
    ticket = open_ticket(world, clock, code="red")
    clock.advance(minutes=5)
    ticket = svc.ticket_take(ticket=ticket, agent=world.agents["l1"], actor=agent_actor(world.agents["l1"]),
                             clock=clock)
    assert ticket.state == "in_progress" and ticket.taken_at == clock.now
    assert ticket.assignee == world.agents["l1"] and ticket.sla_next_at is None
    assert AuditEvent.objects.filter(verb="ticket.taken", data__late=False).exists()


def test_retriage_recomputes_from_the_original_opening_and_records_who_and_why(world, clock):
    ticket = open_ticket(world, clock, code="yellow", subject="Lento", body="il sito è lento")
    clock.advance(minutes=20)
    lead = world.agents["lead"]
    ticket = svc.ticket_retriage(ticket=ticket, code="red", reason="checkout is failing", actor=agent_actor(lead),
                                 clock=clock)
    assert ticket.code == "red" and ticket.severity == 0 and ticket.sla_version == 2
    assert ticket.due_at == ticket.opened_at + timedelta(minutes=15)  # already past: breached
    event = AuditEvent.objects.get(verb="ticket.retriaged")
    assert event.changes == {"code": ["yellow", "red"]}
    assert event.data["reason"] == "checkout is failing" and event.actor_user_id == lead.user_id


def test_retriage_needs_a_reason(world, clock):
    ticket = open_ticket(world, clock, code="yellow")
    with pytest.raises(DomainError, match="needs a reason"):
        svc.ticket_retriage(ticket=ticket, code="red", reason=" ", actor=Actor.system(), clock=clock)


def test_invalid_transition_is_explained(world, clock):
    ticket = open_ticket(world, clock, code="yellow")
    with pytest.raises(InvalidTransition, match="cannot close a ticket that is triaged"):
        svc.ticket_close(ticket=ticket, actor=Actor.system(), clock=clock)


def test_waiting_for_the_customer_pauses_the_clock_and_their_answer_resumes_it(world, clock):
    ticket = open_ticket(world, clock, code="yellow", subject="DNS", body="puntate il record A")
    due = ticket.due_at
    clock.advance(hours=1)
    ticket = svc.ticket_wait_customer(ticket=ticket, actor=Actor.system(), clock=clock)
    assert ticket.state == "waiting_customer" and ticket.sla_next_at is None and ticket.paused_since == clock.now
    clock.advance(hours=5)
    svc.ticket_customer_message(ticket=ticket, body="ecco l'IP", channel="email", contact=world.contacts["anna"],
                                actor=customer(world.contacts["anna"]), clock=clock)
    ticket.refresh_from_db()
    assert ticket.state == "in_progress" and ticket.paused_since is None
    assert ticket.due_at == due + timedelta(hours=5)


def test_escalation_moves_up_one_tier_with_a_reason_and_stops_at_l3(world, clock):
    ticket = open_ticket(world, clock, code="red")
    actor = agent_actor(world.agents["l1"])
    ticket = svc.ticket_escalate(ticket=ticket, reason="needs root", actor=actor, clock=clock)
    ticket = svc.ticket_escalate(ticket=ticket, reason="kernel panic", actor=actor, clock=clock)
    assert ticket.tier == 3
    with pytest.raises(DomainError, match="highest tier"):
        svc.ticket_escalate(ticket=ticket, reason="more", actor=actor, clock=clock)
    assert Message.objects.filter(ticket=ticket, visibility="internal").count() == 2


def test_resolve_close_and_reopen(world, clock):
    ticket = open_ticket(world, clock, code="yellow")
    agent = world.agents["l1"]
    svc.ticket_take(ticket=ticket, agent=agent, actor=agent_actor(agent), clock=clock)
    with pytest.raises(DomainError, match="unknown resolution type"):
        svc.ticket_resolve(ticket=ticket, resolution_type="magic", actor=agent_actor(agent), clock=clock)
    ticket = svc.ticket_resolve(ticket=ticket, resolution_type="workaround", actor=agent_actor(agent), clock=clock)
    assert ticket.state == "resolved" and not ticket.is_open and ticket.resolution_type == "workaround"
    ticket = svc.ticket_close(ticket=ticket, actor=agent_actor(agent), clock=clock)
    clock.advance(days=1)
    ticket = svc.ticket_reopen(ticket=ticket, actor=agent_actor(agent), reason="came back", clock=clock)
    assert ticket.state == "reopened" and ticket.is_open and ticket.taken_at is None
    assert ticket.due_at == clock.now + timedelta(hours=24)


def test_reply_is_mailed_and_internal_note_is_not(world, clock):
    ticket = open_ticket(world, clock, code="yellow")
    agent = world.agents["l1"]
    svc.ticket_note(ticket=ticket, agent=agent, body="customer is grumpy", actor=agent_actor(agent), clock=clock)
    svc.ticket_reply(ticket=ticket, agent=agent, body="Ciao Anna, fatto.", actor=agent_actor(agent), clock=clock)
    kinds = list(OutboundEmail.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert kinds == ["acknowledgement", "reply"]
    reply = OutboundEmail.objects.get(kind="reply")
    assert "customer is grumpy" not in reply.body_text and "Ciao Anna, fatto." in reply.body_text
    ack = OutboundEmail.objects.get(kind="acknowledgement")
    assert reply.in_reply_to == ack.message_id and ticket.number in reply.subject


def test_phone_ticket_by_customer_code_and_unknown_code_refused(world, clock):
    agent = world.agents["l1"]
    ticket = svc.ticket_open(subject="Chiamata", body="il cliente dice che il sito è lento", channel="phone",
                             account_code="C1001", requester_name="Anna (phone)", actor=agent_actor(agent),
                             code="yellow", clock=clock)
    assert ticket.account == world.accounts["rossi"] and ticket.channel == "phone"
    with pytest.raises(DomainError, match="unknown customer code 'C9999'"):
        svc.ticket_open(subject="x", body="y", channel="phone", account_code="C9999", actor=agent_actor(agent),
                        clock=clock)


def test_rolled_back_change_leaves_no_task_behind(world, clock, settings):
    from django_tasks_db.models import DBTaskResult

    settings.ATTACHMENT_MAX_BYTES = 1
    with pytest.raises(DomainError):
        open_ticket(world, clock, attachments=[svc.IncomingAttachment("a.txt", "text/plain", b"ab")])
    assert DBTaskResult.objects.count() == 0


def test_audit_events_are_append_only(world, clock):
    open_ticket(world, clock)
    event = AuditEvent.objects.get()
    event.verb = "tampered"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
