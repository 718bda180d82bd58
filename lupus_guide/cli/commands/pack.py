"""`ids` and `pack ...`: for whoever writes a clinic pack — the ids a pack can use, a commented
starter pack, and the guide to writing one."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from lupus_guide.cli.options import ClinicOpt, ColorChoice, ColorOpt, FormatOpt, OutputOpt, Shared
from lupus_guide.cli.runner import Job, run


class KindChoice(str, Enum):
    therapies = "therapies"
    checklists = "checklists"
    faq = "faq"
    costs = "costs"
    care = "care"


KindArg = Annotated[KindChoice | None, typer.Argument(
    metavar="[KIND]", case_sensitive=False,
    help="Only one kind: therapies, checklists, faq, costs or care.")]


def ids(kind: KindArg = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
        clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """Every id a clinic pack can hide, replace or add notes to.

    Example: lupus-guide ids checklists

    Therapies, checklist items, questions (faq), costs and care topics: each id, its title, where
    it shows up, and what a pack may do with it (in clinic.yaml's hide and notes, or an entry of
    its own with the same id).
    """
    from lupus_guide.views.ids import ids as view

    run(Job("ids", lambda c, env: view(c, kind.value if kind else None), (view,)),
        Shared(fmt, color, output, clinic))


app = typer.Typer(name="pack", no_args_is_help=True, rich_markup_mode=None, add_completion=False,
                  help="Start a clinic pack, and read the guide to writing one.\n\n"
                       "Start with: lupus-guide pack init my-clinic --name \"...\" --phone \"...\"")

NameOpt = Annotated[str, typer.Option("--name", help="The clinic's name, as patients know it.")]
PhoneOpt = Annotated[str, typer.Option("--phone", help="The number patients call.")]
NewFolderArg = Annotated[str, typer.Argument(metavar="DIR", help="A new folder for the pack.")]


@app.command("init")
def init(folder: NewFolderArg, name: NameOpt, phone: PhoneOpt, fmt: FormatOpt = None,
         color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
         output: OutputOpt = None) -> None:
    """Start a clinic pack: a new folder with commented files that validate clean.

    Example: lupus-guide pack init my-clinic --name "Riverside" --phone "555-0100"

    Writes a new folder with clinic.yaml (every field explained) and empty, commented files for
    checklist items, questions, costs and care topics. It validates clean as it is; never changes
    an existing folder.
    """
    from lupus_guide.views.pack import init as view

    run(Job("pack init", lambda c, env: view(folder, name, phone), needs_content=False),
        Shared(fmt, color, output, clinic))


@app.command("guide")
def guide(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
          output: OutputOpt = None) -> None:
    """The guide to writing a clinic pack: every field, and the mistakes validate catches.

    Example: lupus-guide pack guide -o clinic-packs.md

    --format markdown (or -o guide.md) gives the guide's own Markdown, as the project keeps it.
    """
    from lupus_guide.cli.runner import output_format
    from lupus_guide.render import OutputFormat
    from lupus_guide.views.pack import guide as view

    shared = Shared(fmt, color, output, clinic)
    source = output_format(shared, OutputFormat.table) is OutputFormat.markdown
    run(Job("pack guide", lambda c, env: view(), needs_content=False,
            text_for=(lambda result: result.data["markdown"]) if source else None), shared)


COMMANDS = {"ids": ids, "pack": app}
