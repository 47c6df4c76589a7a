"""Decoding bytes and headers of real-world mail: charsets, encoded words, addresses, dates.

Split out of parse.py; parse.py re-exports the public names.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import re
from datetime import datetime, timedelta, timezone
from email.utils import getaddresses, parsedate_to_datetime

# --------------------------------------------------------------------------
# charsets
# --------------------------------------------------------------------------

# Labels Python does not know, or knows under another name.
_LABEL_FIXES = {
    "x-unknown": "", "unknown": "", "unknown-8bit": "", "x-user-defined": "", "default": "",
    "charset": "", "8bit": "", "iso-8859-8-i": "iso-8859-8", "iso-8859-6-i": "iso-8859-6",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "x-sjis": "cp932", "x-euc-jp": "euc_jp",
    "unicode-1-1-utf-7": "utf-7", "x-mac-roman": "mac_roman", "macintosh": "mac_roman",
    "utf8mb4": "utf-8", "x-gbk": "gbk", "iso-2022-jp-ms": "iso2022_jp_ext",
    "cp-850": "cp850", "ansi_x3.110-1983": "latin-1", "windows-31j": "cp932",
}
# Mail software labels text with the ISO/legacy name and sends the Windows or
# extended superset; decoding with the superset is always right for the subset.
_SUPERSETS = {
    "iso8859-1": "cp1252", "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030",
    "gbk": "gb18030", "big5": "big5hkscs", "iso8859-9": "cp1254", "tis-620": "cp874",
    "iso8859-11": "cp874",
}
# Pure-ASCII bytes are not ASCII text in these.
_NOT_ASCII_SAFE = ("utf-7", "iso2022", "hz", "utf-16", "utf-32")
_MULTIBYTE = {"cp932", "euc_jp", "cp949", "gb18030", "big5hkscs", "cp950", "shift_jis_2004",
              "euc_jis_2004", "johab", "euc_jisx0213", "shift_jisx0213"}
# Tried, in order, when the labelled codec fails (vendor extensions).
_FALLBACKS = {"iso2022_jp": ("iso2022_jp_2004", "iso2022_jp_ext"), "cp1252": ("latin-1",)}


@functools.lru_cache(maxsize=512)
def _codec(label: str | None) -> str | None:
    if not label:
        return None
    clean = label.strip().strip("\"'").strip().lower()
    clean = _LABEL_FIXES.get(clean, clean)
    if not clean:
        return None
    try:
        info = codecs.lookup(clean)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # "base64", "rot13"...
        return None
    return _SUPERSETS.get(info.name, info.name)


# Languages we serve; used to keep short-input detection from wild guesses.
_HEADER_GUESSES = ["cp1252", "cp1251", "koi8_r", "cp1250", "cp1253", "cp1254",
                   "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"]


def _detect(data: bytes, candidates: list[str] | None = None) -> str | None:
    """charset-normalizer's guess, with two tie-breaks it gets wrong on mail."""
    from charset_normalizer import from_bytes  # slow import: failure paths only

    matches = list(from_bytes(data, cp_isolation=candidates))[:6]
    if not matches:
        return None
    best = matches[0]
    if best.encoding in ("cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213"):
        decoded = str(best)
        # koi8-r/cp1251 bytes read as Shift_JIS become half-width katakana,
        # which real Japanese mail hardly uses: try without Japanese codecs
        if sum("\uff61" <= ch <= "\uff9f" for ch in decoded) * 3 > sum(ord(ch) > 127 for ch in decoded):
            return _detect(data, [c for c in candidates or _HEADER_GUESSES if c not in ("shift_jis", "euc_jp")])
    tied = {m.encoding for m in matches if m.chaos <= best.chaos + 0.001 and m.coherence >= best.coherence - 0.01}
    if "cp1252" in tied:  # Western text ties with cp1250, listed first ("compańía")
        return "cp1252"
    if tied & {"cp1251", "koi8_r"}:
        # Cyrillic: lowercase letters sit at 0xE0-0xFF in cp1251 and at
        # 0xC0-0xDF in koi8-r; running text is mostly lowercase.
        lower_koi = sum(0xC0 <= b <= 0xDF for b in data)
        return "koi8_r" if lower_koi > sum(b >= 0xE0 for b in data) else "cp1251"
    return best.encoding


