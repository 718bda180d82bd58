"""`ids`: every entry a clinic pack can hide, replace or attach notes to, with its id, its title
and where it shows up — what a pack author needs to write ``clinic.yaml``'s ``hide`` and
``notes``, or to replace an entry with one of her own."""

from __future__ import annotations

from lupus_guide.document import Heading, Paragraph, Table
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads

KINDS = ("therapies", "checklists", "faq", "costs", "care")  # clinic.yaml's hide keys


def records(content, kind: str) -> list[dict]:
    """One record per entry of ``kind``: id, title, where it shows, and what a pack may do."""
    from lupus_guide.content.kinds import BY_STEM
    from lupus_guide.content.merge import carries_safety

    may_replace = BY_STEM[kind].pack_may_replace
    found = []
    for entry in getattr(content, kind):
        safety = kind != "therapies" and carries_safety(entry)
        found.append({"kind": kind, "id": entry.id, "title": _title(kind, entry),
                      "shown_in": _shown_in(kind, entry), "hide": not safety,
                      "replace": may_replace and not safety, "note": kind == "therapies",
                      "safety": safety})
    return found


def _title(kind: str, entry) -> str:
    if kind == "therapies":
        return entry.display_name
    if kind == "checklists":
        return entry.text
    if kind == "faq":
        return entry.question
    return entry.title


def _shown_in(kind: str, entry) -> str:
    if kind == "checklists":
        where = say("ids.shown.checklists", stage=entry.stage)
        if entry.therapies:
            where += " " + say("ids.shown.for_therapies", ids=", ".join(entry.therapies))
        return where
    return say(f"ids.shown.{kind}")


def _may(record: dict) -> str:
    if record["safety"]:
        return say("ids.may_nothing")
    actions = [say(f"ids.may.{action}") for action in ("hide", "replace", "note")
               if record[action]]
    return ", ".join(actions)


@reads(*KINDS)
def ids(content, kind: str | None) -> Result:
    """Every id a pack can use (of one kind, or all), grouped by kind."""
    kinds = (kind,) if kind else KINDS
    found = {name: records(content, name) for name in kinds}
    doc = new_document(content, say("ids.title"))
    doc.add(Heading(say("ids.title")), Paragraph(say("ids.lead")))
    columns = [say("ids.column.id"), say("ids.column.title"), say("ids.column.shown"),
               say("ids.column.may")]
    for name in kinds:
        doc.add(Heading(say(f"ids.kind.{name}"), 2),
                Table(columns, [[r["id"], r["title"], r["shown_in"], _may(r)]
                                for r in found[name]]))
    return Result("ids", [record for name in kinds for record in found[name]], doc)
