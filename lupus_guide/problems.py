"""A problem found in a content file: where it is and what is wrong, in one line."""

from __future__ import annotations

import msgspec


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
        """``file:line:column: $.path: message`` — one line for a person or an editor."""
        field = f"{self.path}: " if self.path and self.path != "$" else ""
        return f"{self.where()}: {field}{self.message}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "path": self.path, "message": self.message}