def _undo_latin1_roundtrip(text: str, codec: str) -> str | None:
    """Repair CJK bytes that were read as latin-1 and re-saved as UTF-8."""
    if any(ord(ch) > 0xFF for ch in text):
        return None
    try:
        fixed = text.encode("latin-1").decode(codec)
    except (UnicodeError, LookupError):
        return None
    # genuine UTF-8 "éé" would also "decode": demand a mostly-CJK result
    wide = [ch for ch in fixed if ord(ch) > 0x7F]
    cjk = sum("\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uff00" <= ch <= "\uffef" for ch in wide)
    return fixed if wide and cjk * 2 >= len(wide) else None


def decode_bytes(data: bytes, label: str | None = None, defects: list[str] | None = None,
                 *, short: bool = False, hint: str | None = None) -> str:
    """Decode bytes of a declared (possibly wrong or unknown) charset; never raises.

    ``short`` marks header-sized input, where statistical detection is
    useless: ``hint`` (the body charset) is tried instead.
    """
    if not data:
        return ""
    codec = _codec(label)
    if label and codec is None and defects is not None and label.strip().lower() not in _LABEL_FIXES:
        defects.append(f"unknown charset {label.strip()!r}")
    if data.isascii() and not (codec and codec.startswith(_NOT_ASCII_SAFE)):
        return data.decode("ascii")
    if codec and codec.startswith(_NOT_ASCII_SAFE):
        for candidate in (codec, *_FALLBACKS.get(codec, ())):
            try:
                return data.decode(candidate)
            except (UnicodeError, LookupError):
                pass
    try:
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        legacy = codec if codec in _MULTIBYTE else _codec(hint) if short and not codec else None
        if legacy in _MULTIBYTE:
            return _undo_latin1_roundtrip(text, legacy) or text
        return text
    except UnicodeDecodeError:
        pass
    for label_codec in (codec, _codec(hint) if short or not codec else None):
        if label_codec and label_codec != "utf-8":
            for candidate in (label_codec, *_FALLBACKS.get(label_codec, ())):
                try:
                    return data.decode(candidate)  # cp1252 -> latin-1: 5 undefined bytes
                except (UnicodeError, LookupError):
                    pass
    if defects is not None:
        defects.append(f"charset {label or 'undeclared'} did not decode; guessed")
    guessed = _detect(data) if not short and len(data) >= 32 else None
    if guessed:
        return data.decode(guessed, "replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --------------------------------------------------------------------------
# headers
# --------------------------------------------------------------------------

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])|\r?\n$")


def _raw(text: str) -> bytes:
    """Back to bytes: surrogate-escaped 8-bit bytes as they were, the rest UTF-8."""
    return text.encode("utf-8", "surrogateescape")


def _word_bytes(encoding: str, text: str) -> bytes:
    raw = _raw(text)
    if encoding in "Qq":
        return binascii.a2b_qp(raw, header=True)
    raw = re.sub(rb"[^A-Za-z0-9+/]", b"", raw)
    raw = raw[: len(raw) - len(raw) % 4 if len(raw) % 4 == 1 else len(raw)]
    try:
        return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4))
    except binascii.Error:
        return b""


def decode_words(value: str, hint: str | None = None) -> str:
    """Decode RFC 2047 encoded-words leniently (anywhere in the value).

    Adjacent words in one charset are joined at byte level first, because
    encoders split multi-byte characters across words.
    """
    if "=?" not in value:
        return value
    out: list[str] = []
    pending: list = []  # [charset, bytearray]
    pos = 0

    def flush() -> None:
        if pending:
            out.append(decode_bytes(bytes(pending[1]), pending[0], short=True, hint=hint))
            pending.clear()

    for m in _ENCODED_WORD.finditer(value):
        gap = value[pos : m.start()]
        if not (pending and not gap.strip()):  # whitespace between words vanishes
            flush()
            out.append(gap)
        charset = m.group(1).split("*", 1)[0].lower()
        data = _word_bytes(m.group(2), m.group(3))
        if pending and pending[0] == charset:
            pending[1].extend(data)
        else:
            flush()
            pending[:] = [charset, bytearray(data)]
        pos = m.end()
    flush()
    out.append(value[pos:])
    return "".join(out)


