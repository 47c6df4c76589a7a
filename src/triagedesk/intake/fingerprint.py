"""What identifies a raw mail before it is parsed: pure, Django-free, never raises.

Two keys make a mail a duplicate:

* the SHA-256 of the exact bytes (the MTA retried, IMAP served it twice);
* its Message-ID together with a hash of its body (the same mail reached us
  twice by two routes: ``support@`` and ``help@``, or pipe and IMAP, each copy
  with its own ``Received``/``Delivered-To`` lines, so the bytes differ).

Both are computed from the bytes alone, so the raw mail can be stored (and
deduplicated by the database's unique constraints) before the parser runs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MESSAGE_ID = re.compile(rb"^message-id[ \t]*:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)", re.I | re.M)
_ANGLE_ID = re.compile(rb"<([^<>\s]+)>")
_TRAILING_WS = re.compile(rb"[ \t]+(?=\n)")


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    message_id: str  # without angle brackets; "" when absent
    body_sha256: str


def header_block(raw: bytes) -> bytes:
    end = _HEADER_END.search(raw)
    return raw[: end.start()] if end else raw


def message_id_of(raw: bytes) -> str:
    """The first Message-ID header, as the parser will read it (without <>)."""
    match = _MESSAGE_ID.search(header_block(raw))
    if not match:
        return ""
    value = match.group(1)
    found = _ANGLE_ID.search(value)
    text = (found.group(1) if found else value.strip()).decode("ascii", "replace")
    return "".join(text.split())[:998]


def body_hash(raw: bytes) -> str:
    """Hash of what follows the header block, blind to CRLF/LF and trailing blanks."""
    end = _HEADER_END.search(raw)
    body = raw[end.end():] if end else b""
    body = _TRAILING_WS.sub(b"", body.replace(b"\r\n", b"\n")).rstrip()
    return hashlib.sha256(body).hexdigest()


def fingerprint(raw: bytes) -> Fingerprint:
    return Fingerprint(hashlib.sha256(raw).hexdigest(), message_id_of(raw), body_hash(raw))
