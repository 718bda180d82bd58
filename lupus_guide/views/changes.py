"""`changes`: what each review of the content changed, newest first."""

from __future__ import annotations

from lupus_guide.document import Bullets, Heading, Paragraph
from lupus_guide.i18n.dates import prose_date
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, to_data


@reads("changes")
def changes(content, since: str | None = None) -> Result:
    """The content's changelog, newest first; with ``since`` (a date), the changes from that day
    on."""
    from lupus_guide.inputs import parse_date

    start = parse_date(since, "--since").isoformat() if since is not None else None
    shown = [c for c in content.changes if start is None or c.date >= start]
    shown.sort(key=lambda change: change.date, reverse=True)

    def document():
        title = (say("changes.title_since", date=prose_date(start)) if start
                 else say("changes.title"))
        doc = new_document(content, title)
        doc.add(Heading(title))
        if not shown:
            doc.add(Paragraph(say("changes.none_since", date=prose_date(start)) if start
                              else say("changes.none")))
        for change in shown:
            doc.add(Heading(f"{prose_date(change.date)}: {change.title}", 2), Paragraph(change.why),
                    Bullets(list(change.items)))
            if change.ids:
                doc.add(Paragraph(say("changes.affects", ids=", ".join(change.ids))))
        return doc

    return Result("changes", [to_data(c) for c in shown], document)
