"""What each command shows: plain functions from content to a ``Result``.

A ``Result`` holds the records (for JSON) and a ``Document`` (for people). Commands in ``cli.py``
call one of these functions and hand the result to a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lupus_guide.document import Bullets, Document, Heading, Paragraph, SourceList


@dataclass
class Result:
    command: str
    data: Any
    document: Document


def footer(content) -> str:
    guide = content.guide
    return f"{guide.disclaimer} Content last reviewed {guide.last_reviewed}."


def new_document(content, title: str) -> Document:
    return Document(title=title, footer=footer(content))


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
