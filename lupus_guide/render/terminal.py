"""Rich terminal output: headings, panels for callouts, and a comparison table that turns
into cards on narrow terminals. Colour only ever repeats what words and symbols already say."""

from __future__ import annotations

import io
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


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, max(8, width), break_on_hyphens=False) or [""]


def _hanging(items: list[str], mark: str, width: int):
    """A list whose wrapped lines indent under the text, not under the marker.

    The lines are wrapped here, once, so Rich only prints them: laying the same list out as a
    Rich grid measures every cell again and costs tens of milliseconds on a long page."""
    from rich.text import Text

    indent = " " * (len(mark) + 1)
    lines: list[str] = []
    for item in items:
        for number, paragraph in enumerate(item.split("\n")):
            wrapped = _wrap(paragraph, width - len(indent))
            lines += [(f"{mark} " if number == 0 and i == 0 else indent) + line
                      for i, line in enumerate(wrapped)]
    return Text("\n".join(lines), no_wrap=True, overflow="fold")


def _fields(rows: list[tuple[str, str]], width: int):
    """Label and value side by side (labels in bold), or stacked on a narrow terminal."""
    from rich.text import Text

    text = Text(no_wrap=True, overflow="fold")
    label_width = max((len(label) for label, _ in rows), default=0) + 2
    side_by_side = width >= 60 and width - label_width >= 30
    for label, value in rows:
        if text:
            text.append("\n")
        if side_by_side:
            wrapped = _wrap(value, width - label_width)
            text.append(label.ljust(label_width), style="bold")
            text.append(("\n" + " " * label_width).join(wrapped))
        else:
            text.append(label, style="bold")
            text.append("\n" + "\n".join("  " + line for line in _wrap(value, width - 2)))
    return text


def _callout(block: d.Callout, unicode: bool, width: int):
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    inner = width - 4  # borders and padding
    parts = []
    if block.text:
        parts.append(Text("\n".join(_wrap(block.text, inner)), no_wrap=True, overflow="fold"))
    if block.items:
        parts.append(_hanging(block.items, bullet(unicode), inner))
    title = Text(f"{marker(block.kind, unicode)} {block.title}", style=STYLES[block.kind])
    return Panel(Group(*parts) if parts else Text(""), title=title, title_align="left",
                 border_style=STYLES[block.kind], box=_box(unicode, "ROUNDED"))


def _table(block: d.Table, width: int, unicode: bool):
    if width >= TABLE_MIN_WIDTH or len(block.columns) <= 2:
        from lupus_guide.render.boxtable import box_table

        return [box_table(block.columns, block.rows, width, unicode)]
    return [_card(block.columns, row, unicode, width) for row in block.rows]


def _box(unicode: bool, name: str):
    """Rich's box style by name, or plain ASCII where the terminal cannot show box drawing."""
    from rich import box

    return getattr(box, name) if unicode else box.ASCII


def _card(columns: list[str], row: list[str], unicode: bool, width: int):
    from rich.panel import Panel
    from rich.text import Text

    text = Text(no_wrap=True, overflow="fold")
    for column, cell in zip(columns[1:], row[1:]):
        if cell:
            if text:
                text.append("\n")
            text.append(f"{column}:", style="bold")
            for paragraph in cell.split("\n"):
                text.append("\n" + "\n".join(_wrap(paragraph, width - 4)))
    title = " ".join(row[0].split("\n")[:2])  # the name and the first brand
    return Panel(text, title=title, title_align="left", box=_box(unicode, "ROUNDED"))


def _lines(text: str, width: int, style: str = ""):
    from rich.text import Text

    wrapped = [line for paragraph in text.split("\n") for line in _wrap(paragraph, width)]
    return Text("\n".join(wrapped), style=style, no_wrap=True, overflow="fold")


def _renderables(block, width: int, unicode: bool) -> list:

    if isinstance(block, d.Heading):
        style = "bold underline" if block.level == 1 else "bold"
        return [_lines(block.text, width, style)]
    if isinstance(block, d.Paragraph):
        return [_lines(block.text, width)]
    if isinstance(block, d.Bullets):
        return [_hanging(block.items, bullet(unicode), width)]
    if isinstance(block, d.Checklist):
        lines = [text + (f"\n{detail}" if detail else "") for text, detail in block.items]
        return [_hanging(lines, box(unicode), width)]
    if isinstance(block, d.Fields):
        return [_fields(block.rows, width)]
    if isinstance(block, d.Callout):
        return [_callout(block, unicode, width)]
    if isinstance(block, d.Table):
        return _table(block, width, unicode)
    if isinstance(block, d.SourceList):
        rows = [f"{title}\n{url} (checked {checked})" for title, url, checked in block.sources]
        return [_hanging(rows, bullet(unicode), width)]
    raise TypeError(f"unknown block {type(block).__name__}")


def render_terminal(doc: d.Document, env) -> str:
    from rich.console import Group
    from rich.text import Text

    buffer = io.StringIO()
    console = env.console(buffer)
    width = console.width
    parts: list = []
    if doc.header:
        parts += [_lines(doc.header, width, "bold"), Text()]
    for block in doc.blocks:
        parts += [*_renderables(block, width, env.unicode), Text()]
    if doc.footer:
        parts.append(_lines(doc.footer, width, "dim"))
    console.print(Group(*parts))  # one pass through Rich for the whole page
    return buffer.getvalue()
