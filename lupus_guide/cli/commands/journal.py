"""`journal ...`: log infusions, reactions, calls and notes; read them back; export, import and
sum them up for a visit. Every journal command takes the shared options (--format, --color, -o,
--clinic) like every other command."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from lupus_guide.cli import complete
from lupus_guide.cli.options import (
    ClinicOpt,
    ColorChoice,
    ColorOpt,
    FormatOpt,
    OutputOpt,
    RequiredTherapyOpt,
    Shared,
    SinceOpt,
    TherapyOpt,
    UntilOpt,
)
from lupus_guide.cli.runner import Job, run
from lupus_guide.render import OutputFormat

app = typer.Typer(name="journal", invoke_without_command=True, rich_markup_mode=None,
                  add_completion=False,
                  help="A private journal of infusions, reactions and calls, kept on this "
                       "computer only.\n\nStart with: lupus-guide journal add note \"...\"")
add_app = typer.Typer(help="Log an infusion, a reaction, a call or a note.",
                      invoke_without_command=True, rich_markup_mode=None)
app.add_typer(add_app, name="add")


def _help_when_bare(ctx: typer.Context) -> None:
    """`journal` and `journal add` alone print their help on stdout (exit 0), like the program."""
    if ctx.invoked_subcommand is None:
        print(ctx.get_help())
        raise typer.Exit()


app.callback()(_help_when_bare)
add_app.callback()(_help_when_bare)

DateOpt = Annotated[str | None, typer.Option("--date", metavar="DATE",
                                             help="The day (YYYY-MM-DD); default today.")]
NewDateOpt = Annotated[str | None, typer.Option("--date", metavar="DATE",
                                                help="A new day for the entry (YYYY-MM-DD).")]
TimeOpt = Annotated[str | None, typer.Option("--time", metavar="HH:MM",
                                             help="The time (HH:MM, 24-hour).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Anything else, in your words.")]
# SQLite's ids are 64-bit: a larger number cannot name an entry (and would overflow the query)
EntryArg = Annotated[int, typer.Argument(help="The entry's number.", min=1, max=2**63 - 1)]


class Severity(str, Enum):
    mild = "mild"
    moderate = "moderate"
    severe = "severe"


class CallWith(str, Enum):
    insurer = "insurer"
    clinic = "clinic"
    pharmacy = "pharmacy"
    doctor = "doctor"
    support = "support"
    other = "other"


def _run(command: str, build: Callable[[Any, Any], Any], shared: Shared, view: Callable,
         **job: Any) -> None:
    run(Job(f"journal {command}", build, (view,), private=True, **job), shared)


DoseOpt = Annotated[str | None, typer.Option("--dose", help="The dose, as written down.")]
SiteOpt = Annotated[str | None, typer.Option("--site", help="Where (clinic, arm...).")]


@add_app.command("infusion")
def add_infusion(therapy: RequiredTherapyOpt, date: DateOpt = None, time: TimeOpt = None,
                 dose: DoseOpt = None, site: SiteOpt = None, note: NoteOpt = None,
                 fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
                 clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal add infusion --therapy belimumab --date 2027-01-04 — log an infusion."""
    from lupus_guide.views.journal import add

    _run("add", lambda c, env: add(c, env, "infusion", therapy=therapy, date=date, time=time,
                                   dose=dose, site=site, note=note),
         Shared(fmt, color, output, clinic), add)


SymptomOpt = Annotated[str, typer.Option("--symptom", help="What you noticed, in your words.")]
SeverityOpt = Annotated[Severity, typer.Option("--severity", case_sensitive=False,
                                               help="How bad it was: mild, moderate or severe.")]
_WITH_HELP = ("Who you called: insurer, clinic, pharmacy, doctor, support (the drug maker's "
              "support programme, e.g. Benlysta Gateway, Genentech Access Solutions, AZ&Me) "
              "or other.")


