"""The command line: parse options, call one view function, hand its result to a renderer."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated

import typer

from lupus_guide import __version__
from lupus_guide.errors import ExitCode
from lupus_guide.render import OutputFormat

APP_SETTINGS = {
    "name": "lupus-guide",
    "help": "An offline guide to infusion therapy for lupus (SLE) and lupus nephritis.\n\n"
    "Start with: lupus-guide therapies",
    "invoke_without_command": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
    # Plain help from Click: Rich-formatted help imports rich.markdown and markdown_it on every
    # --help (50-70 ms), for the same words.
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**APP_SETTINGS)


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class StageChoice(str, Enum):
    before = "before"
    during = "during"
    after = "after"


FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                 help="Output: table (for a terminal; the default), plain (no colour or boxes), "
                      "json, markdown or html. With -o FILE and no --format: from FILE's suffix."),
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE",
                 help="Write to FILE (- for standard output) instead of the screen."),
]
ColorOpt = Annotated[
    ColorChoice,
    typer.Option("--color", case_sensitive=False,
                 help="Colour: auto (default; follows NO_COLOR and the terminal), always or never."),
]
ClinicOpt = Annotated[
    str | None,
    typer.Option("--clinic", metavar="DIR",
                 help="A clinic pack folder to layer over the guide (or set LUPUS_GUIDE_CLINIC)."),
]
TherapyOpt = Annotated[
    str | None,
    typer.Option("--therapy", "-t", help="A therapy by any name, e.g. rituximab or Benlysta."),
]


def run(command: str, fmt: OutputFormat | None, color: ColorChoice, output: str | None,
        build: Callable, clinic: str | None = None, *, content_needed: bool = True, parts=None,
        default_format: OutputFormat = OutputFormat.table, with_env: bool = False,
        text_for: Callable | None = None) -> None:
    """Load the content, build the result, render it, and turn expected failures into exit codes.

    ``parts`` names the content lists the command reads (None: all of them); from the cache,
    only those are decoded. ``output`` is a file to write (atomically) instead of stdout."""
    import os
    import sys

    from lupus_guide.context import Env
    from lupus_guide.errors import GuideError

    to_file = output not in (None, "-")
    if fmt is None:
        from lupus_guide.render import SUFFIX_FORMATS

        suffix = os.path.splitext(output)[1].lower() if to_file else ""
        fmt = SUFFIX_FORMATS.get(suffix, OutputFormat.plain) if to_file else default_format
    env = Env(color_option="never" if to_file else color.value, clinic_option=clinic)
    try:
        from lupus_guide.render import render

        if content_needed:
            from lupus_guide.content import default_layers, load_content

            paths = env.paths()
            content = load_content(default_layers(paths.clinic), cache_dir=paths.cache_dir,
                                   parts=frozenset(parts) if parts is not None else None)
            result = build(content, env) if with_env else build(content)
            text = (text_for(result) if text_for is not None else
                    render(result, fmt, env, content.guide.last_reviewed, content.clinic))
        else:
            result = build(env)
            text = render(result, fmt, env, "", None)
        if to_file:
            from lupus_guide.output import write_atomically

            write_atomically(output, text)
            env.write(f"lupus-guide {command}: wrote {output} ({fmt.value})\n", env.stderr)
        else:
            env.write(text)
            env.stdout.flush()
        if result.exit_code:
            raise typer.Exit(result.exit_code)
    except GuideError as exc:
        env.write(f"lupus-guide {command}: {exc.line()}\n", env.stderr)
        raise typer.Exit(exc.code) from None
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        # The reader went away (`lupus-guide faq | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None
    except typer.Exit:
        raise
    except Exception as exc:
        if os.environ.get("LUPUS_GUIDE_DEBUG"):
            raise
        print(f"lupus-guide {command}: internal error ({type(exc).__name__}). "
              "Set LUPUS_GUIDE_DEBUG=1 to see details.", file=env.stderr)
        raise typer.Exit(ExitCode.ERROR) from None


def _version(value: bool) -> None:
    if value:
        print(f"lupus-guide {__version__}")
        raise typer.Exit()


_MainCallbackVersion = Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                           help="Print the version and exit.")
    ]


@app.callback()
def main_callback(
    ctx: typer.Context,
    version: _MainCallbackVersion = False,
) -> None:
    """An offline guide to infusion therapy for lupus (SLE) and lupus nephritis.

    Start with: lupus-guide therapies
    """
    if ctx.invoked_subcommand is None:
        print(ctx.get_help())
        raise typer.Exit()


_TherapiesName = Annotated[str | None, typer.Argument(help="Show one therapy in full (any name).")]


@app.command()
def therapies(
    name: _TherapiesName = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide therapies belimumab — compare infusion therapies, or show one in full.

    With no NAME: a side-by-side table of every therapy. With a NAME (generic, brand or biosimilar, any case): everything about that one, with sources.
    """
    from lupus_guide.views import therapies as views

    run("therapies", fmt, color, output,
        lambda c: views.page(c, name) if name is not None else views.overview(c), clinic,
        parts={"therapies"})


