"""Shared by the console, portal and browser tests: open tickets the way customers do."""

from __future__ import annotations

from triagedesk.core.audit import Actor
from triagedesk.tickets import services as svc


def as_contact(contact) -> Actor:
    return Actor("contact", contact.user_id, contact.name)


def as_agent(agent) -> Actor:
    return Actor("agent", agent.user_id, agent.display_name)


def open_ticket(world, contact="anna", code="yellow", subject="Sito lento", body="Il sito è lento da ieri.",
                channel="portal", **kwargs):
    c = world.contacts[contact]
    return svc.ticket_open(subject=subject, body=body, channel=channel, requester=c, code=code,
                           actor=as_contact(c), acknowledge=False, **kwargs)
