"""Planning from a regimen: which regimen, which doses on which dates, and how logged infusions
line up with them. Plain date arithmetic, no medical knowledge (that is in regimens.yaml).

Dose 1 falls on the start date. The gap before each later dose is the interval of the phase that
dose belongs to: belimumab's dose 4 (the first maintenance dose) comes 4 weeks after dose 3.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

import msgspec

from lupus_guide.errors import NotFound, UsageError
from lupus_guide.find import find_therapy
from lupus_guide.inputs import parse_date, printable
from lupus_guide.messages import say

MAX_DOSES = 500  # a schedule longer than this is a typo, not a plan
YEAR = dt.timedelta(days=365)


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
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def step(day: dt.date, phase, times: int = 1) -> dt.date:
    """``times`` of the phase's intervals after ``day``; a UsageError past the year 9999."""
    try:
        if phase.every_months is not None:
            return add_months(day, phase.every_months * times)
        return day + dt.timedelta(days=phase.every_days * times)
    except (OverflowError, ValueError):  # the calendar ends on 9999-12-31
        raise UsageError(say("schedule.past_9999", year=dt.MAXYEAR),
                         say("schedule.past_9999_hint")) from None


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


def short_name(regimen) -> str:
    """The regimen's id without its therapy's name: ``euro-lupus`` for
    ``cyclophosphamide-euro-lupus``."""
    prefix = f"{regimen.therapy}-"
    return regimen.id[len(prefix):] if regimen.id.startswith(prefix) else regimen.id


def _words(text: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in text.casefold()).split()


def regimens_named(own: list, wanted: str) -> list:
    """The regimens ``wanted`` names: by id, by short name, else those where each of its words
    starts a word of the id (``nih``, ``sc-ln``), else of the id or the name (``low dose``)."""
    key = "-".join(_words(wanted))
    exact = [r for r in own if key in (r.id, short_name(r))]
    if exact or not key:
        return exact
    asked = [w for w in key.split("-") if w not in {r.therapy for r in own}] or key.split("-")
    for words_of in (lambda r: _words(r.id), lambda r: _words(r.id) + _words(r.name)):
        found = [r for r in own
                 if all(any(word.startswith(a) for word in words_of(r)) for a in asked)]
        if found:
            return found
    return []


def choose_regimen(content, therapy, wanted: str | None):
    """The regimen asked for (by id, short name or a distinctive word), else the therapy's
    default one."""
    from lupus_guide.suggest import did_you_mean

    own = [r for r in content.regimens if r.therapy == therapy.id]
    if not own:
        raise NotFound(say("plan.no_schedule", therapy=therapy.generic_name),
                       say("plan.ask_care_team"))
    if wanted is None:
        return next((r for r in own if r.default), own[0])
    found = regimens_named(own, wanted)
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f'"{short_name(r)}"' for r in found)
        raise UsageError(say("plan.regimen_ambiguous", regimen=printable(wanted),
                             therapy=therapy.generic_name),
                         say("suggest.did_you_mean_one_of", names=names))
    ids = [short_name(r) for r in own]
    hint = did_you_mean("-".join(_words(wanted)), ids + [r.id for r in own],
                        say("plan.regimens", ids=", ".join(ids)))
    raise NotFound(say("plan.no_regimen", therapy=therapy.generic_name, regimen=printable(wanted)),
                   hint)


def other_regimens(content, regimen) -> list:
    """The therapy's regimens other than ``regimen``, to name beside a schedule."""
    return [r for r in content.regimens if r.therapy == regimen.therapy and r.id != regimen.id]


