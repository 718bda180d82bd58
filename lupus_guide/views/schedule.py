"""`schedule NAME`: the dates of upcoming infusions from a therapy's usual regimen."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Bullets, Callout, Heading, Paragraph, Table
from lupus_guide.errors import NotFound, UsageError
from lupus_guide.lookup import find_therapy, printable
from lupus_guide.views import Result, new_document, source_rows, to_data

CARE_TEAM = ("Your real schedule is set by your care team. These are the usual dates from the label "
             "or guideline, to help you plan; follow the dates your care team gives you.")
YEAR = dt.timedelta(days=365)


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f'{option} "{printable(text)}" is not a date.',
                         "Write it as YYYY-MM-DD, for example 2027-01-15.") from None


def choose_regimen(content, therapy, wanted: str | None):
    """The regimen asked for, else the therapy's default one."""
    from lupus_guide.suggest import did_you_mean

    own = [r for r in content.regimens if r.therapy == therapy.id]
    if not own:
        raise NotFound(f"The guide has no usual schedule for {therapy.generic_name}.",
                       "Ask your care team for your dates.")
    if wanted is None:
        return next((r for r in own if r.default), own[0])
    for regimen in own:
        if regimen.id == wanted.strip().casefold():
            return regimen
    ids = [r.id for r in own]
    hint = did_you_mean(wanted.strip().casefold(), ids, "Regimens: " + ", ".join(ids))
    raise NotFound(f'{therapy.generic_name} has no regimen "{printable(wanted)}".', hint)


def plan_request(content, name: str, *, regimen: str | None = None, start: str | None = None,
                 count: int | None = None, until: str | None = None, from_dose: int | None = None,
                 last: str | None = None):
    """Check the options, then plan: (therapy, regimen, doses)."""
    from lupus_guide.schedule import MAX_DOSES, course_length, next_after, plan

    therapy = find_therapy(content.therapies, name)
    chosen = choose_regimen(content, therapy, regimen)
    if count is not None and not 1 <= count <= MAX_DOSES:
        raise UsageError(f"--count must be from 1 to {MAX_DOSES}, not {count}.")
    if count is not None and until is not None:
        raise UsageError("Give --count or --until, not both.")
    if chosen.set_by_care_team:
        return therapy, chosen, []
    total = course_length(chosen)
    if from_dose is not None or last is not None:
        if from_dose is None or last is None or start is not None:
            raise UsageError("To continue a schedule, give --from-dose N and --last DATE "
                             "(the date of dose N-1), without --start.")
        if from_dose < 2 or (total is not None and from_dose > total):
            limit = f"2 to {total}" if total is not None else "2 or more"
            raise UsageError(f"--from-dose must be {limit} for this regimen, not {from_dose}.")
        number, first = next_after(chosen, from_dose - 1, parse_date(last, "--last"))
    elif start is None:
        raise UsageError("Give --start DATE (the first infusion), or --from-dose N --last DATE.")
    else:
        number, first = 1, parse_date(start, "--start")
    end = parse_date(until, "--until") if until is not None else None
    if end is not None and end < first:
        raise UsageError(f"--until {end} is before the first infusion on {first}.")
    if count is None and end is None and total is None:
        end = first + YEAR  # an open-ended regimen: show a year
    return therapy, chosen, plan(chosen, first, first_number=number, count=count, until=end)


def schedule(content, name: str, **options) -> Result:
    therapy, regimen, doses = plan_request(content, name, **options)
    data = {"therapy": therapy.id, "regimen": to_data(regimen), "care_team": CARE_TEAM,
            "doses": [{"number": d.number, "date": d.date.isoformat(),
                       "weekday": d.date.strftime("%A"), "phase": d.phase} for d in doses]}

    def document():
        title = f"Infusion dates: {therapy.display_name}"
        doc = new_document(content, title)
        doc.add(Heading(title), Paragraph(f"Regimen: {regimen.name} ({regimen.id})"),
                Callout("info", "Your care team sets your schedule", CARE_TEAM))
        if doses:
            doc.add(Table(["Dose", "Date", "Weekday", "Phase"],
                          [[str(d.number), d.date.isoformat(), d.date.strftime("%A"), d.phase]
                           for d in doses]))
        else:
            doc.add(Paragraph("The guide shows no dates for this therapy: the label or guideline "
                              "leaves them to your care team. Ask them for your dates."))
        if regimen.notes:
            doc.add(Heading("Notes", 2), Bullets(list(regimen.notes)))
        doc.add(Heading("Sources", 2), source_rows(regimen.sources))
        return doc

    return Result("schedule", data, document)


def ics_text(content, name: str, *, at: str | None = None, minutes: int = 120,
             tz: str | None = None, **options) -> tuple[str, int]:
    """The schedule as iCalendar text, and how many infusions it holds."""
    from lupus_guide import ics
    from lupus_guide.views.prepare import stage_items

    therapy, regimen, doses = plan_request(content, name, **options)
    if not doses:
        raise UsageError(f"There are no dates to export for {therapy.generic_name}: "
                         "your care team sets them.")
    if not 1 <= minutes <= 24 * 60:
        raise UsageError(f"--duration must be from 1 to 1440 minutes, not {minutes}.")
    if tz is not None and at is None:
        raise UsageError("--tz needs --time (all-day events have no time zone).")
    checklist = [i.text for i in stage_items(content, therapy, "before") if therapy.id in i.therapies]
    checklist = checklist or [i.text for i in stage_items(content, therapy, "before")][:5]
    text = ics.calendar_text(therapy, regimen, doses, checklist=checklist, clinic=content.clinic,
                             at=ics.parse_time(at) if at is not None else None, minutes=minutes,
                             zone=ics.time_zone(tz) if tz is not None else None)
    return text, len(doses)
