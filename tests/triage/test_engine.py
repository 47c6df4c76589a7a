"""The rule index: rules are tried only where they can match, and no hit is lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

from triagedesk.triage.rules import RULES
from triagedesk.triage.rules.engine import WORD_END, RuleSet, _WORD_START, leading_prefixes
from triagedesk.triage.rules.text import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"


def test_leading_prefixes_up_to_five_characters_and_whole_words():
    assert leading_prefixes(r"(?:sito|site)\w*") == {"sito", "site"}
    assert leading_prefixes(r"serveur\w*") == {"serve"}
    assert leading_prefixes(r"(?:non|n)[^\w.!?;\n]+va(?!\w)") == {"non", "n"}
    assert leading_prefixes(r"(?:non|n)[^\w.!?;\n]+va(?!\w)", word_ends=True) == {"non" + WORD_END, "n" + WORD_END}
    assert leading_prefixes(r"dns(?!\w)", word_ends=True) == {"dns" + WORD_END}
    assert leading_prefixes(r"(?:a )?fail") == {"a ", "fail"}
    assert leading_prefixes(r"\w+ down") is None  # may begin with any word: scanned in full


def test_a_rule_beginning_with_a_short_word_is_tried_only_at_that_word():
    from triagedesk.triage.rules.engine import Rule

    rule = Rule("outage", 1.0, "it", "(no|non) va", re.compile(r"(?:non|no)[^\w.!?;\n]+va(?!\w)"), frozenset({"no"}))
    rules = RuleSet([rule])
    assert rules._words == {"non": [rule], "no": [rule]} and not any(rules._index)
    text = "nothing at all, notes; il sito non va, no va"
    assert [(h.start, h.end) for h in rules.scan(text)] == [(text.index("non va"), text.index("non va") + 6),
                                                           (text.index("no va"), text.index("no va") + 5)]


def test_the_index_finds_every_hit_trying_each_rule_at_each_word_would():
    rows = [json.loads(line) for line in (DATA / "dev8.jsonl").read_text(encoding="utf-8").splitlines()[:25]]
    for row in rows:
        text = fold(row["subject"] + "\n" + row["body"]).text
        found = {(h.rule.source, h.rule.target, h.start, h.end) for h in RULES.scan(text)}
        brute = set()
        for word in _WORD_START.finditer(text):
            for rule in RULES.rules:
                match = rule.regex.match(text, word.start())
                if match is not None and RULES.gaps_are_clean(match):
                    brute.add((rule.source, rule.target, match.start(), match.end()))
        unindexed = {(h[0], h[1]) for h in found} & {(r.source, r.target) for r in RULES.unindexed}
        assert {h for h in found if (h[0], h[1]) not in unindexed} == \
               {h for h in brute if (h[0], h[1]) not in unindexed}, row["id"]
