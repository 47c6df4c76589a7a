"""Text preparation for the classifier: cleaning, zones, folding, language detection.

Pure Python and Django-free.  The folding is what every pattern is written against:

* lower case and accents stripped ("È giù" -> "e giu", "ё" -> "е", "й" -> "и");
* runs of the same letter collapsed to one ("sitooo giuuu" -> "sito giu",
  "password" -> "pasword", "attacco" -> "ataco"), which also absorbs the commonest
  typos (doubled or undoubled consonants); digits are left alone ("500" stays "500").

Folding keeps a map back to the original text so reasons can quote what the customer
actually wrote.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Folded",
    "Zone",
    "clean",
    "detect_language",
    "fold",
    "fold_pattern_text",
    "split_zones",
]

# --------------------------------------------------------------------------- folding


class _FoldTable(dict):
    """str.translate table: one character in, one character out (length preserving)."""

    def __missing__(self, codepoint: int) -> int | None:
        char = chr(codepoint)
        folded = unicodedata.normalize("NFKD", char.casefold())
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        if char in "\u2019\u2018\u02bc\u00b4`":
            folded = "'"
        elif char in "\u201c\u201d\u00ab\u00bb\u201e":
            folded = '"'
        elif char in "\u2013\u2014\u2212":
            folded = "-"
        elif char in "\u00a0\u2007\u202f":
            folded = " "
        result = ord(folded[0]) if folded else None
        self[codepoint] = result
        return result


_FOLD_TABLE = _FoldTable()
_REPEATED_LETTER = re.compile(r"([^\W\d_])\1+")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and the way back to the original's positions."""

    text: str
    original: str
    # (position in `text` where a collapsed run ended, letters removed so far)
    _breaks: tuple[int, ...] = ()
    _removed: tuple[int, ...] = ()
    _exact: bool = True

    def to_original(self, position: int) -> int:
        index = bisect.bisect_right(self._breaks, position) - 1
        shift = self._removed[index] if index >= 0 else 0
        return min(position + shift, len(self.original)) if self._exact else position

    def snippet(self, start: int, end: int, limit: int = 60) -> str:
        """What the customer wrote between two folded positions, blanks squeezed."""
        text = self.text
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1  # show whole words, not the stem that matched
        if self._exact:
            piece = self.original[self.to_original(start) : self.to_original(end - 1) + 1]
        else:
            piece = text[start:end]
        piece = " ".join(piece.split())
        return piece if len(piece) <= limit else piece[: limit - 1] + "…"


def _casefold_accents(text: str) -> str:
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


_LINE_BREAK_IN_PARAGRAPH = re.compile(r"(?<![\n.!?:;])[ \t]*\n(?![ \t]*(?:\n|[-*•>]|\d+[.)]))")


def fold(text: str) -> Folded:
    """Fold `text` for matching (see the module's docstring).

    A line break inside a paragraph (mail clients wrap lines) becomes a blank, so phrases
    match across it; a blank line, a list item or a line ending in punctuation still ends
    the sentence.
    """
    folded = _casefold_accents(text)
    if "\n" in folded:
        folded = _LINE_BREAK_IN_PARAGRAPH.sub(lambda m: " " * len(m.group(0)), folded)
    exact = len(folded) == len(text)
    if not _REPEATED_LETTER.search(folded):
        return Folded(folded, text, (), (), exact)
    pieces: list[str] = []
    breaks: list[int] = []
    removed: list[int] = []
    last = 0
    out_length = 0
    total_removed = 0
    for match in _REPEATED_LETTER.finditer(folded):
        start, end = match.span()
        pieces.append(folded[last : start + 1])
        out_length += start + 1 - last
        total_removed += end - start - 1
        breaks.append(out_length)
        removed.append(total_removed)
        last = end
    pieces.append(folded[last:])
    return Folded("".join(pieces), text, tuple(breaks), tuple(removed), exact)


def fold_pattern_text(text: str) -> str:
    """Fold a literal piece of a pattern the same way as the text it will meet."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _REPEATED_LETTER.sub(r"\1", folded)


# --------------------------------------------------------------------------- cleaning

MAX_BODY = 20_000
MAX_SUBJECT = 1_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ufeff\u200b-\u200d\u2060]")


def coerce(value: object) -> str:
    """Whatever came in, as text: None -> "", bytes decoded leniently, others via str()."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    try:
        return str(value)
    except Exception:  # a broken __str__ must not stop triage
        return ""


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    control_chars: int
    truncated_from: int  # 0 when not truncated


