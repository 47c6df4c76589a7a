"""An LMTP (or plain SMTP) listener on loopback: the MTA hands mail over, we answer per recipient.

The protocol runs on asyncio (aiosmtpd); ``email_receive`` is blocking Django
code, so it runs in a small thread pool and the event loop keeps serving.

Replies:

* 250 for everything we stored, quarantined mail included (we keep it; a 5xx
  would make the MTA bounce a mail we could have shown to an agent);
* 451 when the database is unreachable or something unexpected broke:
  the MTA keeps the mail and tries again;
* never 550 for a parse problem.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def receive_blocking(raw: bytes, source: str) -> str:
    """One delivery, in a worker thread: the SMTP reply line for it."""
    from django.db import close_old_connections

    from triagedesk.intake.services import DATABASE_DOWN, email_receive

    close_old_connections()
    try:
        result = email_receive(raw=raw, source=source)
    except DATABASE_DOWN as exc:
        log.warning("mail deferred, database unreachable: %s: %s", type(exc).__name__, exc)
        return "451 4.3.0 Database unavailable, try again later"
    except Exception:  # noqa: BLE001 - the MTA must keep the mail
        log.exception("mail deferred after an unexpected error")
        return "451 4.3.0 Temporary failure, try again later"
    finally:
        close_old_connections()
    if result.action == "rejected":  # pragma: no cover - email_receive never says so
        return "554 5.6.0 Not a mail"
    ticket = f" {result.ticket_number}" if result.ticket_number else ""
    return f"250 2.0.0 {result.action}{ticket}"


class IntakeHandler:
    """aiosmtpd handler: accept any recipient (we are the final destination), process at DATA."""

    def __init__(self, *, lmtp: bool, source: str, executor: ThreadPoolExecutor):
        self.lmtp = lmtp
        self.source = source
        self.executor = executor

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):  # pragma: no cover - decode_data is off
            raw = raw.encode("utf-8", "surrogateescape")
        if not raw or not raw.strip():
            reply = "554 5.6.0 Empty message"
        else:
            loop = asyncio.get_running_loop()
            reply = await loop.run_in_executor(self.executor, receive_blocking, raw, self.source)
        if self.lmtp:
            # LMTP answers DATA once per accepted recipient; the mail is one
            # mail for the desk, whichever of our addresses it went to.
            return "\r\n".join([reply] * max(1, len(envelope.rcpt_tos)))
        return reply


class IntakeController(Controller):
    """A threaded aiosmtpd controller speaking LMTP (default) or SMTP.

    ``reuse_port``: the socket is opened with SO_REUSEPORT (Linux), so that several
    listener processes share one port and the kernel spreads the MTA's connections
    over them (``lmtp_server --processes N``).
    """

    def __init__(self, *, host: str = "127.0.0.1", port: int = 2424, lmtp: bool = True, workers: int = 4,
                 max_bytes: int = DEFAULT_MAX_BYTES, reuse_port: bool = False):
        self.workers = workers
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mail-intake")
        self.lmtp = lmtp
        self.reuse_port = reuse_port
        handler = IntakeHandler(lmtp=lmtp, source="lmtp" if lmtp else "smtp", executor=self.executor)
        super().__init__(handler, hostname=host, port=port, data_size_limit=max_bytes, decode_data=False,
                         ident="Triagedesk mail intake")

    def factory(self):
        server_class = LMTP if self.lmtp else SMTP
        return server_class(self.handler, **self.SMTP_kwargs)

    def _create_server(self):
        # aiosmtpd's own, plus reuse_port.
        return self.loop.create_server(self._factory_invoker, host=self.hostname, port=self.port,
                                       ssl=self.ssl_context, reuse_port=self.reuse_port or None)

    def _trigger_server(self):
        # aiosmtpd connects to its own port to see that factory() works. On a shared port that
        # connection may reach another process and this one would wait in vain: run it in
        # our own loop instead.
        if not self.reuse_port:
            return super()._trigger_server()
        self.loop.call_soon_threadsafe(self._factory_invoker)

    def stop(self, no_assert: bool = False):
        super().stop(no_assert=no_assert)
        self._close_worker_connections()
        self.executor.shutdown(wait=True)

    def _close_worker_connections(self) -> None:
        """Each worker thread closes its own database connection (they are per thread)."""
        from django.db import connections

        count = self.workers
        barrier = threading.Barrier(count)

        def close_mine() -> None:
            connections.close_all()
            barrier.wait(timeout=10)  # keeps this thread busy, so that every thread gets one

        for future in [self.executor.submit(close_mine) for _ in range(count)]:
            future.result(timeout=30)
