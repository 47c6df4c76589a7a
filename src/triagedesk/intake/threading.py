"""Which ticket a mail belongs to, as far as the mail alone can tell.  Pure.

Two kinds of evidence, in the order the desk trusts them:

1. a ticket number in the subject, ``[TD-2026-000123]`` (we put it in every
   subject we send and ask customers to keep it);
2. Message-IDs in In-Reply-To and References that are ours (every mail we
   send has ``td.<number>.<random>@<our domain>``) or that belong to a message
   already on a ticket.

The service layer checks that the ticket exists and may take the mail.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_REFERENCES = 50  # a thread longer than this is a loop or an attack; the newest ids matter


@lru_cache(maxsize=8)
def _number_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"\[\s*({re.escape(prefix)}-(\d{{4}})-(\d{{1,9}}))\s*\]", re.I)


@lru_cache(maxsize=8)
def _our_id_pattern(domain: str, prefix: str) -> re.Pattern[str]:
    return re.compile(rf"^td\.({re.escape(prefix.lower())}-\d{{4}}-\d+)\.[0-9a-f]+@{re.escape(domain.lower())}$")


def ticket_numbers_in_subject(subject: str, prefix: str = "TD") -> list[str]:
    """Ticket numbers in brackets, first one first, normalised to ``TD-2026-000123``."""
    found: list[str] = []
    for match in _number_pattern(prefix).finditer(subject or ""):
        number = f"{prefix}-{match.group(2)}-{int(match.group(3)):06d}"
        if number not in found:
            found.append(number)
    return found


def strip_ticket_numbers(subject: str, prefix: str = "TD") -> str:
    """A subject without our ``[TD-...]`` tags and the reply prefixes before them.

    Used when an old thread starts a new ticket: the new ticket must not carry
    the old number, or the customer's next answer would thread to the old one.
    """
    text = _number_pattern(prefix).sub(" ", subject or "")
    text = _REPLY_PREFIX.sub("", text)
    return " ".join(text.split())


_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|vs|r|rif|réf|ref|fw|fwd|tr|wg|ответ|отв)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


def thread_message_ids(in_reply_to: list[str], references: list[str]) -> list[str]:
    """Candidate parent ids, most telling first: In-Reply-To, then References newest first."""
    ordered: list[str] = []
    for mid in [*in_reply_to, *reversed(references)]:
        mid = (mid or "").strip().strip("<>")
        if mid and mid not in ordered:
            ordered.append(mid)
        if len(ordered) >= MAX_REFERENCES:
            break
    return ordered


def ticket_number_from_our_message_id(message_id: str, *, domain: str, prefix: str = "TD") -> str | None:
    """``td.td-2026-000123.ab12@desk.example`` -> ``TD-2026-000123`` when it is one of ours."""
    match = _our_id_pattern(domain, prefix).match((message_id or "").strip().strip("<>").lower())
    return match.group(1).upper() if match else None


def is_our_message_id(message_id: str, *, domain: str) -> bool:
    value = (message_id or "").strip().strip("<>").lower()
    return value.startswith("td.") and value.endswith("@" + domain.lower())
