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


def calendar_text(therapy, regimen, doses, *, checklist: list[str], clinic=None,
                  at: dt.time | None = None, minutes: int = 120, zone=None) -> str:
    """The .ics text: all-day events, or timed ones (at ``at`` for ``minutes``; in ``zone``, or
    floating, which calendars read as the local time)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", say("ics.calendar_name", therapy=therapy.generic_name))
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    lines = [say("ics.care_team"), "", say("ics.before_you_go")]
    lines += [f"- {item}" for item in checklist]
    if clinic is not None:
        lines += ["", say("ics.call", phones=clinic.phones())]
        if clinic.address:
            lines.append(clinic.address)
    description = "\n".join(lines)
    for dose in doses:
        event = Event()
        event.add("uid", uid(regimen.id, dose.number))
        event.add("dtstamp", stamp)
        event.add("summary", say("ics.event", name=therapy.display_name, number=dose.number,
                                 phase=dose.phase))
        if at is None:
            event.add("dtstart", dose.date)
            event.add("dtend", dose.date + dt.timedelta(days=1))
        else:
            begin = dt.datetime.combine(dose.date, at, tzinfo=zone)
            event.add("dtstart", begin)
            event.add("dtend", begin + dt.timedelta(minutes=minutes))
        event.add("description", description)
        if clinic is not None and clinic.address:
            event.add("location", clinic.address)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", say("ics.reminder", name=therapy.display_name))
        alarm.add("trigger", dt.timedelta(days=-1))
        event.add_component(alarm)
        cal.add_component(event)
    if zone is not None and at is not None:
        cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")
