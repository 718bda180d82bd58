"""Dates the care team gives: a list (``--dates``) or a steady gap (``--every 14d``, ``2w``,
``6mo``). They plan like a regimen with one phase, so every therapy gets a table and a calendar,
even one whose regimen the care team sets."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import msgspec

from lupus_guide.errors import UsageError
from lupus_guide.inputs import parse_date, printable
from lupus_guide.messages import say

GIVEN = "given"  # the phase of a dose whose date the care team gave
UNITS = {"d": "days", "day": "days", "days": "days", "w": "weeks", "wk": "weeks",
         "wks": "weeks", "week": "weeks", "weeks": "weeks", "mo": "months", "mos": "months",
         "month": "months", "months": "months"}
LIMITS = {"days": 731, "weeks": 104, "months": 24}  # a gap over two years is a typo
INTERVAL = re.compile(r"(\d{1,9})\s*([a-z]*)")


class Interval(msgspec.Struct, frozen=True):
    """A steady gap shaped like a regimen phase, so ``planning.plan`` can step by it."""

    every_days: int | None = None
    every_months: int | None = None
    phase: str = GIVEN
    doses: None = None


class Steady(msgspec.Struct, frozen=True):
    """A regimen of one endless phase."""

    phases: tuple[Interval, ...]


def parse_interval(text: str) -> Interval:
    """``--every``: a number and a unit, e.g. 14d, 2w, 6mo (or 14 days, 2 weeks, 6 months)."""
    from lupus_guide.suggest import did_you_mean

    match = INTERVAL.fullmatch(text.strip().casefold())
    if match is None or not match.group(2):
        raise UsageError(say("given.not_interval", text=printable(text)),
                         say("given.interval_hint"))
    amount, unit = int(match.group(1)), match.group(2)
    if unit not in UNITS:
        raise UsageError(say("given.unknown_unit", text=printable(text), unit=printable(unit)),
                         did_you_mean(unit, UNITS, say("given.interval_hint")))
    kind = UNITS[unit]
    if not 1 <= amount <= LIMITS[kind]:
        raise UsageError(say("given.interval_range", text=printable(text), **LIMITS))
    if kind == "months":
        return Interval(every_months=amount)
    return Interval(every_days=amount * (7 if kind == "weeks" else 1))


def parse_dates(text: str) -> list[dt.date]:
    """``--dates``: dates as YYYY-MM-DD, split by commas, first to last, none twice."""
    from lupus_guide.planning import MAX_DOSES

    pieces = text.split(",", MAX_DOSES)
    if len(pieces) > MAX_DOSES:
        raise UsageError(say("given.too_many", limit=MAX_DOSES))
    if any(not piece.strip() for piece in pieces):
        raise UsageError(say("given.empty_date"), say("input.date_hint"))
    days = [parse_date(piece, "--dates") for piece in pieces]
    for before, after in itertools.pairwise(days):
        if after == before:
            raise UsageError(say("given.twice", date=after), say("given.order_hint"))
        if after < before:
            raise UsageError(say("given.unsorted", later=before, earlier=after),
                             say("given.order_hint"))
    return days


def given_doses(*, dates: str | None, every: str | None, start: str | None, count: int | None,
                until: str | None, from_dose: int | None, last: str | None) -> list:
    """The doses on the dates given: each date of ``dates``, or ``every`` gap from ``start``
    (or after ``last``, for dose ``from_dose`` on). ``count``/``until`` are checked already."""
    from lupus_guide.planning import YEAR, Dose, plan

    if dates is not None and every is not None:
        raise UsageError(say("given.dates_or_every"))
    if from_dose is not None and not 1 <= from_dose <= 10_000:
        raise UsageError(say("given.from_dose_range", dose=from_dose))
    if dates is not None:
        if start is not None or count is not None or until is not None or last is not None:
            raise UsageError(say("given.dates_alone"))
        first_number = from_dose if from_dose is not None else 1
        return [Dose(first_number + index, day, GIVEN)
                for index, day in enumerate(parse_dates(dates))]
    assert every is not None
    interval = parse_interval(every)
    steady = Steady((interval,))
    if last is not None:
        if from_dose is None or from_dose < 2 or start is not None:
            raise UsageError(say("plan.continue"))
        number = from_dose
        first = plan(steady, parse_date(last, "--last"), count=2)[1].date
    elif start is None:
        raise UsageError(say("given.every_needs_start"))
    else:
        number, first = from_dose or 1, parse_date(start, "--start")
    end = parse_date(until, "--until") if until is not None else None
    if end is not None and end < first:
        raise UsageError(say("plan.until_before", until=end, first=first))
    if count is None and end is None:
        end = first + min(YEAR, dt.date.max - first)  # no end given: show a year
    return plan(steady, first, first_number=number, count=count, until=end)
