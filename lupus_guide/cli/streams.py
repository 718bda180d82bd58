"""The standard streams when they fail: a full disk, a reader that went away, a stream closed
before the program started. Light on imports: `--help` and `--version` use it."""

from __future__ import annotations

import errno
import io
import os
import sys


def tell(line: str) -> None:
    """A message on stderr, cleaned; when stderr cannot take it (full, closed), the exit code
    still tells what happened."""
    from lupus_guide.context import Env

    Env().write(line, sys.stderr)


def tolerant_stdout() -> None:
    """A terminal whose encoding is not UTF-8 (LANG=en_US.ISO-8859-1) gets "?" for a character it
    cannot show in Click's help, instead of an error half-way through it. (What the guide writes
    itself gets readable stand-ins first: see ``Env.write``.)"""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if not encoding.startswith("utf") and reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (OSError, ValueError):
            pass


def quiet_stdout() -> None:
    """Standard output cannot be written any more: what is still buffered for it goes nowhere,
    so flushing it at the exit fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's stream)
        pass


class ClosedStream(io.TextIOBase):
    """Standard output when the program was started with it closed (`>&-`): writing fails the
    way a full disk does, so the command says it could not write and exits 5."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))



def help_width() -> int | None:
    """How wide Click lays out `--help` on a screen narrower than Click's own floor of 50
    columns (which would overflow it); None where Click's own choice fits (at most 80 columns,
    less 2 for the margin)."""
    from lupus_guide.screen import terminal_columns

    terminal = sys.stdout if is_terminal(sys.stdout) else None
    columns = terminal_columns(os.environ, terminal)
    return max(18, columns - 2) if columns < 52 else None


def is_terminal(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
