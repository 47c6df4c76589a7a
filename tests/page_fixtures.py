"""Fixtures shared by the console and portal tests (imported by their conftest.py)."""

from __future__ import annotations

import pytest
import time_machine


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request leaves its language active in the thread; start and end each test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def frozen(clock):
    """Pages read the real clock: hold it still at the test clock's instant."""
    with time_machine.travel(clock.now, tick=False) as traveller:
        yield traveller


@pytest.fixture
def agent_client(client, world, frozen):
    """A test client signed in as an agent of the world."""

    def login(name="l1"):
        client.force_login(world.agents[name].user)
        return client

    return login


@pytest.fixture
def contact_client(client, world, frozen):
    """Signed in as a contact; reading English unless ``language`` says otherwise (None: the account's)."""

    def login(name="anna", language="en"):
        contact = world.contacts[name]
        if language is not None:
            contact.language = language
            contact.save(update_fields=["language"])
        client.force_login(contact.user)
        return client

    return login
