"""The start page (`lupus-guide` with no words, `lupus-guide help`): where a new reader begins.
It reads no content and imports no content models, so that it shows at once."""

from __future__ import annotations

from lupus_guide.document import Callout, Document, Fields, Heading, Paragraph
from lupus_guide.messages import say
from lupus_guide.views import Result, reads

HOME_COMMANDS = (("lupus-guide start NAME", "home.start"),
                 ("lupus-guide prepare NAME", "home.prepare"),
                 ("lupus-guide side-effects NAME", "home.side_effects"),
                 ("lupus-guide faq WORDS", "home.faq"))


@reads()
def home(env=None) -> Result:
    """The start page: where a new reader begins, the few commands most people need, and what to
    do in an emergency. It reads no content (`lupus-guide` with no words must start at once)."""
    rows = [(command, say(message)) for command, message in HOME_COMMANDS]
    doc = Document(title=say("home.title"))
    doc.add(Paragraph(say("home.title")), Paragraph(say("home.new")),
            Heading(say("home.most_need"), 2), Fields(rows), Paragraph(say("home.more")),
            Callout("emergency", say("home.emergency_title"), say("home.emergency")))
    data = {"new": say("home.new"), "commands": [{"command": c, "what": w} for c, w in rows],
            "more": say("home.more"), "emergency": say("home.emergency")}
    return Result("help", data, doc)