def clean(text: str, limit: int) -> Cleaned:
    """Cut to `limit` characters and replace control characters and NULs with blanks."""
    truncated_from = 0
    if len(text) > limit:
        truncated_from = len(text)
        text = text[:limit]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, count = _CONTROL.subn(" ", text)
    return Cleaned(text, count, truncated_from)


def letter_ratio(text: str) -> float:
    """Share of letters among the non-blank characters (garbage detection)."""
    visible = len(text) - sum(map(str.isspace, text))
    if not visible:
        return 1.0
    return sum(map(str.isalpha, text)) / visible


# --------------------------------------------------------------------------- zones

#: Zones of a message and how much a match there counts.
SUBJECT, REPLY_SUBJECT, FRESH, QUOTED, SIGNATURE = "subject", "reply subject", "body", "quoted", "signature"
#: Quoted text the customer forwards as their report (an alert, a mail from Google or the
#: registrar): not the history of an old conversation.
FORWARDED = "forwarded"


@dataclass(frozen=True, slots=True)
class Zone:
    kind: str
    text: str


# A line that opens quoted history: "On <date>, X wrote:", "Il giorno ... ha scritto:",
# "Le ... a écrit :", "Am ... schrieb ...:", "El ... escribió:", "... написал(а):",
# and the headers of Outlook-style forwards and replies.
_HISTORY_OPENER = re.compile(
    r"""^\s*(?:
        (?:on|il|le|am|el|den|op)\b.{0,200}?\b(?:wrote|scritto|ecrit|écrit|schrieb|escribi[oó]|skrev|schreef)\b[^\n]{0,120}:\s*$
      | .{0,200}?\b(?:написал|написала|пишет)\b.{0,80}:\s*$
      | -{2,}\s*(?:original\s+message|messaggio\s+originale|message\s+d'origine|urspr[üu]ngliche\s+nachricht
                |mensaje\s+original|исходное\s+сообщение|forwarded\s+message|messaggio\s+inoltrato
                |message\s+transf[ée]r[ée]|weitergeleitete\s+nachricht|mensaje\s+reenviado|пересылаемое\s+сообщение)\s*-{2,}.*$
      | (?:from|da|de|von|от)\s*:.{1,200}\n\s*(?:sent|inviato|envoy[ée]|gesendet|enviado|отправлено|date|data)\s*:.*$
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)

# A line that closes the message: the "-- " delimiter, mobile footers, sign-offs
# standing alone on their line.
_SIGNATURE_OPENER = re.compile(
    r"""^(?:
        --\s*$ | __+\s*$
      | \s*(?:sent\s+from\s+my|inviato\s+da|envoy[ée]\s+de\s+mon|von\s+meinem|enviado\s+desde\s+mi|отправлено\s+с)\b.*$
      | \s*(?:cordiali\s+saluti|distinti\s+saluti|saluti|un\s+saluto|cordialmente|grazie\s+mille|grazie
            |best\s+regards|kind\s+regards|regards|best|cheers|thanks|thank\s+you|many\s+thanks
            |cordialement|bien\s+cordialement|salutations|merci|merci\s+d'avance|bonne\s+journ[ée]e
            |с\s+уважением|спасибо|заранее\s+спасибо
            |mit\s+freundlichen\s+gr[üu](?:ß|ss)en|viele\s+gr[üu](?:ß|ss)e|beste\s+gr[üu](?:ß|ss)e|danke|gr[üu](?:ß|ss)e
            |saludos|un\s+saludo|atentamente|gracias|saludos\s+cordiales)[\s,.!]*$
    )""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)

# Legal disclaimers: a paragraph mentioning confidentiality and the intended recipient.
_DISCLAIMER = re.compile(
    r"(?:confidential|riservat|confidentiel|конфиденциальн|vertraulich|confidencial)"
    r".{0,400}?(?:recipient|destinatari|destinataire|адресат|empf[äa]nger|destinatario)",
    re.IGNORECASE | re.DOTALL,
)

