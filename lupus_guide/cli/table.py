"""Every command: its name, the module that defines it, and its one-line summary (the first
paragraph of its help). Static, so that `--help` and completion import no command module;
tests/test_cli.py checks each summary against the command's own help."""

from __future__ import annotations

from typing import NamedTuple


class CommandSpec(NamedTuple):
    name: str
    module: str  # lupus_guide.cli.commands.<family>
    summary: str


_READING = "lupus_guide.cli.commands.reading"
_THERAPIES = "lupus_guide.cli.commands.therapies"
_CHECKS = "lupus_guide.cli.commands.checks"
_PACK = "lupus_guide.cli.commands.pack"

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("therapies", _THERAPIES,
                "lupus-guide therapies belimumab — compare infusion therapies, or show one in "
                "full."),
    CommandSpec("faq", _READING, "lupus-guide faq eat — list the questions people ask, or show the "
                                 "answers that match."),
    CommandSpec("prepare", _READING, "lupus-guide prepare --therapy rituximab — a checklist for "
                                     "before, during and after."),
    CommandSpec("side-effects", _THERAPIES, "lupus-guide side-effects rituximab — common, serious, "
                                            "when to call, and emergencies."),
    CommandSpec("costs", _READING, "lupus-guide costs — what drives the cost, insurance questions, "
                                   "appeals and help paying."),
    CommandSpec("care", _READING, "lupus-guide care — long-term care: check-ups, tests, "
                                  "infections, vaccines, pregnancy."),
    CommandSpec("search", _READING, "lupus-guide search hepatitis — search therapies, questions, "
                                    "checklists, costs and care."),
    CommandSpec("sources", _READING, "lupus-guide sources — every source the guide cites, what it "
                                     "supports, when checked."),
    CommandSpec("changes", _READING, "lupus-guide changes --since 2026-01-01 — what each review of "
                                     "the guide changed, newest first."),
    CommandSpec("handout", _THERAPIES, "lupus-guide handout rituximab -o rituximab.html — a "
                                       "printable handout for one therapy."),
    CommandSpec("schedule", _THERAPIES, "lupus-guide schedule belimumab --start 2027-01-04 — the "
                                        "usual infusion dates, to plan with."),
    CommandSpec("validate", _CHECKS, "lupus-guide validate ./my-clinic — find every mistake in a "
                                     "clinic pack."),
    CommandSpec("paths", _CHECKS, "lupus-guide paths — where the bundled content, the clinic pack, "
                                  "the cache and user data live."),
    CommandSpec("ids", _PACK, "lupus-guide ids checklists — every id a clinic pack can hide, "
                              "replace or add notes to."),
    CommandSpec("pack", _PACK, "Start a clinic pack, and read the guide to writing one."),
    CommandSpec("journal", "lupus_guide.cli.commands.journal",
                "A private journal of infusions, reactions and calls, kept on this computer only."),
)

BY_NAME = {spec.name: spec for spec in COMMANDS}
