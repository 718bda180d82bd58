"""What each command shows: plain functions from content to a ``Result``.

A ``Result`` holds the records (for JSON) and a ``Document`` (for people). Commands in ``cli.py``
call one of these functions and hand the result to a renderer.
"""

from __future__ import annotations

from typing import Any

from lupus_guide._imports import msgspec
from lupus_guide.document import Bullets, Document, Heading, Paragraph, SourceList


class Result(msgspec.Struct):
    command: str
    data: Any
    document: Any  # a Document, or a function that builds one (JSON output never needs it)
    exit_code: int = 0  # non-zero when the command reports problems (validate)

    def doc(self) -> Document:
        return self.document() if callable(self.document) else self.document


def footer(content) -> str:
    guide = content.guide
    return f"{guide.disclaimer} Content last reviewed {guide.last_reviewed}."


def header(content) -> str:
    """The active clinic pack's name and numbers, or nothing."""
    clinic = content.clinic
    if clinic is None:
        return ""
    parts = [clinic.name, f"Phone {clinic.phone}"]
    if clinic.after_hours_phone:
        parts.append(f"After hours {clinic.after_hours_phone}")
    if clinic.address:
        parts.append(clinic.address)
    return " · ".join(parts)


def new_document(content, title: str) -> Document:
    return Document(title=title, footer=footer(content), header=header(content))


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
