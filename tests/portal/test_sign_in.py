"""Signing in without a password (magic link) and resetting a password, by real mail."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from triagedesk.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+", body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_a_magic_link_signs_the_contact_in_once(client, world, smtp_sink, frozen):
    response = client.post("/portal/sign-in-link/", {"email": "ANNA@rossi-shop.it"})
    assert response.status_code == 200 and "a sign-in link is on its way" in response.content.decode()
    [mail] = smtp_sink.by_recipient("anna@rossi-shop.it")
    assert "Triagedesk" in mail["Subject"]
    path = path_of(link_in(mail))
    # Following the link only shows a button: link scanners in mail systems must not spend it.
    assert client.get(path).status_code == 200
    assert client.get("/portal/").status_code == 302
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200
    assert AuditEvent.objects.filter(verb="portal.magic_link_used").count() == 1
    client.logout()
    response = client.post(path)
    assert response.status_code == 400 and "already been used" in response.content.decode()


def test_the_mail_speaks_the_contacts_language(client, world, smtp_sink):
    client.post("/portal/sign-in-link/", {"email": "marie@dupont.fr"})
    [mail] = smtp_sink.by_recipient("marie@dupont.fr")
    body = mail.get_body(preferencelist=("plain",)).get_content()
    assert "Bonjour Marie Dupont" in body


def test_a_magic_link_expires_after_15_minutes(client, world, smtp_sink, frozen):
    client.post("/portal/sign-in-link/", {"email": "anna@rossi-shop.it"})
    path = path_of(link_in(smtp_sink.messages[0]))
    frozen.shift(timedelta(minutes=15, seconds=1))
    response = client.post(path)
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert client.get("/portal/").status_code == 302


def test_a_tampered_link_is_refused(client, world, smtp_sink, frozen):
    client.post("/portal/sign-in-link/", {"email": "anna@rossi-shop.it"})
    path = path_of(link_in(smtp_sink.messages[0]))
    marie = world.contacts["marie"].user_id
    tampered = re.sub(r"/sign-in-link/\d+\.", f"/sign-in-link/{marie}.", path)
    assert tampered != path
    response = client.post(tampered)
    assert response.status_code == 400 and "not valid" in response.content.decode()


def test_unknown_addresses_get_the_same_answer_and_no_mail(client, world, smtp_sink):
    response = client.post("/portal/sign-in-link/", {"email": "nobody@example.org"})
    assert "a sign-in link is on its way" in response.content.decode()
    assert smtp_sink.messages == []


def test_agents_cannot_sign_in_by_magic_link(client, world, smtp_sink):
    client.post("/portal/sign-in-link/", {"email": "l1@desk.example"})
    assert smtp_sink.messages == []


def test_password_reset_by_email(client, world, smtp_sink):
    response = client.post("/password-reset/", {"email": "anna@rossi-shop.it"})
    assert response.status_code == 302 and response["Location"] == "/password-reset/sent/"
    [mail] = smtp_sink.by_recipient("anna@rossi-shop.it")
    assert "Reimposta la password" in mail["Subject"]  # Anna's language: Italian
    path = path_of(link_in(mail))
    response = client.get(path)  # Django swaps the token for a session marker
    assert response.status_code == 302
    form_url = response["Location"]
    assert "New password" in client.get(form_url).content.decode() or "Nuova password" in \
        client.get(form_url).content.decode()
    response = client.post(form_url, {"new_password1": "a-brand-new-secret", "new_password2": "a-brand-new-secret"})
    assert response.status_code == 302 and response["Location"] == "/password-reset/done/"
    assert client.login(username="anna@rossi-shop.it", password="a-brand-new-secret")


def test_password_reset_for_unknown_address_sends_nothing(client, world, smtp_sink):
    response = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and smtp_sink.messages == []


def test_password_reset_survives_a_mail_server_outage(client, world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = client.post("/password-reset/", {"email": "anna@rossi-shop.it"})
    assert response.status_code == 302
