"""Decide whether an inbound mail is a customer message, an auto-reply or a bounce.

Pure functions over an already parsed ``email.message.Message`` (compat32)
plus the decoded fields parse.py computed.  Order matters:

1. delivery-status reports and non-RFC bounces -> "bounce" (a bounce carries
   Auto-Submitted too, and must win: it tells us one of OUR mails failed);
2. feedback reports (ARF) and read receipts -> "auto_reply";
3. RFC 3834 / vendor auto-reply headers, bulk markers, out-of-office
   subjects -> "auto_reply";
4. everything else -> "message".

Subject patterns are anchored at the start: "Fwd: Undelivered Mail ..." is a
customer asking for help with a bounce, not a bounce.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message

__all__ = ["BounceInfo", "classify", "part_text"]


@dataclass
class BounceInfo:
    original_message_id: str | None = None
    recipients: list[str] = field(default_factory=list)
    status: str | None = None
    action: str | None = None
    diagnostic: str | None = None
    permanent: bool = True


_I = re.IGNORECASE

_BOUNCE_SUBJECT = re.compile(
    r"^\s*(?:undelivered mail|undeliverable|undelivered|delivery status notification"
    r"(?!\s*\((?:success|relay)\))|mail delivery failed|returned mail|failure notice"
    r"|delivery failure|delivery has failed|mail system error|message not delivered"
    r"|warning: could not send message|non-?delivery (?:report|notification)|nondeliverable"
    r"|unzustellbar|nicht zustellbar|non remis|non distribu[ée]|non recapitabile"
    r"|mancata consegna|no se puede entregar|no entregado|не доставлено"
    r"|ваше сообщение не доставлено|mail failure)",
    _I,
)
_DAEMON_LOCALPARTS = {"mailer-daemon", "mailerdaemon", "mail-daemon", "maildaemon"}
_DAEMON_NAME = re.compile(r"mail delivery (?:system|subsystem|service)|mailer[- ]?daemon", _I)

# "Out of office" in it/en/fr/de/es/ru.  The keyword must be followed by ":",
# "-", "(" or end of subject: "Vacation rental site down" is a customer.
_OOF_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|automatic response"
    r"|out of (?:the )?office(?: autoreply)?|i am out of the office|away from (?:the )?office"
    r"|risposta automatica|fuori (?:ufficio|sede)|r[ée]ponse automatique|absence(?: du bureau)?"
    r"|abwesenheitsnotiz|automatische antwort|abwesend|respuesta autom[áa]tica|fuera de la oficina"
    r"|автоматический ответ|автоответ|vacation(?: reply)?|on vacation|away until\b[^:]*)"
    r"\s*(?:[:\-–(\[]|$)",
    _I,
)
_PRECEDENCE_BULK = {"bulk", "junk", "list", "auto_reply", "auto-reply"}
_SUPPRESS_TOKENS = {"all", "oof", "autoreply"}

_STATUS = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
_ADDR = r"[^\s<>()\[\]:;,\"']+@[^\s<>()\[\]:;,\"']+\.[A-Za-z0-9-]+"
_ADDR_RE = re.compile(_ADDR)
_LONE_ADDR = re.compile(rf"^\s*<?({_ADDR})>?(?:<mailto:[^>]*>)?\s*:?\s*$")
_BRACKET_ADDR_LINE = re.compile(rf"^\s*<({_ADDR})>:")
_SMTP_ADDR = re.compile(rf"\b[45]\d\d[ -](?:[245]\.\d+\.\d+ )?<({_ADDR})>")
_RECIPIENT_INTRO = re.compile(
    r"following (?:address|recipient)|failed recipient|could not be delivered to|"
    r"was not delivered to|failure reasons|получател|folgende[nr]? empf[äa]nger", _I,
)
# Where MTAs start quoting the original message; the report is above it.
_COPY_MARKER = re.compile(
    r"^[ \t-]*(?:this is a copy of|below this line is a copy|original message|"
    r"the header of the original message|returned message|unsent message follows|"
    r"original message headers|message headers follow)", _I | re.M,
)
_MESSAGE_ID_LINE = re.compile(r"^[ \t>]*Message-I[dD][ \t]*:[ \t]*<?([^\s<>]+)>?", re.M | _I)
_TO_LINE = re.compile(r"^To:[ \t]*(.+(?:\n[ \t].+)*)", re.M | _I)
_DELAY_WORDS = re.compile(r"\bdelay|\bwill (?:retry|continue trying)|could not send message for past|"
                          r"deferred|not yet been delivered", _I)


def _first(raw: Mapping[str, str], name: str) -> str:
    return (raw.get(name) or "").strip()


# --------------------------------------------------------------------------
# DSN parsing
# --------------------------------------------------------------------------


def part_text(part: Message) -> str:
    """Text of a message/delivery-status or text/rfc822-headers part.

    compat32 parses delivery-status into one sub-Message per field block, so
    rebuild the text from those; a part with a bogus body (free text, base64)
    ends up in a block body and is handled the same way.
    """
    payload = part._payload  # noqa: SLF001 - get_payload() re-decodes 8-bit text (see parse.py)
    if isinstance(payload, list):
        chunks: list[str] = []
        for block in payload:
            if not isinstance(block, Message):
                continue
            chunks.append("\n".join(f"{k}: {v}" for k, v in block.raw_items()))
            body = block._payload  # noqa: SLF001
            if isinstance(body, str) and body.strip():
                chunks.append(body)
        text = "\n\n".join(chunks)
    else:
        text = payload if isinstance(payload, str) else ""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    if cte == "base64":
        try:
            text = binascii.a2b_base64(re.sub(r"[^A-Za-z0-9+/=]", "", text).encode()).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            pass
    if "\x1b" in text:  # raw ISO-2022-JP in a Diagnostic-Code (Domino)
        try:
            text = text.encode("latin-1", "ignore").decode("iso2022_jp", "replace")
        except (UnicodeError, LookupError):
            pass
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _field_blocks(text: str) -> list[dict[str, str]]:
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
            current, last = {}, None
        elif line[0] in " \t" and last:
            current[last] += " " + line.strip()
        elif ":" in line:
            name, value = line.split(":", 1)
            last = name.strip().lower()
            current.setdefault(last, value.strip())
        else:
            last = None
    if current:
        blocks.append(current)
    return blocks


def _strip_type(value: str) -> str:
    """'rfc822; <a@b>' -> 'a@b'; 'smtp; 550 ...' -> '550 ...'."""
    if ";" in value:
        value = value.split(";", 1)[1]
    return value.strip().strip("<>").strip()


def _from_dsn(text: str, info: BounceInfo) -> bool:
    recipients = [b for b in _field_blocks(text) if "final-recipient" in b or "original-recipient" in b]
    if not recipients:
        return False
    chosen = next((b for b in recipients if b.get("action", "").lower() == "failed"), recipients[0])
    for block in recipients:
        addr = _strip_type(block.get("final-recipient") or block.get("original-recipient", ""))
        if addr and addr.lower() not in info.recipients:
            info.recipients.append(addr.lower())
    info.action = chosen.get("action", "").strip().lower() or None
    status = _STATUS.search(chosen.get("status", ""))
    info.status = ".".join(status.groups()) if status else None
    diag = chosen.get("diagnostic-code")
    info.diagnostic = " ".join(_strip_type(diag).split()) or None if diag else None
    return True


# --------------------------------------------------------------------------
# non-RFC bounce text
# --------------------------------------------------------------------------


def _report_section(text: str) -> tuple[str, str]:
    """Split a bounce body into (report, copy of the original message)."""
    match = _COPY_MARKER.search(text)
    return (text[: match.start()], text[match.start():]) if match else (text, "")


def _recipients_from_text(report: str) -> list[str]:
    found: list[str] = []

    def add(addr: str) -> None:
        addr = addr.strip("<>.").lower()
        if addr not in found:
            found.append(addr)

    lines = report.split("\n")
    for idx, line in enumerate(lines):
        m = _BRACKET_ADDR_LINE.match(line)
        if m:
            add(m.group(1))
        elif _RECIPIENT_INTRO.search(line):
            for follow in lines[idx + 1 : idx + 12]:
                lone = _LONE_ADDR.match(follow)
                if lone:
                    add(lone.group(1))
                elif follow.strip() and found:
                    break
    if not found:
        for m in _SMTP_ADDR.finditer(report):
            add(m.group(1))
    return found


def _from_text(text: str, info: BounceInfo) -> None:
    report, copy = _report_section(text)
    if not info.recipients:
        info.recipients = _recipients_from_text(report)
        if not info.recipients and copy:
            to = _TO_LINE.search(copy)
            if to:
                info.recipients = [a.lower() for a in _ADDR_RE.findall(to.group(1))]
    if info.status is None:
        status = _STATUS.search(report)
        info.status = ".".join(status.groups()) if status else None
    if info.diagnostic is None:
        smtp = re.search(r"^.*\b[45]\d\d[ -].*$", report, re.M)
        info.diagnostic = " ".join(smtp.group(0).split()) if smtp else None
    if info.original_message_id is None and copy:
        mid = _MESSAGE_ID_LINE.search(copy)
        info.original_message_id = mid.group(1) if mid else None


def _original_from_parts(msg: Message, info: BounceInfo, texts: list[str]) -> None:
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            if not info.recipients:
                _from_dsn(part_text(part), info)
        elif ctype in ("message/rfc822", "message/global") and info.original_message_id is None:
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            if isinstance(inner, Message):
                raw_id = next((v for k, v in inner.raw_items() if k.lower() == "message-id"), "")
                found = re.search(r"<([^<>\s]+)>", raw_id) or re.search(r"(\S+@\S+)", raw_id)
                info.original_message_id = found.group(1) if found else None
        elif ctype in ("text/rfc822-headers", "message/rfc822-headers", "message/global-headers"):
            texts.append(part_text(part))


def _bounce(msg: Message, raw: Mapping[str, str], subject: str, text: str,
            in_reply_to: list[str], references: list[str]) -> BounceInfo:
    info = BounceInfo()
    header_texts: list[str] = []
    _original_from_parts(msg, info, header_texts)
    for headers in header_texts:
        if info.original_message_id is None:
            mid = _MESSAGE_ID_LINE.search(headers)
            info.original_message_id = mid.group(1) if mid else None
    _from_text(text, info)
    failed = _first(raw, "x-failed-recipients")
    if failed and not info.recipients:
        info.recipients = [a.lower() for a in _ADDR_RE.findall(failed)]
    if info.original_message_id is None:
        # some MTAs thread the bounce onto the original
        info.original_message_id = (in_reply_to or references[-1:] or [None])[0]
    if info.status:
        info.permanent = info.status.startswith("5")
    elif info.action:
        info.permanent = info.action != "delayed"
    else:
        info.permanent = not _DELAY_WORDS.search(subject)
    if info.action == "delayed":
        info.permanent = False
    return info


def _dsn_all_delivered(msg: Message) -> bool:
    """A success DSN (delivered/relayed/expanded) is a notification, not a failure."""
    actions = []
    for part in msg.walk():
        if part.get_content_type() == "message/delivery-status":
            for block in _field_blocks(part_text(part)):
                if "action" in block:
                    actions.append(block["action"].strip().lower())
    return bool(actions) and all(a in ("delivered", "relayed", "expanded") for a in actions)


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------


def _bounce_reason(msg: Message, raw: Mapping[str, str], content_type: str, report_type: str,
                   subject: str, from_email: str | None, from_name: str, text: str) -> str | None:
    if content_type == "multipart/report" and report_type in ("delivery-status", "global-delivery-status"):
        return f"multipart/report {report_type}"
    if content_type == "multipart/report" and not report_type and any(
        p.get_content_type() == "message/delivery-status" for p in msg.walk()
    ):
        return "multipart/report delivery-status"
    local = (from_email or "").split("@", 1)[0]
    if local in _DAEMON_LOCALPARTS or _DAEMON_NAME.search(from_name or ""):
        return "sender is a mailer daemon"
    if _first(raw, "x-failed-recipients"):
        return "X-Failed-Recipients header"
    # Subjects alone are not enough: "Mail delivery failed since yesterday"
    # is a hosting customer.  Require a machine signal as well.
    if _BOUNCE_SUBJECT.match(subject) and (
        local == "postmaster"
        or _first(raw, "return-path") == "<>"
        or bool(_first(raw, "auto-submitted"))
        or bool(_COPY_MARKER.search(text) and _STATUS.search(text))
    ):
        return "subject looks like a bounce"
    if local == "postmaster" and (_first(raw, "return-path") == "<>" or _first(raw, "auto-submitted")):
        return "postmaster notification with null sender"
    return None


def _auto_reply_reason(raw: Mapping[str, str], subject: str) -> str | None:
    auto = _first(raw, "auto-submitted")
    if auto and auto.split(";")[0].strip().lower() != "no":
        return f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder", "x-autoreply-from", "x-mail-autoreply"):
        value = _first(raw, name)
        if value and value.lower() not in ("no", "false", "0"):
            return f"{name}: {value}"
    precedence = _first(raw, "precedence").lower()
    if precedence in _PRECEDENCE_BULK:
        return f"Precedence: {precedence}"
    suppress = _first(raw, "x-auto-response-suppress")
    # NB: Exchange distribution lists are known to add this header to normal
    # mails; kept because product asked for it, reason says which rule fired.
    if {t.strip().lower() for t in suppress.split(",")} & _SUPPRESS_TOKENS:
        return f"X-Auto-Response-Suppress: {suppress}"
    if _first(raw, "list-id"):
        return "bulk mail (List-Id)"
    if _first(raw, "list-unsubscribe"):
        return "bulk mail (List-Unsubscribe)"
    if _OOF_SUBJECT.match(subject):
        return "subject looks like out-of-office"
    return None


def classify(
    msg: Message,
    raw: Mapping[str, str],
    *,
    content_type: str,
    report_type: str,
    subject: str,
    from_email: str | None,
    from_name: str,
    text: str,
    in_reply_to: list[str],
    references: list[str],
) -> tuple[str, str | None, BounceInfo | None]:
    """Return (kind, kind_reason, bounce) for a parsed message.

    ``raw`` maps lower-case header names to their first (unfolded) value;
    ``content_type``/``report_type`` are the root part's, lower-cased.
    """
    if content_type == "multipart/report":
        if report_type == "feedback-report":
            return "auto_reply", "feedback report", None
        if report_type == "disposition-notification":
            return "auto_reply", "read receipt (disposition-notification)", None

    reason = _bounce_reason(msg, raw, content_type, report_type, subject, from_email, from_name, text)
    if reason:
        if reason.startswith("multipart/report") and _dsn_all_delivered(msg):
            return "auto_reply", "delivery-status notification (delivered)", None
        return "bounce", reason, _bounce(msg, raw, subject, text, in_reply_to, references)

    reason = _auto_reply_reason(raw, subject)
    if reason:
        return "auto_reply", reason, None
    return "message", None, None
