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


@reads("therapies", "regimens")
def schedule(content, name: str, **options) -> Result:
    therapy, regimen, doses = plan_request(content, name, **options)
    data = {"therapy": therapy.id, "regimen": to_data(regimen),
            "care_team": say("schedule.care_team"),
            "doses": [{"number": d.number, "date": d.date.isoformat(),
                       "weekday": weekday(d.date), "phase": d.phase} for d in doses]}

    def document():
        title = say("schedule.title", name=therapy.display_name)
        doc = new_document(content, title)
        doc.add(Heading(title),
                Paragraph(say("schedule.regimen", name=regimen.name, id=regimen.id)),
                Callout("info", say("schedule.care_team_title"), say("schedule.care_team")))
        if doses:
            doc.add(Table([say(f"schedule.column.{n}") for n in ("dose", "date", "weekday",
                                                                 "phase")],
                          [[str(d.number), d.date.isoformat(), weekday(d.date), d.phase]
                           for d in doses]))
        else:
            doc.add(Paragraph(say("schedule.no_dates")))
        if regimen.notes:
            doc.add(Heading(say("schedule.notes"), 2), Bullets(list(regimen.notes)))
        doc.add(Heading(say("heading.sources"), 2), source_rows(regimen.sources))
        return doc

    return Result("schedule", data, document)


@reads("therapies", "regimens", "checklists")
def ics_text(content, name: str, *, at: str | None = None, minutes: int = 120,
             tz: str | None = None, **options) -> tuple[str, int]:
    """The schedule as iCalendar text, and how many infusions it holds."""
    from lupus_guide import ics
    from lupus_guide.inputs import parse_time
    from lupus_guide.views.blocks import stage_items

    therapy, regimen, doses = plan_request(content, name, **options)
    if not doses:
        raise UsageError(say("schedule.no_dates_to_export", therapy=therapy.generic_name))
    if not 1 <= minutes <= 24 * 60:
        raise UsageError(say("schedule.bad_duration", minutes=minutes))
    if tz is not None and at is None:
        raise UsageError(say("schedule.tz_needs_time"))
    before = stage_items(content, therapy, "before")
    checklist = [i.text for i in before if therapy.id in i.therapies]
    checklist = checklist or [i.text for i in before][:5]
    text = ics.calendar_text(therapy, regimen, doses, checklist=checklist, clinic=content.clinic,
                             at=parse_time(at) if at is not None else None, minutes=minutes,
                             zone=ics.time_zone(tz) if tz is not None else None)
    return text, len(doses)
