"""`lupus-guide journal ...`: the journal's commands, registered on the app only when the command
line asks for them (or for the whole app: --help, completion), so other commands do not pay for
defining them at every start."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated

import typer

from lupus_guide.cli import (
    ColorChoice,
    ColorOpt,
    FormatOpt,
    OutputOpt,
    app,
    run,
)
from lupus_guide.render import OutputFormat

journal_app = typer.Typer(help="A private journal of infusions, reactions and calls, kept on this "
                          "computer only.\n\nStart with: lupus-guide journal add note \"...\"",
                          no_args_is_help=True, rich_markup_mode=None)
journal_add = typer.Typer(help="Log an infusion, a reaction, a call or a note.",
                          no_args_is_help=True, rich_markup_mode=None)
journal_app.add_typer(journal_add, name="add")

DateOpt = Annotated[str | None, typer.Option("--date", metavar="DATE",
                                             help="The day (YYYY-MM-DD); default today.")]
TimeOpt = Annotated[str | None, typer.Option("--time", metavar="HH:MM", help="The time.")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Anything else, in your words.")]
SinceOpt = Annotated[str | None, typer.Option("--since", metavar="DATE", help="From this day.")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DATE", help="Up to this day.")]


class Severity(str, Enum):
    mild = "mild"
    moderate = "moderate"
    severe = "severe"


class CallWith(str, Enum):
    insurer = "insurer"
    clinic = "clinic"
    pharmacy = "pharmacy"
    doctor = "doctor"
    other = "other"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"


def _journal(command: str, build: Callable, fmt=None, output=None, color=ColorChoice.auto,
             **run_options) -> None:
    run_options.setdefault("parts", {"therapies"})
    run(f"journal {command}", fmt, color, output, build, with_env=True, **run_options)


_JournalAddInfusionTherapy = Annotated[str, typer.Option("--therapy", "-t", help="Which therapy (any name).")]
_JournalAddInfusionDose = Annotated[str | None, typer.Option("--dose", help="The dose, as written down.")]
_JournalAddInfusionSite = Annotated[str | None, typer.Option("--site", help="Where (clinic, arm...).")]


@journal_add.command("infusion")
def journal_add_infusion(
    therapy: _JournalAddInfusionTherapy,
    date: DateOpt = None, time: TimeOpt = None,
    dose: _JournalAddInfusionDose = None,
    site: _JournalAddInfusionSite = None,
    note: NoteOpt = None, fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal add infusion --therapy belimumab --date 2027-01-04 — log an infusion."""
    from lupus_guide.views import journal as views

    _journal("add", lambda c, env: views.add(c, env, "infusion", therapy=therapy, date=date,
                                             time=time, dose=dose, site=site, note=note), fmt)


_JournalAddReactionSymptom = Annotated[str, typer.Option("--symptom", help="What you noticed.")]
_JournalAddReactionSeverity = Annotated[Severity, typer.Option("--severity", case_sensitive=False)]
_JournalAddReactionTherapy = Annotated[str | None, typer.Option("--therapy", "-t", help="Which therapy.")]


