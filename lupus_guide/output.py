"""Writing output to a file: all of it or none of it, and never harm to what is there.

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


def write_atomically(path: str, text: str, *, private: bool = False,
                     protected: Iterable[str | Path] = ()) -> None:
    """Write ``text`` to ``path`` (see the module's docstring). ``private`` files (health data)
    are 0600 whatever the umask; ``protected`` files are refused as targets."""
    from lupus_guide.inputs import printable

    shown = printable(path, limit=120)
    target = Path(path)
    try:
        info = os.stat(target)  # follows a link: a link to /dev/null is a device
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {_reason(exc)}.") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write {shown}: it is a folder.")
        if not stat.S_ISREG(info.st_mode):
            _write_through(target, text, shown)
            return
        if any(_same_file(info, other) for other in protected):
            raise OutputError(f"cannot write {shown}: it is the journal itself.")
        if not info.st_mode & 0o222:
            raise OutputError(f"cannot write {shown}: it is read-only.")
        target = Path(os.path.realpath(target))  # a link to a file keeps being a link
    _replace(target, text, shown, private=private,
             mode=stat.S_IMODE(info.st_mode) if info is not None else None)


def _replace(target: Path, text: str, shown: str, *, private: bool, mode: int | None) -> None:
    import tempfile

    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp",
                                         dir=target.parent if str(target.parent) else ".")
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write {shown}: {_reason(exc)}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600 if private else (mode if mode is not None else _default_mode()))
        os.replace(temporary, target)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise OutputError(f"cannot write {shown}: {_reason(exc)}.") from None


def _write_through(target: Path, text: str, shown: str) -> None:
    """A device, FIFO or terminal: written as a shell redirection would, never replaced."""
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {_reason(exc)}.") from None


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
