"""Enqueue periodic tasks. One scheduler per site is enough; a second one only
enqueues duplicates that the tasks themselves make harmless."""

from __future__ import annotations

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand

PERIODIC: list[tuple[str, str, int]] = [
    # (name, dotted path of the task, period in seconds)
    ("sla-scan", "triagedesk.sla.tasks.sla_scan_task", settings.TRIAGEDESK["SLA_SCAN_SECONDS"]),
]


class Command(BaseCommand):
    help = "Enqueue periodic tasks (the SLA scan every 30 seconds, ...) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="enqueue every periodic task once and exit")

    def handle(self, *args, once: bool = False, **options):
        from django.utils.module_loading import import_string

        stop = False

        def _stop(*_):
            nonlocal stop
            stop = True

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        schedule = [(name, import_string(path), period) for name, path, period in PERIODIC]
        extra = getattr(settings, "TRIAGEDESK_PERIODIC", [])
        schedule += [(name, import_string(path), period) for name, path, period in extra]
        next_run = {name: 0.0 for name, _, _ in schedule}
        while not stop:
            now = time.monotonic()
            for name, task, period in schedule:
                if now >= next_run[name]:
                    task.enqueue()
                    next_run[name] = now + period
            if once:
                return
            time.sleep(1)