_FaqText = Annotated[str | None, typer.Argument(help="Words to look for, e.g. pain.")]
_FaqTopic = Annotated[str | None, typer.Option("--topic", help="Only this topic.")]


@app.command()
def faq(
    text: _FaqText = None,
    topic: _FaqTopic = None,
    therapy: TherapyOpt = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide faq eat — list the questions people ask, or show the answers that match.

    With no words: every question. Filter with --topic (e.g. insurance) or --therapy (e.g. rituximab).
    """
    from lupus_guide.views.faq import faq as build

    run("faq", fmt, color, output, lambda c: build(c, text, topic, therapy), clinic,
        parts={"faq"} | ({"therapies"} if therapy is not None else set()))


_PrepareStage = Annotated[
        StageChoice | None, typer.Option("--stage", "-s", case_sensitive=False,
                                            help="Only before, during or after.")
    ]


@app.command()
def prepare(
    therapy: TherapyOpt = None,
    stage: _PrepareStage = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide prepare --therapy rituximab — a checklist for before, during and after.

    Without --therapy: the items for every infusion. With it: that therapy's items too.
    """
    from lupus_guide.views.prepare import checklist

    run("prepare", fmt, color, output,
        lambda c: checklist(c, therapy, stage.value if stage else None), clinic,
        parts={"checklists"} | ({"therapies"} if therapy is not None else set()))


_SideEffectsName = Annotated[str | None, typer.Argument(help="One therapy (any name).")]


@app.command("side-effects")
def side_effects(
    name: _SideEffectsName = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide side-effects rituximab — common, serious, when to call, and emergencies.

    With no NAME: every therapy.
    """
    from lupus_guide.views.therapies import side_effects as build

    run("side-effects", fmt, color, output, lambda c: build(c, name), clinic, parts={"therapies"})


@app.command()
def costs(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
          clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide costs — what drives the cost, insurance questions, appeals and help paying."""
    from lupus_guide.views.topics import topics

    run("costs", fmt, color, output, lambda c: topics(c, "costs"), clinic, parts={"costs"})


@app.command()
def care(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
         clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide care — long-term care: check-ups, tests, infections, vaccines, pregnancy."""
    from lupus_guide.views.topics import topics

    run("care", fmt, color, output, lambda c: topics(c, "care"), clinic, parts={"care"})


_SearchText = Annotated[str, typer.Argument(help="Words to look for, e.g. hepatitis.")]


@app.command()
def search(
    text: _SearchText,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide search hepatitis — search therapies, questions, checklists, costs and care."""
    from lupus_guide.views.faq import search as build

    run("search", fmt, color, output, lambda c: build(c, text), clinic)


@app.command()
def sources(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide sources — every source the guide cites, what it supports, when checked."""
    from lupus_guide.views.sources import sources as build

    run("sources", fmt, color, output, build, clinic)


_HandoutName = Annotated[str, typer.Argument(help="The therapy (any name), e.g. rituximab.")]


@app.command()
def handout(
    name: _HandoutName,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide handout rituximab -o rituximab.html — a printable handout for one therapy.

    What it is and whether it is approved for lupus, the usual schedule, the checklist, side effects
    with when to call, questions to ask, and sources. HTML unless --format or -o says otherwise;
    open the file in a browser and print it.
    """
    from lupus_guide.views.handout import handout as build

    run("handout", fmt, color, output, lambda c: build(c, name), clinic,
        parts={"therapies", "checklists", "faq"}, default_format=OutputFormat.html)


_ScheduleName = Annotated[str, typer.Argument(help="The therapy (any name), e.g. belimumab.")]
_ScheduleStart = Annotated[str | None, typer.Option("--start", metavar="DATE",
                                              help="Date of the first infusion (YYYY-MM-DD).")]
_ScheduleRegimen = Annotated[str | None, typer.Option("--regimen", help="A named regimen, e.g. "
                                                "cyclophosphamide-nih.")]
_ScheduleCount = Annotated[int | None, typer.Option("--count", metavar="N",
                                              help="How many infusions to show.")]
_ScheduleUntil = Annotated[str | None, typer.Option("--until", metavar="DATE",
                                              help="Show infusions up to this date.")]
_ScheduleFromDose = Annotated[int | None, typer.Option("--from-dose", metavar="N",
                                                  help="Continue a schedule under way from "
                                                       "dose N ...")]
_ScheduleLast = Annotated[str | None, typer.Option("--last", metavar="DATE",
                                             help="... whose dose N-1 was on DATE.")]
_ScheduleIcs = Annotated[str | None, typer.Option("--ics", metavar="FILE",
                                            help="Also write an iCalendar file to import.")]
_ScheduleAt = Annotated[str | None, typer.Option("--time", metavar="HH:MM",
                                           help="Timed calendar events at this time.")]
_ScheduleDuration = Annotated[int, typer.Option("--duration", metavar="MINUTES",
                                          help="Length of timed events.")]
_ScheduleTz = Annotated[str | None, typer.Option("--tz", metavar="ZONE",
                                           help="Time zone of --time, e.g. America/Chicago "
                                                "(default: the calendar's own).")]


@app.command()
def schedule(
    name: _ScheduleName,
    start: _ScheduleStart = None,
    regimen: _ScheduleRegimen = None,
    count: _ScheduleCount = None,
    until: _ScheduleUntil = None,
    from_dose: _ScheduleFromDose = None,
    last: _ScheduleLast = None,
    ics: _ScheduleIcs = None,
    at: _ScheduleAt = None,
    duration: _ScheduleDuration = 120,
    tz: _ScheduleTz = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide schedule belimumab --start 2027-01-04 — the usual infusion dates, to plan with.

    From the therapy's usual regimen (the label or a guideline, with sources); your real schedule
    is set by your care team. --ics FILE also writes a calendar file with a reminder the day before
    each infusion.
    """
    import sys

    from lupus_guide.views import schedule as views

    options = {"regimen": regimen, "start": start, "count": count, "until": until,
               "from_dose": from_dose, "last": last}

    def build(content):
        result = views.schedule(content, name, **options)
        if ics is not None:
            from lupus_guide.output import write_atomically

            text, events = views.ics_text(content, name, at=at, minutes=duration, tz=tz, **options)
            write_atomically(ics, text)
            print(f"lupus-guide schedule: wrote {ics} (iCalendar, {events} infusions)",
                  file=sys.stderr)
        return result

    run("schedule", fmt, color, output, build, clinic,
        parts={"therapies", "regimens"} | ({"checklists"} if ics is not None else set()))


_ValidateFolder = Annotated[str | None, typer.Argument(
        metavar="[DIR]", help="A clinic pack folder. Default: the active pack, if any.")]


@app.command()
def validate(
    folder: _ValidateFolder = None,
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide validate ./my-clinic — find every mistake in a clinic pack.

    Checks the bundled content and the pack: YAML syntax, unknown keys, wrong types, duplicate ids,
    references to ids that do not exist, and YAML 1.1 surprises (no, off, 1.10). Exits 0 when clean,
    4 when there are problems. --format json suits a clinic's own checks.
    """
    from lupus_guide.views.checks import validate as build

    run("validate", fmt, color, output, lambda env: build(env, folder), clinic, content_needed=False)


@app.command()
def paths(
    fmt: FormatOpt = None,
    color: ColorOpt = ColorChoice.auto,
    clinic: ClinicOpt = None,
    output: OutputOpt = None,
) -> None:
    """lupus-guide paths — where the bundled content, the clinic pack, the cache and user data live."""
    from lupus_guide.views.checks import paths as build

    run("paths", fmt, color, output, build, clinic, content_needed=False)


def main(argv: list[str] | None = None) -> int:
    """Entry point: Click's usage errors become one line on stderr instead of a boxed panel."""
    import sys

    try:
        code = _app_for(sys.argv[1:] if argv is None else argv)(
            args=argv, prog_name="lupus-guide", standalone_mode=False)
    except typer.TyperException as exc:  # Click's usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "lupus-guide"
        print(f"{command}: {exc.format_message()} (see `{command} --help`)", file=sys.stderr)
        return ExitCode.USAGE
    except typer.Abort:
        return ExitCode.INTERRUPTED
    return int(code or 0)


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run, built for this command line.

    Typer inspects every registered command's signature on every run. When the first word names a
    command, the app holds only that command. When no word names one (--help, --version, no
    words, a mistyped command), the app holds an outline of every command: the same names and
    help, no options to inspect; no word of the command line can then reach one of them. Shell
    completion gets the whole app."""
    import os

    if any(key.endswith("_COMPLETE") for key in os.environ):
        return _with_journal(app)
    names = {_name_of(c) for c in app.registered_commands}
    if not any(word in names or word == "journal" for word in argv):
        return _outline(_with_journal(app))
    single = typer.Typer(**APP_SETTINGS)
    single.registered_callback = app.registered_callback
    if argv[0] == "journal":
        _with_journal(app)
        single.registered_groups = [g for g in app.registered_groups if g.name == "journal"]
        return single
    single.registered_commands = [c for c in app.registered_commands if _name_of(c) == argv[0]]
    # a command named after an option (`-- therapies`): the whole app
    return single if single.registered_commands else _with_journal(app)


def _with_journal(whole: typer.Typer) -> typer.Typer:
    """``whole`` once the `journal` commands are on it (cli_journal.py registers them)."""
    import lupus_guide.cli_journal  # noqa: F401

    return whole


def _name_of(command) -> str:
    """A command's name as Typer gives it."""
    return command.name or command.callback.__name__.lower().replace("_", "-")


def _outline(source: typer.Typer) -> typer.Typer:
    """A copy of ``source`` whose commands have their names and help but no parameters."""
    import copy

    outline = copy.copy(source)
    outline.registered_commands = [_outline_command(c) for c in source.registered_commands]
    outline.registered_groups = []
    for group in source.registered_groups:
        group = copy.copy(group)
        group.typer_instance = _outline(group.typer_instance)
        outline.registered_groups.append(group)
    return outline


def _outline_command(command):
    import copy

    def placeholder() -> None:
        raise RuntimeError("an outline command cannot run")  # see _app_for: no word reaches it

    placeholder.__name__ = command.callback.__name__
    placeholder.__doc__ = command.callback.__doc__
    command = copy.copy(command)
    command.callback = placeholder
    return command


def entry_point() -> None:
    """The console script and ``python -m lupus_guide``: run, flush, and leave at once.

    Tearing down the interpreter (clearing every module Typer imported, a last garbage collection)
    took about 12 ms after every command, longer than the guide's own work; so once the output is
    flushed the process ends with ``os._exit``. Nothing is lost by skipping it: files are written
    atomically and closed before a command returns, the journal commits and closes its database
    inside the command, and the guide registers no exit handlers. A command that fails in an
    unexpected way raises here, and Python exits the usual way."""
    import os
    import sys

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    os._exit(code)
