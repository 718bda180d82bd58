"""Writing a file all at once or not at all, and never harm to what is there: the one atomic
writer (output files, calendars, the content cache).

A regular file (or a new one) is written to a temporary file made with ``mkstemp`` beside it (a
fresh name, created exclusively, 0600, so no link planted in advance can redirect it), then renamed
into place. Nothing else is ever renamed over: a device, a FIFO or ``/dev/stdout`` is written
through with a plain open, a folder is refused, and so are a read-only file and the journal itself.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from lupus_guide.errors import OutputError
from lupus_guide.messages import say


def write_atomically(path: str | Path, data: str | bytes, *, private: bool = False,
                     protected: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` (see the module's docstring); text as UTF-8, line ends as they
    are. ``private`` files (health data) are 0600 whatever the umask; ``protected`` files are
    refused as targets. OutputError says why it could not be written."""
    from lupus_guide.inputs import printable

    shown = printable(str(path), limit=120)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    try:
        info = os.stat(target)  # follows a link: a link to /dev/null is a device
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise OutputError(say("output.cannot_write", path=shown, reason=_reason(exc))) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(say("output.is_folder", path=shown))
        if not stat.S_ISREG(info.st_mode):
            _write_through(target, payload, shown)
            return
        if any(_same_file(info, other) for other in protected):
            raise OutputError(say("output.is_journal", path=shown))
        if not info.st_mode & 0o222:
            raise OutputError(say("output.read_only", path=shown))
        target = Path(os.path.realpath(target))  # a link to a file keeps being a link
    mode = 0o600 if private else (stat.S_IMODE(info.st_mode) if info else _default_mode())
    _replace(target, payload, shown, mode)


def _replace(target: Path, payload: bytes, shown: str, mode: int) -> None:
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp",
                                         dir=str(target.parent) or ".")
    except (OSError, ValueError) as exc:
        raise OutputError(say("output.cannot_write", path=shown, reason=_reason(exc))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise OutputError(say("output.cannot_write", path=shown, reason=_reason(exc))) from None


def _write_through(target: Path, payload: bytes, shown: str) -> None:
    """A device, FIFO or terminal: written as a shell redirection would, never replaced."""
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(say("output.cannot_write", path=shown, reason=_reason(exc))) from None


def _same_file(info: os.stat_result, other: str | Path) -> bool:
    try:
        theirs = os.stat(other)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _default_mode() -> int:
    """What a new file gets from ``open``: 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or type(exc).__name__
