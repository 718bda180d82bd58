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
    """lupus-guide faq eat — list the questions people ask, or show the answers that match.

    With no words: every question. Filter with --topic (e.g. insurance) or --therapy (e.g.
    rituximab).
    """
    from lupus_guide.views.blocks import named_therapy
    from lupus_guide.views.faq import faq as view

    shown_by = (view, named_therapy) if therapy is not None else (view,)
    run(Job("faq", lambda c, env: view(c, text, topic, therapy), shown_by),
        Shared(fmt, color, output, clinic))


class StageChoice(str, Enum):
    before = "before"
    during = "during"
    after = "after"


StageOpt = Annotated[StageChoice | None, typer.Option("--stage", "-s", case_sensitive=False,
                                                      help="Only before, during or after.")]


def prepare(therapy: TherapyOpt = None, stage: StageOpt = None, fmt: FormatOpt = None,
            color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
            output: OutputOpt = None) -> None:
    """lupus-guide prepare --therapy rituximab — a checklist for before, during and after.

    Without --therapy: the items for every infusion. With it: that therapy's items too.
    """
    from lupus_guide.views.prepare import checklist as view

    chosen = stage.value if stage is not None else None
    from lupus_guide.views.blocks import named_therapy

    shown_by = (view, named_therapy) if therapy is not None else (view,)
    run(Job("prepare", lambda c, env: view(c, therapy, chosen), shown_by),
        Shared(fmt, color, output, clinic))


def costs(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
          output: OutputOpt = None) -> None:
    """lupus-guide costs — what drives the cost, insurance questions, appeals and help paying."""
    from lupus_guide.views.topics import costs as view

    run(Job("costs", lambda c, env: view(c), (view,)),
        Shared(fmt, color, output, clinic))


def care(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
         output: OutputOpt = None) -> None:
    """lupus-guide care — long-term care: check-ups, tests, infections, vaccines, pregnancy."""
    from lupus_guide.views.topics import care as view

    run(Job("care", lambda c, env: view(c), (view,)),
        Shared(fmt, color, output, clinic))


SearchText = Annotated[str, typer.Argument(help="Words to look for, e.g. hepatitis.")]


def search(text: SearchText, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
           clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide search hepatitis — search therapies, questions, checklists, costs and care."""
    from lupus_guide.views.search import search as view

    run(Job("search", lambda c, env: view(c, text), (view,)),
        Shared(fmt, color, output, clinic))


def sources(fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto, clinic: ClinicOpt = None,
            output: OutputOpt = None) -> None:
    """lupus-guide sources — every source the guide cites, what it supports, when checked."""
    from lupus_guide.views.sources import sources as view

    run(Job("sources", lambda c, env: view(c), (view,)),
        Shared(fmt, color, output, clinic))


def changes(since: SinceOpt = None, fmt: FormatOpt = None, color: ColorOpt = ColorChoice.auto,
            clinic: ClinicOpt = None, output: OutputOpt = None) -> None:
    """lupus-guide changes --since 2026-01-01 — what each review of the guide changed, newest first.

    Each review: its date, what it was and why, what changed, and the therapies, questions and
    other entries it touched. --since DATE: only the reviews from that day on.
    """
    from lupus_guide.views.changes import changes as view

    run(Job("changes", lambda c, env: view(c, since), (view,)),
        Shared(fmt, color, output, clinic))


COMMANDS = {"faq": faq, "prepare": prepare, "costs": costs, "care": care, "search": search,
            "sources": sources, "changes": changes}