_QUOTED_LINE = re.compile(r"^\s*>")

#: What may follow a sign-off for it to be a signature: a name, a title, a phone number...
SIGNATURE_MAX_LINES = 8
SIGNATURE_MAX_CHARS = 600
SIGNATURE_LINE_CHARS = 70  # names, titles, phone numbers; not sentences


def _short_tail(text: str, position: int) -> bool:
    """True when the text after a sign-off line is short enough to be a signature.

    A "Grazie mille" or "Thanks!" line near the top of a mail is a politeness, not the
    end of the message: what follows it is still the customer talking.
    """
    tail = text[position:]
    lines = [line.strip() for line in tail.split("\n") if line.strip()]
    if _DISCLAIMER.search(tail):  # a legal footer may be long: it is still a footer
        lines = lines[:2]
    return (
        len(lines) <= SIGNATURE_MAX_LINES
        and len(tail.strip()) <= SIGNATURE_MAX_CHARS
        and all(len(line) <= SIGNATURE_LINE_CHARS for line in lines)
    )


def split_zones(subject: str, body: str) -> list[Zone]:
    """The subject, the customer's fresh text, the quoted history and the signature."""
    stripped = _strip_reply_prefixes(subject)
    # "Re: sito down" names the thread, which may be about an old, solved problem; a
    # forwarded alert ("Fwd: Monitor is DOWN") is the customer's report and keeps its weight.
    is_reply = _REPLY_ONLY.match(subject) is not None
    zones = [Zone(REPLY_SUBJECT if is_reply else SUBJECT, stripped)]
    fresh, quoted = body, ""
    opener = _HISTORY_OPENER.search(body)
    if opener:
        fresh, quoted = body[: opener.start()], body[opener.start() :]
    fresh_lines: list[str] = []
    quoted_lines: list[str] = []
    for line in fresh.split("\n"):
        (quoted_lines if _QUOTED_LINE.match(line) else fresh_lines).append(line)
    fresh = "\n".join(fresh_lines)
    signature = ""
    closer = next((m for m in _SIGNATURE_OPENER.finditer(fresh) if m.start() > 0 and _short_tail(fresh, m.end())), None)
    if closer:
        signature = fresh[closer.start() :]
        fresh = fresh[: closer.start()]
        # A postscript after the sign-off is the customer talking again.
        postscript = re.search(r"^\s*p\.?\s*s\.?\b.*", signature, re.IGNORECASE | re.MULTILINE | re.DOTALL)
        if postscript:
            fresh += "\n" + postscript.group(0)
            signature = signature[: postscript.start()]
    disclaimer = _DISCLAIMER.search(fresh)
    if disclaimer and disclaimer.start() > len(fresh) // 3:
        paragraph = fresh.rfind("\n\n", 0, disclaimer.start())
        cut = paragraph if paragraph >= 0 else disclaimer.start()
        signature = fresh[cut:] + "\n" + signature
        fresh = fresh[:cut]
    zones.append(Zone(FRESH, fresh))
    if quoted_lines or quoted:
        forwarded = (
            _FORWARD_PREFIX.match(subject) is not None
            or (opener is not None and _FORWARD_HEADER.search(opener.group(0)) is not None)
            or _FORWARD_WORDS.search(fresh) is not None
        )
        zones.append(Zone(FORWARDED if forwarded else QUOTED, "\n".join(quoted_lines) + "\n" + quoted))
    if signature.strip():
        zones.append(Zone(SIGNATURE, signature))
    return zones


_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|r|fw|fwd|i|tr|aw|wg|rv|reenviar|res|enc|отв|пересл|ha|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)


