"""Tests for the pure SLA engine (no Django needed)."""

from __future__ import annotations

import time as wallclock
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from triagedesk.sla import domain
from triagedesk.sla.domain import (
    DEFAULT_TARGETS,
    Calendar,
    Pause,
    SlaError,
    Target,
    deadline,
    resolution_clock,
    take_in_charge_clock,
)

UTC = timezone.utc
ROME = ZoneInfo("Europe/Rome")
H = timedelta(hours=1)
M = timedelta(minutes=1)


def rome(y, mo, d, h=0, mi=0, fold=0):
    return datetime(y, mo, d, h, mi, tzinfo=ROME, fold=fold)


def utc(y, mo, d, h=0, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


ALWAYS = Calendar.always()
# Mon-Fri 09:00-18:00 in Rome with Italian public holidays.
BIZ = Calendar.business("Europe/Rome", time(9), time(18), holiday_country="IT")
BIZ_NO_HOLIDAYS = Calendar.business("Europe/Rome", time(9), time(18))
EVERY_DAY = Calendar.business("Europe/Rome", time(9), time(18), days=range(7))
# Open around the clock but not 24x7 (a closed day makes it iterate days).
WHOLE_DAYS_ROME = Calendar(tz="Europe/Rome", closed_days=frozenset({date(2000, 1, 1)}))

T0 = utc(2026, 6, 1, 10)  # a Monday, far from DST changes and holidays


# --------------------------------------------------------------- defaults


@pytest.mark.parametrize(
    ("code", "due_after", "not_before_after"),
    [
        ("red", 15 * M, None),
        ("yellow", 24 * H, None),
        ("green", 96 * H, 48 * H),
        ("white", 7 * 24 * H, 48 * H),
    ],
)
def test_default_targets(code, due_after, not_before_after):
    target = DEFAULT_TARGETS[code]
    assert target.calendar.is_24x7
    clock = take_in_charge_clock(target, opened_at=T0, now=T0)
    assert clock.due_at == T0 + due_after
    assert deadline(target, opened_at=T0) == T0 + due_after
    expected_nb = None if not_before_after is None else T0 + not_before_after
    assert clock.not_before_at == expected_nb
    assert clock.warning_at == T0 + due_after * 0.8


def test_outputs_are_utc_whatever_the_input_zone():
    opened = rome(2026, 6, 1, 12)  # == T0
    clock = take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=opened, now=opened + 5 * M)
    for value in (clock.opened_at, clock.due_at, clock.warning_at):
        assert value.tzinfo is UTC
    assert clock.opened_at == T0
    assert clock.due_at == T0 + 15 * M
    assert BIZ.add(opened, H).tzinfo is UTC
    assert all(s.tzinfo is UTC and e.tzinfo is UTC for s, e in BIZ.open_intervals(opened, opened + 72 * H))


# -------------------------------------------------------- calendar arithmetic


