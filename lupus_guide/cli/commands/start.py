"""`start NAME` and `help`: the first screen of one therapy, and the start page."""

from __future__ import annotations

from typing import Annotated

import typer

from lupus_guide.cli.options import ClinicOpt, ColorChoice, ColorOpt, FormatOpt, OutputOpt, Shared
from lupus_guide.cli.runner import Job, run

StartName = Annotated[str, typer.Argument(metavar="NAME",
                                          help="The therapy (any name), e.g. benlysta.")]


def start(name: StartName, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
          clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """One screen to start one therapy: the visit, food, what to bring, when to call.

    Example: lupus-guide start benlysta

    What the therapy is, how the visit goes and how long it takes, eating and drinking, what to
    bring, when to call 911 and when to call the care team, and what to run next. Everything else
    is one command away (prepare, side-effects, schedule, handout).
    """
    from lupus_guide.views.start import start as view

    run(Job("start", lambda c, env: view(c, name), (view,)), Shared(fmt, color, output, clinic))


HelpWords = Annotated[list[str] | None, typer.Argument(metavar="[COMMAND]...",
                                                       help="A command, e.g. prepare.")]


def help_(words: HelpWords = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
          clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """The start page, or one command's help.

    Example: lupus-guide help prepare

    With no COMMAND: the start page that `lupus-guide` shows with no words.
    """
    if words:
        from lupus_guide.cli import main

        raise typer.Exit(main([*words, "--help"]))
    if fmt is None and output is None:  # as `lupus-guide` with no words shows it
        from lupus_guide.cli import print_home

        print_home()
        return
    show_home(Shared(fmt, color, output, clinic))


def show_home(shared: Shared) -> None:
    """The start page, in any format."""
    from lupus_guide.views.home import home

    run(Job("help", lambda c, env: home(env), (home,), needs_content=False), shared)


def therapy_called(word: str) -> str | None:
    """``word``, as the name to give `start`, when it names a therapy (any of its names, the
    clinic pack's therapies included); else None. For a command line whose first word is a
    therapy: `lupus-guide benlysta` means `lupus-guide start benlysta`."""
    from lupus_guide.content import bundled_layer, default_layers, load_content
    from lupus_guide.context import Env
    from lupus_guide.errors import GuideError
    from lupus_guide.find import find_therapy
    from lupus_guide.views.start import name_to_show

    paths = Env().paths()
    parts = frozenset({"therapies"})
    try:
        try:
            content = load_content(default_layers(paths.clinic), cache_dir=paths.cache_dir,
                                   parts=parts)
        except GuideError:  # a pack that cannot be used: the bundled names still count
            content = load_content([bundled_layer()], cache_dir=paths.cache_dir, parts=parts)
        return name_to_show(word, find_therapy(content.therapies, word))
    except GuideError:
        return None


COMMANDS = {"start": start, "help": help_}
