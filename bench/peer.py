"""The django-helpdesk peer, measured on this machine next to our figures.

The harness itself lives outside this repository (``/work/shared/peers/django-helpdesk``,
or ``$TRIAGEDESK_PEER_DIR``); see its README. We only run it and read its figures:

* ``setup.sh`` once, when its venv (``/tmp/peer-dh/venv``) is missing: it installs
  django-helpdesk 2.6.1 from PyPI and (re)creates the PostgreSQL database ``peer_dh``;
* ``bench.py --phases email,api`` (``email`` only with ``--small``), with its results
  written under our run's directory (``<stamp>/peer/``), not into the shared folder.

Printed: ``peer_email_ingest_rate`` (emails/s), ``peer_api_create_rate`` (tickets/s) and,
when ``mail_in_rate`` was measured in the same run, ``mail_in_vs_peer`` (ours / theirs).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bench.common import figure, note

PEER_DIR = Path(os.environ.get("TRIAGEDESK_PEER_DIR", "/work/shared/peers/django-helpdesk"))
PEER_ROOT = Path(os.environ.get("PEER_DH_ROOT", "/tmp/peer-dh"))
LINE = re.compile(r"^([A-Za-z0-9_]+):\s+(-?[0-9.eE+]+|nan)\s*(.*)$")
# Their figure -> ours, with the unit we print.
SHOWN = {"email_ingest_rate": ("peer_email_ingest_rate", "emails/s"),
         "api_create_rate": ("peer_api_create_rate", "tickets/s"),
         "email_ingest_queries_per_email": ("peer_email_ingest_queries", "per email"),
         "api_create_queries_per_request": ("peer_api_create_queries", "per request")}


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_peer(*, small: bool, results: Path, ours: dict[str, tuple[float, str]]) -> dict[str, float]:
    if not (PEER_DIR / "bench.py").exists():
        raise FileNotFoundError(f"peer harness not found in {PEER_DIR} (set TRIAGEDESK_PEER_DIR)")
    # Nothing of ours may leak into the peer's processes (a sitecustomize on PYTHONPATH, our settings).
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH") and not k.startswith("TRIAGEDESK_")}
    venv_python = PEER_ROOT / "venv" / "bin" / "python"
    # credentials.json is the last thing setup.sh writes: without it the set-up did not finish.
    if not venv_python.exists() or not (PEER_ROOT / "credentials.json").exists():
        note(f"peer: set-up missing or unfinished in {PEER_ROOT}, running {PEER_DIR / 'setup.sh'} "
             f"(pip install from PyPI, re-creates the database peer_dh)")
        subprocess.run(["bash", str(PEER_DIR / "setup.sh")], check=True, stdout=sys.stderr, stderr=sys.stderr,
                       env=env)
    phases = "email" if small else "email,api"
    results.mkdir(parents=True, exist_ok=True)
    command = [str(venv_python), str(PEER_DIR / "bench.py"), "--phases", phases, "--results", str(results)]
    if not small:  # the API phase serves on a port: not its default 8765, which a dev server may hold
        command += ["--port", os.environ.get("TRIAGEDESK_PEER_PORT") or str(_free_port())]
    note(f"peer: {' '.join(command)}")
    theirs: dict[str, float] = {}
    with subprocess.Popen(command, cwd=PEER_DIR, stdout=subprocess.PIPE, stderr=sys.stderr, text=True,
                          env=env) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(f"#   peer | {line.rstrip()}", file=sys.stderr, flush=True)
            m = LINE.match(line.strip())
            if m:
                theirs[m.group(1)] = float(m.group(2))
    if proc.returncode:
        raise RuntimeError(f"peer bench.py exited with {proc.returncode}")
    for name, (shown, unit) in SHOWN.items():
        if name in theirs:
            figure(shown, theirs[name], unit)
    if "mail_in_rate" in ours and theirs.get("email_ingest_rate"):
        figure("mail_in_vs_peer", ours["mail_in_rate"][0] / theirs["email_ingest_rate"], "ratio")
    elif "mail_in_rate" not in ours:
        note("peer: no mail_in_rate in this run (run the mail group with --peer for mail_in_vs_peer)")
    return theirs
