"""Statistical RED backstop: a small logistic regression, RED vs not RED.

Pure Python and Django-free, no third-party library at run time.  The rules in
`rules/` know the phrasings someone anticipated; customers find others ("the agenda
for tomorrow is empty and the phones ring").  The model reads the same folded text
and gives the probability that a ticket is RED; `classify` uses it only as a
backstop (sensitivity first: when in doubt, the more urgent code):

1. Features are binary and come from the folded text (`rules.text.fold`) of the
   subject and of the customer's own words (the fresh text and a forwarded report);
   quoted history and signatures are left out, as they are by the rules.  Each word
   ("w:sito"), each pair of neighbouring words ("b:non carica"), each word of the
   subject again ("s:down"), and the 4-letter pieces of each word with a blank on
   either side ("c: gon", "c:gone") for inflections, typos and languages we have
   few examples of.  A text's score is the sum of its features' weights divided by
   the square root of the number of its features, plus the bias.
2. The weights are fitted by `train` (stochastic gradient descent with L2
   regularisation, a fixed seed and a fixed order of files, so the same data gives
   the same model) on the labelled files in TRAINING_FILES, features seen in fewer
   than MIN_DF tickets are left out, weights under PRUNE are dropped and the rest
   rounded, and the model is written to `red_model.json` beside this module.
3. `red_probability(subject, body)` loads that file once, lazily, and never raises
   on odd input (None, bytes, binary garbage, megabytes of text).

THRESHOLD was chosen by leave-one-split-out cross-validation over the labelled
files (`cross_validate`; the figures are in tests/data/triage/README.md).  Train and
cross-validate with::

    triagedesk triage train-model [--cv]
    python -m triagedesk.triage.model train [--cv]

The held-out split (`heldout.jsonl`) is never read: TRAINING_FILES is a fixed list
of names, not a pattern.
"""

from __future__ import annotations

import argparse
import contextvars
import functools
import json
import logging
import math
import random
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, repeat
from pathlib import Path
from typing import Any, TextIO

from .rules.text import (
    FORWARDED,
    FRESH,
    MAX_BODY,
    MAX_SUBJECT,
    REPLY_SUBJECT,
    SUBJECT,
    clean,
    coerce,
    fold,
    split_zones,
)

__all__ = [
    "MODEL_FILE",
    "RedModel",
    "THRESHOLD",
    "TRAINING_FILES",
    "active",
    "cross_validate",
    "features",
    "load",
    "zone_features",
    "main",
    "red_probability",
    "train",
    "using",
]

#: The shipped weights.
MODEL_FILE = Path(__file__).with_name("red_model.json")
#: Where the labelled files are in a checkout of the repository.
DATA_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "triage"
#: The labelled files the model learns from, in this order.  A fixed list: never a
#: pattern, which could pick up the held-out split or a blind test set being written.
TRAINING_FILES: tuple[str, ...] = (
    "train.jsonl",
    "dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "dev9.jsonl",
    "dev10.jsonl",
)

#: At or over this probability a ticket the rules did not make RED becomes RED.  Chosen by
#: `cross_validate` (tests/data/triage/README.md): 4 of the 5 RED tickets the rules miss
#: found for 6 false alarms in 918 non-RED tickets; 0.6 doubles the false alarms for no
#: more recall.
THRESHOLD = 0.65
#: Thresholds the cross-validation reports by default.
CV_THRESHOLDS: tuple[float, ...] = (0.5, 0.6, 0.65, 0.7, 0.8)

#: Training settings (see `train`).
L2 = 3e-5
EPOCHS = 15
LEARNING_RATE = 0.5
BIAS_RATE = 0.1  # the bias moves slower than the weights and is not regularised
SEED = 13
MIN_DF = 2
PRUNE = 0.2
DIGITS = 3
CHAR_NGRAM = 4

