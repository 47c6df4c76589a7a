"""The only place that reads the wall clock.

Services take a ``clock`` argument (any callable returning an aware datetime);
tests freeze time with time_machine instead of patching this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)
