"""Opening a ticket writes its rows in one statement on PostgreSQL: the same rows as one by one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from triagedesk.core.audit import Actor
from triagedesk.core.models import AuditEvent
from triagedesk.notify.models import OutboundEmail
from triagedesk.notify.tasks import send_outbound_email
from triagedesk.tickets import services as svc
from triagedesk.tickets.models import Attachment, Message

pytestmark = pytest.mark.django_db

TASK_FIELDS = ("status", "args_kwargs", "priority", "task_path", "worker_ids", "queue_name", "backend_name",
               "run_after", "started_at", "finished_at", "return_value", "exception_class_path", "traceback")


def open_by_mail(world, clock, message_id="<m1@rossi>", **kw):
    contact = world.contacts["anna"]
    return svc.ticket_open(subject="Sito down", body="Il sito non risponde", channel="email", requester=contact,
                           actor=Actor("contact", contact.user_id, contact.name), email_message_id=message_id,
                           clock=clock, **kw)


def test_the_acknowledgement_task_row_is_the_one_enqueue_writes(world, clock):
    ticket = open_by_mail(world, clock)
    ack = OutboundEmail.objects.get(ticket=ticket)
    written = DBTaskResult.objects.get()
    assert written.args_kwargs == {"args": [ack.pk], "kwargs": {}}
    reference = DBTaskResult.objects.get(pk=send_outbound_email.enqueue(ack.pk).id)
    assert {f: getattr(written, f) for f in TASK_FIELDS} == {f: getattr(reference, f) for f in TASK_FIELDS}
    assert written.task_result.task.func is send_outbound_email.func


def test_the_rows_point_at_each_other_and_the_ids_are_the_databases(world, clock):
    ticket = open_by_mail(world, clock, attachments=[svc.IncomingAttachment("log.txt", "text/plain", b"502")])
    ticket.refresh_from_db()
    message = Message.objects.get(ticket=ticket)
    assert Attachment.objects.get().message_id == message.pk
    assert AuditEvent.objects.get(subject_type="ticket").subject_id == ticket.pk
    ack = OutboundEmail.objects.get(ticket=ticket)
    assert ack.message_id.startswith(f"td.{ticket.number.lower()}.") and ack.in_reply_to == "<m1@rossi>"
    # The next ticket gets fresh ids from the same sequences.
    second = open_by_mail(world, clock)
    assert second.pk > ticket.pk and OutboundEmail.objects.get(ticket=second).pk > ack.pk


@pytest.mark.postgres
def test_on_postgresql_opening_a_ticket_is_two_statements(world, clock):
    open_by_mail(world, clock)  # warms the per-process caches (plan targets, sequences)
    with CaptureQueriesContext(connection) as captured:
        open_by_mail(world, clock, message_id="<m2@rossi>")
    # The test's own transaction turns the service's into a savepoint: those two do not count.
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 2, statements


def test_an_update_rides_along_and_reports_its_count(world, clock):
    from django.db import transaction

    from triagedesk.core.rows import RowWriter
    from triagedesk.tickets.models import Ticket

    ticket = open_by_mail(world, clock)
    counts = []
    with transaction.atomic():
        writer = RowWriter()
        writer.update(Ticket.objects.filter(pk=ticket.pk, state="triaged"), {"subject": "Renamed"}, then=counts.append)
        writer.update(Ticket.objects.filter(pk=ticket.pk, state="closed"), {"subject": "Never"}, then=counts.append)
        writer.flush()
    assert counts == [1, 0]
    assert Ticket.objects.get(pk=ticket.pk).subject == "Renamed"


def test_a_guard_raising_on_the_count_writes_nothing(world, clock):
    from django.db import transaction

    from triagedesk.core.rows import RowWriter
    from triagedesk.tickets.models import Ticket

    class Gone(Exception):
        pass

    def guard(count):
        if not count:
            raise Gone

    first = open_by_mail(world, clock)
    before = (Ticket.objects.count(), Message.objects.count(), OutboundEmail.objects.count())
    with pytest.raises(Gone), transaction.atomic():
        writer = RowWriter()
        svc.ticket_open(subject="Mail giu", body="Le mail non partono", channel="email",
                        requester=world.contacts["anna"], actor=Actor.system("test"), clock=clock, writer=writer)
        writer.update(Ticket.objects.filter(pk=first.pk, state="closed"), {"subject": "x"}, then=guard)
        writer.flush()
    assert (Ticket.objects.count(), Message.objects.count(), OutboundEmail.objects.count()) == before


@pytest.mark.django_db(transaction=True)
def test_ticket_open_with_a_writer_needs_the_callers_transaction(world, clock):
    from triagedesk.core.rows import RowWriter

    with pytest.raises(RuntimeError, match="transaction"):
        svc.ticket_open(subject="x", body="y", channel="email", requester=world.contacts["anna"],
                        actor=Actor.system("test"), clock=clock, writer=RowWriter())
