"""Split what the sender wrote now from the quoted reply history.

Works on plain text (text/plain bodies or html_to_text output, where
<blockquote> became "> " lines).  Heuristics, tuned to be conservative:
when in doubt the text stays in ``new_text`` - an agent seeing a bit too much
history is harmless, a customer's answer hidden in the fold is not.

A forward is not history: everything from a forward marker on stays in
``new_text`` (the customer forwards us the mail they need help with).
"""

from __future__ import annotations

import re

__all__ = ["analyse", "split_reply", "decode_flowed", "has_forward_marker"]

_I = re.IGNORECASE

# "---------- Forwarded message ---------" and friends in the languages we
# serve; Apple Mail writes "Begin forwarded message:" without dashes.
_FORWARD = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|messaggio inoltrato|message transf[ée]r[ée]|"
    r"weitergeleitete nachricht|mensaje reenviado|mensagem encaminhada|doorgestuurd bericht|"
    r"пересылаемое сообщение|перенаправленное сообщение)\s*-{2,}"
    r"|(?:begin forwarded message|inizio messaggio inoltrato|d[ée]but du message r[ée]exp[ée]di[ée]|"
    r"anfang der weitergeleiteten nachricht|inicio del mensaje reenviado)\s*:)\s*$",
    _I,
)

# Outlook separators.  Outlook uses the same block for replies and forwards,
# so with a "Fwd:"-style subject the caller passes is_forward=True and these
# are treated as forward markers instead.
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original message|messaggio originale|message d'origine|"
    r"urspr[üu]ngliche nachricht|mensaje original|mensagem original|oorspronkelijk bericht|"
    r"исходное сообщение|původní zpráva)\s*-{2,}\s*$",
    _I,
)
_HDR_FROM = re.compile(r"^\s*\*?(?:from|da|de|von|van|от|od)\s*\*?\s*:\s*\S", _I)
_HDR_SENT = re.compile(
    r"^\s*\*?(?:sent|date|inviato|data|envoy[ée]|gesendet|datum|enviado|fecha|verzonden|"
    r"отправлено|дата|odesláno)\s*\*?\s*:", _I,
)
# Outlook draws a rule above the block: underscores in text, <hr> ("----") in HTML
_RULE = re.compile(r"^\s*(?:_{10,}|-{4,})\s*$")
_OUTLOOK_START = frozenset("-FfDdVvОоOo")

# "On <date>, <who> wrote:" in the languages we serve.  Tested on one to
# three joined lines because clients wrap long attributions.
_ATTRIBUTION = re.compile(
    r"^(?:"
    r"on\b.{3,300}\bwrote\s*:"                          # en
    r"|(?:il giorno|il|in data)\b.{3,300}\bha scritto\s*:"  # it
    r"|le\b.{3,300}\ba [ée]crit\s*:"                    # fr
    r"|am\b.{3,300}\bschrieb\b.{0,200}:"                # de
    r"|el\b.{3,300}\bescribi[óo]\s*:"                   # es
    r"|em\b.{3,300}\bescreveu\s*:"                      # pt
    r"|op\b.{3,300}\bschreef\b.{0,200}:"                # nl
    r"|.{0,300}\b(?:написал(?:\(а\)|а)?|пишет)\s*:"     # ru
    r")\s*$",
    _I,
)
# Gmail in several locales (ru, pl, ...) has no verb: "пн, 5 янв. 2026 г. в
# 10:00, Имя <a@b.ru>:".  Only trusted when quoted lines follow.
_WEAK_ATTRIBUTION = re.compile(r"^.{0,200}\d.{0,200}<[^<>\s]+@[^<>\s]+>\s*:\s*$")

_SIG = re.compile(r"^-- ?$")


def _is_quoted(line: str) -> bool:
    return line.startswith((">", " >", "  >"))


def _attribution_start(lines: list[str], j: int) -> tuple[int, bool] | None:
    """If an attribution ends on line j, return (first line, strong?)."""
    for k in (j, j - 1, j - 2):
        if k < 0 or not lines[k].strip() or _is_quoted(lines[k]):
            return None
        candidate = " ".join(part.strip() for part in lines[k : j + 1])
        if len(candidate) > 400:
            return None
        if _ATTRIBUTION.match(candidate):
            return k, True
        if _WEAK_ATTRIBUTION.match(candidate):
            return k, False
    return None


def _outlook_start(lines: list[str], i: int) -> int | None:
    """Outlook "-----Original Message-----" or a From:/Sent: header block."""
    line = lines[i]
    if line.lstrip(" \t*")[:1] not in _OUTLOOK_START:  # cheap pre-filter, most lines
        return None
    if _ORIGINAL.match(line):
        return i
    if _HDR_FROM.match(line):
        for follow in lines[i + 1 : i + 5]:
            if _HDR_SENT.match(follow):
                above = i - 1
                while above >= 0 and not lines[above].strip():
                    above -= 1
                return above if above >= 0 and _RULE.match(lines[above]) else i
    return None


