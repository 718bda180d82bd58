"""What each command shows: plain functions from content to a ``Result``.

A ``Result`` holds the records (for JSON) and a ``Document`` (for people). A command calls one of
these functions and hands the result to a renderer. Each view declares the parts of the content
it reads (``@reads``), so that a command decodes only those from the cache. No view imports
another: what several of them show is in ``views/blocks.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import msgspec

from lupus_guide.document import Bullets, Document, Heading, Paragraph, SourceForm, SourceList
from lupus_guide.messages import say

View = TypeVar("View", bound=Callable[..., Any])
_READS: dict[Callable[..., Any], frozenset[str] | None] = {}


def reads(*parts: str) -> Callable[[View], View]:
    """Declare the content parts (``content.kinds.LIST_STEMS``) a view reads; none: all of them."""

    def declare(view: View) -> View:
        _READS[view] = frozenset(parts) if parts else None
        return view

    return declare


def parts_read_by(*views: Callable[..., Any]) -> frozenset[str] | None:
    """The parts these views read together (None: every part)."""
    found: set[str] = set()
    for view in views:
        parts = _READS[view]
        if parts is None:
            return None
        found |= parts
    return frozenset(found)


class Result(msgspec.Struct):
    command: str
    data: Any
    document: Any  # a Document, or a function that builds one (JSON output never needs it)
    exit_code: int = 0  # non-zero when the command reports problems (validate)

    def doc(self) -> Document:
        return self.document() if callable(self.document) else self.document


def footer(content) -> str:
    from lupus_guide.i18n.dates import prose_date

    guide = content.guide
    return say("frame.footer", disclaimer=guide.disclaimer, date=prose_date(guide.last_reviewed))


def header(content) -> str:
    """The active clinic pack's name and numbers, or nothing."""
    clinic = content.clinic
    if clinic is None:
        return ""
    parts = [clinic.name, say("frame.phone", phone=clinic.phone)]
    if clinic.after_hours_phone:
        parts.append(say("frame.after_hours", phone=clinic.after_hours_phone))
    if clinic.address:
        parts.append(clinic.address)
    return " · ".join(parts)


def running_header(content, subject: str) -> str:
    """What paper repeats at the top of every page: the clinic's name and phone, the subject."""
    clinic = content.clinic
    if clinic is None:
        return subject
    return " · ".join([clinic.name, say("frame.phone", phone=clinic.phone), subject])


def new_document(content, title: str, subject: str = "") -> Document:
    """A document with the frame every page has: the clinic, the footer, the running header
    (``subject``, else ``title``) and the review date printed on every sheet."""
    return Document(title=title, footer=footer(content), header=header(content),
                    running=running_header(content, subject or title),
                    reviewed=content.guide.last_reviewed)


class References:
    """Numbers for the sources a document cites, in the order first cited (one number per link),
    and the list they point to in ``form``: full, short or none (no numbers, no list)."""

    def __init__(self, form: SourceForm = "full") -> None:
        self.form = form
        self.sources: list = []
        self._numbers: dict[str, int] = {}

    def cite(self, sources) -> list[int]:
        """The numbers of ``sources``, giving new ones to sources not cited before."""
        numbers: set[int] = set()
        for src in sources:
            if src.url not in self._numbers:
                self.sources.append(src)
                self._numbers[src.url] = len(self.sources)
            numbers.add(self._numbers[src.url])
        return sorted(numbers) if self.form != "none" else []

    def blocks(self) -> list:
        """The heading and the numbered list (or, with none, one line saying where they are)."""
        if self.form == "none":
            return [Paragraph(say("ref.none"))]
        return [Heading(say("heading.sources"), 2),
                SourceList([(s.title, s.url, s.checked) for s in self.sources], self.form)]


def to_data(value) -> Any:
    """Plain JSON-ready data from content models."""
    import msgspec

    return msgspec.to_builtins(value)


def source_rows(sources) -> SourceList:
    return SourceList([(s.title, s.url, s.checked) for s in sources])


def topic_blocks(topic, level: int = 2) -> list:
    """A heading, its summary and its items: how a Topic (or a Section with a title) reads."""
    blocks: list = [Heading(topic.title, level)]
    if topic.summary:
        blocks.append(Paragraph(topic.summary))
    if topic.items:
        blocks.append(Bullets(list(topic.items)))
    return blocks
