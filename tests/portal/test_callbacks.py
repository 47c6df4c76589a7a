"""Call-back bookings: in the plan's business hours, in the future, one open booking per ticket."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.console.helpers import as_contact, open_ticket
from triagedesk.core.errors import DomainError
from triagedesk.core.models import AuditEvent
from triagedesk.portal.models import CallbackRequest
from triagedesk.portal.services import callback_book
from triagedesk.portal.selectors import callback_slots

pytestmark = pytest.mark.django_db


def book(world, ticket, at, clock, phone="+39 02 5550 1001"):
    anna = world.contacts["anna"]
    return callback_book(ticket=ticket, contact=anna, slot_start=at, phone=phone, actor=as_contact(anna),
                         clock=clock)


def test_a_booking_in_business_hours_is_recorded_and_audited(world, clock):
    ticket = open_ticket(world, clock=clock)
    booking = book(world, ticket, clock.now + timedelta(hours=1), clock)  # Monday 12:00 in Rome
    assert booking.status == "requested" and booking.contact == world.contacts["anna"]
    event = AuditEvent.objects.get(verb="ticket.callback_booked")
    assert event.subject_id == ticket.pk and event.data["callback"] == booking.pk


@pytest.mark.parametrize("offset, message", [
    (timedelta(minutes=-30), "at least 15 minutes from now"),
    (timedelta(minutes=5), "at least 15 minutes from now"),
    (timedelta(hours=10), "business hours"),       # 21:00 in Rome
    (timedelta(days=5, hours=1), "business hours"),  # Saturday
    (timedelta(hours=8, minutes=15), "business hours"),  # 19:15: the half hour runs past 19:30
    (timedelta(days=40), "within the next 30 days"),
])
def test_bookings_outside_the_window_are_refused(world, clock, offset, message):
    ticket = open_ticket(world, clock=clock)
    with pytest.raises(DomainError, match=message):
        book(world, ticket, clock.now + offset, clock)
    assert not CallbackRequest.objects.exists()


def test_one_open_booking_per_ticket(world, clock):
    ticket = open_ticket(world, clock=clock)
    book(world, ticket, clock.now + timedelta(hours=1), clock)
    with pytest.raises(DomainError, match="already booked"):
        book(world, ticket, clock.now + timedelta(hours=2), clock)
    assert CallbackRequest.objects.count() == 1


def test_a_contact_of_another_account_cannot_book(world, clock):
    ticket = open_ticket(world, contact="marie", clock=clock)
    with pytest.raises(DomainError, match="your own tickets"):
        book(world, ticket, clock.now + timedelta(hours=1), clock)


def test_offered_slots_are_half_hours_inside_business_hours(world, clock):
    slots = callback_slots(world.accounts["rossi"], clock.now)
    assert slots[0] == clock.now + timedelta(minutes=30)  # 11:30 Rome: 15 minutes' notice, on the half hour
    from zoneinfo import ZoneInfo

    for slot in slots:
        local = slot.astimezone(ZoneInfo("Europe/Rome"))
        assert local.weekday() < 5 and (9, 30) <= (local.hour, local.minute) <= (19, 0)


def test_booking_from_the_portal_page(contact_client, world, clock):
    ticket = open_ticket(world)
    client = contact_client("anna")
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    slot = (clock.now + timedelta(hours=2)).isoformat()
    assert f'value="{slot}"' in html
    response = client.post(f"/portal/tickets/{ticket.number}/callback/", {"slot": slot, "phone": "+39 333 1234567",
                                                                        "note": "dopo pranzo"})
    assert response.status_code == 302
    html = client.get(f"/portal/tickets/{ticket.number}/").content.decode()
    assert "We will call you on +39 333 1234567 on Mon 23 Nov 13:00." in html
    assert "Book the call-back" not in html


def test_a_refused_booking_is_explained_on_the_page(contact_client, world, clock):
    ticket = open_ticket(world)
    late = (clock.now + timedelta(hours=11)).isoformat()
    response = contact_client("anna").post(f"/portal/tickets/{ticket.number}/callback/",
                                           {"slot": late, "phone": "+39 333"})
    assert response.status_code == 422 and "business hours" in response.content.decode()


def test_agents_mark_a_callback_done(agent_client, world, clock):
    ticket = open_ticket(world)
    booking = book(world, ticket, clock.now + timedelta(hours=1), clock)
    client = agent_client("l1")
    response = client.post(f"/console/callbacks/{booking.pk}/done/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "done"
    assert agent_client("l3").post(f"/console/callbacks/{booking.pk}/cancelled/").status_code == 404
