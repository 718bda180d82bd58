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
