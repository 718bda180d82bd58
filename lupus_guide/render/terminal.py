"""Rich terminal output: headings, panels for callouts, and a comparison table that turns
into cards on narrow terminals. Colour only ever repeats what words and symbols already say."""

from __future__ import annotations

import io

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


def _hanging(items: list[str], mark: str):
    """A list whose wrapped lines indent under the text, not under the marker."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(mark, item)
    return grid


def _callout(block: d.Callout, unicode: bool):
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts = []
    if block.text:
        parts.append(Text(block.text))
    if block.items:
        parts.append(_hanging(block.items, bullet(unicode)))
    title = Text(f"{marker(block.kind, unicode)} {block.title}", style=STYLES[block.kind])
    return Panel(Group(*parts) if parts else Text(""), title=title, title_align="left",
                 border_style=STYLES[block.kind], box=_box(unicode, "ROUNDED"))


def _table(block: d.Table, width: int, unicode: bool):
    from rich.table import Table

    if width >= TABLE_MIN_WIDTH or len(block.columns) <= 2:
        table = Table(show_lines=True, expand=True, title=block.title or None,
                      box=_box(unicode, "HEAVY_HEAD"))
        for i, column in enumerate(block.columns):
            # The first column holds names: its lines are short and never broken inside a word.
            keep_whole = i == 0 and len(block.columns) > 2
            table.add_column(column, style="bold" if i == 0 else None, overflow="fold",
                             no_wrap=keep_whole,
                             ratio=_ratio(block, i) if len(block.columns) <= 2 else None)
        for row in block.rows:
            table.add_row(*row)
        return [table]
    return [_card(block.columns, row, unicode) for row in block.rows]


def _ratio(block: d.Table, index: int) -> int:
    """A share of the width in proportion to the column's longest line (within limits)."""
    lines = [line for row in block.rows for line in row[index].splitlines()]
    return max(8, min(60, max((len(line) for line in lines), default=8)))


def _box(unicode: bool, name: str):
    """Rich's box style by name, or plain ASCII where the terminal cannot show box drawing."""
    from rich import box

    return getattr(box, name) if unicode else box.ASCII


def _card(columns: list[str], row: list[str], unicode: bool):
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", overflow="fold")
    for column, cell in zip(columns[1:], row[1:]):
        if cell:
            grid.add_row(f"{column}:")
            grid.add_row(cell)
    return Panel(grid, title=row[0].split("\n")[0], title_align="left", box=_box(unicode, "ROUNDED"))


def _renderables(block, width: int, unicode: bool) -> list:
    from rich.text import Text

    if isinstance(block, d.Heading):
        style = "bold underline" if block.level == 1 else "bold"
        return [Text(block.text, style=style)]
    if isinstance(block, d.Paragraph):
        return [Text(block.text)]
    if isinstance(block, d.Bullets):
        return [_hanging(block.items, bullet(unicode))]
    if isinstance(block, d.Checklist):
        lines = [text + (f"\n{detail}" if detail else "") for text, detail in block.items]
        return [_hanging(lines, box(unicode))]
    if isinstance(block, d.Fields):
        from rich.table import Table

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=width >= 60)
        grid.add_column(overflow="fold")
        for label, value in block.rows:
            grid.add_row(label, value)
        return [grid]
    if isinstance(block, d.Callout):
        return [_callout(block, unicode)]
    if isinstance(block, d.Table):
        return _table(block, width, unicode)
    if isinstance(block, d.SourceList):
        rows = [f"{title}\n{url} (checked {checked})" for title, url, checked in block.sources]
        return [_hanging(rows, bullet(unicode))]
    raise TypeError(f"unknown block {type(block).__name__}")


def render_terminal(doc: d.Document, env) -> str:
    from rich.text import Text

    buffer = io.StringIO()
    console = env.console(buffer)
    if doc.header:
        console.print(Text(doc.header, style="bold"))
        console.print()
    for block in doc.blocks:
        for renderable in _renderables(block, console.width, env.unicode):
            console.print(renderable)
        console.print()
    if doc.footer:
        console.print(Text(doc.footer, style="dim"))
    return buffer.getvalue()
