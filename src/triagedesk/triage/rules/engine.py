"""A small pattern language over folded text, compiled once, matched in one pass.

Patterns are regular expressions over folded text (see `text.fold`) with three additions
that keep the word lists readable:

``{concept}``  the language's list of terms for a concept ("{site}", "{down}"), each term
               a small regex; a term ending in ``*`` is a stem ("funzion*"), any other
               term must end at a word boundary ("down" does not match "downgrade").
`` ?``         an optional space ("page ?speed" matches "pagespeed" and "page speed").
``~N``         up to N intervening words within the same sentence, none of which is a
               negation or a "but": "{site} ~3 {down}" matches "il sito è ancora down"
               and not "il sito non è down".
`` ``          a space: one or more blanks or commas, quotes, dashes (not a full stop).

A whole pattern must end at a word boundary unless it ends in ``*``.  Every pattern is
tried only where a word starts, and only if the word begins like the pattern can begin:
the leading letters of each pattern are worked out from its parsed form and indexed, so
one pass over the word starts of a text finds every candidate.  Patterns whose start
cannot be worked out are searched the slow way (there should be none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

try:  # Python >= 3.11
    import re._constants as _sre_constants
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from .text import fold_pattern_text

__all__ = ["Rule", "RuleSet", "Hit", "SPACE", "compile_term_list", "expand"]

#: Blanks and light punctuation between two words of a phrase (not . ! ? ; or a line
#: break: `text.fold` has already turned the line breaks inside a paragraph into blanks).
SPACE = r"[^\w.!?;\n]+"

_INNER_STEM = re.compile(r"(?<=[^\W\d_])\*")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_TOKEN = re.compile(
    r"""(?P<concept>\{[a-z_]+\})
      | (?P<gap>\s*~(?P<n>\d)\s*)
      | (?P<escape>\\.)
      | (?P<optspace>[ ]+\?)
      | (?P<space>[ ]+)
      | (?P<literal>[^{~\\ ]+)""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern: which case or cue it votes for, how much, in which language."""

    target: str  # a catalogue slug, a situation, or a cue name starting with "@"
    weight: float
    language: str
    source: str
    regex: re.Pattern[str] = field(compare=False, repr=False)
    prefixes: frozenset[str] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    start: int
    end: int


class PatternCompiler:
    """Expands concepts, gaps and spaces, and folds literal text like `text.fold` does."""

    def __init__(self, concepts: Mapping[str, Iterable[str]], barrier_words: Iterable[str]) -> None:
        self.barrier_words = frozenset(fold_pattern_text(w) for w in barrier_words)
        self._concept_sources = {name: list(terms) for name, terms in concepts.items()}
        self._concepts: dict[str, str] = {}
        self._concept_prefixes: dict[str, frozenset[str] | None] = {}

    def gap(self, n: int) -> str:
        # Lazy, so the nearest words pair up; captured, so that a hit whose gap holds a
        # negation or a "but" can be thrown away after matching (see `gap_is_clean`).
        return f"({SPACE}(?:\\w+{SPACE}){{0,{n}}}?)"

    def concept(self, name: str, _stack: tuple[str, ...] = ()) -> str:
        if name in self._concepts:
            return self._concepts[name]
        if name in _stack:
            raise ValueError(f"concept {name!r} refers to itself")
        if name not in self._concept_sources:
            raise KeyError(f"unknown concept {{{name}}}")
        terms = sorted(set(self._concept_sources[name]), key=len, reverse=True)
        alternatives = [self.term(term, _stack + (name,)) for term in terms]
        compiled = "(?:" + "|".join(alternatives) + ")"
        self._concepts[name] = compiled
        return compiled

    def term(self, source: str, _stack: tuple[str, ...] = ()) -> str:
        """A pattern or a concept term: a stem if it ends in *, else bounded at its end."""
        source = source.strip()
        stem = source.endswith("*") and not source.endswith("\\*")
        if stem:
            source = source[:-1]
        body = self._expand(source, _stack)
        # A stem takes the rest of its word ("funzion*" matches all of "funzionava").
        return body + r"\w*" if stem else body + r"(?!\w)"

    def prefixes(self, source: str, _stack: tuple[str, ...] = ()) -> frozenset[str] | None:
        """How a match of `source` can begin (see `leading_prefixes`), worked out on a
        skeleton where each concept stands for its terms' beginnings: much cheaper than
        parsing the full expansion."""
        source = source.strip()
        if source.endswith("*") and not source.endswith("\\*"):
            source = source[:-1]
        letters = _LEADING_LETTERS.match(source)
        if letters:  # most terms start with plain letters: no need to parse them
            run, rest = letters.group(0), source[letters.end() :]
            if rest[:1] in ("?", "*", "+", "{"):
                run = run[:-1]  # the last letter is quantified
            folded = fold_pattern_text(run)
            if len(folded) >= _PREFIX_LENGTH or (not rest and folded):
                return frozenset({folded[:_PREFIX_LENGTH]})
        found = leading_prefixes(self._expand(source, _stack, skeleton=True))
        return frozenset(found) if found else None

    def concept_prefixes(self, name: str, _stack: tuple[str, ...] = ()) -> frozenset[str] | None:
        if name in self._concept_prefixes:
            return self._concept_prefixes[name]
        if name in _stack:
            raise ValueError(f"concept {name!r} refers to itself")
        result: set[str] = set()
        for term in self._concept_sources.get(name, ()):
            found = self.prefixes(term, _stack + (name,))
            if found is None:
                result = set()
                break
            result |= found
        frozen = frozenset(result) if result else None
        self._concept_prefixes[name] = frozen
        return frozen

    def _expand(self, source: str, stack: tuple[str, ...], skeleton: bool = False) -> str:
        out: list[str] = []
        for token in _TOKEN.finditer(source):
            kind = token.lastgroup
            text = token.group(0)
            if kind == "concept" and skeleton:
                found = self.concept_prefixes(text[1:-1], stack)
                # "." closes each beginning: what follows the concept cannot extend it.
                out.append("(?:" + "|".join(re.escape(p) + "." for p in sorted(found)) + ")" if found else "(?:.)")
            elif kind == "concept":
                out.append(self.concept(text[1:-1], stack))
            elif kind == "gap" and skeleton:
                out.append(SPACE)
            elif kind == "gap":
                out.append(self.gap(int(token.group("n"))))
            elif kind == "escape":
                out.append(text)
            elif kind == "optspace":
                out.append(f"(?:{SPACE})?")  # "page ?speed": an optional blank
            elif kind == "space":
                out.append(SPACE)
            elif kind == "literal":
                # "word*" inside a pattern is a stem too, not "wor" + "d*".
                out.append(_INNER_STEM.sub(r"\\w*", fold_pattern_text(text)))
        return "".join(out)


def expand(compiler: PatternCompiler, source: str) -> str:
    return compiler.term(source)


def compile_term_list(terms: Iterable[str]) -> str:
    """A plain alternation of folded terms, bounded at word ends (for small helpers)."""
    return "(?:" + "|".join(fold_pattern_text(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)"


# --------------------------------------------------------------------------- indexing

_PREFIX_LENGTH = 5
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_PREFIXES = 400
_ZERO_WIDTH = {_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT}
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}
_POSSESSIVE = getattr(_sre_constants, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)


class _Unindexable(Exception):
    pass


def _class_chars(items: list) -> list[str] | None:
    """The characters of a small positive character class ("[oi]", "[1-9]"), or None."""
    chars: list[str] = []
    for op, av in items:
        if op is _sre_constants.LITERAL:
            chars.append(chr(av))
        elif op is _sre_constants.RANGE and av[1] - av[0] < 12:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre_constants.CATEGORY and av is _sre_constants.CATEGORY_DIGIT:
            chars.extend("0123456789")
        else:
            return None
    return chars if len(chars) <= 12 else None


#: Ends a prefix that is a whole word: what follows it is not a word character.
WORD_END = "\x00"
_WORD_CHAR = [(_sre_constants.IN, [(_sre_constants.CATEGORY, _sre_constants.CATEGORY_WORD)])]


def _ends_word(op, av) -> bool:
    r"""``[^\w...]`` (a separator) or ``(?!\w)``."""
    if op is _sre_constants.IN:
        return (_sre_constants.NEGATE, None) in av and (_sre_constants.CATEGORY, _sre_constants.CATEGORY_WORD) in av
    if op is _sre_constants.ASSERT_NOT:
        return av[0] == 1 and list(av[1]) == _WORD_CHAR
    return False


def _prefixes(items: list, k: int, word_ends: bool = False) -> list[tuple[str, bool]]:
    """Possible beginnings (up to k characters) of what the sequence `items` matches.

    Each result is (prefix, open): open means that what follows the sequence may still
    extend the prefix.  With `word_ends`, a prefix that must be followed by a non-word
    character ends in WORD_END: the text must hold exactly that word.  Raises
    _Unindexable when a beginning may be empty.
    """
    results: list[tuple[str, bool]] = [("", True)]
    for op, av in items:
        if all(not is_open or len(prefix) >= k for prefix, is_open in results):
            break
        if word_ends and _ends_word(op, av):
            options = [(WORD_END, False)]
        elif op in _ZERO_WIDTH:
            continue
        elif op is _sre_constants.LITERAL:
            options = [(chr(av), True)]
        elif op is _sre_constants.SUBPATTERN:
            options = _prefixes(list(av[-1]), k, word_ends)
        elif op is _sre_constants.BRANCH:
            options = [option for branch in av[1] for option in _prefixes(list(branch), k, word_ends)]
        elif op is _sre_constants.IN and (chars := _class_chars(av)) is not None:
            options = [(char, True) for char in chars]
        elif op in _REPEATS:
            options = [(prefix, False) for prefix, _ in _prefixes(list(av[2]), k, word_ends)]
            if av[0] == 0:  # optional: what follows may come first
                options.append(("", True))
        else:
            options = [("", False)]
        extended: list[tuple[str, bool]] = []
        for prefix, is_open in results:
            if not is_open or len(prefix) >= k:
                extended.append((prefix, False))
                continue
            for piece, piece_open in options:
                joined = prefix + piece
                extended.append((joined[:k], piece_open and len(joined) < k))
        results = list(dict.fromkeys(extended))
        if len(results) > _MAX_PREFIXES:
            raise _Unindexable
    return results


def leading_prefixes(regex: str, length: int = _PREFIX_LENGTH, *, word_ends: bool = False) -> set[str] | None:
    """The set of strings (1 to `length` characters) a match must begin with, or None.

    Longer prefixes mean fewer rules to try at a word; a rule with too many different
    beginnings of that length is indexed by shorter ones.  With `word_ends`, whole
    words end in WORD_END (see `_prefixes`).
    """
    try:
        parsed = _sre_parse.parse(regex)
        prefixes = {prefix for prefix, _ in _prefixes(list(parsed), length, word_ends)}
    except _Unindexable:
        return leading_prefixes(regex, length - 2, word_ends=word_ends) if length > 3 else None
    return None if "" in prefixes or WORD_END in prefixes else prefixes


_WORD_START = re.compile(r"\w+")
_WHOLE_WORD = re.compile(r"\w+")


class RuleSet:
    """Rules indexed by how they can begin; `scan` finds every hit in a text."""

    def __init__(self, rules: Iterable[Rule], barrier_words: Iterable[str] = ()) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        words = sorted({fold_pattern_text(w) for w in barrier_words}, key=len, reverse=True)
        self._barrier = (
            re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])") if words else None
        )
        self._index: tuple[dict[str, list[Rule]], ...] = tuple({} for _ in range(_PREFIX_LENGTH + 1))
        #: rules tried only where the text holds one of their first words exactly
        self._words: dict[str, list[Rule]] = {}
        self._unindexed: list[Rule] = []
        for rule in self.rules:
            prefixes = rule.prefixes if rule.prefixes is not None else leading_prefixes(rule.regex.pattern)
            if prefixes and min(map(len, prefixes)) < 3:
                # A short beginning ("a", "no") is usually a whole word ("a la place de",
                # "no funciona"): tried at every word starting with "a", the rule would
                # fail almost everywhere.  The full pattern tells which beginnings are words.
                prefixes = leading_prefixes(rule.regex.pattern, word_ends=True) or prefixes
            if not prefixes:
                self._unindexed.append(rule)
                continue
            for prefix in prefixes:
                if prefix.endswith(WORD_END):
                    prefix = prefix[:-1]
                    if _WHOLE_WORD.fullmatch(prefix):  # what the scan's \w+ finds at a word start
                        bucket = self._words.setdefault(prefix, [])
                        if rule not in bucket:
                            bucket.append(rule)
                        continue
                bucket = self._index[len(prefix)].setdefault(prefix, [])
                if rule not in bucket:
                    bucket.append(rule)
        self._by_length = tuple((n, self._index[n]) for n in range(_PREFIX_LENGTH, 0, -1) if self._index[n])

    @property
    def unindexed(self) -> tuple[Rule, ...]:
        return tuple(self._unindexed)

    def scan(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        append = hits.append
        by_length, words = self._by_length, self._words
        for word in _WORD_START.finditer(text):
            position = word.start()
            buckets = [bucket for length, index in by_length
                       if (bucket := index.get(text[position : position + length])) is not None]
            whole_word = words.get(word.group())
            if whole_word is not None:  # after the others, where their short beginnings used to be
                tried = {id(rule) for bucket in buckets for rule in bucket}
                buckets.append([rule for rule in whole_word if id(rule) not in tried])
            for bucket in buckets:
                for rule in bucket:
                    match = rule.regex.match(text, position)
                    if match is not None and self.gaps_are_clean(match):
                        append(Hit(rule, position, match.end()))
        for rule in self._unindexed:
            for match in rule.regex.finditer(text):
                if self.gaps_are_clean(match):
                    append(Hit(rule, match.start(), match.end()))
        return hits

    def gaps_are_clean(self, match: re.Match[str]) -> bool:
        """No negation and no "but" among the words a ~N gap skipped."""
        if match.lastindex is None or self._barrier is None:
            return True
        barrier = self._barrier.search
        return not any(gap and barrier(gap) for gap in match.groups())