@pytest.mark.parametrize(
    ("calendar", "start", "amount", "expected"),
    [
        pytest.param(ALWAYS, T0, 15 * M, T0 + 15 * M, id="24x7"),
        pytest.param(BIZ, rome(2026, 11, 13, 17, 59), 8 * H, rome(2026, 11, 16, 16, 59), id="friday-17:59"),
        pytest.param(BIZ, rome(2026, 11, 14, 11), M, rome(2026, 11, 16, 9, 1), id="saturday-starts-monday"),
        pytest.param(BIZ, rome(2026, 11, 14, 11), 8 * H, rome(2026, 11, 16, 17), id="saturday-8h"),
        pytest.param(BIZ, rome(2026, 11, 16, 7), 2 * H, rome(2026, 11, 16, 11), id="before-opening"),
        pytest.param(BIZ, rome(2026, 11, 16, 9), 9 * H, rome(2026, 11, 16, 18), id="ends-at-closing"),
        pytest.param(BIZ, rome(2026, 11, 16, 10), timedelta(0), rome(2026, 11, 16, 10), id="zero-open"),
        pytest.param(BIZ, rome(2026, 11, 16, 20), timedelta(0), rome(2026, 11, 17, 9), id="zero-closed"),
        pytest.param(BIZ, rome(2026, 12, 7, 17), 8 * H, rome(2026, 12, 9, 16), id="immacolata"),
        pytest.param(BIZ, rome(2026, 12, 24, 17), 8 * H, rome(2026, 12, 28, 16), id="christmas-st-stephen"),
        pytest.param(BIZ, rome(2027, 3, 26, 17), 8 * H, rome(2027, 3, 30, 16), id="easter-monday"),
        pytest.param(BIZ_NO_HOLIDAYS, rome(2027, 3, 26, 17), 8 * H, rome(2027, 3, 29, 16), id="no-holidays"),
        pytest.param(
            Calendar.business("Europe/Rome", time(9), time(18), closed_days=frozenset({date(2026, 11, 16)})),
            rome(2026, 11, 13, 17, 59),
            8 * H,
            rome(2026, 11, 17, 16, 59),
            id="custom-closed-day",
        ),
        pytest.param(BIZ, rome(2026, 11, 16, 9), 45 * H, rome(2026, 11, 20, 18), id="whole-week"),
        # DST: business hours are wall-clock hours in the calendar's zone.
        pytest.param(BIZ, rome(2026, 10, 23, 17), 8 * H, utc(2026, 10, 26, 15), id="biz-fall-back-weekend"),
        pytest.param(EVERY_DAY, rome(2027, 3, 27, 17), 8 * H, utc(2027, 3, 28, 14), id="biz-spring-forward-day"),
        pytest.param(EVERY_DAY, rome(2026, 10, 24, 17), 8 * H, utc(2026, 10, 25, 15), id="biz-fall-back-day"),
        # DST: 24x7 counts real elapsed time.
        pytest.param(ALWAYS, rome(2027, 3, 28, 1, 50), 15 * M, rome(2027, 3, 28, 3, 5), id="24x7-spring-forward"),
        pytest.param(
            # 02:50 CEST + 15 real minutes = 02:05 CET; ambiguous local times never
            # compare equal across zones (PEP 495), hence the UTC expectation.
            ALWAYS, rome(2026, 10, 25, 2, 50), 15 * M, utc(2026, 10, 25, 1, 5), id="24x7-fall-back"
        ),
        pytest.param(
            WHOLE_DAYS_ROME, rome(2027, 3, 28, 1, 50), 15 * M, utc(2027, 3, 28, 1, 5), id="whole-days-spring-forward"
        ),
        pytest.param(
            Calendar(tz="Europe/Rome", holiday_country="IT"),
            rome(2026, 12, 24, 23),
            2 * H,
            rome(2026, 12, 27, 1),
            id="24h-days-with-holidays",
        ),
    ],
)
def test_calendar_add(calendar, start, amount, expected):
    assert calendar.add(start, amount) == expected


@pytest.mark.parametrize(
    ("calendar", "start", "end", "expected"),
    [
        pytest.param(ALWAYS, T0, T0 + 90 * M, 90 * M, id="24x7"),
        pytest.param(ALWAYS, T0, T0 - H, timedelta(0), id="reversed"),
        pytest.param(BIZ, rome(2026, 11, 16), rome(2026, 11, 23), 45 * H, id="week"),
        pytest.param(BIZ, rome(2026, 12, 7), rome(2026, 12, 14), 36 * H, id="week-with-holiday"),
        pytest.param(BIZ, rome(2026, 11, 16, 17), rome(2026, 11, 16, 10), timedelta(0), id="biz-reversed"),
        pytest.param(BIZ, rome(2026, 11, 14), rome(2026, 11, 16), timedelta(0), id="weekend"),
        pytest.param(EVERY_DAY, rome(2027, 3, 28), rome(2027, 3, 29), 9 * H, id="spring-forward-9h"),
        pytest.param(EVERY_DAY, rome(2026, 10, 25), rome(2026, 10, 26), 9 * H, id="fall-back-9h"),
        pytest.param(ALWAYS, rome(2027, 3, 28), rome(2027, 3, 29), 23 * H, id="24x7-short-day"),
        pytest.param(ALWAYS, rome(2026, 10, 25), rome(2026, 10, 26), 25 * H, id="24x7-long-day"),
        pytest.param(WHOLE_DAYS_ROME, rome(2027, 3, 28), rome(2027, 3, 29), 23 * H, id="whole-days-short"),
        pytest.param(WHOLE_DAYS_ROME, rome(2026, 10, 25), rome(2026, 10, 26), 25 * H, id="whole-days-long"),
    ],
)
def test_calendar_between(calendar, start, end, expected):
    assert calendar.between(start, end) == expected


