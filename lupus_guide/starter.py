"""The files a clinic pack author starts from, shipped inside the package (``authoring/``): a
commented starter pack that ``pack init`` writes into a new folder, and the authors' guide
(docs/clinic-packs.md) that ``pack guide`` prints from an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

from lupus_guide.errors import OutputError, UsageError
from lupus_guide.messages import say

STARTER_FILES = ("clinic.yaml", "checklists.yaml", "faq.yaml", "costs.yaml", "care.yaml")
GUIDE_FILE = "clinic-packs.md"


def _authoring(name: str) -> str:
    """The text of one file of ``lupus_guide/authoring``, through the import system."""
    from importlib import resources

    return resources.files("lupus_guide").joinpath("authoring", name).read_text(encoding="utf-8")


def authors_guide() -> str:
    """The guide for pack authors (docs/clinic-packs.md), as the installed package holds it."""
    return _authoring(GUIDE_FILE)


def _checked(text: str, what: str) -> str:
    """A name or phone number for clinic.yaml: one line of printable text, as a quoted YAML
    value (JSON's string syntax is YAML's double-quoted one)."""
    import json

    from lupus_guide.inputs import clean_query
    from lupus_guide.safetext import unsafe

    cleaned = clean_query(text, what)
    if unsafe().search(cleaned):
        raise UsageError(say("input.control", what=what))
    return json.dumps(cleaned, ensure_ascii=False)


def write_starter(folder: Path, name: str, phone: str) -> list[Path]:
    """Make ``folder`` (which must not exist) and write the starter pack into it; the files
    written. Never changes what is there: an existing folder, file or link is refused, and
    nothing is left behind when a write fails."""
    values = {"__NAME__": _checked(name, "clinic name"), "__PHONE__": _checked(phone, "phone")}
    texts = {}
    for file in STARTER_FILES:
        text = _authoring(file)
        for marker, value in values.items():
            text = text.replace(marker, value)
        texts[file] = text
    _make_folder(folder)
    written: list[Path] = []
    try:
        for file, text in texts.items():
            written.append(_write_new(folder / file, text))
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        folder.rmdir()
        raise OutputError(say("starter.cannot_write", folder=folder,
                              reason=exc.strerror or type(exc).__name__)) from None
    return written


def _make_folder(folder: Path) -> None:
    if os.path.islink(folder):
        raise OutputError(say("starter.is_link", folder=folder), say("starter.new_name"))
    try:
        os.mkdir(folder, 0o755)
    except FileExistsError:
        what = "starter.folder_exists" if folder.is_dir() else "starter.file_exists"
        raise OutputError(say(what, folder=folder), say("starter.new_name")) from None
    except FileNotFoundError:
        raise OutputError(say("starter.no_parent", folder=folder)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise OutputError(say("starter.cannot_write", folder=folder, reason=reason)) from None


def _write_new(path: Path, text: str) -> Path:
    """Write a file that must not exist yet (never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    return path
