"""`search`: everything in the guide that matches, best first, saying where each hit is."""

from __future__ import annotations

from lupus_guide.document import Heading, Table
from lupus_guide.errors import NotFound
from lupus_guide.inputs import printable
from lupus_guide.messages import language, say
from lupus_guide.search import search_all, short_list
from lupus_guide.views import Result, new_document, reads

# Hits shown: those scoring at least SHARE of the best one's score, at most MOST of them.
SHARE, MOST = 0.25, 25


@reads()  # every part: search reads the whole guide
def search(content, text: str) -> Result:
    """Everything in the guide that matches ``text``, best first, saying where each hit is."""
    hits = short_list(search_all(content, text, lang=language()), SHARE, MOST)
    if not hits:
        raise NotFound(say("search.no_match", text=printable(text)), say("search.no_match_hint"))
    data = [{"kind": h.kind, "id": h.id, "title": h.title, "where": h.where,
             "score": round(h.score, 3), "snippet": h.snippet} for h in hits]

    def document():
        doc = new_document(content, say("search.title", text=text))
        doc.add(Heading(say("search.heading", text=text)))
        doc.add(Table([say("search.column.where"), say("search.column.what")],
                      [[h.where, _shorten(h.title, h.snippet)] for h in hits]))
        return doc

    return Result("search", data, document)


def _shorten(title: str, snippet: str, limit: int = 160) -> str:
    snippet = " ".join(snippet.split())
    if len(snippet) > limit:
        snippet = snippet[: limit - 1].rsplit(" ", 1)[0] + "…"
    return f"{title}\n{snippet}" if snippet and snippet != title else title
