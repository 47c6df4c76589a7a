"""A new request with the guided triage questions and a live preview of the code and target."""

from __future__ import annotations

import pytest

from triagedesk.core.models import AuditEvent
from triagedesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db


def test_the_form_asks_the_three_questions_and_lists_case_types_in_the_users_language(contact_client, world):
    from triagedesk.triage.models import CaseType

    html = contact_client("anna", language="it").get("/portal/new/").content.decode()
    case = CaseType.objects.filter(is_active=True).first()
    assert case.name("it") in html
    for name in ("site_online", "email_working", "losing_sales"):
        for value in ("yes", "no", "unknown"):
            assert f'name="{name}" value="{value}"' in html
    assert 'hx-post="/portal/new/preview/"' in html


def test_the_preview_shows_code_reasons_and_the_plans_target(contact_client, world):
    response = contact_client("anna").post("/portal/new/preview/", {
        "subject": "Sito giù", "body": "Il sito non si apre, errore 502", "site_online": "no",
        "email_working": "unknown", "losing_sales": "yes"})
    html = response.content.decode()
    ticket_code = "RED" if 'code-red' in html else None
    assert response.status_code == 200 and "<html" not in html
    assert ticket_code == "RED"  # the site is down and sales are lost: RED whatever the words
    assert "We take it in charge within 15 min" in html  # Standard plan, RED
    assert "by Mon 23 Nov 11:15" in html
    assert "<li>" in html  # the classifier's reasons


def test_the_preview_of_a_deferrable_request_tells_the_not_before_time(contact_client, world):
    from triagedesk.triage.models import CaseType

    green = CaseType.objects.filter(code="green", is_active=True).first()
    html = contact_client("anna").post("/portal/new/preview/", {
        "subject": "HTTPS", "body": green.name("it"), "site_online": "yes", "email_working": "yes",
        "losing_sales": "no", "case": green.slug}).content.decode()
    if 'code-green' in html:
        assert "not before Wed 25 Nov 11:00" in html


def test_an_empty_form_gets_a_hint_not_a_guess(contact_client, world):
    html = contact_client("anna").post("/portal/new/preview/", {}).content.decode()
    assert "Answer the questions" in html


def test_sending_opens_a_portal_ticket_with_the_hints(contact_client, world):
    response = contact_client("anna").post("/portal/new/", {
        "subject": "Negozio offline", "body": "Il negozio non si apre", "site_online": "no",
        "email_working": "yes", "losing_sales": "yes", "case": ""})
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/portal/tickets/{ticket.number}/"
    assert ticket.channel == "portal" and ticket.requester == world.contacts["anna"]
    assert ticket.code == "red"
    event = AuditEvent.objects.get(verb="ticket.opened")
    assert event.actor_kind == "contact" and event.actor_user_id == world.contacts["anna"].user_id


def test_sending_with_a_case_type_and_attachment(contact_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triagedesk.triage.models import CaseType

    case = CaseType.objects.filter(code="yellow", is_active=True).first()
    contact_client("anna").post("/portal/new/", {
        "subject": "Richiesta", "body": "Vedi allegato", "site_online": "yes", "email_working": "yes",
        "losing_sales": "no", "case": case.slug, "attachments": [SimpleUploadedFile("dns.txt", b"A 1.2.3.4")]})
    ticket = Ticket.objects.get()
    assert ticket.messages.get().attachments.get().filename == "dns.txt"
    assert ticket.case_type == case


def test_a_missing_subject_is_asked_for(contact_client, world):
    response = contact_client("anna").post("/portal/new/", {"subject": "", "body": "x", "site_online": "no",
                                                            "email_working": "no", "losing_sales": "no"})
    assert response.status_code == 422 and not Ticket.objects.exists()
    assert "This field is required" in response.content.decode()
