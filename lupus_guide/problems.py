"""A problem found in a content file: where it is and what is wrong, in one line."""

from __future__ import annotations

import re

import msgspec

from lupus_guide.messages import say


class Problem(msgspec.Struct, frozen=True):
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""  # the field, as a JSON path such as $.entries[3].question

    def where(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return place

    def text(self) -> str:
        """``file:line:column: in 'items', item 2, 'text': message`` — one line for a person or
        an editor."""
        where = place(self.path)
        return f"{self.where()}: {where + ': ' if where else ''}{self.message}"

    def sort_key(self) -> tuple:
        """By file, then line and column (what concerns the whole file first)."""
        return (self.file.casefold(), self.file, self.line or 0, self.column or 0)

    def to_dict(self) -> dict:
        """The record ``validate --format json`` gives (docs/clinic-packs.md: its schema)."""
        return {"file": self.file, "line": self.line, "column": self.column,
                "path": self.path, "place": place(self.path), "message": self.message,
                "text": self.text()}


_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[id=([^\]]*)\]")


def place(path: str) -> str:
    """A JSON path as a place a person finds: ``$.hide.therapies[0]`` -> ``in 'hide.therapies',
    item 1``; "" for the whole file."""
    keys: list[str] = []
    parts: list[str] = []
    for key, index, item_id in _STEP.findall(path[1:] if path.startswith("$") else path):
        if key:
            keys.append(key)
            continue
        if keys:
            parts.append(f"'{'.'.join(keys)}'")
            keys = []
        parts.append(say("place.item", number=int(index) + 1) if index
                     else say("place.entry", id=item_id))
    if keys:
        parts.append(f"'{'.'.join(keys)}'")
    return say("place.in", place=", ".join(parts)) if parts else ""
