"""Markdown: CommonMark with GFM tables and task-list check boxes (`- [ ]`).

Every piece of text is escaped, so content (a clinic pack's, say) cannot add links, HTML or
formatting of its own."""

from __future__ import annotations

import re

from lupus_guide import document as d
from lupus_guide.render.markers import marker

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")


def escape(text: str) -> str:
    """Text that Markdown shows as itself: punctuation that means something is backslashed."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _link(url: str) -> str:
    """An autolink for a plain https address; anything odd is shown as escaped text."""
    return f"<{url}>" if re.fullmatch(r"https://[^\s<>\\`]+", url) else escape(url)


def _lines(text: str) -> list[str]:
    return [escape(line) for line in text.split("\n") if line.strip()]


def _block(block) -> list[str]:
    if isinstance(block, d.Heading):
        return ["#" * min(block.level, 6) + " " + escape(block.text)]
    if isinstance(block, d.Paragraph):
        return ["  \n".join(_lines(block.text))]
    if isinstance(block, d.Bullets):
        return ["- " + "  \n  ".join(_lines(item)) for item in block.items]
    if isinstance(block, d.Checklist):
        out = []
        for text, detail in block.items:
            out.append("- [ ] " + escape(text) + (f"  \n  {escape(detail)}" if detail else ""))
        return out
    if isinstance(block, d.Fields):
        return ["  \n".join(f"**{escape(label)}:** {escape(value)}" for label, value in block.rows)]
    if isinstance(block, d.Callout):
        out = [f"### {marker(block.kind, True)} {escape(block.title)}"]
        if block.text:
            out += ["", escape(block.text)]
        if block.items:
            out += [""] + ["- " + escape(item) for item in block.items]
        return ["\n".join(out)]
    if isinstance(block, d.Table):
        head = "| " + " | ".join(escape(c) for c in block.columns) + " |"
        rule = "|" + "|".join("---" for _ in block.columns) + "|"
        rows = ["| " + " | ".join("<br>".join(_lines(cell)) for cell in row) + " |"
                for row in block.rows]
        return ["\n".join([head, rule, *rows])]
    if isinstance(block, d.SourceList):
        from lupus_guide.i18n.dates import checked_on

        return [f"- {escape(title)}  \n  {_link(url)} {escape(checked_on(checked))}"
                for title, url, checked in block.sources]
    raise TypeError(f"unknown block {type(block).__name__}")


def _join(blocks: list[list[str]]) -> str:
    """Blocks apart by blank lines; the items of one list stay together."""
    parts = []
    for lines in blocks:
        tight = bool(lines) and lines[0].startswith("- ")
        parts.append("\n".join(lines) if tight else "\n\n".join(lines))
    return "\n\n".join(p for p in parts if p)


def render_markdown(doc: d.Document) -> str:
    blocks: list[list[str]] = []
    if doc.header:
        blocks.append([f"**{escape(doc.header)}**"])
    blocks += [_block(block) for block in doc.blocks if not isinstance(block, d.PageBreak)]
    if doc.footer:
        blocks.append([f"*{escape(doc.footer)}*"])
    return _join(blocks) + "\n"
