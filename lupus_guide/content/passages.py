"""Every patient-facing passage of the content, with where it is and what it cites."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from lupus_guide import models

# A therapy's own words outside its fact groups (which cite their sources themselves).
THERAPY_FIELDS = ("generic_name", "drug_class", "how_it_works")
# Text fields some fact groups have beside summary and items (the schedule's "usual", ...).
SECTION_EXTRAS = ("usual", "first_infusions", "later_infusions", "infusion_time", "sle", "ln",
                  "threshold", "short")


class Passage(NamedTuple):
    kind: str  # the content kind (kinds.KINDS): therapies, faq, checklists, costs, care, ...
    id: str  # the entry's id ("" for a kind whose entries have none)
    field: str  # where in the entry: "answer", "items[2]", "common_side_effects.summary"...
    text: str  # the words
    sources: list[models.Source]  # what the passage cites (its fact group's, or its entry's)
    entry: Any  # the entry the passage belongs to (a Therapy, a FaqEntry...)

    @property
    def group(self) -> str:
        """The fact group or field the passage is in: "schedule" for "schedule.usual"."""
        return self.field.split(".")[0].split("[")[0]


def walk(content: models.Content) -> Iterator[Passage]:
    """Every passage a person reads, in the content's order, one list item at a time. Each fact
    group of a therapy starts with its summary, even an empty one: a group with no words (a boxed
    warning the label does not have) still cites its sources."""
    for t in content.therapies:
        yield from therapy_passages(t)
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


def therapy_passages(t: models.Therapy) -> Iterator[Passage]:
    """The passages of one therapy (what ``walk`` yields for it)."""
    for field in THERAPY_FIELDS:
        yield Passage("therapies", t.id, field, getattr(t, field), [], t)
    for name, section in t.sections():
        yield from _section(t, name, section)


def _section(therapy: models.Therapy, name: str, section: models.Section) -> Iterator[Passage]:
    cited = list(section.sources)
    yield Passage("therapies", therapy.id, f"{name}.summary", section.summary, cited, therapy)
    for index, item in enumerate(section.items):
        yield Passage("therapies", therapy.id, f"{name}.items[{index}]", item, cited, therapy)
    for extra in SECTION_EXTRAS:
        words = getattr(section, extra, "")
        if words:
            yield Passage("therapies", therapy.id, f"{name}.{extra}", words, cited, therapy)


def _fields(kind: str, entry: Any, names: tuple[str, ...], sources: list) -> Iterator[Passage]:
    cited = list(sources)
    for name in names:
        value = getattr(entry, name)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, words in values:
            if words:
                field = name if index is None else f"{name}[{index}]"
                yield Passage(kind, getattr(entry, "id", ""), field, words, cited, entry)
