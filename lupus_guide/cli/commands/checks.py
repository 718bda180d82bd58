"""`validate` and `paths`: for whoever writes a clinic pack, or wonders where things are."""

from __future__ import annotations

from typing import Annotated

import typer

from lupus_guide.cli.options import ClinicOpt, ColorChoice, ColorOpt, FormatOpt, OutputOpt, Shared
from lupus_guide.cli.runner import Job, run

FolderArg = Annotated[str | None, typer.Argument(
    metavar="[DIR]", help="A clinic pack folder. Default: the active pack, if any.")]


def validate(folder: FolderArg = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
             clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """Find every mistake in a clinic pack.

    Example: lupus-guide validate ./my-clinic

    Checks the bundled content and the pack in one pass: YAML syntax (a tab, a colon inside
    text), unknown keys and files, wrong types and choices, duplicate ids, references to ids that
    do not exist, and YAML 1.1 surprises (no, off, 1.10). Every problem with file:line:column,
    sorted, in plain words with the fix. Exits 0 when clean, 4 when there are problems.
    --format json suits a clinic's own checks (its schema: lupus-guide pack guide).
    """
    from lupus_guide.views.checks import validate as view

    run(Job("validate", lambda c, env: view(env, folder), needs_content=False),
        Shared(fmt, color, output, clinic))


def paths(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
          output: OutputOpt = None) -> None:
    """Where the bundled content, the clinic pack, the cache and user data live.

    Example: lupus-guide paths
    """
    from lupus_guide.views.checks import paths as view

    run(Job("paths", lambda c, env: view(env), needs_content=False),
        Shared(fmt, color, output, clinic))


COMMANDS = {"validate": validate, "paths": paths}
