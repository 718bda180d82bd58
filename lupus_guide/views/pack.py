"""`pack init` and `pack guide`: starting a clinic pack, and the guide to writing one."""

from __future__ import annotations

import re

from lupus_guide.document import Bullets, Document, Heading, Paragraph
from lupus_guide.messages import say
from lupus_guide.views import Result


def init(folder: str, name: str, phone: str) -> Result:
    """Write a commented starter pack into the new folder ``folder``."""
    from lupus_guide.paths import expand
    from lupus_guide.starter import write_starter

    target = expand(folder)
    written = write_starter(target, name, phone)
    title = say("starter.title", folder=target)
    doc = Document(title=title)
    doc.add(Heading(title), Paragraph(say("starter.wrote")),
            Bullets([path.name for path in written]),
            Paragraph(say("starter.next", folder=target)))
    return Result("pack init", {"folder": str(target), "files": [p.name for p in written]}, doc)


def guide() -> Result:
    """The guide for pack authors, from the installed package."""
    from lupus_guide.starter import authors_guide

    text = authors_guide()
    return Result("pack guide", {"markdown": text}, lambda: markdown_document(text))


def markdown_document(text: str) -> Document:
    """A Markdown page as a Document: headings, bullet lists, and everything else (paragraphs,
    tables, code) as paragraphs, with code and tables kept line by line."""
    blocks: list = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.splitlines()
        heading = re.match(r"^(#+)\s+(.*)$", lines[0])
        if heading:
            blocks.append(Heading(heading.group(2), len(heading.group(1))))
            lines = lines[1:]
        if not lines:
            continue
        if all(re.match(r"^(- |  )", line) for line in lines) and lines[0].startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:].strip())
                else:
                    items[-1] += " " + line.strip()
            blocks.append(Bullets(items))
        elif lines[0].startswith(("|", "```", "    ")):
            blocks.append(Paragraph("\n".join(line for line in lines if line != "```"
                                              and not line.startswith("```"))))
        else:
            blocks.append(Paragraph(" ".join(line.strip() for line in lines)))
    title = next((b.text for b in blocks if isinstance(b, Heading)), "")
    return Document(title=title, blocks=blocks)
