"""Infusion dates as an iCalendar file: one event per infusion, a reminder the day before, and
UIDs that stay the same from one export to the next, so importing an updated file replaces the
old events instead of adding copies."""

from __future__ import annotations

import datetime as dt

from lupus_guide.messages import say

PRODID = "-//lupus-guide//infusion schedule//EN"


def time_zone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from lupus_guide.errors import UsageError
    from lupus_guide.inputs import printable

    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder (America, Etc)
        raise UsageError(say("ics.not_a_zone", zone=printable(name)),
                         say("ics.zone_hint")) from None


def uid(regimen_id: str, number: int) -> str:
    return f"{regimen_id}-dose-{number}@lupus-guide"


SEQUENCE_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def sequence(now: dt.datetime) -> int:
    """Minutes since 2026: a later export carries a higher SEQUENCE, so calendar programs take
    its events as updates of the ones imported before (same UID), not as stale copies."""
    return max(0, int((now - SEQUENCE_EPOCH).total_seconds() // 60))


def reminder_offset(day: dt.date, at: dt.time | None, remind: dt.time,
                    zone=None) -> dt.timedelta:
    """How long before the event (an all-day one begins at midnight) the day before at
    ``remind`` falls: 15 hours for 9:00 before an all-day event. In a time zone, the real time
    between them (23 or 25 hours across a change to or from daylight time)."""
    begin = dt.datetime.combine(day, at or dt.time(0), tzinfo=zone)
    ring = dt.datetime.combine(day - dt.timedelta(days=1), remind, tzinfo=zone)
    if zone is not None:  # aware times in one zone subtract as wall times: compare in UTC
        begin, ring = begin.astimezone(dt.UTC), ring.astimezone(dt.UTC)
    return begin - ring


def description(dose, *, first: list[str], every: list[str], clinic=None) -> str:
    """What matters for this dose: first-dose items on dose 1 only, the practical ones on every
    dose, and the clinic's phone when a pack is active."""
    lines = [say("ics.care_team")]
    if dose.number == 1 and first:
        lines += ["", say("ics.first_dose")] + [f"- {item}" for item in first]
    if every:
        lines += ["", say("ics.before_you_go")] + [f"- {item}" for item in every]
    if clinic is not None:
        lines += ["", say("ics.call", phones=clinic.phones())]
        if clinic.address:
            lines.append(clinic.address)
    return "\n".join(lines)


def summary(therapy, dose) -> str:
    """``Benlysta infusion (dose 4, later doses)``; no phase for a date the care team gave."""
    if dose.phase == "given":
        return say("ics.event_given", name=therapy.display_name, number=dose.number)
    return say("ics.event", name=therapy.display_name, number=dose.number,
               phase=say(f"schedule.phase.{dose.phase}"))


def calendar_text(therapy, regimen, doses, *, first: list[str], every: list[str], clinic=None,
                  at: dt.time | None = None, minutes: int = 120, zone=None,
                  remind: dt.time | None = dt.time(9), now: dt.datetime | None = None) -> str:
    """The .ics text: all-day events, or timed ones (at ``at`` for ``minutes``; in ``zone``, or
    floating, which calendars read as the local time); a reminder the day before at ``remind``
    (none when None)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", say("ics.calendar_name", therapy=therapy.generic_name))
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    for dose in doses:
        event = Event()
        event.add("uid", uid(regimen.id, dose.number))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence(stamp))
        event.add("summary", summary(therapy, dose))
        if at is None:
            event.add("dtstart", dose.date)
            event.add("dtend", dose.date + dt.timedelta(days=1))
        else:
            begin = dt.datetime.combine(dose.date, at, tzinfo=zone)
            event.add("dtstart", begin)
            event.add("dtend", begin + dt.timedelta(minutes=minutes))
        event.add("description", description(dose, first=first, every=every, clinic=clinic))
        if clinic is not None and clinic.address:
            event.add("location", clinic.address)
        if remind is not None:
            offset = reminder_offset(dose.date, at, remind, zone if at is not None else None)
            event.add_component(alarm(therapy, -offset))
        cal.add_component(event)
    if zone is not None and at is not None:
        cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def alarm(therapy, trigger: dt.timedelta):
    from icalendar import Alarm

    found = Alarm()
    found.add("action", "DISPLAY")
    found.add("description", say("ics.reminder", name=therapy.display_name))
    found.add("trigger", trigger)
    return found
