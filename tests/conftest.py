"""Shared fixtures: a small desk (plans, customers, agents), a frozen clock,
a real SMTP server on loopback that collects what we send."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from triagedesk.core.testing import FixedClock

REPO = Path(__file__).resolve().parents[1]


def _find_corpus() -> Path:
    """The shared test material: $TRIAGEDESK_CORPUS, else ../shared/corpus beside the checkout,
    else the workplace's /work/shared/corpus (for a clone made somewhere else)."""
    if os.environ.get("TRIAGEDESK_CORPUS"):
        return Path(os.environ["TRIAGEDESK_CORPUS"])
    candidates = [REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")]
    return next((path for path in candidates if path.is_dir()), candidates[0])


CORPUS = _find_corpus()


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests run in the PostgreSQL pass; in CI nothing is skipped silently."""
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    if on_postgres:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: runs in the PostgreSQL pass of the test command")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    # Real hashing costs a second per user; tests create many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from triagedesk.sla import policy
    from triagedesk.triage import services as triage_services

    policy.clear_cache()
    triage_services._clear()
    yield


@pytest.fixture
def clock():
    return FixedClock(datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc))  # a Monday, 11:00 in Rome


@dataclass
class World:
    plans: dict = field(default_factory=dict)
    teams: dict = field(default_factory=dict)
    agents: dict = field(default_factory=dict)
    accounts: dict = field(default_factory=dict)
    contacts: dict = field(default_factory=dict)


@pytest.fixture
def world(db):
    """Two customers on different plans, agents in L1-L3, the catalogue."""
    from triagedesk.accounts import services as acc
    from triagedesk.core.demo import OFFICE_HOURS, PLANS
    from triagedesk.triage.services import catalog_sync

    catalog_sync()
    w = World()
    office = acc.calendar_create(name="Office", time_zone="Europe/Rome", weekly_hours=OFFICE_HOURS,
                                 holiday_country="IT")
    for name, slug, hours, pm, targets in PLANS:
        w.plans[slug] = acc.plan_create(name=name, slug=slug, calendar=office, monthly_included_hours=hours,
                                        personal_manager=pm, targets=targets)
    w.teams["support"] = acc.team_create(name="Support", slug="support")
    w.teams["systems"] = acc.team_create(name="Systems", slug="systems")
    w.agents["lead"] = acc.agent_create(username="lead", email="lead@desk.example", name="Lena Lead",
                                        password="pw-lead-123", tier=2, teams=[w.teams["support"]],
                                        lead_of=[w.teams["support"]])
    w.agents["l1"] = acc.agent_create(username="l1", email="l1@desk.example", name="Leo One", password="pw-l1-1234",
                                      tier=1, teams=[w.teams["support"]])
    w.agents["l3"] = acc.agent_create(username="l3", email="l3@desk.example", name="Tara Three",
                                      password="pw-l3-1234", tier=3, teams=[w.teams["systems"]])
    w.agents["boss"] = acc.agent_create(username="boss", email="boss@desk.example", name="Bo Boss",
                                        password="pw-boss-123", tier=3, superuser=True, sees_all_teams=True)
    w.accounts["rossi"] = acc.account_create(code="C1001", name="Rossi Shop", plan=w.plans["standard"],
                                             language="it", team=w.teams["support"], domains=["rossi-shop.it"])
    w.accounts["dupont"] = acc.account_create(code="C1002", name="Dupont", plan=w.plans["premium"], language="fr",
                                              team=w.teams["systems"], domains=["dupont.fr"],
                                              account_manager=w.agents["l3"])
    w.contacts["anna"] = acc.contact_create(account=w.accounts["rossi"], name="Anna Rossi",
                                            email="anna@rossi-shop.it", phone="+39 02 5550 1001",
                                            password="pw-anna-123")
    w.contacts["marie"] = acc.contact_create(account=w.accounts["dupont"], name="Marie Dupont",
                                             email="marie@dupont.fr", password="pw-marie-123")
    return w


@dataclass
class SmtpSink:
    host: str
    port: int
    messages: list = field(default_factory=list)
    reject: dict = field(default_factory=dict)  # address -> SMTP status line, e.g. "550 5.1.1 no such user"

    def by_recipient(self, address: str) -> list:
        return [m for m in self.messages if address.lower() in (m["To"] or "").lower()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server (aiosmtpd) on loopback; settings point our mail at it."""
    from aiosmtpd.controller import Controller

    sink = SmtpSink("127.0.0.1", _free_port())

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower() in sink.reject:
                return sink.reject[address.lower()]
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            sink.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 Message accepted"

    controller = Controller(Handler(), hostname=sink.host, port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = sink.host, sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield sink
    finally:
        controller.stop()


