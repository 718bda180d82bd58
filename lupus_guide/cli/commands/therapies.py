"""`therapies`, `side-effects`, `handout` and `schedule`: one therapy, or all of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from lupus_guide.cli import complete
from lupus_guide.cli.options import (
    ClinicOpt,
    ColorChoice,
    ColorOpt,
    FormatOpt,
    OutputOpt,
    Shared,
)
from lupus_guide.cli.runner import Job, run
from lupus_guide.render import OutputFormat

NameArg = Annotated[str | None, typer.Argument(autocompletion=complete.therapy_names,
                                               help="Show one therapy in full (any name).")]


def therapies(name: NameArg = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
              clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide therapies belimumab — compare infusion therapies, or show one in full.

    With no NAME: a side-by-side table of every therapy. With a NAME (generic, brand or biosimilar,
    any case): everything about that one, with sources.
    """
    from lupus_guide.views import therapies as views

    if name is None:
        job = Job("therapies", lambda c, env: views.overview(c), (views.overview,))
    else:
        job = Job("therapies", lambda c, env: views.page(c, name), (views.page,))
    run(job, Shared(fmt, color, output, clinic))


OneTherapyArg = Annotated[str | None, typer.Argument(autocompletion=complete.therapy_names,
                                                     help="One therapy (any name).")]


def side_effects(name: OneTherapyArg = None, fmt: FormatOpt = None,
                 color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
                 output: OutputOpt = None) -> None:
    """lupus-guide side-effects rituximab — common, serious, when to call, and emergencies.

    With no NAME: every therapy.
    """
    from lupus_guide.views.therapies import side_effects as view

    run(Job("side-effects", lambda c, env: view(c, name), (view,)),
        Shared(fmt, color, output, clinic))


TherapyArg = Annotated[str, typer.Argument(autocompletion=complete.therapy_names,
                                           help="The therapy (any name), e.g. rituximab.")]


def handout(name: TherapyArg, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide handout rituximab -o rituximab.html — a printable handout for one therapy.

    What it is and whether it is approved for lupus, the usual schedule, the checklist, side effects
    with when to call, questions to ask, and sources. HTML unless --format or -o says otherwise;
    open the file in a browser and print it.
    """
    from lupus_guide.views.handout import handout as view

    run(Job("handout", lambda c, env: view(c, name), (view,),
            default_format=OutputFormat.html), Shared(fmt, color, output, clinic))


ScheduleName = Annotated[str, typer.Argument(autocompletion=complete.therapy_names,
                                             help="The therapy (any name), e.g. belimumab.")]
StartOpt = Annotated[str | None, typer.Option("--start", metavar="DATE",
                                              help="Date of the first infusion (YYYY-MM-DD).")]
RegimenOpt = Annotated[str | None, typer.Option("--regimen", metavar="NAME",
                                                autocompletion=complete.regimen_names,
                                                help="Another usual regimen, by its id or a short "
                                                     "name, e.g. nih, euro-lupus, sc-ln.")]
DatesOpt = Annotated[str | None, typer.Option("--dates", metavar="DATE,DATE,...",
                                              help="Your care team's dates, first to last, "
                                                   "instead of the usual ones (any therapy).")]
EveryOpt = Annotated[str | None, typer.Option("--every", metavar="GAP",
                                              help="Your care team's gap between infusions from "
                                                   "--start: 14d, 2w or 6mo (with --count or "
                                                   "--until; else a year).")]
RemindOpt = Annotated[str, typer.Option("--remind", metavar="HH:MM|none",
                                        help="Calendar reminder the day before, at this time; "
                                             "none for no reminder.")]
CountOpt = Annotated[int | None, typer.Option("--count", metavar="N",
                                              help="How many infusions to show.")]
UntilDateOpt = Annotated[str | None, typer.Option("--until", metavar="DATE",
                                                  help="Show infusions up to this date.")]
FromDoseOpt = Annotated[int | None, typer.Option("--from-dose", metavar="N",
                                                 help="Continue a schedule under way from dose N "
                                                      "... (with --dates: number them from N)")]
LastOpt = Annotated[str | None, typer.Option("--last", metavar="DATE",
                                             help="... whose dose N-1 was on DATE.")]
IcsOpt = Annotated[str | None, typer.Option("--ics", metavar="FILE",
                                            help="Also write an iCalendar file to import.")]
AtOpt = Annotated[str | None, typer.Option("--time", metavar="HH:MM",
                                           help="Timed calendar events at this time.")]
DurationOpt = Annotated[int, typer.Option("--duration", metavar="MINUTES",
                                          help="Length of timed events.")]
TzOpt = Annotated[str | None, typer.Option("--tz", metavar="ZONE",
                                           help="Time zone of --time, e.g. America/Chicago "
                                                "(default: the calendar's own).")]


def schedule(name: ScheduleName, start: StartOpt = None, regimen: RegimenOpt = None,
             count: CountOpt = None, until: UntilDateOpt = None, from_dose: FromDoseOpt = None,
             last: LastOpt = None, dates: DatesOpt = None, every: EveryOpt = None,
             ics: IcsOpt = None, at: AtOpt = None, duration: DurationOpt = 120, tz: TzOpt = None,
             remind: RemindOpt = "09:00", fmt: FormatOpt = None,
             color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
             output: OutputOpt = None) -> None:
    """lupus-guide schedule belimumab --start 2027-01-04 — the usual infusion dates, to plan with.

    From the therapy's usual regimen (the label or a guideline, with sources); your real schedule
    is set by your care team. Give their dates with --dates 2027-01-04,2027-01-18 or --every 14d
    --start DATE. --ics FILE also writes a calendar file with a reminder the day before each
    infusion.
    """
    from lupus_guide.views import schedule as views

    request = {"regimen": regimen, "start": start, "count": count, "until": until,
               "from_dose": from_dose, "last": last, "dates": dates, "every": every}

    def build(content, env):
        views.reminder_time(remind)  # a bad --remind is an error even without --ics
        result = views.schedule(content, name, **request)
        if ics is not None:
            from lupus_guide.messages import say
            from lupus_guide.output import write_atomically

            text, events = views.ics_text(content, name, at=at, minutes=duration, tz=tz,
                                          remind=remind, **request)
            from lupus_guide.safetext import clean_crlf

            write_atomically(ics, clean_crlf(text))
            wrote = say("run.wrote_calendar", path=ics, count=events)
            env.write(f"lupus-guide schedule: {wrote}\n",
                      env.stderr)
        return result

    shown_by: tuple[Callable[..., Any], ...] = (views.schedule,)
    if ics is not None:
        shown_by += (views.ics_text,)
    run(Job("schedule", build, shown_by), Shared(fmt, color, output, clinic))


COMMANDS = {"therapies": therapies, "side-effects": side_effects, "handout": handout,
            "schedule": schedule}