_FORWARD_PREFIX = re.compile(r"^\s*(?:fw|fwd|tr|wg|rv|i|enc|reenviar|пересл)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
_FORWARD_HEADER = re.compile(
    r"forwarded|inoltrat|transf[ée]r[ée]|weitergeleitet|reenviado|пересылаем", re.IGNORECASE
)
# "I'm forwarding this", "vi inoltro", "je vous transfère", "пересылаю", "leite weiter",
# "les reenvío", "got this from", "mi è arrivata questa mail", "j'ai reçu ceci".
_FORWARD_WORDS = re.compile(
    r"\b(?:forward(?:ing|ed)?|inoltr\w*|transf[eè]r\w*|пересыла\w*|пересылаю|переслал\w*|weiter(?:geleitet|leite)\w*"
    r"|reenv[ií]\w*|got this|received this|(?:è|e) arrivat[ao]|mi arriva\w*|ci arriva\w*|j'ai re[çc]u|nous avons re[çc]u"
    r"|пришл[оа]|пришло письмо|habe (?:diese|folgende)|erhalten|nos llega|me ha llegado|hemos recibido)\b",
    re.IGNORECASE,
)


_REPLY_ONLY = re.compile(r"^\s*(?:re|r|aw|res|sv|vs|отв|ha)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)


def _strip_reply_prefixes(subject: str) -> str:
    return _REPLY_PREFIX.sub("", subject)


# --------------------------------------------------------------------------- language

_STOPWORDS: dict[str, frozenset[str]] = {
    "it": frozenset(
        "il lo la gli le un una uno di del della dei delle degli che non per con sono stato "
        "stata nel nella sul sulla questo questa come anche ma abbiamo ho hai ha sito nostro "
        "nostra vostro grazie buongiorno salve potete potreste perche quando dopo ancora "
        "piu gia solo tutti tutto ci si mi ti vi e' da dal dalla alla allo ai al funziona "
        "riesco posso vorrei richiesta cortesemente saluti ieri oggi".split()
    ),
    "en": frozenset(
        "the a an of to and is are was were be been it this that with for on in our my your "
        "we you they have has had not can could would please thanks hello hi since from "
        "when after but any there what which will does doesn't don't isn't site website "
        "since yesterday today help need".split()
    ),
    "fr": frozenset(
        "le la les un une des du de et est sont pas ne nous vous notre votre mon ma mes "
        "pour avec dans sur que qui ce cette depuis bonjour merci il elle on plus tres "
        "avons avez j'ai c'est n'est fonctionne site aujourd'hui hier mais aussi ou "
        "pouvez pourriez svp cordialement".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einen und ist sind nicht wir ihr unser unsere "
        "mit fur von zu auf im in bei seit hallo danke bitte es kann konnen keine kein "
        "auch aber oder wie was wird wurde funktioniert seite heute gestern uns ich".split()
    ),
    "es": frozenset(
        "el la los las un una unos de del y es son no nuestro nuestra su sus por para con "
        "en que se lo le al como pero desde hola gracias sitio esta estan hemos tenemos "
        "puede pueden podrian funciona ayer hoy muy mas tambien favor saludos web".split()
    ),
    "ru": frozenset(),  # decided by the alphabet
}

_LANGUAGE_CHARS = {
    "it": re.compile(r"[ìò]|\b(?:è|più|giù|già|perché|però|così|cioè|può)(?!\w)"),
    "fr": re.compile(r"[éêëçâîôûœ]|\b(?:à|où)(?!\w)"),
    "de": re.compile(r"[äöüß]"),
    "es": re.compile(r"[ñ¿¡]|ción\b|\b(?:está|están|también|qué|más)(?!\w)"),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")

SUPPORTED_LANGUAGES = ("it", "en", "fr", "ru", "de", "es")


def detect_language(text: str) -> str:
    """it / en / fr / ru / de / es by stopwords and letters; "und" when there is no signal.

    Cyrillic text is Russian.  Pure Python; looks at the first 4,000 characters only.
    """
    text = coerce(text)[:4000]
    if not text.strip():
        return "und"
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic and cyrillic >= latin * 0.5:
        return "ru"
    lowered = text.lower()
    scores = dict.fromkeys(_STOPWORDS, 0.0)
    for word in _WORD.findall(lowered):
        word = _casefold_accents(word).replace("\u2019", "'")
        for language, words in _STOPWORDS.items():
            if word in words:
                scores[language] += 1.0
    for language, chars in _LANGUAGE_CHARS.items():
        scores[language] += 1.5 * len(chars.findall(lowered))
    if cyrillic:
        scores["ru"] = cyrillic / 4
    best = max(scores, key=lambda language: scores[language])
    if scores[best] < 1.0:
        return "und"
    return best
