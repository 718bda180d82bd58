"""A neutral description of what a command shows, turned into text by the renderers.

Commands build a ``Document`` from content; ``render/`` decides how it looks (Rich terminal,
plain text, and later Markdown and HTML). JSON output does not use it: it prints the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# How a callout is told apart without colour: by its heading and by a symbol.
CalloutKind = Literal["info", "common", "serious", "boxed", "call", "emergency"]


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Checklist:
    items: list[tuple[str, str]]  # (text, detail)


@dataclass
class Fields:
    """Label: value pairs, e.g. the facts at the top of a therapy page."""

    rows: list[tuple[str, str]]


@dataclass
class Callout:
    kind: CalloutKind
    title: str
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A comparison table; narrow terminals show each row as a card instead."""

    columns: list[str]
    rows: list[list[str]]
    title: str = ""


@dataclass
class SourceList:
    sources: list[tuple[str, str, str]]  # (title, url, checked)


Block = Heading | Paragraph | Bullets | Checklist | Fields | Callout | Table | SourceList


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
    header: str = ""  # the active clinic's name and phone numbers, above everything else

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
