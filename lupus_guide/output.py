"""Writing output to a file: all of it or none of it."""

from __future__ import annotations

import os
from pathlib import Path

from lupus_guide.errors import OutputError


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place, so an
    interrupted run never leaves half a file (and never half-overwrites an old one)."""
    from lupus_guide.inputs import printable

    target = Path(path)
    shown = printable(path, limit=120)
    if target.is_dir():
        raise OutputError(f"cannot write {shown}: it is a folder.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        reason = exc.strerror or type(exc).__name__
        raise OutputError(f"cannot write {shown}: {reason}.") from None
