"""Every patient-facing passage of the content, with where it is and what it cites."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from lupus_guide import models


class Passage(NamedTuple):
    kind: str  # the content kind (kinds.KINDS): therapies, faq, checklists, costs, care, ...
    id: str  # the entry's id ("" for a kind whose entries have none)
    field: str  # the field: "question", "detail", or a therapy's section ("common_side_effects")
    text: str  # the words; a therapy section's summary and items, one after the other
    sources: list[models.Source]  # what the passage cites (the entry's, or its section's)
    entry: Any  # the entry the passage belongs to (a Therapy, a FaqEntry...)


def walk(content: models.Content) -> Iterator[Passage]:
    """Every passage a person reads, in the content's order. A therapy's section is one passage
    even when it has no words (a boxed warning the label does not have still cites the label)."""
    for t in content.therapies:
        facts = [("generic_name", t.generic_name), ("drug_class", t.drug_class),
                 ("how_it_works", t.how_it_works), ("approval.sle", t.approval.sle),
                 ("approval.ln", t.approval.ln), ("schedule.usual", t.schedule.usual)]
        for field, words in facts:
            yield Passage("therapies", t.id, field, words, [], t)
        for name, section in t.sections():
            words = " ".join([section.summary, *section.items]).strip()
            yield Passage("therapies", t.id, name, words, list(section.sources), t)
    for item in content.checklists:
        yield from _fields("checklists", item, ("text", "detail"), item.sources)
    for entry in content.faq:
        yield from _fields("faq", entry, ("question", "answer"), entry.sources)
    for kind in ("costs", "care"):
        for topic in getattr(content, kind):
            yield from _fields(kind, topic, ("title", "summary", "items"), topic.sources)
    for regimen in content.regimens:
        yield from _fields("regimens", regimen, ("name", "notes"), regimen.sources)
    for change in content.changes:
        yield from _fields("changes", change, ("title", "why", "items"), [])
    yield Passage("guide", "", "disclaimer", content.guide.disclaimer, [], content.guide)


def _fields(kind: str, entry: Any, names: tuple[str, ...], sources: list) -> Iterator[Passage]:
    for name in names:
        value = getattr(entry, name)
        words = " ".join(value) if isinstance(value, list) else value
        if words:
            yield Passage(kind, getattr(entry, "id", ""), name, words, list(sources), entry)