#: The zones the model reads: what the customer wrote now, not the history or the signature.
_READ_ZONES = frozenset({SUBJECT, REPLY_SUBJECT, FRESH, FORWARDED})
_SUBJECT_ZONES = frozenset({SUBJECT, REPLY_SUBJECT})
_WORD = re.compile(r"\w+")
#: The format of red_model.json; bump it when the features change.
FORMAT = 1

logger = logging.getLogger(__name__)


# --------------------------------------------------------------------------- features


def features(subject: Any, body: Any) -> frozenset[str]:
    """The binary features of a ticket (see the module's docstring); never raises.

    Subject and body are coerced to text and cut like `classify` cuts them.
    """
    subject_text = clean(coerce(subject), MAX_SUBJECT).text
    body_text = clean(coerce(body), MAX_BODY).text
    return zone_features(
        (zone.kind, fold(zone.text).text) for zone in split_zones(subject_text, body_text) if zone.text.strip()
    )


def zone_features(folded_zones: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The features of a message already split into zones and folded: (zone kind, folded text).

    `classify` has done that work already and passes its zones here.
    """
    found: set[str] = set()
    for kind, text in folded_zones:
        if kind not in _READ_ZONES:
            continue
        words = _WORD.findall(text)
        found.update(map("b:{} {}".format, words, words[1:]))
        if kind in _SUBJECT_ZONES:
            found.update(map("s:{}".format, words))
        found.update(chain.from_iterable(map(_word_features, set(words))))
    return frozenset(found)


@functools.lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, ...]:
    """A word's own feature and its letter 4-grams (cached: most words come back)."""
    padded = " " + word + " "
    return ("w:" + word, *("c:" + padded[i : i + CHAR_NGRAM] for i in range(len(padded) - CHAR_NGRAM + 1)))


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, score))))


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class RedModel:
    """A bias and the weights of the features that matter; the rest weigh 0."""

    bias: float
    weights: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, found: Iterable[str]) -> float:
        """The log-odds of RED for a set of features (order-independent: exact sum)."""
        found = found if isinstance(found, (set, frozenset)) else frozenset(found)
        if not found:
            return self.bias
        return self.bias + math.fsum(map(self.weights.get, found, repeat(0.0))) / math.sqrt(len(found))

    def probability(self, subject: Any, body: Any) -> float:
        """The probability that the ticket is RED, in [0, 1]."""
        return _sigmoid(self.score(features(subject, body)))

    def probability_of(self, found: Iterable[str]) -> float:
        """The probability of RED for features already extracted (`features`, `zone_features`)."""
        return _sigmoid(self.score(found))

    def as_json(self) -> str:
        """The model file: metadata, bias, and one weight per line, sorted by feature."""
        head = json.dumps(
            {"format": FORMAT, "meta": self.meta, "bias": round(self.bias, 6)},
            ensure_ascii=False, sort_keys=True,
        )
        lines = [
            json.dumps(name, ensure_ascii=False) + ":" + repr(weight)
            for name, weight in sorted(self.weights.items())
        ]
        return head[:-1] + ',"weights":{\n' + ",\n".join(lines) + "\n}}\n"


