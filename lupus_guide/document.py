"""A neutral description of what a command shows, turned into text by the renderers.

Commands build a ``Document`` from content; ``render/`` decides how it looks (Rich terminal,
plain text, and later Markdown and HTML). JSON output does not use it: it prints the records.
"""

from __future__ import annotations

from typing import Literal

import msgspec

# How a callout is told apart without colour: by its heading and by a symbol.
CalloutKind = Literal["info", "common", "serious", "boxed", "call", "emergency"]


class Heading(msgspec.Struct):
    text: str
    level: int = 1


class Paragraph(msgspec.Struct):
    text: str


class Bullets(msgspec.Struct):
    items: list[str]


class Checklist(msgspec.Struct):
    items: list[tuple[str, str]]  # (text, detail)


class Fields(msgspec.Struct):
    """Label: value pairs, e.g. the facts at the top of a therapy page."""

    rows: list[tuple[str, str]]


class Callout(msgspec.Struct):
    kind: CalloutKind
    title: str
    text: str = ""
    items: list[str] = msgspec.field(default_factory=list)


class Table(msgspec.Struct):
    """A comparison table; narrow terminals show each row as a card instead."""

    columns: list[str]
    rows: list[list[str]]
    title: str = ""
    # "cards": plain text shows every row as a card whatever the width (one layout for lists a
    # script reads); "auto": a table when it fits
    layout: Literal["auto", "cards"] = "auto"


class SourceList(msgspec.Struct):
    sources: list[tuple[str, str, str]]  # (title, url, checked)


class PageBreak(msgspec.Struct):
    """Where printed output starts a new page (between therapies); screens ignore it."""


Block = (Heading | Paragraph | Bullets | Checklist | Fields | Callout | Table | SourceList
         | PageBreak)


class Document(msgspec.Struct):
    title: str
    blocks: list[Block] = msgspec.field(default_factory=list)
    footer: str = ""
    header: str = ""  # the active clinic's name and phone numbers, above everything else
    kind: str = ""  # what the page is, for renderers that lay some kinds out differently

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
