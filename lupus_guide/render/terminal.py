"""Terminal output: headings, boxed callouts, and a comparison table that turns into cards on
narrow terminals. Colour only ever repeats what words and symbols already say.

The page is laid out here, line by line (wrapping with textwrap, boxes drawn with box-drawing
characters), as text plus style spans; Rich's style engine (``rich.style``) turns each span into the
terminal's escape codes. Rich's console, grids, tables and panels would measure every cell again,
and importing the console alone costs about twice a bare Python start.
"""

from __future__ import annotations

import functools
import textwrap

from lupus_guide import document as d
from lupus_guide.render.markers import box, bullet, marker

TABLE_MIN_WIDTH = 100  # below this, table rows are shown as stacked cards
STYLES = {
    "info": "cyan",
    "common": "blue",
    "serious": "yellow",
    "boxed": "bold red",
    "call": "magenta",
    "emergency": "bold red",
}
# corners and edges of a callout box: top-left, top-right, bottom-left, bottom-right, across, down
ROUNDED = "╭╮╰╯─│"
ASCII_BOX = "++++-|"


def cell_len(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(8, width), break_on_hyphens=False) or [""]


def _hanging(items: list[str], mark: str, width: int) -> list[str]:
    """Lines of a list whose wrapped lines indent under the text, not under the marker."""
    indent = " " * (len(mark) + 1)
    lines: list[str] = []
    for item in items:
        for number, paragraph in enumerate(item.split("\n")):
            wrapped = _wrap(paragraph, width - len(indent))
            lines += [(f"{mark} " if number == 0 and i == 0 else indent) + line
                      for i, line in enumerate(wrapped)]
    return lines


class _Page:
    """Text and style spans (start, end, style), appended in reading order; a span never
    crosses the end of a line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.length = 0

    def add(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append((self.length, self.length + len(text), style))
        self.parts.append(text)
        self.length += len(text)

    def line(self, text: str = "", style: str = "") -> None:
        self.add(text, style)
        self.add("\n")

    def lines(self, lines: list[str], style: str = "") -> None:
        for text in lines:
            self.line(text, style)

    def absorb(self, laid) -> None:
        """Text laid out elsewhere (the comparison table), spans and all."""
        self.spans += [(self.length + start, self.length + end, style)
                       for start, end, style in laid.spans]
        self.add(laid.plain)
        self.add("\n")

    def render(self, color: bool) -> str:
        """The page as terminal text: escape codes around the styled spans when colour is on.
        The text is cleaned first (one character for one, so the spans still fit): the only
        escape codes on the page are the ones added here."""
        from lupus_guide.safetext import clean

        plain = clean("".join(self.parts))
        if not color:
            return plain
        out, done = [], 0
        for start, end, style in sorted(self.spans):
            before, after = _codes(style)
            out += [plain[done:start], before, plain[start:end], after]
            done = end
        out.append(plain[done:])
        return "".join(out)


@functools.cache
def _codes(style: str) -> tuple[str, str]:
    """The escape codes that switch ``style`` on and off, as Rich's style engine writes them."""
    from rich.color import ColorSystem
    from rich.style import Style

    rendered = Style.parse(style).render("\0", color_system=ColorSystem.STANDARD)
    before, _, after = rendered.partition("\0")
    return before, after


def _boxed(page: _Page, title: str, lines: list[tuple[str, str]], width: int, unicode: bool,
           style: str = "", title_style: str = "") -> None:
    """A box around finished lines, its title in the top edge (Rich's "rounded" panel look)."""
    tl, tr, bl, br, across, down = tuple(ROUNDED if unicode else ASCII_BOX)
    inner = width - 4
    title = title if cell_len(title) <= width - 6 else title[: width - 7] + "…"
    page.add(tl + across + " ", style)
    page.add(title, title_style or style)
    page.line(" " + across * max(0, width - 5 - cell_len(title)) + tr, style)
    for text, text_style in lines:
        page.add(down + " ", style)
        page.add(text, text_style)
        page.line(" " * max(0, inner - cell_len(text)) + " " + down, style)
    page.line(bl + across * (width - 2) + br, style)


def _callout(page: _Page, block: d.Callout, unicode: bool, width: int) -> None:
    inner = width - 4
    lines = [(line, "") for line in (_wrap(block.text, inner) if block.text else [])]
    lines += [(line, "") for line in _hanging(block.items, bullet(unicode), inner)]
    _boxed(page, f"{marker(block.kind, unicode)} {block.title}", lines or [("", "")], width,
           unicode, STYLES[block.kind])


def _card(page: _Page, columns: list[str], row: list[str], unicode: bool, width: int) -> None:
    lines: list[tuple[str, str]] = []
    for column, cell in zip(columns[1:], row[1:]):
        if cell:
            lines += [(line, "bold") for line in _wrap(f"{column}:", width - 4)]
            lines += [(line, "") for paragraph in cell.split("\n")
                      for line in _wrap(paragraph, width - 4)]
    _boxed(page, " ".join(row[0].split("\n")[:2]), lines, width, unicode)


def _fields(page: _Page, rows: list[tuple[str, str]], width: int) -> None:
    """Label and value side by side (labels in bold), or stacked on a narrow terminal."""
    label_width = max((len(label) for label, _ in rows), default=0) + 2
    side_by_side = width >= 60 and width - label_width >= 30
    for label, value in rows:
        if side_by_side:
            wrapped = _wrap(value, width - label_width)
            page.add(label.ljust(label_width), "bold")
            page.line(wrapped[0])
            page.lines([" " * label_width + line for line in wrapped[1:]])
        else:
            page.line(label, "bold")
            page.lines(["  " + line for line in _wrap(value, width - 2)])


def _block(page: _Page, block, width: int, unicode: bool) -> None:
    if isinstance(block, d.Heading):
        style = "bold underline" if block.level == 1 else "bold"
        page.lines(_wrap(block.text, width), style)
    elif isinstance(block, d.Paragraph):
        page.lines([line for part in block.text.split("\n") for line in _wrap(part, width)])
    elif isinstance(block, d.Bullets):
        page.lines(_hanging(block.items, bullet(unicode), width))
    elif isinstance(block, d.Checklist):
        items = [text + (f"\n{detail}" if detail else "") for text, detail in block.items]
        page.lines(_hanging(items, box(unicode), width))
    elif isinstance(block, d.Fields):
        _fields(page, block.rows, width)
    elif isinstance(block, d.Callout):
        _callout(page, block, unicode, width)
    elif isinstance(block, d.Table):
        from lupus_guide.render.boxtable import box_table, fits

        if width >= TABLE_MIN_WIDTH or len(block.columns) <= 2 or fits(block.columns, block.rows,
                                                                       width):
            page.absorb(box_table(block.columns, block.rows, width, unicode))
        else:
            for index, row in enumerate(block.rows):
                if index:
                    page.line()
                _card(page, block.columns, row, unicode, width)
    elif isinstance(block, d.SourceList):
        from lupus_guide.i18n.dates import checked_on

        rows = [f"{title}\n{url} {checked_on(checked)}" for title, url, checked in block.sources]
        page.lines(_hanging(rows, bullet(unicode), width))
    elif isinstance(block, d.PageBreak):
        return
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def render_terminal(doc: d.Document, env) -> str:
    width = env.width
    page = _Page()
    if doc.header:
        page.lines(_wrap(doc.header, width), "bold")
        page.line()
    for block in doc.blocks:
        if not isinstance(block, d.PageBreak):
            _block(page, block, width, env.unicode)
            page.line()
    if doc.footer:
        page.lines(_wrap(doc.footer, width), "dim")
    return page.render(env.color)
