"""Who may open the console, and which tickets an agent reaches."""

from __future__ import annotations

import pytest

from tests.console.helpers import open_ticket

pytestmark = pytest.mark.django_db

CONSOLE_PAGES = ["/console/", "/console/phone/", "/console/search/?q=x", "/console/mail/"]


@pytest.mark.parametrize("url", CONSOLE_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_anonymous_ticket_page_and_actions_go_to_sign_in(client, world, frozen):
    ticket = open_ticket(world)
    assert client.get(f"/console/tickets/{ticket.number}/").status_code == 302
    assert client.post(f"/console/tickets/{ticket.number}/take/").status_code == 302
    ticket.refresh_from_db()
    assert ticket.taken_at is None


@pytest.mark.parametrize("url", CONSOLE_PAGES)
def test_a_customer_cannot_open_the_console(contact_client, url):
    response = contact_client("anna").get(url)
    assert response.status_code == 403
    assert "for support staff only" in response.content.decode()


def test_a_customer_cannot_act_on_a_ticket_through_the_console(contact_client, world):
    ticket = open_ticket(world)
    response = contact_client("anna").post(f"/console/tickets/{ticket.number}/take/")
    assert response.status_code == 403
    ticket.refresh_from_db()
    assert ticket.state == "triaged"


def test_an_agent_of_another_team_gets_404_for_the_ticket_and_its_actions(agent_client, world):
    ticket = open_ticket(world, contact="anna")  # Support team
    client = agent_client("l3")  # Systems team only
    assert client.get(f"/console/tickets/{ticket.number}/").status_code == 404
    assert client.post(f"/console/tickets/{ticket.number}/take/").status_code == 404
    ticket.refresh_from_db()
    assert ticket.assignee is None


def test_a_supervisor_sees_every_team(agent_client, world):
    ticket = open_ticket(world, contact="anna")
    assert agent_client("boss").get(f"/console/tickets/{ticket.number}/").status_code == 200


def test_home_sends_each_person_to_their_side(client, world):
    assert client.get("/")["Location"] == "/login/"
    client.force_login(world.agents["l1"].user)
    assert client.get("/")["Location"] == "/console/"
    client.force_login(world.contacts["anna"].user)
    assert client.get("/")["Location"] == "/portal/"


def test_sign_in_with_a_password_lands_on_the_right_side(client, world):
    response = client.post("/login/", {"username": "l1", "password": "pw-l1-1234"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/")["Location"] == "/console/"


def test_wrong_password_is_refused_with_a_message(client, world):
    response = client.post("/login/", {"username": "l1", "password": "nope"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()


def test_sign_out_needs_a_post_and_ends_the_session(client, world):
    client.force_login(world.agents["l1"].user)
    response = client.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert client.get("/console/").status_code == 302


def test_unknown_action_is_404(agent_client, world):
    ticket = open_ticket(world)
    assert agent_client("l1").post(f"/console/tickets/{ticket.number}/explode/").status_code == 404


def test_actions_refuse_get(agent_client, world):
    ticket = open_ticket(world)
    assert agent_client("l1").get(f"/console/tickets/{ticket.number}/take/").status_code == 405