def decode_header_value(raw: str, hint: str | None = None) -> str:
    """Raw header string (may carry surrogate-escaped 8-bit bytes) -> text."""
    value = _FOLD.sub("", raw)
    if not value.isascii():
        value = decode_bytes(_raw(value), None, short=True, hint=hint)
    return decode_words(value, hint)


_CTRL = dict.fromkeys(range(32), " ")


def _one_line(text: str) -> str:
    if not text.isprintable():  # rare: control characters in a header
        text = text.translate(_CTRL)
    return " ".join(text.split())


_VALID_ADDR = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\.]+$")
_ADDR_TOKEN = re.compile(r"[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\.]+")


_SIMPLE_ADDR = re.compile(r"^\s*(?:([^<>@]*?)\s*<([^<>\s]+@[^<>\s]+)>|<?([^<>\s]+@[^<>\s()]+?)>?"
                          r"(?:\s*\(([^()]*)\))?)\s*$")


def _simple_addresses(value: str) -> list[tuple[str, str]] | None:
    """Fast path for 'Name <a@b>, c@d' (most mail); None -> use getaddresses."""
    if '"' in value or ":" in value or ";" in value or "\\" in value:
        return None
    pairs = []
    for item in value.split(","):
        if not item.strip():
            continue
        m = _SIMPLE_ADDR.match(item)
        if m is None:
            return None
        # "a@b (Name)": the comment is the display name, as in getaddresses
        pairs.append((m.group(1) or m.group(4) or "", m.group(2) or m.group(3)))
    return pairs


def _addresses(raw: str | None, hint: str | None) -> list[tuple[str, str]]:
    """[(display name, lower-cased address)] for valid-looking addresses only."""
    if not raw:
        return []
    value = _FOLD.sub("", raw)
    if not value.isascii():  # RFC 6532 / legacy 8-bit: decode, keep encoded-words
        value = decode_bytes(_raw(value), None, short=True, hint=hint)
    found: list[tuple[str, str]] = []
    pairs = _simple_addresses(value)
    if pairs is None:
        try:
            pairs = getaddresses([value])
        except Exception:  # noqa: BLE001 - stdlib address parser has odd failure modes
            pairs = []
    for name, addr in pairs:
        addr = addr.strip().strip("<>").lower()
        if _VALID_ADDR.match(addr) and addr not in (a for _, a in found):
            found.append((_one_line(decode_words(name, hint)).strip("\"' "), addr))
    if not found:  # "a@x.com b@x.com", double "@"... fall back to scanning
        found = [("", a.lower()) for a in dict.fromkeys(_ADDR_TOKEN.findall(value))]
    return found


_MSGID = re.compile(r"<([^<>\s]+)>")


def _ids(raw: str | None) -> list[str]:
    if not raw:
        return []
    ids = _MSGID.findall(raw) or [t.strip("<>,") for t in raw.split() if "@" in t]
    return list(dict.fromkeys(i for i in ids if i))


_RFC5322_DATE = re.compile(
    r"^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-])(\d{2})(\d{2})\b")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@functools.lru_cache(maxsize=64)
def _tz(sign: str, hours: str, minutes: str) -> timezone:
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if sign == "-" else offset)


def _date(raw: str | None, defects: list[str]) -> datetime | None:
    if not raw or not raw.strip():
        return None
    m = _RFC5322_DATE.match(raw)  # fast path for the canonical form
    if m and m.group(2).lower() in _MONTHS:
        day, _, year, hour, minute, second, sign, tzh, tzm = m.groups()
        try:
            return datetime(int(year), _MONTHS[m.group(2).lower()], int(day), int(hour), int(minute),
                            int(second or 0), tzinfo=_tz(sign, tzh, tzm))
        except ValueError:
            pass  # e.g. 31 Feb: let the stdlib decide
    try:
        value = parsedate_to_datetime(_FOLD.sub("", raw).strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unparseable Date header {raw.strip()[:60]!r}")
        return None
    if value.tzinfo is None:  # "-0000" or a zone we could not read: assume UTC
        value = value.replace(tzinfo=timezone.utc)
    return value


