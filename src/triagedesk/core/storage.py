"""Content-addressed blob storage for attachments: one file per SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

from .errors import DomainError


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / "attachments"


def blob_path(sha256: str) -> Path:
    return _root() / sha256[:2] / sha256[2:4] / sha256


def blob_store(data: bytes, *, filename: str = "") -> str:
    limit = settings.ATTACHMENT_MAX_BYTES
    if len(data) > limit:
        raise DomainError(f"attachment {filename or ''} is {len(data)} bytes, over the limit of {limit} bytes".replace("  ", " "))
    digest = hashlib.sha256(data).hexdigest()
    path = blob_path(digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so that a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    return digest


def blob_read(sha256: str) -> bytes:
    return blob_path(sha256).read_bytes()
