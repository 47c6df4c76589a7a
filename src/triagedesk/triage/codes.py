"""The four triage codes, as in the customer's master list (seed 000).

RED    emergency: the online presence is not guaranteed, the business is stopped; taken
       in charge at once, within 15 minutes at the latest.
YELLOW danger: online but with problems that may soon hurt badly; within 24 hours.
GREEN  deferrable: everything works, the customer wants improvements; within four days
       and not before 48 hours.
WHITE  not urgent: requests outside hosting and systems administration; within a week
       and not before 48 hours (and possibly declined).

`Code` is a `StrEnum`, so a code is stored and serialised as its plain value ("red").
Severity runs the other way round from "importance": 0 is the most urgent.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum

__all__ = ["Code", "InvalidCode", "LANGUAGES", "triage_outcome"]

#: Languages that have labels.  The first four are those of the customer's documents.
LANGUAGES: tuple[str, ...] = ("it", "en", "fr", "ru", "de", "es")


class InvalidCode(ValueError):
    """A string that names no triage code."""


class Code(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    WHITE = "white"

    @property
    def severity(self) -> int:
        """0 for RED .. 3 for WHITE: lower is more urgent, so codes sort by urgency."""
        return _SEVERITY[self]

    def label(self, language: str = "en") -> str:
        """The colour's name in `language` ("it", "en", "fr", "ru", "de", "es").

        An unknown language, or a regional variant we lack ("pt"), falls back to English;
        "fr-CH" and "it_IT" are reduced to their primary subtag.
        """
        primary = (language or "en").replace("_", "-").split("-")[0].lower()
        return _LABELS.get(primary, _LABELS["en"])[self]

    @property
    def labels(self) -> dict[str, str]:
        """Every label of this code, by language."""
        return {language: _LABELS[language][self] for language in LANGUAGES}

    def more_urgent_than(self, other: Code | str) -> bool:
        return self.severity < Code.parse(other).severity

    @classmethod
    def most_urgent(cls, *codes: Code | str | Iterable[Code | str]) -> Code:
        """The most urgent of the given codes (strings are parsed).

        Accepts codes as separate arguments or a single iterable:
        ``Code.most_urgent(Code.GREEN, "red")`` and ``Code.most_urgent([...])``.
        Raises ValueError when given nothing.
        """
        if len(codes) == 1 and not isinstance(codes[0], str):
            codes = tuple(codes[0])  # type: ignore[arg-type]
        parsed = [cls.parse(code) for code in codes]  # type: ignore[arg-type]
        if not parsed:
            raise ValueError("Code.most_urgent() needs at least one code")
        return min(parsed, key=lambda code: code.severity)

    @classmethod
    def parse(cls, value: Code | str) -> Code:
        """A code from its value or its name in any supported language.

        Case, accents, surrounding blanks and a "code"/"codice"/"код" prefix are ignored:
        "red", "RED", "Rosso", "codice rosso", "rouge", "красный", "Grün", "amarillo".
        Raises InvalidCode (a ValueError) for anything else, including non-strings.
        """
        if isinstance(value, Code):
            return value
        if not isinstance(value, str):
            raise InvalidCode(f"not a triage code: {value!r}")
        key = _fold(value)
        words = key.split()
        if len(words) == 2 and words[0] in _PREFIXES:
            key = words[1]
        elif len(words) == 2 and words[1] in _PREFIXES:
            key = words[0]
        try:
            return _BY_NAME[key]
        except KeyError:
            raise InvalidCode(f"not a triage code: {value!r}") from None


_SEVERITY: dict[Code, int] = {Code.RED: 0, Code.YELLOW: 1, Code.GREEN: 2, Code.WHITE: 3}

_LABELS: dict[str, dict[Code, str]] = {
    "it": {Code.RED: "Rosso", Code.YELLOW: "Giallo", Code.GREEN: "Verde", Code.WHITE: "Bianco"},
    "en": {Code.RED: "Red", Code.YELLOW: "Yellow", Code.GREEN: "Green", Code.WHITE: "White"},
    "fr": {Code.RED: "Rouge", Code.YELLOW: "Jaune", Code.GREEN: "Vert", Code.WHITE: "Blanc"},
    "ru": {Code.RED: "Красный", Code.YELLOW: "Жёлтый", Code.GREEN: "Зелёный", Code.WHITE: "Белый"},
    "de": {Code.RED: "Rot", Code.YELLOW: "Gelb", Code.GREEN: "Grün", Code.WHITE: "Weiß"},
    "es": {Code.RED: "Rojo", Code.YELLOW: "Amarillo", Code.GREEN: "Verde", Code.WHITE: "Blanco"},
}

# Words that may precede or follow the colour: "codice rosso", "code rouge", "код красный".
_PREFIXES = frozenset({"code", "codice", "codigo", "kod", "код", "triage"})


def _fold(text: str) -> str:
    """Casefold, drop accents (ё -> е too), squeeze blanks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("-", " ").replace("_", " ").split())


def _build_names() -> dict[str, Code]:
    names: dict[str, Code] = {}
    for code in Code:
        names[_fold(code.value)] = code
        names[_fold(code.name)] = code
        for labels in _LABELS.values():
            names[_fold(labels[code])] = code
    # Common variants: feminine/plural forms and the ß-less German spelling.
    extras = {
        "rossa": Code.RED, "rossi": Code.RED, "roja": Code.RED, "rote": Code.RED,
        "gialla": Code.YELLOW, "gialli": Code.YELLOW, "gelbe": Code.YELLOW,
        "verte": Code.GREEN, "verdi": Code.GREEN, "grun": Code.GREEN, "gruen": Code.GREEN,
        "bianca": Code.WHITE, "bianchi": Code.WHITE, "blanche": Code.WHITE,
        "blanca": Code.WHITE, "weiss": Code.WHITE,
        "красная": Code.RED, "желтая": Code.YELLOW, "зеленая": Code.GREEN, "белая": Code.WHITE,
    }
    for word, code in extras.items():
        names[_fold(word)] = code
    return names


_BY_NAME: dict[str, Code] = _build_names()


def triage_outcome(proposed: str, final: str) -> str:
    """"over" when the proposed code was more urgent than the final one, "under" when less,
    "agreed" when the same; "" when either is missing or no code."""
    try:
        first, last = Code.parse(proposed), Code.parse(final)
    except InvalidCode:
        return ""
    if first is last:
        return "agreed"
    return "over" if first.more_urgent_than(last) else "under"
