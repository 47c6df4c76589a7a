"""Every page in the person's language: their setting first, else the browser's."""

from __future__ import annotations

import pytest

from tests.console.helpers import open_ticket

pytestmark = pytest.mark.django_db


def test_an_italian_contact_reads_the_portal_in_italian(contact_client, world):
    ticket = open_ticket(world, code="red")
    client = contact_client("anna", language=None)  # the account's language: Italian
    html = client.get("/portal/").content.decode()
    assert '<html lang="it">' in html and "Le mie richieste" in html and 'code-red">ROSSO' in html
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    assert "Avanzamento" in html and "Richiamata" in html
    html = client.get("/portal/new/").content.decode()
    assert "Il tuo sito è online?" in html and "Stai perdendo vendite in questo momento?" in html


def test_the_contacts_own_setting_beats_the_browser(contact_client, world):
    client = contact_client("anna", language="ru")
    html = client.get("/portal/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="ru">' in html and "Мои обращения" in html


def test_the_sign_in_page_follows_the_browser(client, world):
    html = client.get("/login/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="fr">' in html and "Se connecter" in html
    html = client.get("/login/", HTTP_ACCEPT_LANGUAGE="it").content.decode()
    assert "Accedi" in html


def test_french_portal_via_the_browser_for_an_anonymous_visitor(client, world):
    html = client.get("/portal/sign-in-link/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Recevoir un lien de connexion" in html


def test_the_language_switcher_saves_the_contacts_choice(contact_client, world):
    client = contact_client("anna", language=None)
    client.post("/language/", {"language": "fr", "next": "/portal/"})
    world.contacts["anna"].refresh_from_db()
    assert world.contacts["anna"].language == "fr"
    assert "Mes demandes" in client.get("/portal/").content.decode()


def test_countdown_words_are_translated_for_the_script(agent_client, world):
    agent = world.agents["l1"]
    agent.language = "it"
    agent.save()
    open_ticket(world, code="red")
    html = agent_client("l1").get("/console/").content.decode()
    assert '"breached": "SCADUTO da %s"' in html
    assert "15:00 rimasti" in html
