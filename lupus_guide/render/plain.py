"""Plain text: no colour, no box drawing; wrapped to the width; safe for any terminal."""

from __future__ import annotations

import textwrap

from lupus_guide import document as d
from lupus_guide.render.markers import marker


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    lines: list[str] = []
    for i, para in enumerate(text.split("\n")):
        lines += textwrap.wrap(para, width, initial_indent=first if i == 0 else rest,
                               subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]
    return lines


def _block(block, width: int, unicode: bool) -> list[str]:
    if isinstance(block, d.Heading):
        rule = "=" if block.level == 1 else "-"
        text = _wrap(block.text, width)
        return text + [rule * min(width, max(len(line) for line in text))]
    if isinstance(block, d.Paragraph):
        return _wrap(block.text, width)
    if isinstance(block, d.Bullets):
        return [line for item in block.items for line in _wrap(item, width, "- ", "  ")]
    if isinstance(block, d.Checklist):
        lines: list[str] = []
        for item, detail in block.items:
            lines += _wrap(item, width, "[ ] ", "    ")
            if detail:
                lines += _wrap(detail, width, "    ", "    ")
        return lines
    if isinstance(block, d.Fields):
        return [line for label, value in block.rows
                for line in _wrap(f"{label}: {value}", width, "", "  ")]
    if isinstance(block, d.Callout):
        lines = _wrap(f"{marker(block.kind, False)} {block.title.upper()}", width)
        if block.text:
            lines += _wrap(block.text, width, "  ", "  ")
        lines += [line for item in block.items for line in _wrap(item, width, "  - ", "    ")]
        return lines
    if isinstance(block, d.Table):
        return _cards(block, width)
    if isinstance(block, d.SourceList):
        from lupus_guide.i18n.dates import checked_on

        return [line for title, url, checked in block.sources
                for line in _wrap(f"{title}\n{url} {checked_on(checked)}", width, "- ", "  ")]
    raise TypeError(f"unknown block {type(block).__name__}")


def _cards(table: d.Table, width: int) -> list[str]:
    """Each row of a table as a card: the first cell as a title, then 'Column: value' lines.
    A table whose cells are all one short line, and fit the width, stays a table (unless its
    layout is "cards")."""
    if table.layout == "auto" and all("\n" not in cell for row in table.rows for cell in row):
        widths = [max(len(c) for c in [col, *(row[i] for row in table.rows)])
                  for i, col in enumerate(table.columns)]
        if sum(widths) + 2 * (len(widths) - 1) <= width:
            def line(cells):
                return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
            return [line(table.columns), line(["-" * w for w in widths]),
                    *(line(row) for row in table.rows)]
    lines: list[str] = []
    for row in table.rows:
        title = row[0].replace("\n", " — ")
        lines += _wrap(title, width) + ["~" * min(width, len(title))]
        for column, cell in zip(table.columns[1:], row[1:]):
            if cell:
                lines += _wrap(f"{column}: " + cell.replace("\n", "; "), width, "", "  ")
        lines.append("")
    return lines[:-1]


def render_plain(doc: d.Document, width: int, unicode: bool = True) -> str:
    out: list[str] = []
    if doc.header:
        out += _wrap(doc.header, width) + [""]
    for block in (b for b in doc.blocks if not isinstance(b, d.PageBreak)):
        out += _block(block, width, unicode)
        out.append("")
    if doc.footer:
        out += _wrap(doc.footer, width)
    return "\n".join(out) + "\n"
