"""`faq`: the questions people ask, and the answers that match."""

from __future__ import annotations

from lupus_guide.document import Bullets, Heading, Paragraph, Table
from lupus_guide.errors import NotFound
from lupus_guide.inputs import clean_query, printable
from lupus_guide.messages import language, say
from lupus_guide.search import search_faq, short_list
from lupus_guide.views import Result, new_document, reads, source_rows, to_data
from lupus_guide.views.blocks import named_therapy


def _filtered(content, topic: str | None, therapy: str | None):
    entries = list(content.faq)
    if topic is not None:
        topic = clean_query(topic, "topic")
        known = sorted({t for e in content.faq for t in e.topics})
        wanted = topic.strip().casefold()
        if wanted not in known:
            from lupus_guide.suggest import did_you_mean

            hint = did_you_mean(wanted, known, say("faq.topics", topics=", ".join(known)))
            raise NotFound(say("faq.no_topic", topic=printable(topic)), hint)
        entries = [e for e in entries if wanted in e.topics]
    if therapy is not None:
        chosen = named_therapy(content, therapy)
        entries = [e for e in entries if not e.therapies or chosen.id in e.therapies]
    return entries


# Answers shown: those scoring at least LIST_SHARE of the best one, at most LIST_MOST; the best
# one, and the next while they score at least FULL_SHARE of it (at most FULL_MOST), in full; the
# others as their questions.
LIST_SHARE, LIST_MOST = 0.3, 8
FULL_SHARE, FULL_MOST = 0.6, 3


@reads("faq")  # and named_therapy's parts with --therapy
def faq(content, text: str | None, topic: str | None = None, therapy: str | None = None) -> Result:
    """The list of questions, or the answers that match ``text``: the best few in full, the
    others that match well as a list of questions."""
    entries = _filtered(content, topic, therapy)
    doc = new_document(content, say("faq.title"))
    if text is None:
        doc.add(Heading(say("faq.title")),
                Table([say("faq.column.question"), say("faq.column.topics")],
                      [[e.question, ", ".join(e.topics)] for e in entries]),
                Paragraph(say("faq.for_an_answer")))
        return Result("faq", [to_data(e) for e in entries], doc)
    hits = short_list(search_faq(content, text, entries, lang=language()), LIST_SHARE, LIST_MOST)
    if not hits:
        raise NotFound(say("faq.no_match", text=printable(text)), say("faq.no_match_hint"))
    full = [h for h in hits if h.score >= hits[0].score * FULL_SHARE][:FULL_MOST]
    doc.add(Heading(say("faq.answers_for", text=text)))
    for hit in full:
        entry = hit.item
        doc.add(Heading(entry.question, 2), *[Paragraph(p) for p in _paragraphs(entry.answer)],
                source_rows(entry.sources))
    more = hits[len(full):]
    if more:
        doc.add(Heading(say("faq.more_questions"), 2),
                Bullets([h.item.question for h in more]),
                Paragraph(say("faq.more_hint")))
    data = [to_data(h.item) | {"score": round(h.score, 3),
                               "shown": "answer" if i < len(full) else "question"}
            for i, h in enumerate(hits)]
    return Result("faq", data, doc)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
