"""Small helpers shared by the benchmark groups (``bench/groups/*.py``).

A group prints its figures with :func:`figure` (``name: value unit`` on
stdout, which the runner tees into ``figures.txt``) and anything else with
:func:`note` (stderr, so the figures file stays machine-readable).
"""

from __future__ import annotations

import math
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

RESULTS_ENV = "TRIAGEDESK_BENCH_RESULTS"


def figure(name: str, value: float | int, unit: str) -> None:
    """Print one figure as ``name: value unit``."""
    if isinstance(value, float):
        shown = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    else:
        shown = str(value)
    print(f"{name}: {shown} {unit}".rstrip(), flush=True)


def note(message: str) -> None:
    print(f"# {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def results_dir() -> Path:
    """This run's ``bench/results/<stamp>/`` (a temp dir when a group runs outside the runner)."""
    path = os.environ.get(RESULTS_ENV)
    if not path:
        import tempfile

        path = os.environ[RESULTS_ENV] = tempfile.mkdtemp(prefix="triagedesk-bench-")
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def percentile(values: list[float], q: float) -> float:
    """Percentile with linear interpolation between closest ranks (numpy's default, as the peer uses)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class SqlCapture:
    """Every statement Django sends, with its parameters and duration.

    Uses ``connection.execute_wrapper`` (works with DEBUG off, no 9,000-entry cap).
    """

    def __init__(self) -> None:
        self.statements: list[tuple[str, object, float]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((sql, params, time.perf_counter() - start))

    def __len__(self) -> int:
        return len(self.statements)


@contextmanager
def capture_sql(using: str = "default"):
    from django.db import connections

    capture = SqlCapture()
    with connections[using].execute_wrapper(capture):
        yield capture


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    """Seconds taken by one call, and its result."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result
