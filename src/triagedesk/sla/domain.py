"""SLA engine: business calendars and take-in-charge / resolution clocks.

Django-free and clock-free (``now`` is always passed in) so that the periodic
scan, the API and the tests share one implementation.  Inputs are aware
datetimes in any zone; every datetime returned is UTC.

* Counted time = calendar open time since ``opened_at`` minus the part of each
  pause that overlaps open time; the deadline is when it reaches the target.
* Re-triage recomputes from the ORIGINAL opening: call again with the new
  :class:`Target` and the same ``opened_at``.
* An open pause (``end=None``): :func:`deadline` returns ``None`` unless the
  fraction was reached before the pause began; the clocks assume the pause
  ends at ``now``, so ``Clock.due_at`` is "due if resumed right now".  Pauses
  with a known end after ``now`` are honoured as given.
* Once taken in charge, stop the clock by passing that instant as ``now``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

UTC = timezone.utc
_ZERO = timedelta(0)
_DAY = timedelta(days=1)
_MIDNIGHT = time(0)
# Longer without any opening means a misconfigured calendar: stop add() looping.
_MAX_CLOSED_DAYS = 400
WARNING_FRACTION = 0.8

Interval = tuple[datetime, datetime]
Span = tuple[datetime, datetime | None]  # a pause; end None = still running
Weekly = tuple[tuple[tuple[time, time], ...], ...]


class SlaError(ValueError):
    """Invalid SLA configuration or input."""


def _utc(value: object, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise SlaError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise SlaError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _check_span(value: object, name: str, *, allow_zero: bool = False) -> timedelta:
    if not isinstance(value, timedelta):
        raise SlaError(f"{name} must be a timedelta, got {type(value).__name__}")
    if value < _ZERO or (value == _ZERO and not allow_zero):
        raise SlaError(f"{name} must be positive, got {value}")
    return value


@functools.lru_cache(maxsize=None)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise SlaError(f"unknown time zone {name!r}") from exc


@functools.lru_cache(maxsize=1024)
def _holiday_dates(country: str, subdiv: str | None, year: int) -> frozenset[date]:
    # Building a holidays object is slow (tens of µs to ms); the periodic
    # scan asks for the same few (country, year) pairs thousands of times.
    try:
        return frozenset(holidays.country_holidays(country, subdiv=subdiv, years=year))
    except NotImplementedError as exc:
        raise SlaError(f"no holiday data for {country!r}/{subdiv!r}: {exc}") from exc


@dataclass(frozen=True)
class Calendar:
    """When SLA time runs.  Hours and closed days are read in ``tz``.

    ``weekly`` has 7 entries (Monday first), each a tuple of ``(open, close)``
    local times; ``close == time(0)`` means midnight at the end of the day.
    ``None`` means open all day, every day (holidays/closed days still apply).
    """

    tz: str = "UTC"
    weekly: Weekly | None = None
    holiday_country: str | None = None
    holiday_subdiv: str | None = None
    closed_days: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        _zone(self.tz)
        # Accept lists/sets from callers but store hashable values: the
        # per-day cache is keyed by the calendar itself.
        object.__setattr__(self, "closed_days", frozenset(self.closed_days))
        for d in self.closed_days:
            if isinstance(d, datetime) or not isinstance(d, date):
                raise SlaError(f"closed_days must hold dates, got {d!r}")
        if self.weekly is not None:
            object.__setattr__(self, "weekly", _normalise_weekly(self.weekly))
        if self.holiday_subdiv and not self.holiday_country:
            raise SlaError("holiday_subdiv needs holiday_country")
        if self.holiday_country:
            _holiday_dates(self.holiday_country, self.holiday_subdiv, 2000)

    @classmethod
    def always(cls) -> Calendar:
        return cls()

    @classmethod
    def business(cls, tz: str, open_: time, close: time, days: Sequence[int] = (0, 1, 2, 3, 4),
                 holiday_country: str | None = None, closed_days: frozenset[date] = frozenset(),
                 holiday_subdiv: str | None = None) -> Calendar:
        """Same hours on each of ``days`` (0 = Monday)."""
        if any(not isinstance(d, int) or not 0 <= d <= 6 for d in days):
            raise SlaError(f"days must be weekday numbers 0 (Mon)..6 (Sun), got {days!r}")
        weekly = tuple(((open_, close),) if wd in days else () for wd in range(7))
        return cls(tz, weekly, holiday_country, holiday_subdiv, frozenset(closed_days))

    @property
    def is_24x7(self) -> bool:
        return self.weekly is None and not self.holiday_country and not self.closed_days

    def is_open(self, at: datetime) -> bool:
        at = _utc(at, "at")
        if self.is_24x7:
            return True
        day = at.astimezone(_zone(self.tz)).date()
        return any(s <= at < e for s, e in _day_intervals(self, day))

    def open_intervals(self, start: datetime, end: datetime) -> Iterator[Interval]:
        """Open intervals in UTC clipped to ``[start, end)``, touching ones merged."""
        start, end = _utc(start, "start"), _utc(end, "end")
        return self._clipped(start, end)

    def add(self, start: datetime, amount: timedelta) -> datetime:
        """Instant when ``amount`` of open time has elapsed since ``start``.

        Counting begins at the next opening if ``start`` is closed; an amount
        that runs out exactly at a closing returns that closing instant.
        """
        start = _utc(start, "start")
        amount = _check_span(amount, "amount", allow_zero=True)
        if self.is_24x7:
            return start + amount
        remaining = amount
        for s, e in self._open_from(start):
            if remaining <= e - s:
                return s + remaining
            remaining -= e - s
        raise AssertionError("unreachable: _open_from never ends")  # pragma: no cover

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Open time in ``[start, end)``; zero if ``end <= start``."""
        start, end = _utc(start, "start"), _utc(end, "end")
        if self.is_24x7:
            return max(end - start, _ZERO)
        return sum((e - s for s, e in self._clipped(start, end)), _ZERO)

    def _clipped(self, start: datetime, end: datetime) -> Iterator[Interval]:
        if end <= start:
            return
        if self.is_24x7:
            yield start, end
            return
        zone = _zone(self.tz)
        day, last = start.astimezone(zone).date(), end.astimezone(zone).date()
        pending: Interval | None = None
        while day <= last:
            for s, e in _day_intervals(self, day):
                s, e = max(s, start), min(e, end)
                if e <= s:
                    continue
                if pending and pending[1] == s:  # e.g. consecutive whole days
                    pending = (pending[0], e)
                    continue
                if pending:
                    yield pending
                pending = (s, e)
            day += _DAY
        if pending:
            yield pending

    def _open_from(self, start: datetime) -> Iterator[Interval]:
        # Unbounded on purpose (add() stops when done), not merged so that a
        # 24h-with-holidays calendar never needs to look ahead.
        day = start.astimezone(_zone(self.tz)).date()
        closed_run = 0
        while True:
            intervals = _day_intervals(self, day)
            for s, e in intervals:
                if e > start:
                    yield max(s, start), e
            closed_run = 0 if intervals else closed_run + 1
            if closed_run > _MAX_CLOSED_DAYS:
                since = day - _DAY * closed_run
                raise SlaError(f"calendar has no open time for {_MAX_CLOSED_DAYS} days after {since}")
            day += _DAY