@pytest.mark.parametrize(
    ("calendar", "at", "expected"),
    [
        (ALWAYS, T0, True),
        (BIZ, rome(2026, 11, 16, 9), True),
        (BIZ, rome(2026, 11, 16, 17, 59), True),
        (BIZ, rome(2026, 11, 16, 18), False),
        (BIZ, rome(2026, 11, 16, 8, 59), False),
        (BIZ, rome(2026, 11, 14, 12), False),  # Saturday
        (BIZ, rome(2026, 12, 8, 12), False),  # Immacolata
        (BIZ_NO_HOLIDAYS, rome(2026, 12, 8, 12), True),
        (BIZ, utc(2026, 11, 16, 8, 30), True),  # 09:30 in Rome
    ],
)
def test_calendar_is_open(calendar, at, expected):
    assert calendar.is_open(at) is expected


def test_open_intervals_clipped_and_merged():
    got = list(BIZ.open_intervals(rome(2026, 11, 13, 17), rome(2026, 11, 16, 10)))
    assert got == [(utc(2026, 11, 13, 16), utc(2026, 11, 13, 17)), (utc(2026, 11, 16, 8), utc(2026, 11, 16, 9))]
    assert list(ALWAYS.open_intervals(T0, T0 + H)) == [(T0, T0 + H)]
    assert list(ALWAYS.open_intervals(T0, T0)) == []
    # Consecutive whole days come back as one interval.
    cal = Calendar(closed_days=frozenset({date(2026, 1, 3)}))
    assert list(cal.open_intervals(utc(2026, 1, 1, 12), utc(2026, 1, 5, 12))) == [
        (utc(2026, 1, 1, 12), utc(2026, 1, 3)),
        (utc(2026, 1, 4), utc(2026, 1, 5, 12)),
    ]


def test_split_days_and_midnight_close():
    weekly = (((time(9), time(13)), (time(14), time(0))),) * 7
    cal = Calendar(tz="UTC", weekly=weekly)
    assert cal.between(utc(2026, 1, 5), utc(2026, 1, 6)) == 14 * H
    assert cal.add(utc(2026, 1, 5, 12), 2 * H) == utc(2026, 1, 5, 15)
    assert cal.add(utc(2026, 1, 5, 23), 2 * H) == utc(2026, 1, 6, 10)


@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        (ALWAYS, True),
        (Calendar(tz="Europe/Rome"), True),
        (BIZ, False),
        (Calendar(holiday_country="IT"), False),
        (Calendar(closed_days=frozenset({date(2026, 1, 1)})), False),
    ],
)
def test_is_24x7(calendar, expected):
    assert calendar.is_24x7 is expected


def test_always_paths_do_not_iterate(monkeypatch):
    def boom(*args):
        raise AssertionError("24x7 must be plain arithmetic")

    monkeypatch.setattr(domain, "_day_intervals", boom)
    far = T0 + timedelta(days=10_000)
    assert ALWAYS.add(T0, timedelta(days=10_000)) == far
    assert ALWAYS.between(T0, far) == timedelta(days=10_000)
    assert ALWAYS.is_open(T0)
    pauses = [Pause(T0 + timedelta(days=d), T0 + timedelta(days=d, hours=1)) for d in range(0, 100, 10)]
    clock = take_in_charge_clock(DEFAULT_TARGETS["white"], opened_at=T0, now=T0 + 30 * H, pauses=pauses)
    assert clock.due_at == T0 + 7 * 24 * H + H  # only the day-0 pause falls before the deadline


