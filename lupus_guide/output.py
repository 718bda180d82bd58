"""Writing a file all at once or not at all: the one atomic writer (output files, calendars, the
content cache)."""

from __future__ import annotations

import os
from pathlib import Path

from lupus_guide.errors import OutputError
from lupus_guide.messages import say


def write_atomically(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place, so an
    interrupted run never leaves half a file (and never half-overwrites an old one). Text is
    written as UTF-8, line ends as they are. OutputError says why it could not be written."""
    from lupus_guide.inputs import printable

    target = Path(path)
    shown = printable(str(path), limit=120)
    if target.is_dir():
        raise OutputError(say("output.is_folder", path=shown))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        reason = exc.strerror or type(exc).__name__
        raise OutputError(say("output.cannot_write", path=shown, reason=reason)) from None
