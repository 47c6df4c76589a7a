"""Sensitivity first: the ways customers describe an emergency without the obvious words,
and the doubts that must fall on the more urgent side."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triagedesk.settings")

from triagedesk.triage.classify import Hints, classify, longest_seconds  # noqa: E402
from triagedesk.triage.codes import Code  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_media():
    yield


R, Y, G = Code.RED, Code.YELLOW, Code.GREEN


@pytest.mark.parametrize(
    ("subject", "body", "case"),
    [
        # ransomware, described by what the customer sees
        ("all our files are weird", "Every file on the server now ends with .encrypted and there is a note asking "
         "for bitcoin as a ransom to get the key.", "file_loss"),
        ("file strani", "Tutti i file del sito sono stati cifrati, c'è un messaggio che chiede un riscatto.",
         "file_loss"),
        ("Fichiers bloqués", "Nos fichiers sont chiffrés et on nous demande une rançon.", "file_loss"),
        # a domain that already expired
        ("sito sparito", "Il dominio è scaduto ieri e ora si vede la pagina del registrar.", "site_down"),
        ("domain", "Our domain expired over the weekend and the shop shows a parking page.", "site_down"),
        # foreign content on the homepage
        ("strange ad", "On our homepage there is now a huge online casino ad we never put there.", "defacement"),
        ("cambio raro", "Alguien ha cambiado nuestra web, ahora sale otro texto en la portada.", "defacement"),
        # hardware, from the monitoring mail alone
        ("Fwd: DegradedArray event on /dev/md0", "mdadm: A DegradedArray event had been detected on md0.",
         "hardware_failure"),
        # network, in French and from a ping
        ("réseau", "Depuis ce matin nous avons 40 % de pertes de paquets vers le serveur.", "network_outage"),
        ("servidor", "Hago ping al servidor y sale tiempo de espera agotado, desde casa y desde la oficina.",
         "network_outage"),
        # mail: nobody can send; an SMTP relay refusal is no CMS login problem
        ("correo", "Nadie en la oficina puede enviar correos desde esta mañana.", "email_not_working"),
        ("mail", "Since 9am Outlook says 554 Relay access denied for every message we send.", "email_not_working"),
        # a cache showing other people's data
        ("privacy", "A customer opened her account page and saw another person's address and orders.",
         "cache_stale"),
    ],
)
def test_emergencies_without_the_obvious_words_are_red(subject, body, case):
    result = classify(subject, body)
    assert result.code is R, result.reasons
    assert result.case == case, result.reasons


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("ci mette 20-25 secondi", 25.0), ("GTmetrix: 27,4 s", 27.4), ("прогрузка 15 сек", 15.0),
     ("TTFB 300 ms", 0.0), ("version 2.5", 0.0), ("loads in 3 s", 3.0), ("über 12 Sekunden", 12.0)],
)
def test_longest_seconds(text, seconds):
    assert longest_seconds(text) == seconds


def test_a_measured_load_time_over_ten_seconds_is_red_whatever_tool_measured_it():
    result = classify("sito lento", "Il sito ci mette 22 secondi a caricare, misurato con GTmetrix e PageSpeed.")
    assert result.code is R and result.case == "slow_site"
    assert any("22 s is over 10 s" in reason for reason in result.reasons)


def test_a_short_load_time_stays_an_optimisation_request():
    result = classify("PageSpeed", "Il sito carica in 3 secondi, vorremmo migliorare il punteggio PageSpeed.")
    assert result.code is G


def test_weak_evidence_of_an_outage_is_red_with_low_confidence():
    result = classify("problema", "no carga")
    assert result.code is R and result.confidence <= 0.35
    assert any("when in doubt" in reason for reason in result.reasons)


def test_weak_evidence_contradicted_by_the_customer_is_not_red():
    assert classify("sito down?", "forse è down", hints=Hints(site_online=True)).code is not R
    assert classify("problema", "la web no carga, bueno, ahora ya funciona").code is not R


def test_hypothetical_outages_and_expiring_domains_stay_calm():
    assert classify("domanda", "Cosa succede se il server va down durante la notte?").code is not R
    assert classify("dominio", "Il dominio scade tra 10 giorni, potete rinnovarlo?").code is Y


def test_a_forwarded_alert_counts_as_the_customers_report_and_a_promise_is_no_recovery():
    body = ("Vi inoltro questa, non capisco.\n\n> Monitor is DOWN: shop\n> The monitor shop is currently DOWN "
            "(Connection Timeout).\n> We will alert you when it is back up.\n")
    result = classify("I: avviso", body)
    assert result.code is R, result.reasons
    assert not any("site works" in reason for reason in result.reasons)


def test_old_history_quoted_in_a_reply_weighs_little():
    body = "Grazie, tutto risolto!\n\n> il sito è down da stamattina\n> errore 500 ovunque\n"
    assert classify("Re: sito down", body).code is not R


def test_a_site_that_works_only_now_and_then_does_not_work():
    result = classify("сеть", "Сайт то открывается, то нет. Потери пакетов 40%, пинг не проходит.")
    assert result.code is R, result.reasons


def test_the_pattern_language_refuses_repeat_braces():
    """{m,n} is no repeat in the rule language (it would silently never match): refused at build time."""
    from triagedesk.triage.rules import _STRAY_BRACE

    assert _STRAY_BRACE.search("put (?:\\w+ ){0,2}back")
    assert not _STRAY_BRACE.search("{site} ~3 {down}")
