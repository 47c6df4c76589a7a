"""Triage classifier: a ticket's text (and optional structured hints) -> a triage code.

Pure and Django-free.  How a decision is made:

1. The input is coerced to text, control characters are blanked, the body is cut to its
   first 20,000 characters.  The body is split into the customer's fresh text, the quoted
   history ("> ...", "On ... wrote:", forwarded headers) and the signature/disclaimer.
2. Every language's rules are matched on the folded text (lower case, no accents, repeated
   letters collapsed), whatever the detected language: customers mix languages.  A hit
   counts more in the subject (x1.5) than in the body (x1), little in quoted history
   (x0.3) and not at all in signatures.  A hit governed by a negation ("il sito NON è
   down", "n'est pas en panne", "НЕ лежит") does not count, and a negated outage tells
   that the site works.  A RED hit that is only a hypothesis ("what happens if the site
   goes down?") counts x0.3; "lost" next to a password is no data loss.
3. Context cues reweigh the candidates: "the site works" (or "is back up") lowers
   outages; "not urgent" lowers the RED hits of its own paragraph; a lost password goes
   to the service it names; a case that explains another's words suppresses it
   (`rules.SUPPRESSES`: a restore aimed at staging is not a live restore, moving from
   Joomla to WordPress is a CMS migration, not a hosting one).
4. Each candidate whose score reaches APPLICABLE is applicable.  Sensitivity first: the
   most urgent applicable code wins, and the reasons say which less urgent candidates it
   outranked ("mixed requests: the most urgent applicable code wins").
5. Nothing applicable: the text still talks about hosting (site, server, email, DNS...),
   so a person must screen it -> YELLOW with low confidence; no hosting vocabulary at all
   (invoices for a printer, Excel macros) -> WHITE.  An empty request is YELLOW too: it
   may be an attachment-only mail (a screenshot of an error), so someone must look at it
   within the day.
6. Hints from the portal's guided questions or from monitoring outweigh the text.
7. Statistical backstop (`model`): when neither the rules nor the hints made the ticket
   RED, a logistic regression trained on the labelled tickets reads the same folded
   text; at or over `model.THRESHOLD` the ticket becomes RED with a low confidence
   (sensitivity first), keeping the rules' case and reasons.  It never makes a RED
   less urgent and never overrides a decision of the hints.

Everything that fired is listed in `reasons`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import model as statistical
from .catalog_data import CATALOG_BY_SLUG
from .codes import Code
from .rules import (
    HOSTING_WORDS,
    MULTILINGUAL,
    NEGATION_BEFORE,
    PASSWORD_NEARBY,
    RULES,
    SITUATIONS,
    SUPPRESSES,
    hypothetical_before,
    language_of,
    target_code,
)
from .rules.engine import Hit
from .rules.text import (
    FORWARDED,
    FRESH,
    MAX_BODY,
    Folded,
    MAX_SUBJECT,
    QUOTED,
    REPLY_SUBJECT,
    SIGNATURE,
    SUBJECT,
    SUPPORTED_LANGUAGES,
    clean,
    coerce,
    fold,
    letter_ratio,
    split_zones,
)
from .rules.text import detect_language as _detect_language

__all__ = ["Classification", "Hints", "classify", "detect_language"]

#: How much a hit counts in each part of a message.
ZONE_WEIGHTS = {SUBJECT: 1.5, REPLY_SUBJECT: 0.6, FRESH: 1.0, FORWARDED: 0.9, QUOTED: 0.3, SIGNATURE: 0.0}
#: A candidate with at least this score is "applicable".
APPLICABLE = 2.0
#: With nothing applicable, a RED candidate at least this strong still makes the ticket RED
#: (low confidence): when in doubt between two codes, the more urgent one.
WEAK_RED = 1.4
#: Outages that "the site works" contradicts, and how much they keep.
OUTAGES = frozenset({"site_down", "repeated_5xx", "network_outage", "vague_urgent"})
SITE_OK_FACTOR = 0.3
NOT_URGENT_FACTOR = 0.8
SUPPRESSED_FACTOR = 0.3
HYPOTHETICAL_FACTOR = 0.3
#: Hits of a case after the first count less and less (w1 + w2/2 + w3/4 ...), and only
#: the first few count at all.
DECAY = 0.5
MAX_HITS_PER_CASE = 8
#: The confidence of a RED that only the statistical backstop saw.
MODEL_RED_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Hints:
    """Structured hints from the portal's guided questions or from monitoring alerts.

    They outweigh the free text.  `alert_severity`: "critical", "disaster", "high" ->
    RED; "warning", "average" -> YELLOW; "info"/"information"/"not classified" -> at most
    GREEN; "resolved"/"ok"/"recovery" -> no escalation.  `case`: a catalogue slug the
    customer picked in the portal.
    """

    site_online: bool | None = None
    email_working: bool | None = None
    losing_sales: bool | None = None
    alert_severity: str | None = None
    case: str | None = None

    @classmethod
    def from_mapping(cls, data: Any) -> Hints | None:
        """Hints from a JSON-like mapping; unknown keys are ignored, junk values dropped."""
        if isinstance(data, Hints) or data is None:
            return data
        if not isinstance(data, dict):
            return None

        def flag(value: Any) -> bool | None:
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in {"yes", "true", "1", "si", "sì", "oui", "да"}:
                return True
            if isinstance(value, str) and value.strip().lower() in {"no", "false", "0", "non", "нет"}:
                return False
            return None

        def text(value: Any) -> str | None:
            return value.strip() if isinstance(value, str) and value.strip() else None

        return cls(
            site_online=flag(data.get("site_online")),
            email_working=flag(data.get("email_working")),
            losing_sales=flag(data.get("losing_sales")),
            alert_severity=text(data.get("alert_severity")),
            case=text(data.get("case")),
        )


@dataclass(frozen=True)
class Classification:
    code: Code
    case: str | None
    confidence: float
    reasons: tuple[str, ...]
    language: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "case": self.case,
            "confidence": round(self.confidence, 3),
            "reasons": list(self.reasons),
            "language": self.language,
        }


def detect_language(text: str) -> str:
    """it / en / fr / ru / de / es, or "und" when there is nothing to go on."""
    try:
        return _detect_language(coerce(text))
    except Exception:  # pragma: no cover - detection must never break triage
        return "und"


def classify(
    subject: str,
    body: str,
    language: str | None = None,
    hints: Hints | None = None,
) -> Classification:
    """The triage code of a request, with the catalogue case and the reasons.

    Never raises: whatever comes in (None, bytes, binary garbage, megabytes of text)
    gets a code and a reason.
    """
    try:
        return _Triage(subject, body, language, hints).run()
    except Exception as exc:  # pragma: no cover - a last resort, the tests keep it unused
        return Classification(
            Code.YELLOW, None, 0.05,
            (f"internal error while classifying ({type(exc).__name__}): screening needed",), "und",
        )


# --------------------------------------------------------------------------- internals

_DATA_LOSS = frozenset({"file_loss", "db_loss"})
#: A hit that is itself a negative phrase ("non si vede", "не открывается", "nothing loads").
_STARTS_NEGATIVE = re.compile(r"(?:non|not|no|nothing|ne|n'|не|ни|nicht|kein\w*|nada|ningun\w*)\b")
#: Targets that say an outage is over; a "when" before them makes them a promise.
_RECOVERY = frozenset({"@site_ok", "monitor_flapping"})
#: "help us get back online", "per tornare online": a wish, not a recovery.
_WISH_BEFORE = re.compile(
    r"(?:^|\W)(?:get|gets|getting|bring|bringing|be|come|make|help(?: us)?|need(?: to)?|want(?: to)?|hope|hoping|per|"
    r"pour|para|um|чтобы|farlo|fatelo|remettre|rimettere|rimettetelo)(?:\W+(?:it|the|our|my|site|shop|website|sito|"
    r"negozio|le|la|il|lo|site|boutique|сайт|die|den|seite|el|sitio|web|tienda)){0,3}\W*$"
)
#: "works, and then it doesn't": an intermittent service is not a working one.
_NOW_AND_THEN_AFTER = re.compile(
    r"\W{0,3}(?:(?:а |и )?то нет|то не\w*|(?:e )?poi no|a volte no|o no|or not|(?:and )?then (?:it )?(?:doesn'?t|does not|not)"
    r"|ou pas|puis (?:plus|non)|oder nicht|dann (?:wieder )?nicht|y luego no|a veces no)\b"
)
_WHEN_BEFORE = re.compile(
    r"(?:^|\W)(?:when|once|as soon as|until|quando|appena|finche|des que|lorsque|quand|jusqu'a ce que|когда|"
    r"как только|пока не|wenn|sobald|bis|cuando|en cuanto|hasta que)(?:\W+\w+){0,3}\W*$"
)

#: A duration in seconds as customers write it: "25 s", "20-25 secondi", "27,4 s", "15 сек".
_SECONDS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)(?:\s*(?:-|–|a|to|à|до|bis|y)\s*(\d{1,3}(?:[.,]\d+)?))?\s*"
    r"(?:s|sec|secs|seconds?|secondi|secondo|secondes?|sekunden|sek|segundos?|секунд\w*|сек)(?!\w)",
    re.IGNORECASE,
)
#: The seeds' threshold: a site taking more than 10 seconds to load is RED.
RED_LOAD_SECONDS = 10.0


_MINUTES = re.compile(
    r"(?<![\d.,])(\d{1,2}|une|a|one|una|un|eine[rn]?|одну|по)\s*(?:minut\w*|минут\w*)", re.IGNORECASE
)


def longest_seconds(text: str) -> float:
    """The longest duration in seconds named in `text` (0 when none): "25 s", "a minute"."""
    longest = 0.0
    for match in _MINUTES.finditer(text):
        count = match.group(1)
        longest = max(longest, 60.0 * (int(count) if count.isdigit() else 1))
    for match in _SECONDS.finditer(text):
        for group in match.groups():
            if group:
                longest = max(longest, float(group.replace(",", ".")))
    return longest
_PASSWORDS = ("mysql_password", "ftp_password", "email_password", "cms_password")

_ALERT_RED = {"critical", "disaster", "high", "emergency", "alert", "fatal", "page", "p1", "sev1"}
_ALERT_YELLOW = {"warning", "average", "warn", "minor", "major", "p2", "p3", "sev2", "sev3"}
_ALERT_GREEN = {"info", "information", "informational", "not classified", "notice", "low", "p4", "p5"}
_ALERT_RESOLVED = {"resolved", "ok", "recovery", "recovered", "up", "normal", "cleared"}


@dataclass
class _Scored:
    target: str
    score: float
    hits: list[tuple[float, Hit, str]]  # (effective weight, hit, snippet)


class _Triage:
    def __init__(self, subject: Any, body: Any, language: Any, hints: Any) -> None:
        self.raw_subject = coerce(subject)
        self.raw_body = coerce(body)
        self.language_given = language if isinstance(language, str) and language.strip() else None
        self.hints = Hints.from_mapping(hints) if not isinstance(hints, Hints) else hints
        self.reasons: list[str] = []
        self.language = "und"
        #: candidates that the text or a hint contradicted ("the site works"): never RED on weak evidence
        self.discounted: set[str] = set()
        #: the hints decided the code: the statistical backstop stays out of it
        self.hints_decided = False
        #: the rules explained urgent words away (a hypothesis, a calmer case that accounts
        #: for them): a bag of words cannot overrule that reading, the backstop stays out
        self.red_explained = False
        #: (zone kind, folded text) of the message, for the statistical backstop
        self.folded_zones: list[tuple[str, str]] = []

    # ------------------------------------------------------------------ pipeline
    def run(self) -> Classification:
        subject_clean = clean(self.raw_subject, MAX_SUBJECT)
        body_clean = clean(self.raw_body, MAX_BODY)
        if body_clean.truncated_from:
            self.reasons.append(
                f"long text: analysed only the first {MAX_BODY:,} of {body_clean.truncated_from:,} "
                "characters of the body"
            )
        if subject_clean.truncated_from:
            self.reasons.append(f"long subject: analysed only its first {MAX_SUBJECT:,} characters")
        control = subject_clean.control_chars + body_clean.control_chars
        if control:
            self.reasons.append(f"ignored {control} control characters (binary or garbled content?)")
        subject, body = subject_clean.text, body_clean.text
        text = (subject + "\n" + body).strip()
        language = self.language = self._language(subject, body)

        if not text:
            return self._decide_without_text(language, "empty request")
        if len(text) > 40 and letter_ratio(text) < 0.3:
            self.reasons.append("mostly symbols or binary data, little readable text")

        scores, cues = self._score(subject, body)
        return self._backstop(self._decide(scores, cues, language))

    def _language(self, subject: str, body: str) -> str:
        if self.language_given:
            primary = self.language_given.strip().replace("_", "-").split("-")[0].lower()
            return primary if primary in SUPPORTED_LANGUAGES else "und"
        return _detect_language(subject + "\n" + body[:3000])

    # ------------------------------------------------------------------ scoring
    def _score(self, subject: str, body: str) -> tuple[dict[str, _Scored], dict[str, float]]:
        per_target: dict[str, list[tuple[float, Hit, Folded]]] = {}
        negated: list[str] = []
        calmed: list[str] = []
        hypotheses: list[str] = []
        subject_not_urgent = False
        hypothesis = hypothetical_before(self.language)
        for zone in split_zones(subject, body):
            factor = ZONE_WEIGHTS[zone.kind]
            if factor <= 0 or not zone.text.strip():
                continue
            folded = fold(zone.text)
            self.folded_zones.append((zone.kind, folded.text))
            kept: list[Hit] = []
            hypothetical: set[tuple[int, int, str]] = set()
            hits = self._keep_longest(RULES.scan(folded.text), len(folded.text))
            # Words inside a problem phrase ("non carica", "не работает") negate nothing
            # else: "il sito non carica e non si apre" is not "not (si apre)".
            in_phrase = bytearray(len(folded.text) + 1)
            for hit in hits:
                if not hit.rule.target.startswith("@"):
                    in_phrase[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            for hit in hits:
                target = hit.rule.target
                if self._negated(folded.text, hit, in_phrase):
                    if not target.startswith("@"):
                        negated.append(
                            f'negated: "{folded.snippet(self._clause_start(folded.text, hit.start), hit.end)}"'
                            f" ({target} ignored)"
                        )
                        if target == "site_down":  # "il sito NON è down": it works
                            per_target.setdefault("@site_ok", []).append((1.0, hit, folded))
                    continue
                if target_code(target) is Code.RED and hypothesis.search(
                    folded.text, max(0, hit.start - 60), hit.start
                ):
                    hypotheses.append(
                        f'hypothetical: "{folded.snippet(self._clause_start(folded.text, hit.start), hit.end)}"'
                        f" ({target} x{HYPOTHETICAL_FACTOR:g})"
                    )
                    hypothetical.add((hit.start, hit.end, target))
                    self.red_explained = True
                if target in _DATA_LOSS and PASSWORD_NEARBY.search(folded.text, max(0, hit.start - 30), hit.end + 30):
                    continue  # "abbiamo perso la password FTP" loses access, not data
                if target in _RECOVERY and (
                    _WHEN_BEFORE.search(folded.text, max(0, hit.start - 40), hit.start)
                    or _WISH_BEFORE.search(folded.text, max(0, hit.start - 25), hit.start)
                    or _NOW_AND_THEN_AFTER.match(folded.text, hit.end)
                ):
                    continue  # "we will alert you when it is back up", "it opens, then it doesn't"
                kept.append(hit)
            # "It works!" on Apache's default page is no sign that the site works: a cue inside
            # the words of an emergency does not count.
            red_spans = [(h.start, h.end) for h in kept
                         if not h.rule.target.startswith("@") and target_code(h.rule.target) is Code.RED]
            if red_spans:
                kept = [h for h in kept if h.rule.target != "@site_ok"
                        or not any(a < h.end and h.start < b for a, b in red_spans)]
            # "Not urgent" calms the RED hits of its own paragraph (of the whole mail when
            # it is in the subject): a "no rush" about a subdomain in paragraph 2 does not
            # excuse the outage in paragraph 3.
            calm = [hit for hit in kept if hit.rule.target == "@not_urgent"]
            if calm and zone.kind in (SUBJECT, REPLY_SUBJECT):
                subject_not_urgent = True
            calm_paragraphs = {self._paragraph(folded.text, hit.start) for hit in calm}
            for hit in kept:
                target = hit.rule.target
                weight = hit.rule.weight * factor
                if target_code(target) is Code.RED and (
                    subject_not_urgent or self._paragraph(folded.text, hit.start) in calm_paragraphs
                ):
                    weight *= NOT_URGENT_FACTOR
                    calmed.append(target)
                if (hit.start, hit.end, target) in hypothetical:
                    weight *= HYPOTHETICAL_FACTOR
                per_target.setdefault(target, []).append((weight, hit, folded))
        self.reasons.extend(dict.fromkeys(hypotheses))
        if calmed:
            calmed_cases = ", ".join(dict.fromkeys(calmed))
            self.reasons.append(f'the customer says "not urgent": {calmed_cases} x{NOT_URGENT_FACTOR:g}')
        self.reasons.extend(dict.fromkeys(negated))

        scores: dict[str, _Scored] = {}
        cues: dict[str, float] = {}
        for target, entries in per_target.items():
            entries.sort(key=lambda entry: -entry[0])
            total = 0.0
            counted: list[tuple[float, Hit, str]] = []
            seen: set[str] = set()
            for weight, hit, folded in entries:
                key = folded.text[hit.start : hit.end]
                if key in seen:  # the same words again (subject repeated in body)
                    continue
                seen.add(key)
                total += weight * (DECAY ** len(counted))
                counted.append((weight, hit, folded.snippet(hit.start, hit.end)))
                if len(counted) == MAX_HITS_PER_CASE:
                    break
            if target.startswith("@"):
                cues[target] = total
            else:
                scores[target] = _Scored(target, total, counted)
        return scores, cues

    @staticmethod
    def _keep_longest(hits: list[Hit], length: int) -> list[Hit]:
        """Of the hits of one target that overlap, keep the heaviest (then the longest)."""
        by_target: dict[str, list[Hit]] = {}
        for hit in hits:
            by_target.setdefault(hit.rule.target, []).append(hit)
        kept: list[Hit] = []
        for target_hits in by_target.values():
            target_hits.sort(key=lambda h: (-h.rule.weight, -(h.end - h.start), h.start))
            taken = bytearray(length + 1)
            for hit in target_hits:
                if taken.find(1, hit.start, hit.end) == -1:
                    taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
                    kept.append(hit)
        kept.sort(key=lambda h: h.start)
        return kept

    @staticmethod
    def _paragraph(text: str, position: int) -> int:
        return text.count("\n\n", 0, position)

    @staticmethod
    def _negated(text: str, hit: Hit, in_phrase: bytearray) -> bool:
        if _STARTS_NEGATIVE.match(text, hit.start):
            return False  # "… non supportata e non si vede nulla": a negative phrase is not negated again
        found = NEGATION_BEFORE.search(text, max(0, hit.start - 60), hit.start)
        return found is not None and not in_phrase[found.start(1)]

    @staticmethod
    def _clause_start(text: str, start: int) -> int:
        window_start = max(0, start - 40)
        cut = max(text.rfind(mark, window_start, start) for mark in ".!?;:,\n")
        position = cut + 1 if cut >= 0 else window_start
        if cut < 0 and position > 0 and text[position - 1].isalnum():
            while position < start and text[position].isalnum():
                position += 1  # do not start in the middle of a word
        while position < start and not text[position].isalnum():
            position += 1
        return position

    # ------------------------------------------------------------------ decision
    def _decide(self, scores: dict[str, _Scored], cues: dict[str, float], language: str) -> Classification:
        self._apply_context(scores, cues)
        hint_result = self._apply_hints(scores)
        if hint_result is not None:
            return self._finish(*hint_result, language)

        applicable = [s for s in scores.values() if s.score >= APPLICABLE]
        if not applicable:
            weak = max(scores.values(), key=lambda s: s.score, default=None)
            if weak is not None and weak.score >= 1.0 and target_code(weak.target) is not Code.RED:
                self._explain(weak)
                self.reasons.append(f"weak evidence only (score {weak.score:.1f})")
                return self._finish(target_code(weak.target), weak.target, 0.35, language)
            if weak is not None and weak.score >= WEAK_RED and weak.target not in self.discounted:
                # Sensitivity first: a hint of an outage is treated as one, with a low
                # confidence, rather than left for a day in the YELLOW queue.
                self._explain(weak)
                self.reasons.append(
                    f"weak evidence of {weak.target} (score {weak.score:.1f}): when in doubt, the more urgent code"
                )
                return self._finish(Code.RED, weak.target, 0.3, language)
            if weak is not None and weak.score >= 1.0:
                self._explain(weak)
                self.reasons.append(f"very weak evidence of {weak.target} (score {weak.score:.1f}): screening needed")
                return self._finish(Code.YELLOW, None, 0.25, language)
            return self._decide_without_text(language, None, hosting=self._talks_about_hosting())

        by_code: dict[Code, _Scored] = {}
        for scored in sorted(applicable, key=lambda s: -s.score):
            by_code.setdefault(target_code(scored.target), scored)
        chosen_code = min(by_code, key=lambda code: code.severity)
        chosen = by_code[chosen_code]
        self._explain(chosen)
        others = [by_code[code] for code in sorted(by_code, key=lambda c: c.severity) if code is not chosen_code]
        confidence = chosen.score / (chosen.score + 1.5)
        if others:
            strongest_other = max(others, key=lambda s: s.score)
            names = ", ".join(f"{target_code(o.target).name} ({o.target}, {o.score:.1f})" for o in others)
            if strongest_other.score >= chosen.score * 0.8:
                self.reasons.append(
                    f"tie between {chosen_code.name} and {target_code(strongest_other.target).name}: "
                    f"chose the more urgent (also {names})"
                )
            else:
                self.reasons.append(f"also {names}: the most urgent applicable code wins")
            confidence *= min(1.0, 0.6 + 0.4 * (chosen.score - strongest_other.score * 0.5) / chosen.score)
        return self._finish(chosen_code, chosen.target, confidence, language)

    def _apply_context(self, scores: dict[str, _Scored], cues: dict[str, float]) -> None:
        def scale(targets: list[str], factor: float, why: str) -> None:
            touched = [t for t in targets if t in scores and scores[t].score > 0]
            for target in touched:
                scores[target].score *= factor
                self.discounted.add(target)
            if touched:
                self.reasons.append(f"{why}: {', '.join(touched)} x{factor:g}")

        if cues.get("@site_ok", 0.0) >= 1.0:
            scale(sorted(OUTAGES), SITE_OK_FACTOR, "the text says the site works")
        for winner, losers in SUPPRESSES.items():
            if winner in scores and scores[winner].score >= APPLICABLE:
                # Sensitivity first: a calmer case explains an emergency's words only when it is
                # at least as strong as the emergency ("down/up again" vs "down for an hour").
                strength = scores[winner].score
                explained = [
                    loser for loser in losers
                    if not (target_code(loser) is Code.RED and target_code(winner) is not Code.RED
                            and loser in scores and scores[loser].score > strength)
                ]
                if any(target_code(loser) is Code.RED and loser in scores and scores[loser].score > 0
                       for loser in explained):
                    self.red_explained = True
                scale(explained, SUPPRESSED_FACTOR, f"{winner} explains the words of")
        if cues.get("@password_lost", 0.0) > 0:
            # A lost password of which service?  The one named; WordPress/CMS when none is.
            named = [scores[t] for t in _PASSWORDS if t in scores and scores[t].score > 0]
            target = max(named, key=lambda s: s.score).target if named else "cms_password"
            bonus = cues["@password_lost"]
            scored = scores.setdefault(target, _Scored(target, 0.0, []))
            scored.score += bonus
            self.reasons.append(f"the customer lost a password: {target} +{bonus:.1f}")
        slow = scores.get("slow_site")
        seconds = 0.0
        if slow is not None and slow.score > 0:
            seconds = longest_seconds(self.raw_subject[:MAX_SUBJECT] + "\n" + self.raw_body[:MAX_BODY])
        if slow is not None and seconds >= RED_LOAD_SECONDS:
            # A measured load time over the seeds' threshold decides, whatever tool measured
            # it (a PageSpeed or GTmetrix figure does not make it an optimisation request).
            slow.score = max(slow.score, APPLICABLE + 1.0)
            self.discounted.discard("slow_site")
            self.reasons.append(f"a load time of {seconds:g} s is over {RED_LOAD_SECONDS:g} s: slow_site is RED")
        elif cues.get("@short_load", 0.0) > 0 and slow is not None:
            measured = any(
                "{load_seconds}" in hit.rule.source or "{very_slow}" in hit.rule.source for _, hit, _ in slow.hits
            )
            if not measured:
                scale(["slow_site"], SITE_OK_FACTOR, "the load time given is under 10 seconds")
        if cues.get("@money", 0.0) > 0:
            reds = [s for s in scores.values() if target_code(s.target) is Code.RED and s.score > 0]
            if reds:
                best = max(reds, key=lambda s: s.score)
                best.score += 1.0
                self.reasons.append(f"the customer is losing money now: {best.target} +1")
            else:
                scores["vague_urgent"] = _Scored("vague_urgent", APPLICABLE, [])
                self.reasons.append("the customer is losing money now -> RED by definition")
        if cues.get("@customer_fault", 0.0) > 0:
            if any(
                s.target in CATALOG_BY_SLUG and CATALOG_BY_SLUG[s.target].surcharge and s.score >= APPLICABLE
                for s in scores.values()
            ):
                self.reasons.append(
                    "the customer may have caused it: a 20-50 EUR surcharge may apply (quote to accept)"
                )

    def _apply_hints(self, scores: dict[str, _Scored]) -> tuple[Code, str | None, float] | None:
        hints = self.hints
        if hints is None:
            return None

        def best_of(code: Code) -> _Scored | None:
            candidates = [s for s in scores.values() if target_code(s.target) is code]
            return max(candidates, key=lambda s: s.score, default=None)

        forced: list[tuple[Code, str | None, str]] = []
        if hints.site_online is False:
            forced.append((Code.RED, "site_down", "hint: site_online = no -> RED"))
        if hints.email_working is False:
            forced.append((Code.RED, "email_not_working", "hint: email_working = no -> RED"))
        if hints.losing_sales is True:
            red = best_of(Code.RED)
            forced.append((Code.RED, red.target if red else None, "hint: losing_sales = yes -> RED"))
        if hints.site_online is True:
            for target in OUTAGES:
                if target in scores:
                    scores[target].score *= SITE_OK_FACTOR
                    self.discounted.add(target)
            self.reasons.append("hint: site_online = yes -> outages discounted")
        if hints.email_working is True and "email_not_working" in scores:
            scores["email_not_working"].score *= SITE_OK_FACTOR
            self.discounted.add("email_not_working")
            self.reasons.append("hint: email_working = yes -> email outage discounted")

        severity = (hints.alert_severity or "").strip().lower()
        if severity:
            if severity in _ALERT_RED:
                red = best_of(Code.RED)
                forced.append((Code.RED, red.target if red else None, f"hint: alert severity {severity} -> RED"))
            elif severity in _ALERT_YELLOW:
                yellow = best_of(Code.YELLOW)
                forced.append(
                    (Code.YELLOW, yellow.target if yellow else None, f"hint: alert severity {severity} -> YELLOW")
                )
            elif severity in _ALERT_GREEN or severity in _ALERT_RESOLVED:
                label = "resolved" if severity in _ALERT_RESOLVED else severity
                for scored in scores.values():
                    if target_code(scored.target) in (Code.RED, Code.YELLOW):
                        scored.score = 0.0
                green = best_of(Code.GREEN)
                forced.append(
                    (Code.GREEN, green.target if green and green.score >= 1 else None,
                     f"hint: alert {label} -> no escalation (GREEN)")
                )
            else:
                self.reasons.append(f"hint: unknown alert severity {hints.alert_severity!r} ignored")

        picked = (hints.case or "").strip()
        if picked:
            spec = CATALOG_BY_SLUG.get(picked)
            if spec is None:
                self.reasons.append(f"hint: unknown case {picked!r} ignored")
            else:
                urgent = [
                    s for s in scores.values()
                    if s.score >= APPLICABLE and target_code(s.target).severity < spec.code.severity
                ]
                if urgent and not forced:
                    self.hints_decided = True
                    top = max(urgent, key=lambda s: (-target_code(s.target).severity, s.score))
                    self._explain(top)
                    self.reasons.append(
                        f"hint: customer picked {picked} ({spec.code.name}) but the text says "
                        f"{top.target} ({target_code(top.target).name}): chose the more urgent"
                    )
                    return target_code(top.target), top.target, 0.7
                forced.append((spec.code, picked, f"hint: customer picked {picked} -> {spec.code.name}"))

        if not forced:
            return None
        self.hints_decided = True
        code = Code.most_urgent(code for code, _, _ in forced)
        case = next((case for c, case, _ in forced if c is code and case), None)
        for _, _, why in forced:
            self.reasons.append(why)
        if case in scores:
            self._explain(scores[case])
        return code, case, 0.9

    def _backstop(self, result: Classification) -> Classification:
        """RED when the statistical model is confident enough and neither rules nor hints said RED.

        Sensitivity first: the rules miss emergencies phrased in ways nobody anticipated,
        and those fall to YELLOW.  The rules' case and reasons are kept; a RED is never
        touched, nor a code the hints decided, nor a text whose urgent words the rules
        explained away (a hypothesis, a restore onto staging): a bag of words cannot
        tell "what if the site goes down?" from "the site is down".  A missing or
        broken model file only switches the backstop off.
        """
        if result.code is Code.RED or self.hints_decided or self.red_explained:
            return result
        try:
            red_model, threshold = statistical.active()
            if red_model is None:
                return result
            # The zones _score folded: the same features as red_probability(subject, body).
            probability = red_model.probability_of(statistical.zone_features(self.folded_zones))
        except Exception:  # a broken model: the rules' answer stands
            return result
        if probability < threshold:
            return result
        reason = (
            f"the statistical model reads this as urgent (p={probability:.2f}): when in doubt, the more urgent code"
        )
        return Classification(
            Code.RED, result.case, MODEL_RED_CONFIDENCE, tuple(dict.fromkeys((*result.reasons, reason))),
            result.language,
        )

    def _talks_about_hosting(self) -> bool:
        text = fold(self.raw_subject[:MAX_SUBJECT] + "\n" + self.raw_body[:MAX_BODY]).text
        return HOSTING_WORDS.search(text) is not None

    def _decide_without_text(self, language: str, why: str | None, hosting: bool = True) -> Classification:
        if why:
            self.reasons.append(why)
        hint_result = self._apply_hints({})
        if hint_result is not None:
            return self._finish(*hint_result, language)
        if why == "empty request":
            self.reasons.append("nothing to read: a person must screen it (YELLOW)")
            return self._finish(Code.YELLOW, None, 0.1, language)
        if hosting:
            self.reasons.append("no rule matched but the text is about hosting: screening needed (YELLOW)")
            return self._finish(Code.YELLOW, None, 0.2, language)
        self.reasons.append("no rule matched and no hosting vocabulary: outside hosting (WHITE)")
        return self._finish(Code.WHITE, None, 0.3, language)

    def _explain(self, scored: _Scored) -> None:
        code = target_code(scored.target)
        where = "" if scored.target in CATALOG_BY_SLUG else ", from the code definitions"
        for weight, hit, snippet in scored.hits[:4]:
            language = hit.rule.language
            if language == MULTILINGUAL:
                language = language_of(snippet, self.language)
            self.reasons.append(f'matched "{snippet}" ({language}) -> {scored.target} ({code.name}{where})')

    def _finish(self, code: Code | None, target: str | None, confidence: float, language: str) -> Classification:
        code = code or Code.YELLOW
        case = target if target in CATALOG_BY_SLUG else None
        if target in SITUATIONS and not any(target in r for r in self.reasons):
            self.reasons.append(f"situation: {target} ({code.name}, from the code definitions)")
        confidence = max(0.05, min(0.99, confidence))
        return Classification(code, case, round(confidence, 3), tuple(dict.fromkeys(self.reasons)), language)