def test_calendar_is_hashable_and_coerces_containers():
    cal = Calendar(weekly=[[(time(9), time(18))]] * 7, closed_days={date(2026, 1, 1)})
    assert isinstance(cal.weekly, tuple) and isinstance(cal.closed_days, frozenset)
    assert hash(cal) == hash(Calendar(weekly=(((time(9), time(18)),),) * 7, closed_days=frozenset({date(2026, 1, 1)})))


# ------------------------------------------------------------------ clocks


@pytest.mark.parametrize(
    ("elapsed", "fraction", "breached"),
    [
        (timedelta(0), 0.0, False),
        (12 * M, 0.8, False),
        (15 * M - timedelta(seconds=1), (15 * 60 - 1) / 900, False),
        (15 * M, 1.0, True),
        (30 * M, 2.0, True),
    ],
)
def test_red_clock_progress(elapsed, fraction, breached):
    clock = take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=T0, now=T0 + elapsed)
    assert clock.consumed == elapsed
    assert clock.fraction == pytest.approx(fraction)
    assert clock.breached is breached
    assert clock.due_at == T0 + 15 * M
    assert clock.warning_at == T0 + 12 * M
    assert not clock.paused and not clock.scheduled


@pytest.mark.parametrize(
    ("code", "elapsed", "scheduled", "breached"),
    [
        ("green", 47 * H, True, False),
        ("green", 48 * H, False, False),
        ("green", 95 * H, False, False),
        ("green", 96 * H, False, True),
        ("white", 1 * H, True, False),
        ("white", 7 * 24 * H, False, True),
    ],
)
def test_not_before(code, elapsed, scheduled, breached):
    clock = take_in_charge_clock(DEFAULT_TARGETS[code], opened_at=T0, now=T0 + elapsed)
    assert clock.not_before_at == T0 + 48 * H
    assert clock.scheduled is scheduled
    assert clock.breached is breached


def test_scheduled_ticket_is_never_breached():
    target = Target(H, not_before=2 * H)
    clock = take_in_charge_clock(target, opened_at=T0, now=T0 + 90 * M)
    assert clock.fraction == pytest.approx(1.5)
    assert clock.scheduled and not clock.breached
    assert take_in_charge_clock(target, opened_at=T0, now=T0 + 2 * H).breached


def test_not_before_uses_target_calendar():
    target = Target(8 * H, calendar=BIZ, not_before=2 * H)
    clock = take_in_charge_clock(target, opened_at=rome(2026, 11, 13, 17, 30), now=rome(2026, 11, 16, 9))
    assert clock.not_before_at == rome(2026, 11, 16, 10, 30)
    assert clock.scheduled


def test_retriage_recomputes_from_original_opening():
    opened, now = T0, T0 + 20 * M
    yellow = take_in_charge_clock(DEFAULT_TARGETS["yellow"], opened_at=opened, now=now)
    assert not yellow.breached
    red = take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=opened, now=now)
    assert red.breached
    assert red.due_at == opened + 15 * M
    assert red.fraction == pytest.approx(20 / 15)


@pytest.mark.parametrize(
    ("target", "opened", "expected_warning", "expected_due"),
    [
        (DEFAULT_TARGETS["red"], T0, T0 + 12 * M, T0 + 15 * M),
        (DEFAULT_TARGETS["yellow"], T0, T0 + timedelta(hours=19, minutes=12), T0 + 24 * H),
        (Target(8 * H, calendar=BIZ), rome(2026, 11, 13, 17, 59), rome(2026, 11, 16, 15, 23), rome(2026, 11, 16, 16, 59)),
    ],
)
def test_warning_at_80_percent(target, opened, expected_warning, expected_due):
    before = take_in_charge_clock(target, opened_at=opened, now=expected_warning - timedelta(seconds=1))
    at = take_in_charge_clock(target, opened_at=opened, now=expected_warning)
    assert at.warning_at == expected_warning and at.due_at == expected_due
    assert before.fraction < 0.8 <= at.fraction
    assert deadline(target, opened_at=opened, fraction=0.8) == expected_warning


