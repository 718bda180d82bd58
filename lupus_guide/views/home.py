"""The start page in every format (`lupus-guide help --format json`...); `lupus-guide` with no words
prints its plain layout (``lupus_guide.home``) without loading any of this."""

from __future__ import annotations

from lupus_guide.document import Callout, Document, Fields, Heading, Paragraph
from lupus_guide.home import home_rows
from lupus_guide.messages import say
from lupus_guide.views import Result, reads


@reads()
def home(env=None) -> Result:
    """The start page: where a new reader begins, the few commands most people need, and what to
    do in an emergency. It reads no content (`lupus-guide` with no words must start at once)."""
    rows = home_rows()
    doc = Document(title=say("home.title"))
    doc.add(Paragraph(say("home.title")), Paragraph(say("home.new")),
            Heading(say("home.most_need"), 2), Fields(rows), Paragraph(say("home.more")),
            Callout("emergency", say("home.emergency_title"), say("home.emergency")))
    data = {"new": say("home.new"), "commands": [{"command": c, "what": w} for c, w in rows],
            "more": say("home.more"), "emergency": say("home.emergency")}
    return Result("help", data, doc)
