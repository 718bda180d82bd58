"""`sources`: every source, what it supports, and when it was checked."""

from __future__ import annotations

from lupus_guide.document import Bullets, Heading, Paragraph
from lupus_guide.i18n.dates import prose_date
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads

# Where a citation is, as `sources` says it; the regimens' sources are shown by `schedule`.
PLACES = {"therapies": "therapies {id}: {field}", "checklists": "prepare: {id}",
          "faq": "faq: {id}", "costs": "costs: {id}", "care": "care: {id}"}


def cited_places(content):
    """(source, where it is cited) for every citation in the guide."""
    from lupus_guide.content.passages import walk

    last: tuple = ()
    for passage in walk(content):
        if passage.kind not in PLACES:
            continue
        group = passage.group if passage.kind == "therapies" else ""
        key = (passage.kind, passage.id, group)
        if key == last:  # the passages of one place follow one another and cite the same
            continue
        last = key
        place = PLACES[passage.kind].format(id=passage.id, field=group.replace("_", " "))
        for src in passage.sources:
            yield src, place


@reads()  # every part: each one cites sources
def sources(content) -> Result:
    by_url: dict[str, dict] = {}
    for src, place in cited_places(content):
        record = by_url.setdefault(src.url, {"title": src.title, "url": src.url,
                                             "checked": src.checked, "supports": []})
        record["checked"] = max(record["checked"], src.checked)
        if place not in record["supports"]:
            record["supports"].append(place)
    records = sorted(by_url.values(), key=lambda r: r["title"].casefold())

    def document():
        doc = new_document(content, say("heading.sources"))
        count = say("sources.count_one" if len(records) == 1 else "sources.count",
                    count=len(records))
        doc.add(Heading(say("heading.sources")), Paragraph(count))
        for r in records:
            doc.add(Heading(r["title"], 2),
                    Paragraph(say("sources.checked", url=r["url"],
                                  date=prose_date(r["checked"]))),
                    Bullets(r["supports"]))
        return doc

    return Result("sources", records, document)
