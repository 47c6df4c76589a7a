from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.db.models import Model

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


def allocate_number(at: datetime, *, writer: RowWriter | None = None,
                    reserve: Sequence[type[Model]] = ()) -> str:
    """Next human-friendly id for the year, e.g. TD-2026-000123.

    UPDATE ... RETURNING takes the counter row's lock until our transaction
    ends, so two processes never get the same number, and a rolled-back
    opening gives its number back (numbers have no gaps).

    With a deferring ``writer`` (PostgreSQL) the same statement also reserves
    one id for each model of ``reserve`` (the rows the service will write in
    one go, see ``core.rows``): one round trip instead of several.
    """
    year = at.year
    table = "tickets_ticketsequence"
    reserve = list(reserve) if writer is not None and writer.deferred else []
    sql = f"UPDATE {table} SET last = last + 1 WHERE year = %s RETURNING last"
    if reserve:
        sql = f"WITH n AS ({sql}) SELECT n.last, {', '.join(writer.reserve_columns(reserve))} FROM n"
    with connection.cursor() as cur:
        for _ in range(2):
            cur.execute(sql, [year])
            row = cur.fetchone()
            if row:
                if reserve:
                    writer.keep_reserved(reserve, row[1:])
                return f"{settings.TRIAGEDESK['TICKET_PREFIX']}-{year}-{row[0]:06d}"
            cur.execute(f"INSERT INTO {table} (year, last) VALUES (%s, 0) ON CONFLICT DO NOTHING", [year])
    raise RuntimeError("could not allocate a ticket number")


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
