"""The ``triagedesk`` console script: Django's management commands plus ours."""

from __future__ import annotations

import os
import sys

OUR_COMMANDS = {
    "demo": "migrate, seed the demo data once and serve the desk (web, task worker, scheduler)",
    "serve": "serve the web application with waitress",
    "worker": "run a task worker (django-tasks-db db_worker)",
    "scheduler": "enqueue periodic tasks (SLA scan, IMAP polling)",
    "seed_demo": "load the demo data (idempotent)",
    "catalog_sync": "create or refresh the built-in case catalogue",
    "triage": "triage eval FILE.jsonl | triage classify < lines.jsonl | triage train-model [--cv]",
    "mail-in": "read one RFC 5322 message on stdin (MTA pipe) and print what became of it",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triagedesk.settings")
    command = argv[1] if len(argv) > 1 else "help"
    if command == "triage":
        # Pure, no database: keep it fast and usable without a configured desk.
        from triagedesk.triage.evaluate import main as triage_main

        return triage_main(argv[2:])
    if command in {"help", "--help", "-h"} and len(argv) <= 2:
        print("Usage: triagedesk <command> [options]\n\nTriagedesk commands:")
        for name, text in OUR_COMMANDS.items():
            print(f"  {name:<14} {text}")
        print("\nEvery Django management command works too (migrate, createsuperuser, shell, ...):")
        print("  triagedesk help --commands   lists them all\n")
        return 0
    if command == "mail-in":
        argv[1] = "mail_in"
    if command == "help" and argv[2:] == ["--commands"]:
        argv = argv[:1] + ["help", "--commands"]
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
