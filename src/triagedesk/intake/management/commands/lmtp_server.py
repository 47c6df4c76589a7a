"""``triagedesk lmtp_server``: receive mail from the MTA over LMTP (or SMTP) on loopback."""

from __future__ import annotations

import os
import signal
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Listen for mail from the local MTA: LMTP on 127.0.0.1:2424 by default (--smtp for plain SMTP). "
            "Answers 250 once the mail is stored, 451 while the database is unreachable.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
        parser.add_argument("--port", type=int, default=None, help="default: TRIAGEDESK_LMTP_PORT (2424)")
        parser.add_argument("--smtp", action="store_true", help="speak SMTP instead of LMTP")
        parser.add_argument("--workers", type=int, default=4, help="mails processed at the same time per process")
        parser.add_argument("--processes", type=int, default=1,
                            help="listener processes sharing the port (one per core; the kernel spreads the "
                                 "MTA's connections over them)")
        parser.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="largest mail accepted")

    def handle(self, *args, host: str, port: int | None, smtp: bool, workers: int, processes: int,
               max_bytes: int, **options):
        from django.conf import settings

        if processes < 1:
            raise CommandError("--processes must be at least 1")
        port = port or settings.TRIAGEDESK_LMTP_PORT
        serve = dict(host=host, port=port, lmtp=not smtp, workers=workers, max_bytes=max_bytes)
        if processes == 1:
            self._serve(**serve, reuse_port=False)
            return
        self._prefork(processes, serve)

    def _serve(self, *, reuse_port: bool, **serve) -> None:
        from triagedesk.intake.lmtp import IntakeController

        controller = IntakeController(**serve, reuse_port=reuse_port)
        # The handler only appends: Event.set() from a signal handler can deadlock on the lock
        # that the main thread holds inside Event.wait().
        stopping: list[int] = []
        signal.signal(signal.SIGTERM, lambda signum, _frame: stopping.append(signum))
        signal.signal(signal.SIGINT, lambda signum, _frame: stopping.append(signum))
        controller.start()
        self.stdout.write(f"{'LMTP' if serve['lmtp'] else 'SMTP'} intake listening on {serve['host']}:{serve['port']}"
                          f" (process {os.getpid()})")
        self.stdout.flush()
        try:
            while not stopping:
                time.sleep(0.2)
        finally:
            controller.stop()
            self.stdout.write("intake stopped")
            self.stdout.flush()

    def _prefork(self, processes: int, serve: dict) -> None:
        """N children, each its own listener on the shared port; SIGTERM/SIGINT stop them all."""
        from django.db import connections

        connections.close_all()  # no connection crosses a fork: each child opens its own
        children: list[int] = []
        for _ in range(processes):
            pid = os.fork()
            if pid == 0:  # the child
                status = 0
                try:
                    self._serve(**serve, reuse_port=True)
                except BaseException as exc:  # noqa: BLE001 - say why, then leave with an error
                    self.stderr.write(f"intake process {os.getpid()} failed: {exc!r}")
                    status = 1
                finally:
                    os._exit(status)
            children.append(pid)

        def forward(signum, _frame):
            for child in children:
                try:
                    os.kill(child, signal.SIGTERM)
                except ProcessLookupError:
                    pass

        signal.signal(signal.SIGTERM, forward)
        signal.signal(signal.SIGINT, forward)
        failed, running = 0, set(children)
        while running:
            pid, status = os.wait()
            running.discard(pid)
            if os.waitstatus_to_exitcode(status) != 0:
                failed += 1
                forward(signal.SIGTERM, None)  # one failed (a port in use?): do not limp on
        if failed:
            raise CommandError(f"{failed} of {processes} intake processes failed")
