"""Opening a ticket writes its rows in one statement on PostgreSQL: the same rows as one by one."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection
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
def test_on_postgresql_opening_a_ticket_is_one_statement_that_takes_the_number_last(world, clock):
    open_by_mail(world, clock)  # warms the per-process caches (plan targets, sequences, ids)
    with CaptureQueriesContext(connection) as captured:
        ticket = open_by_mail(world, clock, message_id="<m2@rossi>")
    # The test's own transaction turns the service's into a savepoint: those two do not count.
    statements = [q["sql"] for q in captured.captured_queries if not _not_counted(q["sql"])]
    assert len(statements) == 1, statements
    # The counter row stays locked to COMMIT: taken in the statement that ends the work.
    assert statements[0].startswith("WITH r0 AS (INSERT INTO tickets_ticketsequence")
    assert ticket.number == "TD-2026-000002"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_ticket_opened_outside_a_transaction_is_one_round_trip(world, clock):
    from triagedesk.tickets.models import Ticket

    open_by_mail(world, clock)
    assert not connection.in_atomic_block
    with CaptureQueriesContext(connection) as captured:
        ticket = open_by_mail(world, clock, message_id="<m2@rossi>")
    # No BEGIN, no COMMIT: the one statement is the transaction (Django logs BEGIN when it sends one).
    statements = [q["sql"][:12] for q in captured.captured_queries if not _not_counted(q["sql"])]
    assert statements == ["WITH r0 AS ("], captured.captured_queries
    assert Ticket.objects.get(pk=ticket.pk).number == "TD-2026-000002"
    # And it is all or nothing: a row that breaks a constraint takes the others with it.
    missing = Ticket(pk=ticket.pk + 10_000)
    with pytest.raises(IntegrityError):
        open_by_mail(world, clock, message_id="<m3@rossi>", linked_to=missing)
    assert Ticket.objects.count() == 2 and Message.objects.count() == 2 and OutboundEmail.objects.count() == 2
    assert open_by_mail(world, clock, message_id="<m4@rossi>").number == "TD-2026-000003"  # no gap


def test_an_update_rides_along_and_reports_its_count(world, clock):
    from django.db import transaction

    from triagedesk.core.rows import RowWriter
    from triagedesk.tickets.models import Ticket

    ticket = open_by_mail(world, clock)
    counts = []
    with transaction.atomic():
        writer = RowWriter()
        writer.update_row(Ticket, ticket.pk, {"subject": "Renamed", "assignee": world.agents["l1"]},
                          where_in={"state": ["new", "triaged"]}, then=counts.append)
        writer.update_row(Ticket, ticket.pk, {"subject": "Never"}, where_in={"state": ["closed"]}, then=counts.append)
        writer.flush()
    assert counts == [1, 0]
    changed = Ticket.objects.get(pk=ticket.pk)
    assert changed.subject == "Renamed" and changed.assignee_id == world.agents["l1"].pk


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
        writer.update_row(Ticket, first.pk, {"subject": "x"}, where_in={"state": ["closed"]}, then=guard)
        writer.flush()
    assert (Ticket.objects.count(), Message.objects.count(), OutboundEmail.objects.count()) == before


@pytest.mark.django_db(transaction=True)
def test_ticket_open_with_a_writer_needs_the_callers_transaction(world, clock):
    from triagedesk.core.rows import RowWriter

    with pytest.raises(RuntimeError, match="transaction"):
        svc.ticket_open(subject="x", body="y", channel="email", requester=world.contacts["anna"],
                        actor=Actor.system("test"), clock=clock, writer=RowWriter())


def test_the_number_is_in_every_row_that_names_it(world, clock):
    ticket = open_by_mail(world, clock)
    assert ticket.number == "TD-2026-000001"
    ack = OutboundEmail.objects.get(ticket=ticket)
    assert ack.subject.startswith("[TD-2026-000001]") and "TD-2026-000001" in ack.body_text
    assert "/portal/tickets/TD-2026-000001/" in ack.body_text
    assert ack.message_id.startswith("td.td-2026-000001.")  # the lower-cased form
    stored = OutboundEmail.objects.get(pk=ack.pk)
    assert "\ue000" not in stored.subject + stored.body_text + stored.message_id


def test_numbers_past_a_million_keep_every_digit(world, clock):
    from triagedesk.tickets.models import TicketSequence

    TicketSequence.objects.update_or_create(year=2026, defaults={"last": 999_999})
    assert open_by_mail(world, clock).number == "TD-2026-1000000"


@pytest.mark.postgres
def test_a_late_value_cannot_hide_in_a_structured_value(world, clock):
    from django.db import transaction

    from triagedesk.core.audit import build_event
    from triagedesk.core.rows import RowWriter

    with pytest.raises(ValueError, match="structured value"), transaction.atomic():
        writer = RowWriter()
        number = writer.late_value("SELECT 'x'")
        writer.add(build_event(at=clock.now, actor=Actor.system("test"), verb="test", subject_type="ticket",
                               subject_id=1, data={"number": number.text}))
        writer.flush()


def _not_counted(sql: str) -> bool:
    """The test's own savepoints, and the id pool's refill (once every core.rows.ID_BLOCK rows)."""
    return "SAVEPOINT" in sql or "FROM generate_series" in sql


@pytest.mark.postgres
def test_ids_come_from_the_tables_sequence_a_block_at_a_time_and_a_fork_starts_afresh(world):
    import os

    from triagedesk.core import rows
    from triagedesk.tickets.models import Ticket

    rows.clear_id_pools()
    with CaptureQueriesContext(connection) as captured:
        first, second = rows.take_id(Ticket), rows.take_id(Ticket)
    assert second == first + 1 and len(captured.captured_queries) == 1  # one refill for ID_BLOCK ids
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('tickets_ticket', 'id'))")
        assert cursor.fetchone()[0] >= first + rows.ID_BLOCK  # the block is the process's alone
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child only looks at its copy of the pools
        os.write(write, b"empty" if not rows._id_pools else b"inherited")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 16) == b"empty"


@pytest.mark.postgres
@pytest.mark.parametrize("prepare", [True, False])
def test_on_postgresql_the_statement_that_opens_a_ticket_is_prepared_unless_turned_off(world, clock, settings,
                                                                                          prepare):
    settings.TRIAGEDESK = {**settings.TRIAGEDESK, "PREPARE_STATEMENTS": prepare}
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for k in range(3):
        open_by_mail(world, clock, message_id=f"<p{k}@rossi>")
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert [p[:12] for p in prepared] == (["WITH r0 AS ("] if prepare else [])
    # Django's connection keeps its own queries unprepared (client-side binding).
    assert not any("tickets_ticket" in p and p.startswith("SELECT") for p in prepared)
