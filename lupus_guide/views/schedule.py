"""`schedule NAME`: the dates of upcoming infusions from a therapy's usual regimen."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Bullets, Callout, Heading, Paragraph, Table
from lupus_guide.errors import UsageError
from lupus_guide.messages import say
from lupus_guide.planning import plan_request
from lupus_guide.views import Result, new_document, reads, source_rows, to_data


def weekday(day: dt.date) -> str:
    return say(f"weekday.{day.weekday()}")


def phase_words(phase: str) -> str:
    """The plain words for a phase in the table ("first doses"); JSON keeps the technical word."""
    return say(f"schedule.phase.{phase}")


def dates_from(options: dict) -> str:
    """Where the dates come from: the regimen, or the care team's --dates or --every."""
    return next((key for key in ("dates", "every") if options.get(key) is not None), "regimen")


def every_line(every: str) -> str:
    """``One infusion every 14 days.``"""
    from lupus_guide.planning import parse_interval

    gap = parse_interval(every)
    if gap.every_months is not None:
        return say("schedule.given_every", every=say("schedule.every_months",
                                                     count=gap.every_months))
    return say("schedule.given_every", every=say("schedule.every_days", count=gap.every_days))


@reads("therapies", "regimens")
def schedule(content, name: str, **options) -> Result:
    from lupus_guide.planning import other_regimens, short_name

    therapy, regimen, doses = plan_request(content, name, **options)
    source = dates_from(options)
    note = say("schedule.care_team") if source == "regimen" else say("schedule.given_note")
    others = other_regimens(content, regimen)
    data = {"therapy": therapy.id, "regimen": to_data(regimen), "care_team": note,
            "dates_from": source,
            "other_regimens": [{"id": r.id, "short_name": short_name(r), "name": r.name}
                               for r in others],
            "doses": [{"number": d.number, "date": d.date.isoformat(),
                       "weekday": weekday(d.date), "phase": d.phase} for d in doses]}

    def document():
        title = say("schedule.title", name=therapy.display_name)
        doc = new_document(content, title)
        doc.add(Heading(title),
                Paragraph(say("schedule.regimen", name=regimen.name, id=regimen.id)))
        if source == "regimen":
            doc.add(Callout("info", say("schedule.care_team_title"), note))
        else:
            doc.add(Callout("info", say("schedule.given_title"), note))
            if options.get("every") is not None:
                doc.add(Paragraph(every_line(options["every"])))
        if doses:
            doc.add(Table([say(f"schedule.column.{n}") for n in ("dose", "date", "weekday",
                                                                 "phase")],
                          [[str(d.number), d.date.isoformat(), weekday(d.date),
                            phase_words(d.phase)] for d in doses]))
        else:
            doc.add(Paragraph(say("schedule.no_dates")), Paragraph(say("schedule.give_dates")))
        if others and source == "regimen":
            doc.add(Paragraph(say("schedule.others", therapy=therapy.display_name)),
                    Bullets([say("schedule.other", name=r.name, short=short_name(r))
                             for r in others]),
                    Paragraph(say("schedule.pick_other")))
        if regimen.notes:
            doc.add(Heading(say("schedule.notes"), 2), Bullets(list(regimen.notes)))
        doc.add(Heading(say("heading.sources"), 2), source_rows(regimen.sources))
        return doc

    return Result("schedule", data, document)


@reads("therapies", "regimens", "checklists")
def ics_text(content, name: str, *, at: str | None = None, minutes: int = 120,
             tz: str | None = None, remind: str | None = "09:00",
             **options) -> tuple[str, int]:
    """The schedule as iCalendar text, and how many infusions it holds."""
    from lupus_guide import ics
    from lupus_guide.inputs import parse_time
    from lupus_guide.views.blocks import stage_items

    therapy, regimen, doses = plan_request(content, name, **options)
    if not doses:
        raise UsageError(say("schedule.no_dates_to_export", therapy=therapy.generic_name),
                         say("schedule.give_dates"))
    if not 1 <= minutes <= 24 * 60:
        raise UsageError(say("schedule.bad_duration", minutes=minutes))
    if tz is not None and at is None:
        raise UsageError(say("schedule.tz_needs_time"))
    before = stage_items(content, therapy, "before")
    every = [i.text for i in before if i.for_dose == "every"]
    if content.clinic is not None:
        every += [say("checklist.bring", thing=thing) for thing in content.clinic.what_to_bring]
    text = ics.calendar_text(therapy, regimen, doses, clinic=content.clinic,
                             first=[i.text for i in before if i.for_dose == "first"],
                             every=every, at=parse_time(at) if at is not None else None,
                             minutes=minutes, remind=reminder_time(remind),
                             zone=ics.time_zone(tz) if tz is not None else None)
    return text, len(doses)


def reminder_time(text: str | None) -> dt.time | None:
    """``--remind``: HH:MM, or none (no reminder)."""
    from lupus_guide.inputs import printable

    if text is None or text.strip().casefold() == "none":
        return None
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, OverflowError):
        raise UsageError(say("ics.remind_none_or_time", text=printable(text)),
                         say("ics.remind_hint")) from None
