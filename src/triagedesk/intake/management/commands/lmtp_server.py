"""``triagedesk lmtp_server``: receive mail from the MTA over LMTP (or SMTP) on loopback."""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Listen for mail from the local MTA: LMTP on 127.0.0.1:2424 by default (--smtp for plain SMTP). "
            "Answers 250 once the mail is stored, 451 while the database is unreachable.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
        parser.add_argument("--port", type=int, default=None, help="default: TRIAGEDESK_LMTP_PORT (2424)")
        parser.add_argument("--smtp", action="store_true", help="speak SMTP instead of LMTP")
        parser.add_argument("--workers", type=int, default=4, help="mails processed at the same time")
        parser.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="largest mail accepted")

    def handle(self, *args, host: str, port: int | None, smtp: bool, workers: int, max_bytes: int, **options):
        from django.conf import settings

        from triagedesk.intake.lmtp import IntakeController

        port = port or settings.TRIAGEDESK_LMTP_PORT

        controller = IntakeController(host=host, port=port, lmtp=not smtp, workers=workers, max_bytes=max_bytes)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        controller.start()
        self.stdout.write(f"{'SMTP' if smtp else 'LMTP'} intake listening on {host}:{port}")
        self.stdout.flush()
        try:
            while not stop.wait(1):
                pass
        finally:
            controller.stop()
            self.stdout.write("intake stopped")
