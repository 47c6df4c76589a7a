"""Running the real console script against the test database.

On PostgreSQL the child process connects to the test database itself (the
test uses ``transactional_db``, so what it wrote is committed). On SQLite
the test database lives in memory, so it is copied to a file for the child
and the child's changes are copied back afterwards, with SQLite's own backup
API: the child reads and writes a real, file-based SQLite database.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

REPO = Path(__file__).resolve().parents[2]
TRIAGEDESK = REPO / ".venv" / "bin" / "triagedesk"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    return free_port()


def start_listener(args: list[str], env: dict[str, str], *, within: float = 60) -> subprocess.Popen:
    """``triagedesk <args>`` in the background, once its port (``--port N`` in args) accepts connections."""
    import time

    port = int(args[args.index("--port") + 1])
    server = subprocess.Popen(script() + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + within
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError(f"{' '.join(args)} did not start: {server.stderr.read().decode()}") from None
            time.sleep(0.1)


def script() -> list[str]:
    if TRIAGEDESK.exists():
        return [str(TRIAGEDESK)]
    return [sys.executable, "-m", "triagedesk.cli"]  # pragma: no cover - an install without the venv


def child_env(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_"))}
    env.update(DATABASE_URL=database_url, TRIAGEDESK_DATA_DIR=str(data_dir), TRIAGEDESK_LOG_LEVEL="WARNING",
               DJANGO_SETTINGS_MODULE="triagedesk.settings", **extra)
    return env


def _postgres_url() -> str:
    s = connection.settings_dict
    auth = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    host = s.get("HOST") or "127.0.0.1"
    return f"postgres://{auth}@{host}:{s.get('PORT') or 5432}/{s['NAME']}"


@contextlib.contextmanager
def shared_database(tmp_path: Path):
    """A DATABASE_URL a child process can use to see and change the test's data."""
    if connection.vendor == "postgresql":
        connection.close()  # the child may take row locks; we hold none
        yield _postgres_url()
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    memory = connection.connection
    with contextlib.closing(sqlite3.connect(path)) as file_db:
        memory.backup(file_db)
    yield f"sqlite:///{path}"
    with contextlib.closing(sqlite3.connect(path)) as file_db:
        file_db.backup(memory)


def run(args: list[str], *, env: dict[str, str], stdin: bytes = b"",
        timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(script() + args, input=stdin, env=env, capture_output=True, timeout=timeout, cwd=REPO)
