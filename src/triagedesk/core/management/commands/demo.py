"""One command for a working desk: migrate, seed once, serve web + worker + scheduler."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from triagedesk.core.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Migrate, load the demo data once and serve the desk (web, task worker, scheduler) on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--tickets", type=int, default=300)
        parser.add_argument("--no-serve", action="store_true", help="prepare the data and exit")

    def handle(self, *args, port: int, tickets: int, no_serve: bool, **options):
        url = f"http://127.0.0.1:{port}"
        os.environ.setdefault("TRIAGEDESK_BASE_URL", url)
        settings.BASE_URL = os.environ["TRIAGEDESK_BASE_URL"]
        self.stdout.write(f"database: {settings.DATABASES['default']['NAME']}")
        call_command("migrate", interactive=False, verbosity=0)
        if seed_demo(tickets_count=tickets):
            self.stdout.write(f"demo data loaded ({tickets} tickets)")
        if no_serve:
            return
        sink = self._start_mail_sink()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "triagedesk.settings"}
        cli = [sys.executable, "-m", "triagedesk.cli"]
        helpers = [
            subprocess.Popen([*cli, "db_worker", "--queue-name", "*", "--interval", "1", "--verbosity", "0"], env=env,
                             preexec_fn=_die_with_parent),
            subprocess.Popen([*cli, "scheduler"], env=env, preexec_fn=_die_with_parent),
        ]
        # `kill` (SIGTERM) stops the demo like Ctrl-C does: through the `finally` below.
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        self.stdout.write(self.style.SUCCESS(f"\nTriagedesk is running at {url}/"))
        self.stdout.write(f"  agent console:   {url}/console/   login admin / {DEMO_PASSWORD} (supervisor),"
                          f" giulia / {DEMO_PASSWORD} (L1)")
        self.stdout.write(f"  customer portal: {url}/portal/    login anna@rossi-shop.it / {DEMO_PASSWORD}")
        self.stdout.write(f"  admin:           {url}/admin/     login admin / {DEMO_PASSWORD}")
        if sink is not None:
            self.stdout.write(f"  outgoing mail:   caught by a demo SMTP server, saved in {self._outbox()}")
        self.stdout.write("  task worker (quiet: failed tasks are listed in the admin) and scheduler started; Ctrl-C stops everything\n")
        try:
            from waitress import serve

            from triagedesk.wsgi import application

            serve(application, host="127.0.0.1", port=port, threads=8, ident="triagedesk")
        finally:
            if sink is not None:
                sink.stop()
            for proc in helpers:
                proc.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for proc in helpers:
                try:
                    proc.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    proc.kill()

    def _outbox(self):
        from pathlib import Path

        return Path(settings.DATA_DIR) / "outbox"

    def _start_mail_sink(self):
        """Catch outgoing mail locally unless a real SMTP server was configured."""
        import socket

        if "TRIAGEDESK_SMTP_HOST" in os.environ:
            return None
        with socket.socket() as probe:
            if probe.connect_ex((settings.EMAIL_HOST, settings.EMAIL_PORT)) == 0:
                return None  # something already listens there: use it
        from triagedesk.core.mailsink import start_outbox_sink

        return start_outbox_sink(settings.EMAIL_HOST, settings.EMAIL_PORT, self._outbox())


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def _die_with_parent() -> None:
    """In the child, before exec: on Linux, get SIGTERM when the demo process dies, however it dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
