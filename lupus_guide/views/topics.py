"""`costs` and `care`: topics with a title, a summary and a list."""

from __future__ import annotations

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


@reads("costs")
def costs(content) -> Result:
    """What drives the cost, questions for the insurer, appeals, help paying."""
    return topics(content, "costs")


@reads("care")
def care(content) -> Result:
    """Long-term care: check-ups, tests, infections, vaccines, pregnancy."""
    return topics(content, "care")