def test_business_clock_consumed_skips_closed_time():
    target = Target(8 * H, calendar=BIZ)
    clock = take_in_charge_clock(target, opened_at=rome(2026, 11, 13, 17, 59), now=rome(2026, 11, 16, 10))
    assert clock.consumed == 61 * M
    assert not clock.breached
    late = take_in_charge_clock(target, opened_at=rome(2026, 11, 13, 17, 59), now=rome(2026, 11, 16, 20))
    assert late.breached and late.consumed == 9 * H + M


def test_now_before_opening_counts_nothing():
    clock = take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=T0, now=T0 - M)
    assert clock.consumed == timedelta(0) and not clock.breached


# ------------------------------------------------------------------ pauses


@pytest.mark.parametrize(
    ("target", "opened", "pauses", "expected_due"),
    [
        pytest.param(DEFAULT_TARGETS["yellow"], T0, [Pause(T0 + 2 * H, T0 + 5 * H)], T0 + 27 * H, id="24x7-middle"),
        pytest.param(
            DEFAULT_TARGETS["yellow"],
            T0,
            [Pause(T0 + 2 * H, T0 + 4 * H), Pause(T0 + 3 * H, T0 + 5 * H)],
            T0 + 27 * H,
            id="overlapping-merged",
        ),
        pytest.param(
            DEFAULT_TARGETS["yellow"], T0, [Pause(T0 - 5 * H, T0 + H)], T0 + 25 * H, id="started-before-opening"
        ),
        pytest.param(DEFAULT_TARGETS["yellow"], T0, [Pause(T0 - 5 * H, T0 - H)], T0 + 24 * H, id="before-opening"),
        pytest.param(DEFAULT_TARGETS["red"], T0, [Pause(T0 + 20 * M, T0 + H)], T0 + 15 * M, id="after-deadline"),
        pytest.param(DEFAULT_TARGETS["red"], T0, [Pause(T0 + 5 * M, T0 + 5 * M)], T0 + 15 * M, id="zero-length"),
        pytest.param(
            Target(8 * H, calendar=BIZ),
            rome(2026, 11, 16, 9),
            [Pause(rome(2026, 11, 16, 12), rome(2026, 11, 16, 14))],
            rome(2026, 11, 17, 10),
            id="biz-middle",
        ),
        pytest.param(
            Target(8 * H, calendar=BIZ),
            rome(2026, 11, 16, 9),
            [Pause(rome(2026, 11, 16, 16), rome(2026, 11, 17, 10))],
            rome(2026, 11, 17, 11),
            id="biz-across-closing",
        ),
        pytest.param(
            Target(8 * H, calendar=BIZ),
            rome(2026, 11, 13, 17, 59),
            [Pause(rome(2026, 11, 14, 10), rome(2026, 11, 15, 20))],
            rome(2026, 11, 16, 16, 59),
            id="biz-pause-on-weekend",
        ),
        pytest.param(
            Target(8 * H, calendar=BIZ),
            rome(2026, 11, 13, 17, 59),
            [Pause(rome(2026, 11, 13, 18), rome(2026, 11, 16, 9))],
            rome(2026, 11, 16, 16, 59),
            id="biz-pause-exactly-closed",
        ),
    ],
)
def test_pauses_shift_deadline_by_paused_open_time(target, opened, pauses, expected_due):
    assert deadline(target, opened_at=opened, pauses=pauses) == expected_due
    far_future = expected_due + 30 * 24 * H
    clock = take_in_charge_clock(target, opened_at=opened, now=far_future, pauses=pauses)
    assert clock.due_at == expected_due and not clock.paused
    # The extension is exactly the paused open time before the original deadline.
    original = deadline(target, opened_at=opened)
    paused_open = sum(
        (target.calendar.between(max(p.start, opened), min(p.end, expected_due)) for p in pauses if p.start < original),
        timedelta(0),
    )
    if len(pauses) == 1:
        assert target.calendar.add(original, paused_open) == expected_due