def _quote_block_end(lines: list[str], start: int) -> int:
    """Index after the quoted block starting at `start` (blank lines inside count)."""
    end = start
    i = start
    while i < len(lines):
        if _is_quoted(lines[i]):
            end = i + 1
        elif lines[i].strip():
            break
        i += 1
    return end


def has_forward_marker(text: str) -> bool:
    """True when the text contains an inline "Forwarded message" block."""
    lines = text.split("\n")
    return _first_forward(lines, False) < len(lines)


def _first_forward(lines: list[str], is_forward: bool) -> int:
    for i, line in enumerate(lines):
        # every marker starts with "-" or a letter from these (cheap pre-filter)
        if line[:1] in _MARKER_START and (_FORWARD.match(line) or (is_forward and _ORIGINAL.match(line))):
            return i
    return len(lines)


_MARKER_START = frozenset(" \t-BbIiDdAa")


def _find_history(lines: list[str], limit: int, is_forward: bool) -> tuple[int, int] | None:
    """Line range [start, end) of the quoted history, or None."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < limit:
        line = lines[i]
        if _is_quoted(line):
            end = _quote_block_end(lines, i)
            blocks.append((i, end))
            i = end
            continue
        if not is_forward:
            start = _outlook_start(lines, i)
            if start is not None:
                return start, len(lines)
        if line.rstrip().endswith(":"):
            found = _attribution_start(lines, i)
            if found:
                start, strong = found
                nxt = i + 1
                while nxt < len(lines) and not lines[nxt].strip():
                    nxt += 1
                if nxt < len(lines) and _is_quoted(lines[nxt]):
                    return start, _quote_block_end(lines, nxt)
                if strong:  # history pasted without ">" marks: all of it
                    return start, len(lines)
        i += 1
    if not blocks:
        return None
    last_start, last_end = blocks[-1]
    rest = lines[last_end:limit]
    if all(not line.strip() for line in rest) or _signature_only(rest):
        return last_start, last_end  # trailing quote: classic top-posting
    if len(blocks) == 1 and not any(line.strip() for line in lines[:last_start]):
        return last_start, last_end  # one quote on top, answer below
    return None  # interleaved answers: keep everything


def _signature_only(lines: list[str]) -> bool:
    body = [line for line in lines if line.strip()]
    return bool(body) and bool(_SIG.match(body[0])) and len(body) <= 12


def _strip_signature(lines: list[str]) -> list[str]:
    for idx, line in enumerate(lines):
        if _SIG.match(line):
            return lines[:idx]
    return lines


def _tidy(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def split_reply(text: str, *, is_forward: bool = False) -> tuple[str, str]:
    """Return (new_text, quoted_text) for a plain-text body."""
    new, quoted, _ = analyse(text, is_forward=is_forward)
    return new, quoted


def analyse(text: str, *, is_forward: bool = False) -> tuple[str, str, bool]:
    """(new_text, quoted_text, contains a forward marker) in one pass."""
    if not text:
        return "", "", False
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fwd = _first_forward(lines, is_forward)
    forwarded = fwd < len(lines)
    history = _find_history(lines, fwd, is_forward)
    if history is None:
        # signature only counts before a forward: the forwarded mail's own
        # signature is part of what we were sent
        own = _strip_signature(lines[:fwd])
        return _tidy(own + lines[fwd:]), "", forwarded
    start, end = history
    before = _strip_signature(lines[:start])
    after = lines[end:]
    if after:
        after_fwd = max(0, fwd - end)
        after = _strip_signature(after[:after_fwd]) + after[after_fwd:]
    new = _tidy(before) + ("\n\n" + _tidy(after) if _tidy(after) else "")
    return new.strip("\n"), _tidy(lines[start:end]), forwarded


# --------------------------------------------------------------------------
# format=flowed (RFC 3676)
# --------------------------------------------------------------------------


def decode_flowed(text: str, delsp: bool = False) -> str:
    """Join soft line breaks of a format=flowed body, keeping quote depth."""
    if " \n" not in text:
        return text  # nothing flowed: skip the per-line work
    out: list[str] = []
    para: list[str] = []
    para_depth = -1
    for line in text.split("\n"):
        stripped = line.lstrip(">") if line.startswith(">") else line
        depth = len(line) - len(stripped)
        if stripped.startswith(" "):
            stripped = stripped[1:]  # space-stuffing / quote separator
        if para and depth != para_depth:  # quote depth changed: hard break
            out.append(_flowed_line(para_depth, para))
            para = []
        para_depth = depth
        if stripped.endswith(" ") and stripped != "-- ":
            para.append(stripped[:-1] if delsp else stripped)
        else:
            para.append(stripped)
            out.append(_flowed_line(depth, para))
            para = []
    if para:
        out.append(_flowed_line(para_depth, para))
    return "\n".join(out)


def _flowed_line(depth: int, parts: list[str]) -> str:
    body = "".join(parts)
    return ">" * depth + " " + body if depth else body
