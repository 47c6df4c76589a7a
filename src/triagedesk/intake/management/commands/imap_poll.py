"""``triagedesk imap_poll``: poll the IMAP mailboxes now (``--once``) or every N seconds."""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Fetch new mail from the configured IMAP mailboxes and turn it into tickets."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="poll every mailbox once and exit")
        parser.add_argument("--mailbox", help="only this mailbox (its name)")
        parser.add_argument("--interval", type=int, default=None,
                            help="seconds between polls (default: TRIAGEDESK_IMAP_POLL_SECONDS, 60)")

    def handle(self, *args, once: bool, mailbox: str | None, interval: int | None, **options):
        from django.conf import settings

        from triagedesk.intake.imap import poll_mailbox
        from triagedesk.intake.models import Mailbox

        boxes = Mailbox.objects.filter(is_active=True)
        if mailbox:
            boxes = boxes.filter(name=mailbox)
            if not boxes.exists():
                raise CommandError(f"no active mailbox called {mailbox!r}")
        stop = False

        def _stop(*_):
            nonlocal stop
            stop = True

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        interval = interval or settings.TRIAGEDESK_IMAP_POLL_SECONDS
        failed = False
        while True:
            for box in list(boxes):
                report = poll_mailbox(box)
                failed = failed or bool(report.errors)
                state = "skipped (another poller holds it)" if report.skipped else \
                    ", ".join(f"{k} {v}" for k, v in sorted(report.actions.items())) or "nothing new"
                self.stdout.write(f"{box.name}: {report.fetched} fetched: {state}"
                                  + (f"; {len(report.errors)} error(s): {report.errors[0]}" if report.errors else ""))
            if once or stop:
                break
            deadline = time.monotonic() + interval
            while not stop and time.monotonic() < deadline:
                time.sleep(0.5)
        if once and failed:
            raise CommandError("some mail could not be fetched or processed (see above)")