def _normalise_weekly(weekly: object) -> Weekly:
    try:
        days = [tuple(tuple(pair) for pair in day) for day in weekly]  # type: ignore[union-attr]
    except TypeError as exc:
        raise SlaError("weekly must be 7 sequences of (open, close) pairs") from exc
    if len(days) != 7:
        raise SlaError(f"weekly must have 7 entries (Mon..Sun), got {len(days)}")
    out = []
    for wd, day in enumerate(days):
        for pair in day:
            if len(pair) != 2:
                raise SlaError(f"weekday {wd}: intervals must be (open, close) pairs")
            o, c = pair
            if not (isinstance(o, time) and isinstance(c, time)) or o.tzinfo or c.tzinfo:
                raise SlaError(f"weekday {wd}: open/close must be naive times, got {o!r}, {c!r}")
            if not (o < c or c == _MIDNIGHT):
                raise SlaError(f"weekday {wd}: interval {o}-{c} closes before it opens")
        ordered = sorted(day)
        for (_, c1), (o2, _) in zip(ordered, ordered[1:]):
            if c1 == _MIDNIGHT or o2 < c1:
                raise SlaError(f"weekday {wd}: intervals overlap")
        out.append(tuple(ordered))
    if not any(out):
        raise SlaError("weekly has no opening hours at all")
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _day_intervals(cal: Calendar, day: date) -> tuple[Interval, ...]:
    """Open intervals of one local day, in UTC.

    Local wall times are converted per day, so a 09:00-18:00 day is 9 hours on
    DST change days too, while a whole 24h day is 23 or 25 real hours.
    """
    if day in cal.closed_days:
        return ()
    if cal.holiday_country and day in _holiday_dates(cal.holiday_country, cal.holiday_subdiv, day.year):
        return ()
    zone = _zone(cal.tz)
    hours = ((_MIDNIGHT, _MIDNIGHT),) if cal.weekly is None else cal.weekly[day.weekday()]
    out: list[Interval] = []
    for o, c in hours:
        s = datetime.combine(day, o, zone).astimezone(UTC)
        e = datetime.combine(day + _DAY if c == _MIDNIGHT else day, c, zone).astimezone(UTC)
        # A bound inside a DST gap can map before the previous close.
        if out:
            s = max(s, out[-1][1])
        if e > s:
            out.append((s, e))
    return tuple(out)


@dataclass(frozen=True)
class Target:
    take_in_charge: timedelta
    calendar: Calendar = field(default_factory=Calendar.always)
    not_before: timedelta | None = None
    resolution: timedelta | None = None

    def __post_init__(self) -> None:
        _check_span(self.take_in_charge, "take_in_charge")
        if not isinstance(self.calendar, Calendar):
            raise SlaError(f"calendar must be a Calendar, got {type(self.calendar).__name__}")
        for name in ("not_before", "resolution"):
            if getattr(self, name) is not None:
                _check_span(getattr(self, name), name)


