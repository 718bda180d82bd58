"""A comparison table drawn line by line: column widths from the content, cells wrapped with
textwrap, box drawing in Unicode or ASCII. Rich's Table does the same by measuring every cell
several times, which costs more than the rest of a command; this prints the finished lines."""

from __future__ import annotations

import textwrap
from typing import NamedTuple

UNICODE = {"top": "┏━┳┓", "head": "┃┃┃", "under": "┡━╇┩", "row": "│││", "between": "├─┼┤",
           "bottom": "└─┴┘"}
ASCII = {"top": "+-++", "head": "|||", "under": "+=++", "row": "|||", "between": "+-++",
         "bottom": "+-++"}
class Laid(NamedTuple):
    """Finished lines and their style spans (start, end, style)."""

    plain: str
    spans: list[tuple[int, int, str]]


MIN_COLUMN = 8
MAX_WORD = 18  # a column is made wide enough for words up to this long


def fits(columns: list[str], rows: list[list[str]], width: int) -> bool:
    """Whether the table fits ``width`` with no cell wrapped."""
    longest = [max(len(line) for cell in [columns[i], *(row[i] for row in rows)]
                   for line in cell.split("\n")) for i in range(len(columns))]
    return sum(longest) + 3 * len(columns) + 1 <= width


def column_widths(columns: list[str], rows: list[list[str]], width: int) -> list[int]:
    """Widths that fill ``width``. The first column of a wide table is as wide as its longest
    line (names are never broken); every column is at least as wide as its longest word (up to
    ``MAX_WORD``); what is left goes to the columns in proportion to how much they hold."""
    count = len(columns)
    room = max(count * 3, width - (count + 1) - 2 * count)
    cells = [[columns[i], *(row[i] for row in rows)] for i in range(count)]
    longest = [max(len(line) for cell in column for line in cell.split("\n")) for column in cells]
    words = [max((len(word) for cell in column for word in cell.split()), default=1)
             for column in cells]
    least = [max(MIN_COLUMN, min(MAX_WORD, word)) for word in words]
    whole = [max(low, long) for low, long in zip(least, longest)]
    if sum(whole) <= room:  # every cell on its own lines, unwrapped: share out what is left
        extra = room - sum(whole)
        widths = [w + extra * w // sum(whole) for w in whole]
        widths[-1] += room - sum(widths)
        return widths
    if count > 2:
        least[0] = max(least[0], min(longest[0], room // 3))
    natural = [max(low, min(60, long)) for low, long in zip(least, longest)]
    if count > 2:
        natural[0] = least[0]
    if sum(least) >= room:  # a very narrow terminal: shrink everything, words will break
        return _shrink(least, room, keep=0 if count > 2 else None)
    extra = room - sum(least)
    wants = [n - low for n, low in zip(natural, least)]
    if sum(wants) == 0:
        wants = [1] * count
    if count > 2:
        wants[0] = 0
    widths = [low + extra * want // sum(wants) for low, want in zip(least, wants)]
    widths[-1] += room - sum(widths)
    return widths


def _shrink(widths: list[int], room: int, keep: int | None) -> list[int]:
    """Take from the widest columns first, so short words in narrow columns stay whole; the
    ``keep`` column (the names) gives up width only when nothing else can."""
    widths = list(widths)
    while sum(widths) > room:
        others = [i for i in range(len(widths)) if i != keep and widths[i] > 1]
        candidates = others or [i for i in range(len(widths)) if widths[i] > 1]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _cell(text: str, width: int) -> list[str]:
    if len(text) <= width and "\n" not in text:
        return [text]  # the common case: nothing to wrap
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, max(1, width), break_on_hyphens=False) or [""]
    return lines


def box_table(columns: list[str], rows: list[list[str]], width: int, unicode: bool):
    """The table's lines, with the header and the first column in bold."""
    chars = UNICODE if unicode else ASCII
    widths = column_widths(columns, rows, width)
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0  # characters so far, for the bold spans

    def rule(kind: str) -> str:
        left, line, cross, right = tuple(chars[kind])
        return left + cross.join(line * (w + 2) for w in widths) + right + "\n"

    def add(text: str) -> None:
        nonlocal length
        out.append(text)
        length += len(text)

    def row(cells: list[str], kind: str, header: bool) -> None:
        edge, inner, _ = tuple(chars[kind])
        joint = f" {inner} "
        wrapped = [_cell(cell, w) for cell, w in zip(cells, widths)]
        for number in range(max(len(lines) for lines in wrapped)):
            parts = [(lines[number] if number < len(lines) else "").ljust(w)
                     for lines, w in zip(wrapped, widths)]
            start = length + len(edge) + 1
            for part in parts if header else parts[:1]:  # bold: the header, and the names
                if part.strip():
                    spans.append((start, start + len(part), "bold"))
                start += len(part) + len(joint)
            add(f"{edge} {joint.join(parts)} {edge}\n")

    between = rule("between")
    add(rule("top"))
    row(columns, "head", True)
    add(rule("under"))
    for index, cells in enumerate(rows):
        if index:
            add(between)
        row(cells, "row", False)
    add(rule("bottom"))
    return Laid("".join(out).rstrip("\n"), spans)
