"""``triagedesk mail-in``: the MTA pipe. One mail on stdin, one JSON line on stdout.

Exit codes are the sysexits an MTA understands:

* 0  accepted (a ticket, a reply, a bounce, a duplicate - and quarantined too:
     the mail is stored and agents will see it);
* 65 EX_DATAERR  stdin was empty: there is no mail to keep;
* 75 EX_TEMPFAIL the database is unreachable (or anything unexpected):
     the MTA keeps the mail in its queue and tries again later.

Nothing is ever dropped silently: a mail is either stored or refused with a
code that makes the MTA keep it.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

EX_OK, EX_DATAERR, EX_TEMPFAIL = 0, 65, 75


class Command(BaseCommand):
    help = "Read one RFC 5322 mail on stdin (from the MTA) and print what became of it as one JSON line."
    requires_system_checks: list[str] = []  # called once per mail: start fast

    def add_arguments(self, parser):
        parser.add_argument("--source", default="pipe", help="recorded on the stored mail (default: pipe)")

    def handle(self, *args, source: str = "pipe", **options):
        raw = sys.stdin.buffer.read()
        if not raw.strip():
            self._say({"action": "rejected", "ticket": None, "reason": "empty input: no mail on stdin"})
            sys.exit(EX_DATAERR)
        try:
            from triagedesk.intake.services import email_receive

            result = email_receive(raw=raw, source=source)
        except Exception as exc:  # noqa: BLE001 - every failure here must become "try again later"
            kind = "database unreachable" if _database_down(exc) else "internal error"
            self._say({"action": "tempfail", "ticket": None, "reason": f"{kind}: {type(exc).__name__}: {exc}"[:500]})
            sys.exit(EX_TEMPFAIL)
        self._say(result.as_json())
        sys.exit(EX_OK)

    def _say(self, payload: dict) -> None:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        if payload["action"] in ("tempfail", "rejected"):
            sys.stderr.write(f"triagedesk mail-in: {payload['reason']}\n")


def _database_down(exc: BaseException) -> bool:
    from django.db import InterfaceError, OperationalError

    try:
        import psycopg
        psycopg_errors: tuple = (psycopg.OperationalError, psycopg.InterfaceError)
    except ImportError:  # pragma: no cover - SQLite-only installs
        psycopg_errors = ()
    return isinstance(exc, (OperationalError, InterfaceError, *psycopg_errors))
