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
    cites: list[int] = msgspec.field(default_factory=list)  # numbers in the document's SourceList


class Paragraph(msgspec.Struct):
    text: str


class Bullets(msgspec.Struct):
    items: list[str]
    write_in: bool = False  # paper leaves room to write under each item (questions to ask)


class Checklist(msgspec.Struct):
    items: list[tuple[str, str]]  # (text, detail)
    # Items whose detail paper keeps even where it leaves details out (a clinic's own words), by
    # index; no list: none.
    kept: list[int] = msgspec.field(default_factory=list)
    boxes: bool = True  # False: what will happen, not what to do (a list without check boxes)


class Fields(msgspec.Struct):
    """Label: value pairs, e.g. the facts at the top of a therapy page."""

    rows: list[tuple[str, str]]
    blanks: bool = False  # a form: an empty value prints as a line to write on


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


SourceForm = Literal["full", "short", "none"]


class SourceList(msgspec.Struct):
    """Numbered references (the numbers ``Heading.cites`` uses): in full (title, link, date
    checked), or short (publisher and a short form of the link), or not shown at all."""

    sources: list[tuple[str, str, str]]  # (title, url, checked), numbered from 1
    form: SourceForm = "full"


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
    running: str = ""  # what paper repeats at the top of every page (the clinic, the therapy)
    reviewed: str = ""  # the content's review date, repeated at the foot of every printed page
    paper: str = ""  # "letter" or "a4" to set the printed page size; "" leaves it to the printer

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
