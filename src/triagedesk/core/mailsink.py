"""A catch-all SMTP server for the demo: every mail the desk sends lands as an
.eml file in the data folder's outbox, so a newcomer can read what customers get."""

from __future__ import annotations

import time
from pathlib import Path


def start_outbox_sink(host: str, port: int, outbox: Path):
    from aiosmtpd.controller import Controller

    outbox.mkdir(parents=True, exist_ok=True)

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns() % 10**9:09d}.eml"
            (outbox / name).write_bytes(envelope.original_content or envelope.content)
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname=host, port=port)
    controller.start()
    return controller
