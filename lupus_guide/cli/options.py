"""The options every command shares, defined once: output (``--format/-f``, ``--color``,
``-o/--output``), content (``--clinic``) and ``--therapy``. Every command, journal included, takes
the four shared ones as the same four parameters and hands them to the runner as one ``Shared``.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, NamedTuple

import typer

from lupus_guide.cli import complete
from lupus_guide.render import OutputFormat


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Shared(NamedTuple):
    """The shared options as one command line gave them."""

    fmt: OutputFormat | None = None
    color: ColorChoice = ColorChoice.auto
    output: str | None = None
    clinic: str | None = None


FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", case_sensitive=False, show_default=False, metavar="FORMAT",
                 help="Output: table (for a terminal; the default), plain (no colour or boxes), "
                      "json, markdown, html or pdf (with -o FILE; needs lupus-guide[pdf]). With "
                      "-o FILE and no --format: from FILE's suffix."),
]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE",
                 help="Write to FILE (- for standard output) instead of the screen."),
]
ColorOpt = Annotated[
    ColorChoice,
    typer.Option("--color", case_sensitive=False,
                 help="Colour: auto (default; follows NO_COLOR and the terminal), always or "
                      "never."),
]
ClinicOpt = Annotated[
    str | None,
    typer.Option("--clinic", metavar="DIR",
                 help="A clinic pack folder to layer over the guide (or set LUPUS_GUIDE_CLINIC)."),
]

_THERAPY = typer.Option("--therapy", "-t", autocompletion=complete.therapy_names,
                        help="A therapy by any name, e.g. rituximab or Benlysta.")
TherapyOpt = Annotated[str | None, _THERAPY]
RequiredTherapyOpt = Annotated[str, _THERAPY]

class SourcesChoice(str, Enum):
    full = "full"
    short = "short"
    none = "none"


class Paper(str, Enum):
    letter = "letter"
    a4 = "a4"


SourcesOpt = Annotated[
    SourcesChoice | None,
    typer.Option("--sources", case_sensitive=False, show_default=False,
                 help="Sources as numbered references: full (title, link, date checked), short "
                      "(publisher and a short link; a handout's default) or none."),
]
PaperOpt = Annotated[
    Paper,
    typer.Option("--paper", case_sensitive=False,
                 help="Paper size for printing and PDF: letter (default) or a4."),
]

SinceOpt = Annotated[str | None, typer.Option("--since", metavar="DATE",
                                              help="From this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DATE",
                                              help="Up to this day (YYYY-MM-DD).")]

NO_PAGER_HELP = "Print long output directly instead of through a pager ($PAGER, or less)."
NoPagerOpt = Annotated[bool, typer.Option("--no-pager", help=NO_PAGER_HELP)]


def no_pager_flag():
    """``--no-pager`` as a Click option: ``group.load_command`` gives it to every command, so no
    command's signature has to carry it."""
    from typer.core import TyperOption

    return TyperOption(param_decls=["--no-pager", "no_pager"], is_flag=True, default=False,
                       help=NO_PAGER_HELP)

# --lang: the language of the output. Every command takes it, and so does the program itself
# (`lupus-guide --lang es faq`), as the one option below: ``group.py`` adds it to each command
# when it is built, so no command's own code names it. Its value is kept for the run (the runner
# reads it into the Env); it is checked, and the catalogue used, as soon as it is read, so that
# `--help` after it is in that language too.
_lang_given: dict[str, str | None] = {"value": None}


def _take_lang(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    from lupus_guide.i18n import UnknownLanguage, choose, installed
    from lupus_guide.messages import say, use

    try:
        lang = choose(value, {})
    except UnknownLanguage as exc:
        raise typer.BadParameter(
            f"{say('lang.not_installed', asked=exc.asked)} "
            f"{say('lang.installed', languages=', '.join(installed()))}") from None
    _lang_given["value"] = lang
    use(lang)
    return lang


def lang_option():
    """The shared ``--lang`` option, as a Click parameter for a command built by Typer."""
    from typer.core import TyperOption

    class LangOption(TyperOption):
        """Its help (which lists the installed languages, read from the package's folders) is
        worked out only when help is shown, not on every run."""

        @property
        def help(self) -> str:
            return _lang_help()

        @help.setter
        def help(self, value: str | None) -> None:
            pass

    return LangOption(param_decls=["--lang"], type=str, metavar="LANG", expose_value=False,
                      is_eager=True, callback=_take_lang)


def _lang_help() -> str:
    from lupus_guide.i18n import installed
    from lupus_guide.messages import say

    return say("lang.help", languages=", ".join(installed()))


def given_lang() -> str | None:
    """The language ``--lang`` named on this command line, if any."""
    return _lang_given["value"]


def forget_lang() -> None:
    """A new command line starts with no --lang (one process may run several: tests)."""
    _lang_given["value"] = None