def plan_request(content, name: str, *, regimen: str | None = None, start: str | None = None,
                 count: int | None = None, until: str | None = None, from_dose: int | None = None,
                 last: str | None = None, dates: str | None = None, every: str | None = None):
    """Check the options, then plan: (therapy, regimen, doses). With ``dates`` or ``every`` (the
    care team's own dates), the doses are those, whatever the regimen."""
    therapy = find_therapy(content.therapies, name)
    chosen = choose_regimen(content, therapy, regimen)
    if count is not None and not 1 <= count <= MAX_DOSES:
        raise UsageError(say("plan.count_range", limit=MAX_DOSES, count=count))
    if count is not None and until is not None:
        raise UsageError(say("plan.count_or_until"))
    if dates is not None or every is not None:
        return therapy, chosen, given_doses(dates=dates, every=every, start=start, count=count,
                                            until=until, from_dose=from_dose, last=last)
    if chosen.set_by_care_team:
        return therapy, chosen, []
    total = course_length(chosen)
    if from_dose is not None or last is not None:
        if from_dose is None or last is None or start is not None:
            raise UsageError(say("plan.continue"))
        if from_dose < 2 or (total is not None and from_dose > total):
            limit = (say("plan.two_to", total=total) if total is not None
                     else say("plan.two_or_more"))
            raise UsageError(say("plan.from_dose_range", limit=limit, dose=from_dose))
        following = next_after(chosen, from_dose - 1, parse_date(last, "--last"))
        if following is None:  # from_dose is within the course (checked above)
            raise UsageError(say("plan.from_dose_within", dose=from_dose))
        number, first = following
    elif start is None:
        raise UsageError(say("plan.give_start"))
    else:
        number, first = 1, parse_date(start, "--start")
    end = parse_date(until, "--until") if until is not None else None
    if end is not None and end < first:
        raise UsageError(say("plan.until_before", until=end, first=first))
    if count is None and end is None and total is None:
        end = first + min(YEAR, dt.date.max - first)  # an open-ended regimen: show a year
    return therapy, chosen, plan(chosen, first, first_number=number, count=count, until=end)


def against_schedule(content, therapy_name: str, start: str, regimen: str | None,
                     infusions: list, today: dt.date) -> list[dict]:
    """Each planned dose up to today, matched with the logged infusion nearest it: each planned
    date owns the days from halfway after the dose before to halfway before the dose after."""
    therapy, _, doses = plan_request(content, therapy_name, regimen=regimen, start=start,
                                     until=today.isoformat())
    logged = sorted(dt.date.fromisoformat(e.date) for e in infusions if e.therapy == therapy.id)
    rows = []
    for index, dose in enumerate(doses):
        before = doses[index - 1].date if index else None
        after = doses[index + 1].date if index + 1 < len(doses) else None
        low = dose.date - (dose.date - before) / 2 if before else dt.date.min
        high = dose.date + (after - dose.date) / 2 if after else dt.date.max
        match = next((day for day in logged if low < day <= high), None)
        if match is not None:
            logged.remove(match)
            shift = (match - dose.date).days
            days = say("plan.day" if abs(shift) == 1 else "plan.days", count=abs(shift))
            status = (say("plan.on_the_day") if shift == 0 else
                      say("plan.late" if shift > 0 else "plan.early", days=days))
        else:
            status = say("plan.missed") if high < today else say("plan.not_logged")
        rows.append({"dose": dose.number, "planned": dose.date.isoformat(),
                     "logged": match.isoformat() if match else None, "status": status})
    return rows


# Dates the care team gives: a list (``--dates``) or a steady gap (``--every 14d``, ``2w``,
# ``6mo``). They plan like a regimen with one phase, so every therapy gets a table and a
# calendar, even one whose regimen the care team sets.

GIVEN = "given"  # the phase of a dose whose date the care team gave
UNITS = {"d": "days", "day": "days", "days": "days", "w": "weeks", "wk": "weeks",
         "wks": "weeks", "week": "weeks", "weeks": "weeks", "mo": "months", "mos": "months",
         "month": "months", "months": "months"}
LIMITS = {"days": 731, "weeks": 104, "months": 24}  # a gap over two years is a typo
INTERVAL = re.compile(r"(\d{1,9})\s*([a-z]*)")


class Interval(msgspec.Struct, frozen=True):
    """A steady gap shaped like a regimen phase, so ``plan`` can step by it."""

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