@add_app.command("reaction")
def add_reaction(symptom: SymptomOpt, severity: SeverityOpt, date: DateOpt = None,
                 time: TimeOpt = None, therapy: TherapyOpt = None, note: NoteOpt = None,
                 fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
                 clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal add reaction --symptom rash --severity mild — log a side effect."""
    from lupus_guide.views.journal import add

    _run("add", lambda c, env: add(c, env, "reaction", therapy=therapy, date=date, time=time,
                                   symptom=symptom, severity=severity.value, note=note),
         Shared(fmt, color, output, clinic), add)


WithOpt = Annotated[CallWith, typer.Option("--with", case_sensitive=False, help=_WITH_HELP)]
PersonOpt = Annotated[str | None, typer.Option("--person", help="The person you spoke to.")]
PhoneOpt = Annotated[str | None, typer.Option("--phone", help="The number you called.")]
AboutOpt = Annotated[str, typer.Option("--about", help="What it was about.")]
ReferenceOpt = Annotated[str | None, typer.Option("--reference", help="Reference number.")]
OutcomeOpt = Annotated[str | None, typer.Option("--outcome", help="What was decided.")]
FollowUpOpt = Annotated[str | None, typer.Option("--follow-up", metavar="DATE",
                                                 help="When to call back.")]


@add_app.command("call")
def add_call(with_: WithOpt, about: AboutOpt, person: PersonOpt = None, phone: PhoneOpt = None,
             reference: ReferenceOpt = None, outcome: OutcomeOpt = None,
             follow_up: FollowUpOpt = None, date: DateOpt = None,
             time: TimeOpt = None, note: NoteOpt = None, fmt: FormatOpt = None,
             color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
             output: OutputOpt = None) -> None:
    """lupus-guide journal add call --with insurer --about "prior authorization" — log a call."""
    from lupus_guide.views.journal import add

    fields = {"with": with_.value, "person": person, "phone": phone, "about": about,
              "reference": reference, "outcome": outcome, "follow_up": follow_up, "note": note}
    _run("add", lambda c, env: add(c, env, "call", therapy=None, date=date, time=time, **fields),
         Shared(fmt, color, output, clinic), add)


NoteText = Annotated[str, typer.Argument(help="The note.")]


@add_app.command("note")
def add_note(text: NoteText, date: DateOpt = None, time: TimeOpt = None, fmt: FormatOpt = None,
             color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
             output: OutputOpt = None) -> None:
    """lupus-guide journal add note "Felt tired after the drip" — log a note."""
    from lupus_guide.views.journal import add

    _run("add", lambda c, env: add(c, env, "note", therapy=None, date=date, time=time, text=text),
         Shared(fmt, color, output, clinic), add)


KindOpt = Annotated[str | None, typer.Option("--kind", help="infusion, reaction, call or note.")]


@app.command("list")
def listing(since: SinceOpt = None, until: UntilOpt = None, kind: KindOpt = None,
            therapy: TherapyOpt = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal list --since 2027-01-01 — the entries, oldest first."""
    from lupus_guide.views.journal import listing as view

    _run("list", lambda c, env: view(c, env, since=since, until=until, kind=kind,
                                     therapy=therapy), Shared(fmt, color, output, clinic), view)


@app.command("show")
def show(entry: EntryArg, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
         clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal show 12 — one entry in full."""
    from lupus_guide.views.journal import show as view

    _run("show", lambda c, env: view(c, env, entry), Shared(fmt, color, output, clinic), view)


EditSymptomOpt = Annotated[str | None, typer.Option("--symptom", help="A reaction's symptom.")]
EditSeverityOpt = Annotated[Severity | None, typer.Option(
    "--severity", case_sensitive=False, help="A reaction's severity: mild, moderate or severe.")]
EditWithOpt = Annotated[CallWith | None, typer.Option("--with", case_sensitive=False,
                                                      help=_WITH_HELP)]
EditAboutOpt = Annotated[str | None, typer.Option("--about", help="What a call was about.")]
DoneOpt = Annotated[bool, typer.Option("--done", help="Close a call's follow-up (today).")]


@app.command("edit")
def edit(entry: EntryArg, date: NewDateOpt = None, time: TimeOpt = None,
         therapy: TherapyOpt = None, dose: DoseOpt = None, site: SiteOpt = None,
         symptom: EditSymptomOpt = None, severity: EditSeverityOpt = None,
         with_: EditWithOpt = None, person: PersonOpt = None, phone: PhoneOpt = None,
         about: EditAboutOpt = None, reference: ReferenceOpt = None, outcome: OutcomeOpt = None,
         follow_up: FollowUpOpt = None, done: DoneOpt = False, note: NoteOpt = None,
         text: Annotated[str | None, typer.Option("--text", help="A note's text.")] = None,
         fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
         output: OutputOpt = None) -> None:
    """lupus-guide journal edit 12 --note "It went away the next day" — change an entry.

    Only the options given change; each applies to the kinds that have that field."""
    from lupus_guide.views.journal import edit as view

    fields = {"dose": dose, "site": site, "symptom": symptom,
              "severity": severity.value if severity else None,
              "with": with_.value if with_ else None, "person": person, "phone": phone,
              "about": about, "reference": reference, "outcome": outcome,
              "follow_up": follow_up, "note": note, "text": text}
    _run("edit", lambda c, env: view(c, env, entry, date=date, time=time, therapy=therapy,
                                     done=done, **fields), Shared(fmt, color, output, clinic),
         view)


@app.command("done")
def done(entry: EntryArg, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
         clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal done 12 — close a call's follow-up (the summary shows it closed)."""
    from lupus_guide.views.journal import done as view

    _run("done", lambda c, env: view(c, env, entry), Shared(fmt, color, output, clinic), view)


YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first (for scripts).")]


@app.command("delete")
def delete(entry: EntryArg, yes: YesOpt = False, fmt: FormatOpt = None,
           color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
           output: OutputOpt = None) -> None:
    """lupus-guide journal delete 12 — delete an entry (asks first)."""
    from lupus_guide.views.journal import delete as view

    def build(content, env):
        import sys

        from lupus_guide.errors import UsageError
        from lupus_guide.messages import say

        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(say("journal.delete_no_one_to_ask"), say("journal.delete_yes"))
            if not typer.confirm(say("journal.delete_confirm", id=entry), default=False):
                raise UsageError(say("journal.nothing_deleted"))
        return view(content, env, entry)

    _run("delete", build, Shared(fmt, color, output, clinic), view)


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"
    plain = "plain"


# The one command whose --format differs: an export is a file to keep (CSV for a spreadsheet).
ExportFormatOpt = Annotated[ExportFormat | None, typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="csv, json (the default), markdown, html or plain. With -o FILE and no --format: from "
         "FILE's suffix (.csv, .json, .md, .html, .txt).")]


@app.command("export")
def export(fmt: ExportFormatOpt = None, since: SinceOpt = None, until: UntilOpt = None,
           color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
           output: OutputOpt = None) -> None:
    """lupus-guide journal export -o journal.json — every entry, to keep or to import later."""
    from lupus_guide.views import journal as views

    chosen = export_format(fmt, output)
    shared = Shared(None if chosen == "csv" else OutputFormat(chosen), color, output, clinic)
    _run("export", lambda c, env: views.listing(c, env, since=since, until=until,
                                                command="journal export", title="Journal export"),
         shared, views.listing, text_for=views.csv_text if chosen == "csv" else None)


def export_format(fmt: ExportFormat | None, output: str | None) -> str:
    """--format, else FILE's suffix as every command reads it (.csv too), else JSON."""
    if fmt is not None:
        return fmt.value
    if output in (None, "-"):
        return "json"
    import os

    from lupus_guide.render import SUFFIX_FORMATS

    suffix = os.path.splitext(output)[1].lower()
    return "csv" if suffix == ".csv" else SUFFIX_FORMATS.get(suffix, OutputFormat.json).value


ImportFile = Annotated[str, typer.Argument(help="A file made by journal export --format json.")]


@app.command("import")
def import_(file: ImportFile, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal import journal.json — add the entries of an export back."""
    from lupus_guide.views.journal import import_file as view

    _run("import", lambda c, env: view(c, env, file), Shared(fmt, color, output, clinic), view)


StartOpt = Annotated[str | None, typer.Option("--start", metavar="DATE",
                                              help="With --therapy: the first infusion of its "
                                                   "usual schedule, to check against.")]
RegimenOpt = Annotated[str | None, typer.Option("--regimen", help="A named regimen.",
                                                autocompletion=complete.regimen_names)]
NameOpt = Annotated[str | None, typer.Option(
    "--name", help="Whose journal it is, for the page's header (default: the name saved with "
                   "`journal name`).")]


@app.command("summary")
def summary(since: SinceOpt = None, until: UntilOpt = None, therapy: TherapyOpt = None,
            start: StartOpt = None, regimen: RegimenOpt = None, name: NameOpt = None,
            fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide journal summary --since 2027-01-01 -o visit.html — a page for the next visit."""
    from lupus_guide.views.journal_summary import summary as view

    _run("summary", lambda c, env: view(c, env, since=since, until=until, therapy=therapy,
                                        start=start, regimen=regimen, name=name),
         Shared(fmt, color, output, clinic), view)


NameArg = Annotated[str | None, typer.Argument(help="The name; leave out to see the one saved.")]
ForgetOpt = Annotated[bool, typer.Option("--forget", help="Forget the saved name.")]


@app.command("name")
def name(who: NameArg = None, forget: ForgetOpt = False, fmt: FormatOpt = None,
         color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
         output: OutputOpt = None) -> None:
    """lupus-guide journal name "Ana Lopez" — whose journal it is, saved for every summary."""
    from lupus_guide.views.journal import name as view

    _run("name", lambda c, env: view(c, env, who, forget=forget),
         Shared(fmt, color, output, clinic), view)


COMMANDS = {"journal": app}
