"""`faq`, `prepare`, `costs`, `care`, `search`, `sources` and `changes`: reading the guide."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from lupus_guide.cli import complete
from lupus_guide.cli.options import (
    ClinicOpt,
    ColorChoice,
    ColorOpt,
    FormatOpt,
    OutputOpt,
    Shared,
    SinceOpt,
    TherapyOpt,
)
from lupus_guide.cli.runner import Job, run

FaqText = Annotated[str | None, typer.Argument(help="Words to look for, e.g. pain.")]
TopicOpt = Annotated[str | None, typer.Option("--topic", autocompletion=complete.faq_topics,
                                              help="Only this topic.")]


def faq(text: FaqText = None, topic: TopicOpt = None, therapy: TherapyOpt = None,
        fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
        output: OutputOpt = None) -> None:
    """List the questions people ask, or show the answers that match.

    Example: lupus-guide faq eat

    With no words: every question. Filter with --topic (e.g. insurance) or --therapy (e.g.
    rituximab); a therapy's name alone (lupus-guide faq benlysta) filters the same way.
    """
    from lupus_guide.views.blocks import named_therapy
    from lupus_guide.views.faq import faq as view

    def build(content, env):
        words, named = text, therapy
        if words is not None and named is None and names_a_therapy(content, words):
            words, named = None, words
        return view(content, words, topic, named)

    shown_by = (view, named_therapy) if therapy is not None or text is not None else (view,)
    run(Job("faq", build, shown_by), Shared(fmt, color, output, clinic))


def names_a_therapy(content, words: str) -> bool:
    """Whether ``words`` are exactly one of a therapy's names (any of them, any case)."""
    from lupus_guide.errors import GuideError
    from lupus_guide.find import find_therapy

    try:
        find_therapy(content.therapies, words)
    except GuideError:
        return False
    return True


class StageChoice(str, Enum):
    before = "before"
    during = "during"
    after = "after"


StageOpt = Annotated[StageChoice | None, typer.Option("--stage", "-s", case_sensitive=False,
                                                      help="Only before, during or after.")]


OneTherapyArg = Annotated[str | None, typer.Argument(
    metavar="[NAME]", help="A therapy by any name, e.g. rituximab or Benlysta.")]


def prepare(name: OneTherapyArg = None, therapy: TherapyOpt = None, stage: StageOpt = None,
            fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
            output: OutputOpt = None) -> None:
    """A checklist for before, during and after an infusion.

    Example: lupus-guide prepare rituximab

    Without a therapy: the items for every infusion. With one (NAME, or --therapy NAME): that
    therapy's items too.
    """
    from lupus_guide.views.blocks import named_therapy
    from lupus_guide.views.prepare import checklist as view

    chosen = stage.value if stage is not None else None
    named = name if name is not None else therapy
    shown_by = (view, named_therapy) if named is not None else (view,)
    run(Job("prepare", lambda c, env: view(c, named, chosen), shown_by),
        Shared(fmt, color, output, clinic))


def costs(name: OneTherapyArg = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
          clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """What drives the cost, insurance questions, appeals and help paying.

    Example: lupus-guide costs benlysta

    With a therapy: its maker's help-paying programmes first, then the general topics.
    """
    from lupus_guide.views.blocks import named_therapy
    from lupus_guide.views.topics import costs as view

    shown_by = (view, named_therapy) if name is not None else (view,)
    run(Job("costs", lambda c, env: view(c, name), shown_by),
        Shared(fmt, color, output, clinic))


def care(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
         output: OutputOpt = None) -> None:
    """Long-term care: check-ups, tests, infections, vaccines, pregnancy.

    Example: lupus-guide care
    """
    from lupus_guide.views.topics import care as view

    run(Job("care", lambda c, env: view(c), (view,)),
        Shared(fmt, color, output, clinic))


SearchText = Annotated[str, typer.Argument(help="Words to look for, e.g. hepatitis.")]


def search(text: SearchText, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
           clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """Search therapies, questions, checklists, costs and care.

    Example: lupus-guide search hepatitis
    """
    from lupus_guide.views.search import search as view

    run(Job("search", lambda c, env: view(c, text), (view,)),
        Shared(fmt, color, output, clinic))


def sources(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
            output: OutputOpt = None) -> None:
    """List every source the guide cites, what it supports, when checked.

    Example: lupus-guide sources
    """
    from lupus_guide.views.sources import sources as view

    run(Job("sources", lambda c, env: view(c), (view,)),
        Shared(fmt, color, output, clinic))


def changes(since: SinceOpt = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """What each review of the guide changed, newest first.

    Example: lupus-guide changes --since 2026-01-01

    Each review: its date, what it was and why, what changed, and the therapies, questions and
    other entries it touched. --since DATE: only the reviews from that day on.
    """
    from lupus_guide.views.changes import changes as view

    run(Job("changes", lambda c, env: view(c, since), (view,)),
        Shared(fmt, color, output, clinic))


COMMANDS = {"faq": faq, "prepare": prepare, "costs": costs, "care": care, "search": search,
            "sources": sources, "changes": changes}
