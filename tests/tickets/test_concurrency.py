"""Ticket numbers stay unique when several processes open tickets at once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from triagedesk.core.audit import Actor
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Ticket


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_openings_get_distinct_consecutive_numbers(world, clock):
    contact = world.contacts["anna"]
    errors: list[BaseException] = []

    def worker():
        try:
            for _ in range(15):
                svc.ticket_open(subject="parallel", body="x", channel="api", requester=contact, code="yellow",
                                actor=Actor.system(), acknowledge=False, clock=clock)
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []
    numbers = sorted(Ticket.objects.values_list("number", flat=True))
    assert numbers == [f"TD-2026-{n:06d}" for n in range(1, 61)]