DEFAULT_TARGETS: dict[str, Target] = {
    "red": Target(timedelta(minutes=15)),
    "yellow": Target(timedelta(hours=24)),
    "green": Target(timedelta(days=4), not_before=timedelta(hours=48)),
    "white": Target(timedelta(days=7), not_before=timedelta(hours=48)),
}


@dataclass(frozen=True)
class Pause:
    start: datetime
    end: datetime | None = None  # None: still paused

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _utc(self.start, "pause start"))
        if self.end is not None:
            object.__setattr__(self, "end", _utc(self.end, "pause end"))
            if self.end < self.start:
                raise SlaError(f"pause ends ({self.end}) before it starts ({self.start})")


@dataclass(frozen=True)
class Clock:
    opened_at: datetime
    not_before_at: datetime | None
    due_at: datetime  # while paused: due if the pause ended at `now`
    warning_at: datetime
    consumed: timedelta
    fraction: float
    paused: bool
    breached: bool
    scheduled: bool


def _spans(pauses: Sequence[Pause], opened_at: datetime) -> list[Span]:
    """Pauses clipped to start at ``opened_at``, sorted and merged."""
    raw: list[Span] = []
    for p in pauses:
        if not isinstance(p, Pause):
            raise SlaError(f"pauses must be Pause objects, got {type(p).__name__}")
        if p.end is not None and p.end <= opened_at:
            continue
        raw.append((max(p.start, opened_at), p.end))
    raw.sort(key=lambda span: span[0])
    merged: list[Span] = []
    for s, e in raw:
        if merged and (merged[-1][1] is None or s <= merged[-1][1]):
            prev_s, prev_e = merged[-1]
            merged[-1] = (prev_s, None if prev_e is None or e is None else max(prev_e, e))
        elif e is None or e > s:
            merged.append((s, e))
    return merged


def _reach(cal: Calendar, amount: timedelta, opened_at: datetime, spans: Sequence[Span]) -> datetime | None:
    cursor, remaining = opened_at, amount
    for s, e in spans:
        available = cal.between(cursor, s)
        if available >= remaining and available > _ZERO:
            return cal.add(cursor, remaining)
        remaining -= available
        if e is None:
            return None
        cursor = e
    return cal.add(cursor, remaining)


def _counted(cal: Calendar, opened_at: datetime, until: datetime, spans: Sequence[Interval]) -> timedelta:
    total, cursor = _ZERO, opened_at
    for s, e in spans:
        if cursor >= until:
            break
        total += cal.between(cursor, min(s, until))
        cursor = e
    return total + cal.between(cursor, until)


def deadline(
    target: Target, *, opened_at: datetime, pauses: Sequence[Pause] = (), fraction: float = 1.0
) -> datetime | None:
    """Instant when ``fraction`` of the take-in-charge target has been counted.

    ``None`` when an open pause began before that fraction was reached.
    """
    opened_at = _utc(opened_at, "opened_at")
    if not isinstance(fraction, (int, float)) or fraction < 0:
        raise SlaError(f"fraction must be a non-negative number, got {fraction!r}")
    return _reach(target.calendar, target.take_in_charge * fraction, opened_at, _spans(pauses, opened_at))


def _clock(cal: Calendar, amount: timedelta, not_before: timedelta | None,
           opened_at: datetime, now: datetime, pauses: Sequence[Pause]) -> Clock:
    opened_at, now = _utc(opened_at, "opened_at"), _utc(now, "now")
    spans = _spans(pauses, opened_at)
    paused = any(s <= now and (e is None or now < e) for s, e in spans)
    # Only the last merged span can be open; pretend it is resumed now.
    known = [(s, e if e is not None else max(s, now)) for s, e in spans]
    known = [(s, e) for s, e in known if e > s]
    consumed = _counted(cal, opened_at, now, known)
    due_at = _reach(cal, amount, opened_at, known)
    warning_at = _reach(cal, amount * WARNING_FRACTION, opened_at, known)
    assert due_at is not None and warning_at is not None  # no open spans left
    not_before_at = cal.add(opened_at, not_before) if not_before is not None else None
    scheduled = not_before_at is not None and now < not_before_at
    return Clock(
        opened_at=opened_at, not_before_at=not_before_at, due_at=due_at, warning_at=warning_at,
        consumed=consumed, fraction=consumed / amount, paused=paused,
        breached=not scheduled and consumed >= amount, scheduled=scheduled,
    )


def take_in_charge_clock(
    target: Target, *, opened_at: datetime, now: datetime, pauses: Sequence[Pause] = ()
) -> Clock:
    return _clock(target.calendar, target.take_in_charge, target.not_before, opened_at, now, pauses)


def resolution_clock(
    target: Target, *, opened_at: datetime, now: datetime, pauses: Sequence[Pause] = ()
) -> Clock | None:
    """Like :func:`take_in_charge_clock` for ``target.resolution``.

    ``not_before`` only restricts taking in charge, so here ``not_before_at``
    is None and the clock is never ``scheduled``.
    """
    if target.resolution is None:
        return None
    return _clock(target.calendar, target.resolution, None, opened_at, now, pauses)