def test_pause_subtracts_only_open_time_from_consumed():
    target = Target(12 * H, calendar=BIZ)
    pauses = [Pause(rome(2026, 11, 16, 17), rome(2026, 11, 17, 10))]
    clock = take_in_charge_clock(target, opened_at=rome(2026, 11, 16, 9), now=rome(2026, 11, 17, 12), pauses=pauses)
    assert clock.consumed == 10 * H  # Mon 09-17 and Tue 10-12


def test_open_pause_clock_assumes_resume_now():
    red = DEFAULT_TARGETS["red"]
    pauses = [Pause(T0 + 5 * M)]
    clock = take_in_charge_clock(red, opened_at=T0, now=T0 + 20 * M, pauses=pauses)
    assert clock.paused
    assert clock.consumed == 5 * M
    assert clock.fraction == pytest.approx(1 / 3)
    assert clock.due_at == T0 + 30 * M  # 5 counted + pause until now + 10 remaining
    assert not clock.breached
    # Without a clock, the deadline is unknown while the pause is open...
    assert deadline(red, opened_at=T0, pauses=pauses) is None
    # ...unless the fraction was reached before the pause began.
    assert deadline(red, opened_at=T0, pauses=pauses, fraction=0.2) == T0 + 3 * M


def test_open_pause_after_breach_keeps_breach():
    red = DEFAULT_TARGETS["red"]
    pauses = [Pause(T0 + 20 * M)]
    clock = take_in_charge_clock(red, opened_at=T0, now=T0 + 60 * M, pauses=pauses)
    assert clock.paused and clock.breached
    assert clock.consumed == 20 * M
    assert clock.due_at == T0 + 15 * M
    assert deadline(red, opened_at=T0, pauses=pauses) == T0 + 15 * M


def test_pause_with_known_end_after_now():
    yellow = DEFAULT_TARGETS["yellow"]
    pauses = [Pause(T0 + H, T0 + 4 * H)]
    clock = take_in_charge_clock(yellow, opened_at=T0, now=T0 + 2 * H, pauses=pauses)
    assert clock.paused
    assert clock.consumed == H
    assert clock.due_at == T0 + 27 * H


def test_open_pause_during_closed_hours_business():
    target = Target(8 * H, calendar=BIZ)
    opened = rome(2026, 11, 13, 17, 59)
    pauses = [Pause(rome(2026, 11, 14, 10))]
    clock = take_in_charge_clock(target, opened_at=opened, now=rome(2026, 11, 15, 12), pauses=pauses)
    assert clock.paused and clock.consumed == M
    assert clock.due_at == rome(2026, 11, 16, 16, 59)  # resumed Sunday: nothing lost


# -------------------------------------------------------------- resolution


def test_resolution_clock():
    assert resolution_clock(DEFAULT_TARGETS["red"], opened_at=T0, now=T0) is None
    target = Target(H, not_before=2 * H, resolution=8 * H)
    clock = resolution_clock(target, opened_at=T0, now=T0 + 9 * H, pauses=[Pause(T0 + H, T0 + 2 * H)])
    assert clock is not None
    assert clock.due_at == T0 + 9 * H
    assert clock.not_before_at is None and not clock.scheduled
    assert clock.breached and clock.consumed == 8 * H


# -------------------------------------------------------------- validation


