"""A gettext ``.po`` catalogue: read at run time, written by the update tool.

Why read the ``.po`` itself rather than a compiled ``.mo``: the ``.po`` is what translators' tools
(Poedit, Weblate, Lokalize) open, and it is the one file in the repository, so what is reviewed
is what runs; a ``.mo`` compiled at build time (a hatch hook) would not exist in an editable
install or a checkout, and a committed ``.mo`` is a binary that can drift from its ``.po``.
``gettext.GNUTranslations`` also has no message contexts before Python 3.8's ``pgettext`` and
needs the ``.mo`` anyway. Reading ~400 entries takes about a millisecond, paid only by runs in
another language: an English run never opens a catalogue.

Each entry's ``msgctxt`` is the message id of ``messages.py`` and its ``msgid`` the English
text, so a translator sees both; ``#, fuzzy`` marks a translation whose English has changed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

_UNESCAPE = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class Entry(NamedTuple):
    context: str
    msgid: str
    msgstr: str
    fuzzy: bool = False
    comments: tuple[str, ...] = ()  # translator comments ("# ..."), kept by the update tool


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a quoted string: {text[:40]!r}")
    inner = text[1:-1]
    if "\\" not in inner:
        return inner
    return _ESCAPE.sub(lambda match: _UNESCAPE.get(match.group(1), match.group(1)), inner)


def parse(text: str) -> list[Entry]:
    """The entries of a ``.po`` file, in order (the header entry, with an empty msgid, left
    out). Raises ValueError on a line it cannot read."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    comments: list[str] = []
    current = ""

    def finish() -> None:
        if fields.get("msgid"):
            entries.append(Entry(fields.get("msgctxt", ""), fields["msgid"],
                                 fields.get("msgstr", ""), "fuzzy" in flags, tuple(comments)))
        fields.clear()
        flags.clear()
        comments.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        try:
            if not line:
                continue
            if line.startswith("#,"):
                if "msgid" in fields:
                    finish()
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                if "msgid" in fields:
                    finish()
                if line.startswith("# ") or line == "#":
                    comments.append(line[2:])
            elif line.startswith('"'):
                if not current:
                    raise ValueError("a string outside any field")
                fields[current] += _unquote(line)
            else:
                keyword, _, rest = line.partition(" ")
                if keyword not in ("msgctxt", "msgid", "msgstr"):
                    raise ValueError(f"unknown keyword {keyword!r}")
                if keyword in ("msgctxt", "msgid") and "msgid" in fields and "msgstr" in fields:
                    finish()
                current = keyword
                fields[keyword] = _unquote(rest)
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}") from None
    finish()
    return entries


def translations(text: str) -> list[tuple[str, str, str]]:
    """The run-time reading: (msgctxt, msgid, msgstr) of every entry with a context that is
    not fuzzy. Entries are apart by blank lines, as every .po tool writes them; this finds what
    ``parse`` finds (a test says so) in about half the time, and checks nothing."""
    found = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if "msgctxt" not in block:
            continue
        fields: dict[str, str] = {}
        current = ""
        for line in block.split("\n"):
            if line.startswith("#"):
                if line.startswith("#,") and "fuzzy" in line:
                    break
            elif line.startswith('"') and current:
                fields[current] += line.strip()[1:-1]
            elif line:
                current, _, rest = line.partition(" ")
                fields[current] = rest.strip()[1:-1]
        else:
            if "msgctxt" in fields and "msgid" in fields and "msgstr" in fields:
                found.append((_unescaped(fields["msgctxt"]), _unescaped(fields["msgid"]),
                              _unescaped(fields["msgstr"])))
    return found


def _unescaped(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda match: _UNESCAPE.get(match.group(1), match.group(1)), text)


def read(path: Path) -> list[Entry]:
    return parse(path.read_text(encoding="utf-8"))


def _quote(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


def write(entries: list[Entry], header: str) -> str:
    """The text of a ``.po`` file: ``header`` (the header entry's msgstr), then ``entries``."""
    out = ['msgid ""', 'msgstr ""']
    out += [_quote(line + "\n") for line in header.splitlines()]
    for entry in entries:
        out.append("")
        out += [f"# {comment}".rstrip() for comment in entry.comments]
        if entry.fuzzy:
            out.append("#, fuzzy, python-brace-format")
        else:
            out.append("#, python-brace-format")
        out.append(f"msgctxt {_quote(entry.context)}")
        out.append(f"msgid {_quote(entry.msgid)}")
        out.append(f"msgstr {_quote(entry.msgstr)}")
    return "\n".join(out) + "\n"
