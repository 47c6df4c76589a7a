"""Read the top-level scalars of zammad's expected-parse YAML files (``from_email``, ``subject``, ``body``...).

Just enough YAML for those files: plain, single-quoted, double-quoted (with
line folding and escapes) and block (``|``, ``|-``) scalars at the top level.
Nested values (attachments) are skipped. No PyYAML needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$")


def read_top_level(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    values: dict[str, str] = {}
    i = 0
    while i < len(lines):
        match = _KEY.match(lines[i])
        i += 1
        if not match:
            continue
        key, rest = match.group(1), (match.group(2) or "").rstrip()
        block: list[str] = []
        while i < len(lines) and (lines[i].startswith((" ", "\t")) or lines[i] == "") and not _KEY.match(lines[i]):
            block.append(lines[i])
            i += 1
        values[key] = _scalar(rest, block)
    return values


def _scalar(first: str, more: list[str]) -> str:
    if first in ("|", "|-", "|+"):
        indent = min((len(l) - len(l.lstrip(" ")) for l in more if l.strip()), default=0)
        text = "\n".join(l[indent:] for l in more)
        text = text.rstrip("\n")
        return text if first == "|-" else text + "\n"
    if first.startswith('"'):
        return _double_quoted(first, more)
    if first.startswith("'"):
        joined = _fold([first] + more)
        return joined[1:-1].replace("''", "'")
    if first.startswith(("!", "-")) or not first:
        return ""  # a nested structure: not needed
    return _fold([first] + more)


def _fold(lines: list[str]) -> str:
    """YAML flow folding: a single line break is a space, an empty line is a newline."""
    out = ""
    pending_space = False
    for n, line in enumerate(lines):
        text = line.strip() if n else line.rstrip()
        if not text:
            out += "\n"
            pending_space = False
            continue
        if pending_space:
            out += " "
        out += text
        pending_space = True
    return out


def _double_quoted(first: str, more: list[str]) -> str:
    raw_lines = [first] + more
    pieces: list[str] = []
    for n, line in enumerate(raw_lines):
        text = line if n == 0 else line.lstrip(" \t")
        if n < len(raw_lines) - 1:
            text = text.rstrip(" \t")
        pieces.append(text)
    # Fold: "\" at the end of a line escapes the break; otherwise a break is a space.
    out = ""
    for n, text in enumerate(pieces):
        if n and not out.endswith("\\"):
            out += " " if text else "\n"
        elif n:
            out = out[:-1]
        out += text
    body = out.strip()[1:-1]
    body = body.replace("\\ ", " ").replace("\\/", "/").replace("\\t", "\t")
    return json.loads('"' + body.replace('"', '\\"').replace('\\\\"', '\\"') + '"')
