"""Phone intake, search, the mail quarantine and the language switcher."""

from __future__ import annotations

import hashlib

import pytest

from tests.console.helpers import as_agent, open_ticket
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db


# --- phone intake ---------------------------------------------------------------------------

@pytest.mark.parametrize("term", ["C1001", "Anna", "anna@rossi", "Rossi Shop"])
def test_phone_intake_finds_the_caller_by_code_name_email_or_phone(agent_client, world, term):
    html = agent_client("l1").get("/console/phone/", {"q": term}).content.decode()
    assert "Anna Rossi" in html and f'href="?contact={world.contacts["anna"].pk}"' in html
    assert "Marie Dupont" not in html


def test_phone_intake_opens_a_phone_ticket_with_a_code_override(agent_client, world):
    client = agent_client("l1")
    anna = world.contacts["anna"]
    html = client.get("/console/phone/", {"contact": anna.pk}).content.decode()
    assert 'name="subject"' in html and "Rossi Shop" in html
    response = client.post("/console/phone/", {"contact": anna.pk, "subject": "Shop offline",
                                               "body": "Anna calls: the shop shows a 502", "code": "red"})
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/console/tickets/{ticket.number}/"
    assert ticket.channel == "phone" and ticket.code == "red" and ticket.requester == anna
    assert ticket.messages.get().body == "Anna calls: the shop shows a 502"


def test_phone_intake_without_a_code_lets_triage_decide(agent_client, world):
    anna = world.contacts["anna"]
    agent_client("l1").post("/console/phone/", {"contact": anna.pk, "subject": "Question", "body": "?", "code": ""})
    ticket = Ticket.objects.get()
    assert ticket.code == ticket.proposed_code


def test_phone_intake_needs_a_caller(agent_client, world):
    response = agent_client("l1").post("/console/phone/", {"contact": "999999", "subject": "x", "body": "y"})
    assert response.status_code == 422 and "Pick the caller first" in response.content.decode()
    assert not Ticket.objects.exists()


# --- search ---------------------------------------------------------------------------------

def _numbers(html, *tickets):
    return [t.number in html for t in tickets]


def test_search_by_number_subject_message_and_customer(agent_client, world):
    a = open_ticket(world, subject="Certificato scaduto", body="Il certificato HTTPS è scaduto")
    b = open_ticket(world, subject="Casella piena", body="La casella ordini è piena")
    l1 = world.agents["l1"]
    svc.ticket_reply(ticket=b, agent=l1, body="Abbiamo aumentato la quota", actor=as_agent(l1))
    client = agent_client("boss")

    def search(q):
        return client.get("/console/search/", {"q": q}).content.decode()

    assert _numbers(search(a.number), a, b) == [True, False]
    assert _numbers(search("certificato"), a, b) == [True, False]
    assert _numbers(search("quota"), a, b) == [False, True]  # an agent's reply
    assert _numbers(search("C1001"), a, b) == [True, True]
    assert _numbers(search("Rossi Shop"), a, b) == [True, True]
    assert _numbers(search("anna@rossi-shop.it"), a, b) == [True, True]
    assert _numbers(search(str(int(a.number.rsplit("-", 1)[1]))), a, b) == [True, False]
    assert "No ticket you can see matches" in search("zanzibar")


def test_search_results_are_permission_scoped(agent_client, world):
    support = open_ticket(world, contact="anna", subject="Backup notturno")
    systems = open_ticket(world, contact="marie", subject="Backup notturno")
    html = agent_client("l3").get("/console/search/", {"q": "backup"}).content.decode()
    assert _numbers(html, support, systems) == [False, True]


def test_search_finds_internal_notes_for_agents_only(agent_client, world):
    from triagedesk.tickets.selectors import ticket_search

    ticket = open_ticket(world)
    l1 = world.agents["l1"]
    svc.ticket_note(ticket=ticket, agent=l1, body="suspected chargeback fraud", actor=as_agent(l1))
    assert ticket.number in agent_client("l1").get("/console/search/", {"q": "chargeback"}).content.decode()
    assert ticket_search(user=world.contacts["anna"].user, q="chargeback") == []
    assert ticket_search(user=world.contacts["anna"].user, q="lento") == [ticket]


@pytest.mark.postgres
def test_postgres_search_uses_full_text_indexes(world):
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE indexname IN ('ticket_fts_idx', 'message_fts_idx')")
        assert sorted(r[0] for r in cur.fetchall()) == ["message_fts_idx", "ticket_fts_idx"]
    from triagedesk.tickets.models import Message
    from triagedesk.tickets.selectors import MESSAGE_SEARCH_VECTOR

    from django.contrib.postgres.search import SearchQuery

    qs = Message.objects.annotate(fts=MESSAGE_SEARCH_VECTOR).filter(
        fts=SearchQuery("backup", config="simple", search_type="websearch"))
    with connection.cursor() as cur:
        cur.execute("SET enable_seqscan = off")
        plan = qs.explain()
        cur.execute("SET enable_seqscan = on")
    assert "message_fts_idx" in plan


# --- mail quarantine --------------------------------------------------------------------------

def _quarantined(**kw):
    from django.utils import timezone

    from triagedesk.intake.models import RawEmail

    raw = (b"From: Anna Rossi <anna@rossi-shop.it>\r\nTo: support@triagedesk.example\r\n"
           b"Subject: Sito lento\r\nMessage-ID: <q1@rossi-shop.it>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
           b"Content-Type: text/plain; charset=utf-8\r\n\r\nIl sito e' lento.\r\n")
    return RawEmail.objects.create(sha256=hashlib.sha256(raw).hexdigest(), message_id="q1@rossi-shop.it",
                                   content=raw, size=len(raw), source="pipe", received_at=timezone.now(),
                                   status="quarantined", reason="parser crashed: test", **kw)


def test_mail_quarantine_lists_quarantined_mail_for_leads(agent_client, world):
    row = _quarantined()
    html = agent_client("lead").get("/console/mail/").content.decode()
    assert "q1@rossi-shop.it" in html and "parser crashed: test" in html
    assert f"/console/mail/{row.pk}/reprocess/" in html


def test_mail_quarantine_is_not_for_l1_agents(agent_client, world):
    _quarantined()
    assert agent_client("l1").get("/console/mail/").status_code == 403


def test_reprocess_sends_the_mail_through_intake_again(agent_client, world):
    from triagedesk.intake.models import RawEmail

    row = _quarantined()
    client = agent_client("boss")
    response = client.post(f"/console/mail/{row.pk}/reprocess/")
    assert response.status_code == 302 and response["Location"] == "/console/mail/"
    row.refresh_from_db()
    assert row.status != RawEmail.Status.QUARANTINED
    html = client.get("/console/mail/").content.decode()
    assert "The mail was processed again" in html and "q1@rossi-shop.it" not in html


# --- language -------------------------------------------------------------------------------

def test_an_agent_reads_the_console_in_their_language(agent_client, world):
    agent = world.agents["l1"]
    agent.language = "ru"
    agent.save()
    html = agent_client("l1").get("/console/").content.decode()
    assert '<html lang="ru">' in html and "Доска сортировки" in html


def test_the_language_switcher_saves_the_agents_choice(agent_client, world):
    client = agent_client("l1")
    response = client.post("/language/", {"language": "it", "next": "/console/"})
    assert response.status_code == 302 and response["Location"] == "/console/"
    world.agents["l1"].refresh_from_db()
    assert world.agents["l1"].language == "it"
    assert '<html lang="it">' in client.get("/console/").content.decode()
