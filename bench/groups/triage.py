"""Triage classifier benchmark: speed over the labelled tickets, quality on the held-out split.

Prints ``name: value unit`` lines:

    triage_classify_median: 0.41 ms
    triage_classify_p95: 1.20 ms
    triage_heldout_accuracy: 0.904 ratio
    triage_heldout_red_recall: 0.982 ratio
    triage_heldout_red_precision: 0.870 ratio

Timing covers every labelled ticket (train + held-out), classified REPEATS times after
one warm-up pass; `small` runs a single timed pass.  No Django is needed.

    python bench/groups/triage.py [--small]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "triage"
REPEATS = 5

try:
    import triagedesk  # noqa: F401
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(REPO / "src"))

from triagedesk.triage.classify import classify  # noqa: E402
from triagedesk.triage.codes import Code  # noqa: E402
from triagedesk.triage.evaluate import Example, evaluate, load_examples  # noqa: E402


def _labelled() -> tuple[list[Example], list[Example]]:
    train = load_examples(DATA / "train.jsonl")
    heldout = load_examples(DATA / "heldout.jsonl")
    return train, heldout


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def run(small: bool) -> None:
    train, heldout = _labelled()
    tickets = train + heldout
    for example in tickets:  # warm-up: first calls pay for caches and lazy imports
        classify(example.subject, example.body, language=example.language, hints=example.hints)

    timings: list[float] = []
    for _ in range(1 if small else REPEATS):
        for example in tickets:
            started = time.perf_counter()
            classify(example.subject, example.body, language=example.language, hints=example.hints)
            timings.append(time.perf_counter() - started)
    timings.sort()
    print(f"triage_classify_median: {statistics.median(timings) * 1000:.3f} ms")
    print(f"triage_classify_p95: {_percentile(timings, 0.95) * 1000:.3f} ms")

    report = evaluate(heldout)
    print(f"triage_heldout_accuracy: {report.accuracy:.3f} ratio")
    print(f"triage_heldout_red_recall: {report.recall(Code.RED):.3f} ratio")
    print(f"triage_heldout_red_precision: {report.precision(Code.RED):.3f} ratio")


if __name__ == "__main__":
    run(small="--small" in sys.argv[1:])
