"""The triage board: grouping by code, countdowns, breaches, scheduled tickets, filters, refresh."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from tests.console.helpers import open_ticket

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    return re.findall(r'data-row="([^"]+)"', html)


def test_board_groups_open_tickets_by_code_most_urgent_first(agent_client, world):
    yellow = open_ticket(world, code="yellow", subject="Lento")
    red = open_ticket(world, code="red", subject="Sito giù")
    html = agent_client("l1").get("/console/").content.decode()
    assert rows(html) == [red.number, yellow.number]
    assert html.index('id="g-red"') < html.index('id="g-yellow"')
    # The code is a word as well as a colour.
    assert '<span class="code code-red">RED</span>' in html


def test_each_waiting_ticket_has_a_live_countdown_to_its_deadline(agent_client, world, clock):
    red = open_ticket(world, code="red")
    html = agent_client("l1").get("/console/").content.decode()
    due_ms = int(red.due_at.timestamp() * 1000)
    assert f'data-due="{due_ms}"' in html
    assert "15:00 left" in html  # RED on Standard: 15 minutes
    # The page carries the server's clock so the script can correct a wrong laptop clock.
    assert f'data-now="{int(clock.now.timestamp() * 1000)}"' in html


def test_a_breached_ticket_is_unmistakable(agent_client, world, frozen):
    red = open_ticket(world, code="red")
    frozen.shift(timedelta(minutes=27))
    html = agent_client("l1").get("/console/").content.decode()
    assert "1 ticket breached its take-in-charge target" in html
    assert "BREACHED 12 min ago" in html
    assert f'class="row-red st-breached" data-row="{red.number}"' in html


def test_taken_and_paused_tickets_show_no_countdown(agent_client, world):
    from tests.console.helpers import as_agent
    from triagedesk.tickets import services as svc

    taken = open_ticket(world, code="red")
    svc.ticket_take(ticket=taken, agent=world.agents["l1"], actor=as_agent(world.agents["l1"]))
    html = agent_client("l1").get("/console/").content.decode()
    assert "taken 11:00" in html  # Europe/Rome
    assert "data-due=" not in html


def test_scheduled_tickets_are_apart_with_their_not_before_time(agent_client, world):
    green = open_ticket(world, code="green", subject="HTTPS")
    html = agent_client("l1").get("/console/").content.decode()
    assert 'id="g-scheduled"' in html and green.number in html
    assert "from Wed 25 Nov 11:00" in html  # 48 hours later, Rome time
    assert 'id="g-green"' not in html


def test_filters_are_kept_in_the_url_and_applied(agent_client, world):
    red = open_ticket(world, code="red")
    yellow = open_ticket(world, code="yellow")
    client = agent_client("boss")
    html = client.get("/console/?code=yellow").content.decode()
    assert rows(html) == [yellow.number]
    assert 'hx-get="/console/?code=yellow"' in html  # the refresh keeps the filters
    assert '<option value="yellow" selected>' in html
    marie = open_ticket(world, contact="marie", code="red")
    assert rows(client.get("/console/?plan=premium").content.decode()) == [marie.number]
    assert rows(client.get("/console/?account=C1001").content.decode()) == [red.number, yellow.number]
    assert rows(client.get("/console/?tier=2").content.decode()) == []
    team = world.teams["systems"].pk
    assert rows(client.get(f"/console/?team={team}").content.decode()) == [marie.number]


def test_a_bad_filter_value_is_ignored_not_an_error(agent_client, world):
    red = open_ticket(world, code="red")
    response = agent_client("l1").get("/console/?tier=abc&code=purple&team=x")
    assert response.status_code == 200
    assert rows(response.content.decode()) == [red.number]


def test_unverified_senders_have_their_own_filter_and_a_badge(agent_client, world):
    from triagedesk.core.audit import Actor
    from triagedesk.tickets import services as svc

    known = open_ticket(world, code="yellow")
    stranger = svc.ticket_open(subject="Help", body="my site is down", channel="email",
                               requester_email="who@unknown.example", unverified=True, code="red",
                               actor=Actor.system(), acknowledge=False)
    client = agent_client("boss")
    html = client.get("/console/").content.decode()
    assert "tag-unverified" in html and set(rows(html)) == {known.number, stranger.number}
    assert rows(client.get("/console/?unverified=on").content.decode()) == [stranger.number]


def test_the_periodic_refresh_returns_only_the_board_fragment(agent_client, world):
    red = open_ticket(world, code="red")
    response = agent_client("l1").get("/console/?code=red", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="board")
    html = response.content.decode()
    assert "<html" not in html and 'class="filters"' not in html
    assert rows(html) == [red.number]
    assert "HX-Request" in response["Vary"]


def test_an_agent_sees_only_their_teams_on_the_board(agent_client, world):
    open_ticket(world, contact="anna", code="red")  # Support
    mine = open_ticket(world, contact="marie", code="red")  # Systems
    assert rows(agent_client("l3").get("/console/").content.decode()) == [mine.number]


def test_board_with_50_tickets_needs_a_bounded_number_of_queries(agent_client, world,
                                                                  django_assert_max_num_queries):
    for i in range(50):
        open_ticket(world, contact="anna" if i % 2 else "marie", code=["red", "yellow", "green", "white"][i % 4],
                    subject=f"ticket {i}")
    for name in ("boss", "l1"):
        client = agent_client(name)
        with django_assert_max_num_queries(16):
            response = client.get("/console/")
        assert response.status_code == 200
        assert len(rows(response.content.decode())) >= 25
