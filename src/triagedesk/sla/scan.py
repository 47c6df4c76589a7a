"""The periodic SLA scan: warnings at 80 %, breaches at 100 %, each exactly once.

A scan claims due tickets with a conditional UPDATE (PostgreSQL adds
FOR UPDATE SKIP LOCKED so two scanners split the work instead of waiting), and
the unique constraint on SlaEvent is the last word on "exactly once".

On PostgreSQL each kind is one statement: the claim, its SlaEvent rows and their
audit events are written by data-modifying CTEs, so a scan that finds a thousand
due tickets sends no per-ticket data through Python. Elsewhere the same steps
run one by one through the ORM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, connection, transaction

from triagedesk.core.audit import Actor, build_event
from triagedesk.core.models import AuditEvent
from triagedesk.tickets.models import SlaEvent, Ticket

log = logging.getLogger(__name__)


@dataclass
class ScanResult:
    warnings: int = 0
    breaches: int = 0


def _claim(kind: str, now: datetime, batch: int) -> list[tuple]:
    """Mark up to ``batch`` tickets as warned (or breached) and return them."""
    with connection.cursor() as cur:
        cur.execute(_claim_sql(kind), {"now": now, "batch": batch})
        rows = cur.fetchall()
    # SQLite hands back RETURNING timestamps as naive strings; make them aware.
    if connection.vendor == "sqlite":
        convert = connection.ops.convert_datetimefield_value
        rows = [r[:4] + (convert(r[4], None, connection),) + r[5:] for r in rows]
    return rows


def sla_scan(*, now: datetime, batch: int = 5000) -> ScanResult:
    if connection.vendor == "postgresql":
        return _scan_postgresql(now, batch)
    return _scan_portable(now, batch)


def _claim_sql(kind: str) -> str:
    t = Ticket._meta.db_table
    stamp, moment = ("sla_warned_at", "warning_at") if kind == "warning" else ("sla_breached_at", "due_at")
    next_value = "due_at" if kind == "warning" else "NULL"
    lock = "FOR UPDATE SKIP LOCKED" if connection.vendor == "postgresql" else ""
    return f"""
        UPDATE {t} SET {stamp} = %(now)s, sla_next_at = {next_value}
        WHERE id IN (
            SELECT id FROM {t}
            WHERE sla_next_at IS NOT NULL AND sla_next_at <= %(now)s AND {stamp} IS NULL AND {moment} <= %(now)s
            ORDER BY sla_next_at LIMIT %(batch)s {lock}
        ) AND {stamp} IS NULL
        RETURNING id, number, code, sla_version, due_at, team_id, account_id, subject
    """


# datetime.isoformat() of a UTC instant, as the portable path stores it in the audit data.
_PG_ISO_UTC = """(to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
    || CASE WHEN extract(microseconds FROM {col})::int %% 1000000 = 0 THEN ''
            ELSE to_char({col} AT TIME ZONE 'UTC', '.US') END || '+00:00')"""


def _scan_postgresql(now: datetime, batch: int) -> ScanResult:
    result = ScanResult()
    system = Actor.system("sla-scan")
    events, audit = SlaEvent._meta, AuditEvent._meta
    for kind in ("breach", "warning"):
        proto = build_event(at=now, actor=system, verb=f"ticket.sla_{kind}", subject_type="ticket", subject_id=0)
        sql = f"""
            WITH claimed AS ({_claim_sql(kind)}),
            recorded AS (
                INSERT INTO {events.db_table} (ticket_id, kind, sla_version, code, at, due_at)
                SELECT id, %(kind)s, sla_version, code, %(now)s, due_at FROM claimed
                ON CONFLICT (ticket_id, kind, sla_version) DO NOTHING
                RETURNING ticket_id
            ),
            audited AS (
                INSERT INTO {audit.db_table} (created_at, verb, actor_kind, actor_user_id, actor_label,
                                              subject_type, subject_id, changes, data)
                SELECT %(now)s, %(verb)s, %(actor_kind)s, %(actor_user_id)s, %(actor_label)s, %(subject_type)s,
                       c.id, '{{}}'::jsonb,
                       jsonb_build_object('code', c.code, 'due_at', {_PG_ISO_UTC.format(col="c.due_at")},
                                          'sla_version', c.sla_version)
                FROM claimed c JOIN recorded r ON r.ticket_id = c.id
            )
            SELECT c.id, c.team_id FROM claimed c JOIN recorded r ON r.ticket_id = c.id ORDER BY c.id
        """
        params = {"now": now, "batch": batch, "kind": kind, "verb": proto.verb, "actor_kind": proto.actor_kind,
                  "actor_user_id": proto.actor_user_id, "actor_label": proto.actor_label,
                  "subject_type": proto.subject_type}
        with transaction.atomic():
            with connection.cursor() as cur:
                cur.execute(sql, params)
                rows = cur.fetchall()  # (ticket id, team id) of each event recorded now
            if rows:
                _notify_leads(kind, rows)
        setattr(result, "breaches" if kind == "breach" else "warnings", len(rows))
    return result


def _scan_portable(now: datetime, batch: int) -> ScanResult:
    result = ScanResult()
    system = Actor.system("sla-scan")
    # Breaches first: a ticket that jumped past both marks gets its breach now,
    # and its warning (recorded too, for the record) does not get a second mail.
    for kind in ("breach", "warning"):
        with transaction.atomic():
            rows = _claim(kind, now, batch)
            if not rows:
                continue
            events = [SlaEvent(ticket_id=r[0], kind=kind, sla_version=r[3], code=r[2], at=now, due_at=r[4])
                      for r in rows]
            try:
                with transaction.atomic():
                    SlaEvent.objects.bulk_create(events)
            except IntegrityError:
                # Someone recorded some of these already: keep only the new ones.
                events = [e for e in events if not SlaEvent.objects.filter(
                    ticket_id=e.ticket_id, kind=kind, sla_version=e.sla_version).exists()]
                SlaEvent.objects.bulk_create(events)
            recorded = {e.ticket_id for e in events}
            AuditEvent.objects.bulk_create([
                build_event(at=now, actor=system, verb=f"ticket.sla_{kind}", subject_type="ticket", subject_id=r[0],
                            data={"code": r[2], "due_at": r[4].isoformat() if r[4] else None,
                                  "sla_version": r[3]})
                for r in rows if r[0] in recorded
            ])
            _notify_leads(kind, [(r[0], r[5]) for r in rows if r[0] in recorded])
            setattr(result, "breaches" if kind == "breach" else "warnings",
                    getattr(result, "breaches" if kind == "breach" else "warnings") + len(recorded))
    return result


def _notify_leads(kind: str, tickets: list[tuple[int, int | None]]) -> None:
    """One task per team lead with the tickets (id, team id) of this scan, not one mail per ticket."""
    from .tasks import notify_team_leads

    by_team: dict[int | None, list[int]] = {}
    for ticket_id, team_id in tickets:
        by_team.setdefault(team_id, []).append(ticket_id)
    for team_id, ticket_ids in by_team.items():
        notify_team_leads.enqueue(kind, team_id, ticket_ids)