def load(path: str | Path = MODEL_FILE) -> RedModel:
    """A model from its JSON file; ValueError when the file is not one."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("weights"), dict):
        raise ValueError(f"{path}: not a RED model file of format {FORMAT}")
    weights = {str(name): float(weight) for name, weight in data["weights"].items()}
    return RedModel(float(data["bias"]), weights, dict(data.get("meta") or {}))


@functools.cache
def _shipped() -> RedModel | None:
    """The shipped model, read once; None (logged once) when the file cannot be read."""
    try:
        return load(MODEL_FILE)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        logger.error("statistical RED backstop switched off: cannot read %s (%s)", MODEL_FILE, exc)
        return None


#: A model (or None: no backstop) and threshold set by `using`, for cross-validation and tests.
_OVERRIDE: contextvars.ContextVar[tuple[RedModel | None, float] | None] = contextvars.ContextVar(
    "red_model_override", default=None
)


def active() -> tuple[RedModel | None, float]:
    """The model `classify` consults and its threshold: the shipped ones unless `using` says otherwise.

    The shipped file is read on the first call only.  None: no backstop.
    """
    override = _OVERRIDE.get()
    if override is not None:
        return override
    return _shipped(), THRESHOLD


@contextmanager
def using(model: RedModel | None, threshold: float = THRESHOLD) -> Iterator[None]:
    """Within the block, `classify` consults `model` (None: the rules alone) at `threshold`."""
    token = _OVERRIDE.set((model, threshold))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


def red_probability(subject: Any, body: Any) -> float:
    """The probability that a ticket is RED according to the active model, in [0, 1].

    Never raises on odd input.  0.0 when the backstop is switched off (`using(None)`, or a
    shipped file that cannot be read, which is logged).
    """
    model, _ = active()
    return model.probability(subject, body) if model is not None else 0.0


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class Ticket:
    """A labelled ticket as the trainer needs it."""

    id: str
    subject: str
    body: str
    code: str
    language: str | None = None
    hints: Any = None

    @property
    def red(self) -> bool:
        return self.code == "red"


def read_split(path: str | Path) -> list[Ticket]:
    """The labelled tickets of one JSON-lines file (see `evaluate.load_examples`)."""
    from .evaluate import load_examples  # evaluate imports classify, which imports this module

    return [
        Ticket(e.id, e.subject, e.body, e.code.value, e.language, e.hints)
        for e in load_examples(path)
    ]


def read_training_files(data_dir: str | Path = DATA_DIR) -> dict[str, list[Ticket]]:
    """TRAINING_FILES, by name, in their fixed order."""
    folder = Path(data_dir)
    return {name: read_split(folder / name) for name in TRAINING_FILES}


def train(
    tickets: Sequence[Ticket],
    *,
    l2: float = L2,
    epochs: int = EPOCHS,
    seed: int = SEED,
    meta: dict[str, Any] | None = None,
) -> RedModel:
    """Fit RED vs not RED on `tickets`; the same tickets in the same order give the same model.

    Stochastic gradient descent on the L2-regularised logistic loss, with a learning
    rate that decays as 1/(1 + rate * l2 * t) and the usual scale trick for the
    regularisation (a sparse update per ticket).  Features seen in fewer than MIN_DF
    tickets get no weight (a word of one ticket would only memorise it); at the end
    weights under PRUNE are dropped and the rest rounded to DIGITS decimals.
    """
    found = [features(t.subject, t.body) for t in tickets]
    labels = [1.0 if t.red else 0.0 for t in tickets]
    counts: dict[str, int] = {}
    for names in found:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocabulary = {name: index for index, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_DF))}
    rows = [
        (
            sorted(vocabulary[name] for name in names if name in vocabulary),
            1.0 / math.sqrt(len(names)) if names else 1.0,
        )
        for names in found
    ]
    weights = [0.0] * len(vocabulary)
    scale = 1.0  # the true weights are scale * weights
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(seed)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            indices, value = rows[i]
            rate = LEARNING_RATE / (1.0 + LEARNING_RATE * l2 * step)
            score = bias + scale * value * sum(weights[j] for j in indices)
            error = _sigmoid(score) - labels[i]
            scale *= 1.0 - rate * l2
            change = rate * error * value / scale
            for j in indices:
                weights[j] -= change
            bias -= BIAS_RATE * rate * error
            step += 1
            if scale < 1e-9:  # fold the scale back in before it underflows
                weights = [w * scale for w in weights]
                scale = 1.0
    kept = {}
    for name, index in vocabulary.items():
        weight = round(weights[index] * scale, DIGITS)
        if abs(weight) >= PRUNE:
            kept[name] = weight
    info = {
        "tickets": len(tickets),
        "red": int(sum(labels)),
        "l2": l2,
        "epochs": epochs,
        "seed": seed,
        "min_df": MIN_DF,
        "prune": PRUNE,
        "features_seen": len(vocabulary),
        "features_kept": len(kept),
    }
    info.update(meta or {})
    return RedModel(round(bias, 6), kept, info)


def train_from_files(data_dir: str | Path = DATA_DIR) -> RedModel:
    """The shipped model: `train` on TRAINING_FILES, in their fixed order."""
    splits = read_training_files(data_dir)
    return train([t for name in TRAINING_FILES for t in splits[name]], meta={"files": list(TRAINING_FILES)})


def write(model: RedModel, path: str | Path = MODEL_FILE) -> None:
    Path(path).write_text(model.as_json(), encoding="utf-8")


# --------------------------------------------------------------------------- cross-validation


@dataclass
class Tally:
    """RED recall and precision and exact-code accuracy of some predictions."""

    total: int = 0
    correct: int = 0
    red: int = 0
    predicted_red: int = 0
    red_found: int = 0

    def add(self, expected: str, predicted: str) -> None:
        self.total += 1
        self.correct += expected == predicted
        self.red += expected == "red"
        self.predicted_red += predicted == "red"
        self.red_found += expected == "red" and predicted == "red"

    @property
    def recall(self) -> float:
        return self.red_found / self.red if self.red else 0.0

    @property
    def precision(self) -> float:
        return self.red_found / self.predicted_red if self.predicted_red else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def cells(self) -> str:
        return f"{self.recall:.3f} | {self.precision:.3f} | {self.accuracy:.3f}"


@dataclass
class CrossValidation:
    """Per split and pooled figures for the rules alone and rules + model at each threshold."""

    thresholds: tuple[float, ...]
    rules: dict[str, Tally]
    backstop: dict[float, dict[str, Tally]]
    #: tickets the backstop made RED, per threshold: (split, id, expected code, p)
    changed: dict[float, list[tuple[str, str, str, float]]]

    def pooled(self, tallies: dict[str, Tally]) -> Tally:
        pooled = Tally()
        for tally in tallies.values():
            for name in ("total", "correct", "red", "predicted_red", "red_found"):
                setattr(pooled, name, getattr(pooled, name) + getattr(tally, name))
        return pooled

    def format(self, chosen: float = THRESHOLD) -> str:
        """Markdown tables: pooled figures at each threshold, then each split at `chosen`."""
        rules = self.pooled(self.rules)
        lines = [
            "| | RED recall | RED precision | accuracy | made RED (really RED / not) |",
            "|---|---:|---:|---:|---:|",
            f"| rules alone | {rules.cells()} | |",
        ]
        for threshold in self.thresholds:
            changed = self.changed[threshold]
            good = sum(1 for _, _, code, _ in changed if code == "red")
            lines.append(
                f"| rules + model, p ≥ {threshold:g} | {self.pooled(self.backstop[threshold]).cells()} "
                f"| {good} / {len(changed) - good} |"
            )
        lines += [
            "",
            f"Per split (left out of training), rules alone -> rules + model at p ≥ {chosen:g}:",
            "",
            "| split | tickets | RED recall | RED precision | accuracy |",
            "|---|---:|---:|---:|---:|",
        ]
        if chosen in self.backstop:
            for name, tally in self.rules.items():
                after = self.backstop[chosen][name]
                lines.append(
                    f"| {name.removesuffix('.jsonl')} | {tally.total} | {tally.recall:.3f} -> {after.recall:.3f} "
                    f"| {tally.precision:.3f} -> {after.precision:.3f} | {tally.accuracy:.3f} -> {after.accuracy:.3f} |"
                )
        return "\n".join(lines)


def cross_validate(
    data_dir: str | Path = DATA_DIR,
    thresholds: Sequence[float] = CV_THRESHOLDS,
    progress: TextIO | None = None,
) -> CrossValidation:
    """Leave one split out: train without split k, run the full `classify` on split k.

    Each split of TRAINING_FILES is classified with the rules alone and with the
    model trained on the other ten at each threshold.  The rules were tuned on all
    these splits, so the rules alone are near perfect here: the figures show what the
    backstop costs in precision more than what it gains in recall.
    """
    from .classify import classify

    splits = read_training_files(data_dir)
    thresholds = tuple(sorted(thresholds))
    result = CrossValidation(thresholds, {}, {t: {} for t in thresholds}, {t: [] for t in thresholds})
    for left_out in TRAINING_FILES:
        started = time.perf_counter()
        model = train([t for name in TRAINING_FILES if name != left_out for t in splits[name]])
        tickets = splits[left_out]
        with using(None):
            base = [classify(t.subject, t.body, language=t.language, hints=t.hints).code.value for t in tickets]
        tally = Tally()
        for ticket, code in zip(tickets, base):
            tally.add(ticket.code, code)
        result.rules[left_out] = tally
        for threshold in thresholds:
            tally = Tally()
            with using(model, threshold):
                for ticket, before in zip(tickets, base):
                    result = classify(ticket.subject, ticket.body, language=ticket.language, hints=ticket.hints)
                    code = result.code.value
                    tally.add(ticket.code, code)
                    if code != before:
                        p = model.probability(ticket.subject, ticket.body)
                        result.changed[threshold].append((left_out, ticket.id, ticket.code, round(p, 3)))
            result.backstop[threshold][left_out] = tally
        if progress is not None:
            print(f"  {left_out}: {time.perf_counter() - started:.1f} s", file=progress, flush=True)
    return result


# --------------------------------------------------------------------------- command line


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Train the statistical RED backstop on the labelled files (never the held-out split)."
    )
    parser.add_argument("--data", default=str(DATA_DIR), help="folder of the labelled files (default: %(default)s)")
    parser.add_argument("--out", default=str(MODEL_FILE), help="model file to write (default: the shipped one)")
    parser.add_argument("--cv", action="store_true", help="leave-one-split-out cross-validation instead of training")
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=list(CV_THRESHOLDS), help="thresholds the --cv reports"
    )
    parser.add_argument("--changed", action="store_true", help="with --cv: list the tickets the backstop made RED")
    return parser


def main(argv: list[str], prog: str = "triagedesk triage train-model", stdout: TextIO | None = None) -> int:
    """Train and write the model, or cross-validate (--cv); returns the exit status."""
    stdout = stdout if stdout is not None else sys.stdout
    try:
        args = _parser(prog).parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.cv:
            cv = cross_validate(args.data, args.thresholds, progress=sys.stderr)
            print(cv.format(THRESHOLD if THRESHOLD in cv.thresholds else cv.thresholds[0]), file=stdout)
            if args.changed:
                for threshold in cv.thresholds:
                    print(f"\nmade RED at p >= {threshold:g}:", file=stdout)
                    for split, ticket, code, p in cv.changed[threshold]:
                        print(f"  {split} {ticket} expected {code} p={p:.3f}", file=stdout)
            return 0
        model = train_from_files(args.data)
    except (OSError, ValueError) as exc:
        print(f"cannot read the labelled files: {exc}", file=sys.stderr)
        return 1
    write(model, args.out)
    size = Path(args.out).stat().st_size
    print(
        f"wrote {args.out}: {len(model.weights)} weights of {model.meta['features_seen']} features, "
        f"{size / 1024:.0f} KiB, from {model.meta['tickets']} tickets ({model.meta['red']} RED)",
        file=stdout,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:2] != ["train"]:
        print("usage: python -m triagedesk.triage.model train [--cv] [--data DIR] [--out FILE]", file=sys.stderr)
        raise SystemExit(2)
    # Run the package's copy of this module, not __main__'s: `classify` consults the former.
    from triagedesk.triage.model import main as _main

    raise SystemExit(_main(sys.argv[2:], prog="python -m triagedesk.triage.model train"))
