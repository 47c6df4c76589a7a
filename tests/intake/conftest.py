"""A private, real IMAP server for the intake tests: Debian's dovecot with its own config.

Nothing system-wide is touched: the config, sockets, logs and maildirs live in
a temporary directory, the server listens on a free loopback port, and it is
stopped (by its own pid) when the test ends. Dovecot refuses to run its login
and mail processes as root, so when the tests run as root those processes run
as ``dovenull`` (the user the dovecot package creates), in a directory they can
reach; as any other user everything simply runs as that user.

Skipped only when the dovecot binary is missing outside CI; in CI (CI=true) a
missing dovecot is a failure, not a skip.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from .processes import free_port

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
mail_location = maildir:{root}/mail/%u
first_valid_uid = {mail_uid}
first_valid_gid = {mail_gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service pop3-login {{
}}
"""


@dataclass
class Imap:
    host: str
    port: int
    username: str
    password: str
    log: Path

    def client(self):
        from imapclient import IMAPClient

        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        client.login(self.username, self.password)
        return client


def _require_dovecot() -> str:
    if DOVECOT:
        return DOVECOT
    if os.environ.get("CI") == "true":
        pytest.fail("dovecot is not installed: CI must install dovecot-imapd (scripts/test does)")
    pytest.skip("dovecot is not installed (apt-get install dovecot-imapd); CI runs these tests")


@pytest.fixture
def imap_server(tmp_path):
    binary = _require_dovecot()
    if os.getuid() == 0:
        user = "dovenull" if _user_exists("dovenull") else "nobody"
        # The mail processes run as `user`: they must reach the directory, so not under tmp_path (0700).
        root = Path(tempfile.mkdtemp(prefix="td-dovecot-"))
        root.chmod(0o755)
        login_user = internal_user = user
        internal_group = _group_of(user)
    else:
        user = login_user = internal_user = pwd.getpwuid(os.getuid()).pw_name
        internal_group = _group_of(user)
        root = tmp_path / "dovecot"
        root.mkdir()
    entry = pwd.getpwnam(user)
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir()
    os.chown(root / "mail", entry.pw_uid, entry.pw_gid)
    password = "imap-pass-123"
    (root / "users").write_text(f"desk:{{PLAIN}}{password}\n")
    port = free_port()
    (root / "dovecot.conf").write_text(CONFIG.format(
        root=root, port=port, internal_user=internal_user, internal_group=internal_group, login_user=login_user,
        mail_uid=entry.pw_uid, mail_gid=entry.pw_gid))
    output = (root / "stdout.txt").open("wb")
    process = subprocess.Popen([binary, "-F", "-c", str(root / "dovecot.conf")], stdout=output,
                               stderr=subprocess.STDOUT)
    server = Imap("127.0.0.1", port, "desk", password, root / "dovecot.log")
    try:
        _wait_until_ready(server, process)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()
        output.close()
        if not str(root).startswith(str(tmp_path)):
            shutil.rmtree(root, ignore_errors=True)


def _wait_until_ready(server: Imap, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while True:
        if process.poll() is not None:
            stdout = server.log.with_name("stdout.txt").read_text(errors="replace")
            log = server.log.read_text(errors="replace") if server.log.exists() else ""
            pytest.fail(f"dovecot exited ({process.returncode}):\n{stdout}\n{log}")
        try:
            with socket.create_connection((server.host, server.port), timeout=1) as sock:
                sock.settimeout(5)
                if sock.recv(100).startswith(b"* OK"):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail("dovecot did not answer within 20 s:\n" + server.log.read_text(errors="replace"))
        time.sleep(0.05)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _group_of(user: str) -> str:
    import grp

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name


@pytest.fixture(autouse=True)
def _fresh_account_cache():
    """Account rows are cached per process; SQLite reuses ids after a rolled-back test."""
    from triagedesk.intake.selectors import clear_account_cache

    clear_account_cache()
    yield
    clear_account_cache()
