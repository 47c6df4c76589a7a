"""One request from the customer's browser to the agent's and back, in real Chromium."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_customer_opens_agent_takes_replies_retriages_escalates_and_others_cannot_look(
        world, live_server, new_page, screenshot):
    from playwright.sync_api import expect

    from triagedesk.tickets.models import Ticket

    # --- the customer (Italian account) signs in and opens a request with the guided questions
    anna = new_page("it-IT")
    sign_in(anna, "anna@rossi-shop.it", "pw-anna-123")
    expect(anna).to_have_url(re.compile(r"/portal/$"))
    anna.click("a[href='/portal/new/']")
    anna.check("input[name=site_online][value=no]")
    anna.check("input[name=email_working][value=yes]")
    anna.check("input[name=losing_sales][value=yes]")
    anna.fill("#id_subject", "Il negozio online non si apre")
    anna.fill("#id_body", "Da stamattina il sito dà errore 502 e i clienti non possono ordinare.")
    preview = anna.locator("#preview")
    expect(preview.locator(".code")).to_be_visible()  # the htmx preview arrived
    expect(preview).to_contain_text("La prendiamo in carico entro")
    screenshot(anna, "portal_new_ticket")
    anna.click("#send")
    expect(anna).to_have_url(re.compile(r"/portal/tickets/TD-\d{4}-\d{6}/$"))
    number = anna.url.rstrip("/").rsplit("/", 1)[1]
    ticket = Ticket.objects.get(number=number)
    assert ticket.channel == "portal" and ticket.code == "red"
    expect(anna.locator(".flash")).to_contain_text(number)
    anna.click("a[href='/portal/']")
    expect(anna.locator(f"a[href='/portal/tickets/{number}/']").first).to_be_visible()
    screenshot(anna, "portal_list")

    # --- an agent sees it on the board, with a ticking countdown, and opens it from the keyboard
    agent = new_page("en-GB")
    sign_in(agent, "l1", "pw-l1-1234")
    expect(agent).to_have_url(re.compile(r"/console/$"))
    row = agent.locator(f"[data-row='{number}']")
    expect(row).to_be_visible()
    countdown = row.locator(".countdown")
    first = countdown.inner_text()
    agent.wait_for_timeout(1300)
    assert countdown.inner_text() != first, "the countdown should tick every second"
    screenshot(agent, "console_board")
    agent.keyboard.press("j")
    expect(agent.locator("[data-row].selected")).to_have_count(1)
    agent.goto(f"/console/tickets/{number}/")
    expect(agent.locator(".lang-note")).to_contain_text("Italian")

    # take in charge with "t", reply after "r"
    agent.keyboard.press("t")
    expect(agent.locator(".flash")).to_contain_text("Taken in charge.")
    expect(agent.locator(".ticket-head .tag").first).to_have_text("in progress")
    agent.keyboard.press("r")
    expect(agent.locator("textarea[data-key=r]")).to_be_focused()
    agent.keyboard.type("Buongiorno, abbiamo riavviato PHP-FPM: il negozio è di nuovo online.")
    agent.click("#reply-form button[type=submit]")
    expect(agent.locator(".flash")).to_contain_text("Reply sent to the customer.")
    expect(agent.locator(".msg.from-agent")).to_contain_text("riavviato PHP-FPM")

    # --- the customer sees the reply
    anna.goto(f"/portal/tickets/{number}/")
    expect(anna.locator(".conversation")).to_contain_text("riavviato PHP-FPM")
    expect(anna.locator(".timeline li.done")).to_have_count(3)  # opened, triaged, taken in charge
    screenshot(anna, "portal_ticket")

    # --- the agent re-triages (with a reason) and escalates to L2
    current = Ticket.objects.get(number=number).code
    target = "yellow" if current == "red" else "red"
    agent.keyboard.press("g")
    agent.select_option("#id_retriage_code", target)
    agent.fill("#id_retriage_reason", "site is back, checkout still slow")
    agent.click("#panel-retriage button[type=submit]")
    expect(agent.locator(".flash")).to_contain_text("Ticket re-triaged.")
    expect(agent.locator(".ticket-head .code")).to_have_class(re.compile(f"code-{target}"))
    agent.keyboard.press("e")
    expect(agent.locator("#id_escalate_reason")).to_be_focused()
    agent.keyboard.type("needs a look at the database server")
    agent.keyboard.press("Enter")
    expect(agent.locator(".flash")).to_contain_text("Escalated to the next tier.")
    ticket = Ticket.objects.get(number=number)
    assert ticket.code == target and ticket.tier == 2
    expect(agent.locator(".audit")).to_contain_text("site is back, checkout still slow")
    screenshot(agent, "console_ticket")

    # --- another customer cannot reach the ticket by its URL
    marie = new_page("fr-FR")
    sign_in(marie, "marie@dupont.fr", "pw-marie-123")
    expect(marie).to_have_url(re.compile(r"/portal/$"))
    response = marie.goto(f"/portal/tickets/{number}/")
    assert response.status == 404
    assert "riavviato" not in marie.content()
    assert marie.goto(f"/console/tickets/{number}/").status == 403


def test_the_board_refreshes_itself_and_keeps_the_filters(world, live_server, new_page):
    from playwright.sync_api import expect

    from tests.console.helpers import open_ticket

    first = open_ticket(world, code="red", subject="Primo")
    agent = new_page()
    sign_in(agent, "l1", "pw-l1-1234")
    agent.goto("/console/?code=red")
    expect(agent.locator(f"[data-row='{first.number}']")).to_be_visible()
    agent.evaluate("window.__marker = 1")  # gone if the page reloads
    second = open_ticket(world, code="red", subject="Secondo")
    ignored = open_ticket(world, code="yellow", subject="Giallo")
    expect(agent.locator(f"[data-row='{second.number}']")).to_be_visible(timeout=15_000)
    assert agent.evaluate("window.__marker") == 1
    assert agent.locator(f"[data-row='{ignored.number}']").count() == 0
    assert agent.url.endswith("/console/?code=red")


def test_keyboard_help_overlay(world, live_server, new_page):
    from playwright.sync_api import expect

    agent = new_page()
    sign_in(agent, "l1", "pw-l1-1234")
    expect(agent.locator("#help")).to_be_hidden()
    agent.keyboard.press("?")
    expect(agent.locator("#help")).to_be_visible()
    agent.keyboard.press("Escape")
    expect(agent.locator("#help")).to_be_hidden()
    agent.keyboard.press("/")
    expect(agent.locator("#q")).to_be_focused()
