"""The customer portal: own tickets only, public messages only, replies, attachments, new requests."""

from __future__ import annotations

import re

import pytest

from tests.console.helpers import as_agent, as_contact, open_ticket
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db

PORTAL_PAGES = ["/portal/", "/portal/new/"]


@pytest.mark.parametrize("url", PORTAL_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("url", PORTAL_PAGES)
def test_agents_do_not_use_the_portal(agent_client, url):
    assert agent_client("l1").get(url).status_code == 403


def test_an_inactive_contact_is_refused(contact_client, world):
    anna = world.contacts["anna"]
    anna.is_active = False
    anna.save()
    assert contact_client("anna").get("/portal/").status_code == 403


def test_the_list_shows_the_accounts_tickets_with_state_code_and_target(contact_client, world):
    mine = open_ticket(world, contact="anna", code="red", subject="Sito giù")
    theirs = open_ticket(world, contact="marie", code="red", subject="Site en panne")
    html = contact_client("anna").get("/portal/").content.decode()
    assert mine.number in html and "Sito giù" in html
    assert theirs.number not in html and "Site en panne" not in html and "Dupont" not in html
    assert 'code-red">RED' in html
    assert "by 23 Nov 11:15" in html  # take-in-charge target, Rome time


def test_another_accounts_ticket_is_404_whatever_the_url(contact_client, world):
    theirs = open_ticket(world, contact="marie")
    client = contact_client("anna")
    assert client.get(f"/portal/tickets/{theirs.number}/").status_code == 404
    assert client.post(f"/portal/tickets/{theirs.number}/reply/", {"body": "hi"}).status_code == 404
    assert client.post(f"/portal/tickets/{theirs.number}/callback/", {}).status_code == 404
    assert client.get("/portal/tickets/TD-2026-999999/").status_code == 404
    assert Message.objects.filter(ticket=theirs).count() == 1


def test_search_never_reaches_another_account(contact_client, world):
    theirs = open_ticket(world, contact="marie", subject="Boutique en panne")
    client = contact_client("anna")
    link = f"/portal/tickets/{theirs.number}/"
    html = client.get("/portal/", {"q": "Boutique"}).content.decode()
    assert link not in html and "None of your requests matches" in html
    for q in (theirs.number, "C1002", "Dupont", "marie@dupont.fr"):
        html = client.get("/portal/", {"q": q}).content.decode()
        assert link not in html and "Marie" not in html, q


def test_the_ticket_shows_public_messages_only_and_no_agent_data(contact_client, world):
    ticket = open_ticket(world, body="Il sito è lento.")
    l1 = world.agents["l1"]
    svc.ticket_take(ticket=ticket, agent=l1, actor=as_agent(l1))
    svc.ticket_note(ticket=ticket, agent=l1, body="customer is on an old PHP", actor=as_agent(l1))
    svc.ticket_escalate(ticket=ticket, reason="needs a DBA", actor=as_agent(l1))
    svc.ticket_reply(ticket=ticket, agent=l1, body="Stiamo verificando.", actor=as_agent(l1))
    html = contact_client("anna").get(f"/portal/tickets/{ticket.number}/").content.decode()
    assert "Il sito è lento." in html and "Stiamo verificando." in html
    assert "old PHP" not in html and "needs a DBA" not in html and "Escalated" not in html
    assert "Audit" not in html and "ticket.taken" not in html


def test_the_timeline_shows_progress_with_times(contact_client, world, frozen):
    from datetime import timedelta

    ticket = open_ticket(world, code="red")
    client = contact_client("anna")
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    assert re.search(r'<li class="done">\s*<div class="what">Opened', html)
    assert "expected by Mon 23 Nov 11:15" in html
    l1 = world.agents["l1"]
    frozen.shift(timedelta(minutes=5))
    svc.ticket_take(ticket=ticket, agent=l1, actor=as_agent(l1))
    frozen.shift(timedelta(minutes=5))
    svc.ticket_wait_customer(ticket=ticket, actor=as_agent(l1))
    frozen.shift(timedelta(minutes=5))
    svc.ticket_resolve(ticket=ticket, resolution_type="hotfix", actor=as_agent(l1))
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    times = re.findall(r"Mon 23 Nov (\d\d:\d\d)", html)
    assert times[:5] == ["11:00", "11:00", "11:05", "11:10", "11:15"]
    assert "hotfix" in html


def test_reply_with_attachments_and_download(contact_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ticket = open_ticket(world)
    client = contact_client("anna")
    response = client.post(f"/portal/tickets/{ticket.number}/reply/", {
        "body": "Ecco lo screenshot", "attachments": [SimpleUploadedFile("errore.png", b"PNGDATA", "image/png")]})
    assert response.status_code == 302
    message = Message.objects.get(ticket=ticket, body="Ecco lo screenshot")
    assert message.channel == "portal" and message.author_contact == world.contacts["anna"]
    attachment = message.attachments.get()
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    assert f"/portal/attachments/{attachment.pk}/" in html
    download = client.get(f"/portal/attachments/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"PNGDATA"


def test_an_empty_reply_is_refused(contact_client, world):
    ticket = open_ticket(world)
    response = contact_client("anna").post(f"/portal/tickets/{ticket.number}/reply/", {"body": ""})
    assert response.status_code == 422 and "Please write a message" in response.content.decode()


def test_a_reply_reopens_a_resolved_ticket(contact_client, world):
    ticket = open_ticket(world)
    svc.ticket_resolve(ticket=ticket, resolution_type="answer", actor=as_agent(world.agents["l1"]))
    contact_client("anna").post(f"/portal/tickets/{ticket.number}/reply/", {"body": "Non funziona ancora"})
    assert Ticket.objects.get(pk=ticket.pk).state == "reopened"


def test_attachments_of_other_accounts_and_internal_notes_are_out_of_reach(contact_client, world):
    theirs = open_ticket(world, contact="marie",
                         attachments=[svc.IncomingAttachment("contract.pdf", "application/pdf", b"SECRET")])
    mine = open_ticket(world)
    l1 = world.agents["l1"]
    note = svc.ticket_note(ticket=mine, agent=l1, body="internal", actor=as_agent(l1))
    from triagedesk.tickets.models import Attachment

    internal = Attachment.objects.create(message=note, filename="notes.txt", size=3, sha256="0" * 64)
    client = contact_client("anna")
    their_attachment = theirs.messages.get().attachments.get()
    assert client.get(f"/portal/attachments/{their_attachment.pk}/").status_code == 404
    assert client.get(f"/portal/attachments/{internal.pk}/").status_code == 404
    assert client.get("/portal/attachments/999999/").status_code == 404


def test_the_console_attachment_url_is_closed_to_customers(contact_client, world):
    theirs = open_ticket(world, contact="marie", attachments=[svc.IncomingAttachment("x.pdf", "application/pdf",
                                                                                     b"SECRET")])
    pk = theirs.messages.get().attachments.get().pk
    assert contact_client("anna").get(f"/console/attachments/{pk}/").status_code == 403


def test_portal_pages_need_a_bounded_number_of_queries(contact_client, world, django_assert_max_num_queries):
    ticket = open_ticket(world)
    for i in range(30):
        svc.ticket_customer_message(ticket=ticket, body=f"m{i}", channel="portal", contact=world.contacts["anna"],
                                    actor=as_contact(world.contacts["anna"]))
    for i in range(25):
        open_ticket(world, subject=f"t{i}")
    client = contact_client("anna")
    with django_assert_max_num_queries(12):
        assert client.get(f"/portal/tickets/{ticket.number}/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/portal/").status_code == 200