def _closed_for_too_long():
    days = frozenset(date(2026, 1, 1) + timedelta(days=i) for i in range(500))
    return Calendar(closed_days=days).add(utc(2026, 1, 1), H)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda: Target(timedelta(0)), "take_in_charge must be positive", id="zero-target"),
        pytest.param(lambda: Target(-M), "take_in_charge must be positive", id="negative-target"),
        pytest.param(lambda: Target(30), "must be a timedelta", id="int-target"),
        pytest.param(lambda: Target(H, not_before=timedelta(0)), "not_before", id="zero-not-before"),
        pytest.param(lambda: Target(H, resolution=-H), "resolution", id="negative-resolution"),
        pytest.param(lambda: Target(H, calendar="UTC"), "must be a Calendar", id="bad-calendar"),
        pytest.param(lambda: Calendar(tz="Mars/Olympus_Mons"), "unknown time zone", id="unknown-tz"),
        pytest.param(lambda: Calendar.business("Nowhere/City", time(9), time(18)), "unknown time zone", id="biz-tz"),
        pytest.param(lambda: Calendar(tz=""), "time zone", id="empty-tz"),
        pytest.param(lambda: Calendar(holiday_country="XX"), "no holiday data", id="unknown-country"),
        pytest.param(lambda: Calendar(holiday_subdiv="RM"), "needs holiday_country", id="subdiv-alone"),
        pytest.param(lambda: Calendar(weekly=((),) * 6), "7 entries", id="weekly-6-days"),
        pytest.param(lambda: Calendar(weekly=((),) * 7), "no opening hours", id="weekly-empty"),
        pytest.param(
            lambda: Calendar.business("UTC", time(18), time(9)), "closes before it opens", id="close-before-open"
        ),
        pytest.param(
            lambda: Calendar(weekly=(((time(9), time(13)), (time(12), time(18))),) * 7), "overlap", id="overlap"
        ),
        pytest.param(lambda: Calendar.business("UTC", time(9), time(18), days=(7,)), "weekday", id="bad-weekday"),
        pytest.param(lambda: Calendar(closed_days=frozenset({T0})), "closed_days", id="datetime-closed-day"),
        pytest.param(lambda: Pause(T0, T0 - M), "before it starts", id="pause-reversed"),
        pytest.param(lambda: Pause(datetime(2026, 1, 1)), "naive", id="pause-naive"),
        pytest.param(lambda: Pause(T0, datetime(2026, 1, 1)), "naive", id="pause-end-naive"),
        pytest.param(
            lambda: take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=datetime(2026, 1, 1), now=T0),
            "opened_at must be timezone-aware",
            id="naive-opened",
        ),
        pytest.param(
            lambda: take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=T0, now=datetime(2026, 1, 1)),
            "now must be timezone-aware",
            id="naive-now",
        ),
        pytest.param(
            lambda: take_in_charge_clock(DEFAULT_TARGETS["red"], opened_at=T0, now=T0, pauses=[(T0, None)]),
            "Pause objects",
            id="pause-tuple",
        ),
        pytest.param(lambda: ALWAYS.add(datetime(2026, 1, 1), H), "naive", id="add-naive"),
        pytest.param(lambda: BIZ.add(T0, -H), "amount must be positive", id="add-negative"),
        pytest.param(lambda: BIZ.between(T0, datetime(2026, 1, 1)), "end must be", id="between-naive"),
        pytest.param(lambda: BIZ.open_intervals(datetime(2026, 1, 1), T0), "start must be", id="intervals-naive"),
        pytest.param(
            lambda: deadline(DEFAULT_TARGETS["red"], opened_at=T0, fraction=-0.5), "fraction", id="negative-fraction"
        ),
        pytest.param(_closed_for_too_long, "no open time for 400 days", id="never-open"),
    ],
)
def test_invalid_inputs_raise_sla_error(make, message):
    with pytest.raises(SlaError, match=message):
        make()


def test_sla_error_is_value_error():
    assert issubclass(SlaError, ValueError)


# ------------------------------------------------------------- performance


def test_business_scan_is_fast():
    target = Target(8 * H, calendar=BIZ, resolution=40 * H)
    now = rome(2026, 12, 28, 11)
    started = wallclock.perf_counter()
    for i in range(3000):
        opened = now - timedelta(minutes=7 * i)  # spread over three weeks
        take_in_charge_clock(target, opened_at=opened, now=now, pauses=[Pause(opened + H, opened + 2 * H)])
    assert wallclock.perf_counter() - started < 10
