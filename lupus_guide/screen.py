"""The screen: how wide and how tall it is. No imports beyond the standard library's ``os``:
`--help` asks for the width before any command loads."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO

MAX_WIDTH = 1000  # wider than any screen; a wider COLUMNS is taken as this


def _from_environ(environ: Mapping[str, str], name: str) -> int | None:
    value = environ.get(name, "").strip()
    if value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def terminal_columns(environ: Mapping[str, str], terminal: IO[str] | None = None) -> int:
    """The screen's width: COLUMNS (ASCII digits), then ``terminal``'s size, then 80; from 20 to
    ``MAX_WIDTH`` (tables fill the width: COLUMNS=99999999 would fill memory)."""
    columns = _from_environ(environ, "COLUMNS")
    if columns is not None:
        return min(MAX_WIDTH, max(20, columns))
    if terminal is not None:
        try:
            return min(MAX_WIDTH, max(20, os.get_terminal_size(terminal.fileno()).columns))
        except (OSError, ValueError, AttributeError):
            pass
    return 80


def terminal_lines(environ: Mapping[str, str], terminal: IO[str] | None = None) -> int:
    """The screen's height: LINES, then ``terminal``'s size, then 24."""
    lines = _from_environ(environ, "LINES")
    if lines is not None:
        return lines
    if terminal is not None:
        try:
            return max(1, os.get_terminal_size(terminal.fileno()).lines)
        except (OSError, ValueError, AttributeError):
            pass
    return 24


def through_pager(command: list[str], text: str, environ: Mapping[str, str],
                  encoding: str = "utf-8") -> bool:
    """Show ``text`` through the pager ``command`` (its words) on the terminal; False when the
    pager cannot start, so the caller prints the text itself. Like git, ``LESS=FRX`` is set when
    LESS is not (quit at once when the text fits, keep colours, leave the text on the screen), and
    Ctrl-C belongs to the pager while it runs."""
    import signal
    import subprocess

    env = dict(environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert pager.stdin is not None
        try:
            pager.stdin.write(text.encode(encoding, "replace"))
            pager.stdin.close()
        except (BrokenPipeError, OSError):  # the reader quit before the end: nothing is wrong
            pass
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
