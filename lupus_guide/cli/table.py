"""Every command: its name, the module that defines it, and its one-line summary (the first
paragraph of its help: what it does, with the example after it). Static, so that `--help` and
completion import no command module; tests/test_cli.py checks each summary against the command's
own help."""

from __future__ import annotations

from typing import NamedTuple


class CommandSpec(NamedTuple):
    name: str
    module: str  # lupus_guide.cli.commands.<family>
    summary: str


_READING = "lupus_guide.cli.commands.reading"
_THERAPIES = "lupus_guide.cli.commands.therapies"
_CHECKS = "lupus_guide.cli.commands.checks"
_START = "lupus_guide.cli.commands.start"
_PACK = "lupus_guide.cli.commands.pack"

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("start", _START, "One screen to start one therapy: the visit, food, what to bring, "
                                 "when to call."),
    CommandSpec("therapies", _THERAPIES, "Compare infusion therapies, or show one in full."),
    CommandSpec("faq", _READING, "List the questions people ask, or show the answers that match."),
    CommandSpec("prepare", _READING, "A checklist for before, during and after an infusion."),
    CommandSpec("side-effects", _THERAPIES, "Side effects: emergencies first, when to call, "
                                            "serious and common ones."),
    CommandSpec("costs", _READING, "What drives the cost, insurance questions, appeals and help "
                                   "paying."),
    CommandSpec("care", _READING, "Long-term care: check-ups, tests, infections, vaccines, "
                                  "pregnancy."),
    CommandSpec("search", _READING, "Search therapies, questions, checklists, costs and care."),
    CommandSpec("sources", _READING, "List every source the guide cites, what it supports, when "
                                     "checked."),
    CommandSpec("changes", _READING, "What each review of the guide changed, newest first."),
    CommandSpec("handout", _THERAPIES, "A printable handout for one therapy."),
    CommandSpec("schedule", _THERAPIES, "The usual infusion dates, to plan with."),
    CommandSpec("validate", _CHECKS, "Find every mistake in a clinic pack."),
    CommandSpec("paths", _CHECKS, "Where the bundled content, the clinic pack, the cache and user "
                                  "data live."),
    CommandSpec("ids", _PACK, "Every id a clinic pack can hide, replace or add notes to."),
    CommandSpec("pack", _PACK, "Start a clinic pack, and read the guide to writing one."),
    CommandSpec("journal", "lupus_guide.cli.commands.journal",
                "A private journal of infusions, reactions and calls, kept on this computer only."),
    CommandSpec("help", _START, "The start page, or one command's help."),
)

BY_NAME = {spec.name: spec for spec in COMMANDS}
