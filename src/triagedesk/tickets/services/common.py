from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection

from triagedesk.core.audit import Actor, audit_record, build_event
from triagedesk.core.rows import RowWriter
from triagedesk.core.storage import blob_store
from triagedesk.triage.codes import Code

from ..models import Attachment, Message, Ticket
from ..models.ticket import SEVERITY


@dataclass(frozen=True)
class IncomingAttachment:
    filename: str
    content_type: str
    data: bytes
    content_id: str = ""
    inline: bool = False


def parse_code(code) -> Code:
    from triagedesk.core.errors import DomainError
    from triagedesk.triage.codes import InvalidCode

    try:
        return Code.parse(code) if not isinstance(code, Code) else code
    except InvalidCode as exc:
        raise DomainError(f"invalid triage code {code!r}: use red, yellow, green or white") from exc


def severity_of(code: str) -> int:
    return SEVERITY[code]


def allocate_number(at: datetime, *, writer: RowWriter | None = None) -> str:
    """Next human-friendly id for the year, e.g. TD-2026-000123.

    The year's counter row is incremented in the ticket's transaction and stays
    locked until it ends, so two processes never get the same number, and a
    rolled-back opening gives its number back (numbers have no gaps).

    With a deferring ``writer`` (PostgreSQL) the counter is taken in the writer's
    last statement, where the ticket row is written: the lock is held only for
    that statement and the COMMIT, not while the rest of the ticket is built, so
    parallel intake processes do not queue behind it. Until then the returned
    number is a stand-in (``core.rows.LateValue``) that the flush swaps for the
    real one.
    """
    year = at.year
    prefix = f"{settings.TRIAGEDESK['TICKET_PREFIX']}-{year}-"
    if writer is not None and writer.deferred:
        # The same format as below, in SQL.
        formatted = "%s || CASE WHEN last < 1000000 THEN lpad(last::text, 6, '0') ELSE last::text END"
        return writer.late_value(_NEXT_NUMBER_SQL + formatted, [year, prefix]).text
    with connection.cursor() as cur:
        cur.execute(_NEXT_NUMBER_SQL + "last", [year])
        return f"{prefix}{cur.fetchone()[0]:06d}"


#: The year's counter row, created on first use (an upsert), RETURNING ...
_NEXT_NUMBER_SQL = (
    "INSERT INTO tickets_ticketsequence (year, last) VALUES (%s, 1) "
    "ON CONFLICT (year) DO UPDATE SET last = tickets_ticketsequence.last + 1 RETURNING "
)


def store_attachments(message: Message, attachments: Iterable[IncomingAttachment]) -> list[Attachment]:
    rows = []
    for item in attachments:
        digest = blob_store(item.data, filename=item.filename)
        rows.append(Attachment(
            message=message, filename=(item.filename or "attachment")[:255], content_type=item.content_type[:128],
            size=len(item.data), sha256=digest, content_id=item.content_id[:255], inline=item.inline,
        ))
    if rows:
        Attachment.objects.bulk_create(rows)
    return rows


def audit_ticket(ticket: Ticket, *, at: datetime, actor: Actor, verb: str, changes=None, data=None,
                 writer: RowWriter | None = None) -> None:
    if writer is None:
        audit_record(at=at, actor=actor, verb=verb, subject_type="ticket", subject_id=ticket.pk,
                     changes=changes, data=data)
        return
    writer.add(build_event(at=at, actor=actor, verb=verb, subject_type="ticket", subject_id=ticket.pk,
                           changes=changes, data=data))
