"""`costs` and `care`: topics with a title, a summary and a list."""

from __future__ import annotations

from typing import NamedTuple

from lupus_guide.document import Heading
from lupus_guide.messages import Said, say
from lupus_guide.models import unique_sources
from lupus_guide.views import Result, new_document, reads, source_rows, to_data, topic_blocks

TITLES = Said("topics.{}", ("costs", "care"))


def topics(content, kind: str) -> Result:
    items = getattr(content, kind)
    doc = new_document(content, TITLES[kind])
    doc.add(Heading(TITLES[kind]))
    for topic in items:
        doc.add(*topic_blocks(topic))
    cited = unique_sources(s for t in items for s in t.sources)
    doc.add(Heading(say("heading.sources"), 2), source_rows(cited))
    return Result(kind, [to_data(t) for t in items], doc)


@reads("costs")  # and named_therapy's parts with a therapy
def costs(content, therapy: str | None = None) -> Result:
    """What drives the cost, questions for the insurer, appeals, help paying; with ``therapy``,
    that therapy's help-paying programmes first (its ``assistance``, with its sources)."""
    general = topics(content, "costs")
    if therapy is None:
        return general
    from lupus_guide.views.blocks import named_therapy

    t = named_therapy(content, therapy)
    help_paying = t.assistance
    title = say("costs.help_paying", name=t.display_name)
    data = {"therapy": t.id, "assistance": to_data(help_paying), "topics": general.data}

    def document():
        doc = new_document(content, title)
        doc.add(*topic_blocks(_Titled(title, help_paying.summary, help_paying.items), 1))
        doc.add(Heading(say("heading.sources"), 2), source_rows(help_paying.sources))
        doc.blocks += general.doc().blocks
        return doc

    return Result("costs", data, document)


class _Titled(NamedTuple):
    """A section read as a topic: a title, a summary and items."""

    title: str
    summary: str
    items: list[str]


@reads("care")
def care(content) -> Result:
    """Long-term care: check-ups, tests, infections, vaccines, pregnancy."""
    return topics(content, "care")