@journal_add.command("reaction")
def journal_add_reaction(
    symptom: _JournalAddReactionSymptom,
    severity: _JournalAddReactionSeverity,
    date: DateOpt = None, time: TimeOpt = None,
    therapy: _JournalAddReactionTherapy = None,
    note: NoteOpt = None, fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal add reaction --symptom rash --severity mild — log a side effect."""
    from lupus_guide.views import journal as views

    _journal("add", lambda c, env: views.add(c, env, "reaction", therapy=therapy, date=date,
                                             time=time, symptom=symptom,
                                             severity=severity.value, note=note), fmt)


_JournalAddCallWith = Annotated[CallWith, typer.Option("--with", case_sensitive=False, help="Who you called.")]
_JournalAddCallAbout = Annotated[str, typer.Option("--about", help="What it was about.")]
_JournalAddCallReference = Annotated[str | None, typer.Option("--reference", help="Reference number.")]
_JournalAddCallOutcome = Annotated[str | None, typer.Option("--outcome", help="What was decided.")]
_JournalAddCallFollowUp = Annotated[str | None, typer.Option("--follow-up", metavar="DATE",
                                                  help="When to call back.")]


@journal_add.command("call")
def journal_add_call(
    with_: _JournalAddCallWith,
    about: _JournalAddCallAbout,
    reference: _JournalAddCallReference = None,
    outcome: _JournalAddCallOutcome = None,
    follow_up: _JournalAddCallFollowUp = None,
    date: DateOpt = None, time: TimeOpt = None, note: NoteOpt = None, fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal add call --with insurer --about "prior authorization" — log a call."""
    from lupus_guide.views import journal as views

    _journal("add", lambda c, env: views.add(c, env, "call", therapy=None, date=date, time=time,
                                             **{"with": with_.value}, about=about,
                                             reference=reference, outcome=outcome,
                                             follow_up=follow_up, note=note), fmt)


_JournalAddNoteText = Annotated[str, typer.Argument(help="The note.")]


@journal_add.command("note")
def journal_add_note(
    text: _JournalAddNoteText,
    date: DateOpt = None, time: TimeOpt = None, fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal add note "Felt tired after the drip" — log a note."""
    from lupus_guide.views import journal as views

    _journal("add", lambda c, env: views.add(c, env, "note", therapy=None, date=date, time=time,
                                             text=text), fmt)


_JournalListKind = Annotated[str | None, typer.Option("--kind", help="infusion, reaction, call or note.")]
_JournalListTherapy = Annotated[str | None, typer.Option("--therapy", "-t", help="One therapy.")]


@journal_app.command("list")
def journal_list(
    since: SinceOpt = None, until: UntilOpt = None,
    kind: _JournalListKind = None,
    therapy: _JournalListTherapy = None,
    fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, output: OutputOpt = None,
) -> None:
    """lupus-guide journal list --since 2027-01-01 — the entries, oldest first."""
    from lupus_guide.views import journal as views

    _journal("list", lambda c, env: views.listing(c, env, since=since, until=until, kind=kind,
                                                  therapy=therapy), fmt, output, color)


_JournalShowEntry = Annotated[int, typer.Argument(help="The entry's number.")]


@journal_app.command("show")
def journal_show(entry: _JournalShowEntry,
                 fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto) -> None:
    """lupus-guide journal show 12 — one entry in full."""
    from lupus_guide.views import journal as views

    _journal("show", lambda c, env: views.show(c, env, entry), fmt, None, color)


_JournalEditEntry = Annotated[int, typer.Argument(help="The entry's number.")]
_JournalEditTherapy = Annotated[str | None, typer.Option("--therapy", "-t")]
_JournalEditDose = Annotated[str | None, typer.Option("--dose")]
_JournalEditSite = Annotated[str | None, typer.Option("--site")]
_JournalEditSymptom = Annotated[str | None, typer.Option("--symptom")]
_JournalEditAbout = Annotated[str | None, typer.Option("--about")]
_JournalEditReference = Annotated[str | None, typer.Option("--reference")]
_JournalEditOutcome = Annotated[str | None, typer.Option("--outcome")]
_JournalEditFollowUp = Annotated[str | None, typer.Option("--follow-up", metavar="DATE")]
_JournalEditText = Annotated[str | None, typer.Option("--text", help="A note's text.")]


@journal_app.command("edit")
def journal_edit(
    entry: _JournalEditEntry,
    date: DateOpt = None, time: TimeOpt = None,
    therapy: _JournalEditTherapy = None,
    dose: _JournalEditDose = None,
    site: _JournalEditSite = None,
    symptom: _JournalEditSymptom = None,
    about: _JournalEditAbout = None,
    reference: _JournalEditReference = None,
    outcome: _JournalEditOutcome = None,
    follow_up: _JournalEditFollowUp = None,
    note: NoteOpt = None,
    text: _JournalEditText = None,
    fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal edit 12 --note "It went away the next day" — change an entry."""
    from lupus_guide.views import journal as views

    _journal("edit", lambda c, env: views.edit(
        c, env, entry, date=date, time=time, therapy=therapy, dose=dose, site=site,
        symptom=symptom, about=about, reference=reference, outcome=outcome, follow_up=follow_up,
        note=note, text=text), fmt)


_JournalDeleteEntry = Annotated[int, typer.Argument(help="The entry's number.")]
_JournalDeleteYes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first (for scripts).")]


@journal_app.command("delete")
def journal_delete(
    entry: _JournalDeleteEntry,
    yes: _JournalDeleteYes = False,
    fmt: FormatOpt = None,
) -> None:
    """lupus-guide journal delete 12 — delete an entry (asks first)."""
    import sys

    from lupus_guide.errors import UsageError
    from lupus_guide.views import journal as views

    def build(content, env):
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError("journal delete asks before deleting, and there is no one to ask.",
                                 "Add --yes to delete without asking.")
            if not typer.confirm(f"Delete journal entry {entry}?", default=False):
                raise UsageError("Nothing was deleted.")
        return views.delete(content, env, entry)

    _journal("delete", build, fmt)


_JournalExportFmt = Annotated[ExportFormat | None, typer.Option("--format", "-f", case_sensitive=False,
                                                     help="csv, json (default), markdown or html.")]


@journal_app.command("export")
def journal_export(
    fmt: _JournalExportFmt = None,
    output: OutputOpt = None, since: SinceOpt = None, until: UntilOpt = None,
) -> None:
    """lupus-guide journal export -o journal.json — every entry, to keep or to import later."""
    from lupus_guide.views import journal as views

    chosen = fmt.value if fmt is not None else None
    if chosen is None and output not in (None, "-"):
        chosen = {".csv": "csv", ".md": "markdown", ".html": "html"}.get(
            output[output.rfind("."):].lower() if "." in output else "", "json")
    chosen = chosen or "json"

    def as_csv(result):
        from lupus_guide._imports import msgspec
        from lupus_guide.journal import Entry

        return views.export_csv(msgspec.convert(result.data, list[Entry]))

    _journal("export", lambda c, env: views.listing(c, env, since=since, until=until,
                                                    command="journal export",
                                                    title="Journal export"),
             None if chosen == "csv" else OutputFormat(chosen), output,
             text_for=as_csv if chosen == "csv" else None)


_JournalImportFile = Annotated[str, typer.Argument(help="A file made by journal export "
                                                            "--format json.")]


@journal_app.command("import")
def journal_import(file: _JournalImportFile,
                   fmt: FormatOpt = None) -> None:
    """lupus-guide journal import journal.json — add the entries of an export back."""
    from lupus_guide.views import journal as views

    _journal("import", lambda c, env: views.import_file(c, env, file), fmt)


_JournalSummaryTherapy = Annotated[str | None, typer.Option("--therapy", "-t", help="With --start: check this "
                                                "therapy's infusions against its usual schedule.")]
_JournalSummaryStart = Annotated[str | None, typer.Option("--start", metavar="DATE",
                                              help="The first infusion of that schedule.")]
_JournalSummaryRegimen = Annotated[str | None, typer.Option("--regimen", help="A named regimen.")]


@journal_app.command("summary")
def journal_summary(
    since: SinceOpt = None,
    therapy: _JournalSummaryTherapy = None,
    start: _JournalSummaryStart = None,
    regimen: _JournalSummaryRegimen = None,
    fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, output: OutputOpt = None,
) -> None:
    """lupus-guide journal summary --since 2027-01-01 -o visit.html — a page for the next visit."""
    from lupus_guide.views import journal as views

    _journal("summary", lambda c, env: views.summary(c, env, since=since, therapy=therapy,
                                                     start=start, regimen=regimen),
             fmt, output, color, parts={"therapies", "regimens"})




app.add_typer(journal_app, name="journal")
