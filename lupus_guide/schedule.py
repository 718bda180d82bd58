"""Dates from a regimen: plain date arithmetic, no medical knowledge (that is in regimens.yaml).

Dose 1 falls on the start date. The gap before each later dose is the interval of the phase that
dose belongs to: belimumab's dose 4 (the first maintenance dose) comes 4 weeks after dose 3.
"""

from __future__ import annotations

import calendar
import datetime as dt

from lupus_guide._imports import msgspec

MAX_DOSES = 500  # a schedule longer than this is a typo, not a plan


class Dose(msgspec.Struct, frozen=True):
    number: int
    date: dt.date
    phase: str


def phase_of(regimen, number: int):
    """The phase dose ``number`` (1-based) belongs to."""
    seen = 0
    for phase in regimen.phases:
        if phase.doses is None or number <= seen + phase.doses:
            return phase
        seen += phase.doses
    return None  # past the end of a course


def course_length(regimen) -> int | None:
    """How many doses the regimen has in all, or None when it goes on (maintenance)."""
    if any(phase.doses is None for phase in regimen.phases):
        return None
    return sum(phase.doses for phase in regimen.phases)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def step(day: dt.date, phase, times: int = 1) -> dt.date:
    """``times`` of the phase's intervals after ``day``."""
    if phase.every_months is not None:
        return add_months(day, phase.every_months * times)
    return day + dt.timedelta(days=phase.every_days * times)


def plan(regimen, start: dt.date, *, first_number: int = 1, count: int | None = None,
         until: dt.date | None = None) -> list[Dose]:
    """Doses ``first_number`` onward, the first on ``start``: ``count`` of them, or up to
    ``until``, or to the end of the course; never more than ``MAX_DOSES``."""
    total = course_length(regimen)
    doses: list[Dose] = []
    number, day = first_number, start
    anchor, steps = start, 0  # dates within a phase count from its first dose: no month drift
    while len(doses) < MAX_DOSES:
        phase = phase_of(regimen, number)
        if phase is None or (total is not None and number > total):
            break
        if until is not None and day > until:
            break
        doses.append(Dose(number, day, phase.phase))
        if count is not None and len(doses) >= count:
            break
        following = phase_of(regimen, number + 1)
        if following is None:
            break
        if following is phase:
            steps += 1
            day = step(anchor, following, steps)
        else:
            day = step(day, following)
            anchor, steps = day, 0
        number += 1
    return doses


def next_after(regimen, last_number: int, last_date: dt.date) -> tuple[int, dt.date] | None:
    """The number and date of the dose after dose ``last_number`` given on ``last_date``."""
    following = phase_of(regimen, last_number + 1)
    if following is None:
        return None
    return last_number + 1, step(last_date, following)
