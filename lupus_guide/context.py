"""The environment a command runs in: streams, colour, width, language. Built per invocation.

Tests build an ``Env`` directly instead of patching globals (httpie's habit).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import IO

import msgspec

from lupus_guide.screen import MAX_WIDTH as MAX_WIDTH  # where tests and callers look for it
from lupus_guide.screen import terminal_columns, terminal_lines

# What a terminal that cannot show these characters (LANG=C) gets instead.
ASCII_FALLBACKS = str.maketrans({
    "°": "", "›": ">", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
    "•": "*", "☐": "[ ]", "●": "*", "▲": "!", "☎": "(call)", "✚": "+", "■": "#", "✓": "ok",
    "≥": ">=", "≤": "<=", "×": "x", "·": "-", "\u00a0": " ",
})



class Env(msgspec.Struct):
    stdout: IO[str] = msgspec.field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = msgspec.field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = msgspec.field(default_factory=lambda: os.environ)
    color_option: str = "auto"
    clinic_option: str | None = None
    pager_option: bool = True  # False: --no-pager, or -o FILE
    lang: str = "en"  # the run's language (i18n.choose: --lang > LUPUS_GUIDE_LANG > locale)

    def paths(self):
        """Where the content, the clinic pack, the cache and user data live for this run."""
        from lupus_guide.paths import resolve

        return resolve(self.environ, self.clinic_option)

    def write(self, text: str, stream: IO[str] | None = None) -> None:
        """Write text; where the terminal's encoding cannot show a character, use a stand-in.
        Standard output comes from a renderer, which made it safe; anything else (messages on
        stderr) is cleaned here of what a terminal would act on."""
        stream = stream if stream is not None else self.stdout
        if stream is self.stdout:
            self._put(stream, text)
            return
        from lupus_guide.safetext import clean

        try:
            self._put(stream, clean(text))
            stream.flush()
        except (OSError, ValueError):  # stderr full or closed: the exit code still tells
            pass

    def pager(self, text: str) -> list[str] | None:
        """The pager command (its words) to show ``text`` through, or None to print it directly:
        only for standard output on a terminal (never a pipe or a file), without --no-pager,
        when the text is taller than the screen. LUPUS_GUIDE_PAGER, then PAGER, else
        `less -FRX` when there is one; an empty value or `cat` means no pager."""
        if not self.pager_option or not self.is_tty:
            return None
        if text.count("\n") < terminal_lines(self.environ, self.stdout):
            return None
        import shlex

        chosen = self.environ.get("LUPUS_GUIDE_PAGER", self.environ.get("PAGER"))
        if chosen is None:
            import shutil

            return ["less", "-FRX"] if shutil.which("less") else None
        try:
            words = shlex.split(chosen)
        except ValueError:
            return None
        return None if not words or words == ["cat"] else words

    def show(self, text: str) -> None:
        """Standard output's text: through the pager when ``pager`` says so, else written."""
        command = self.pager(text)
        if command is not None:
            from lupus_guide.screen import through_pager

            self.stdout.flush()
            encoding = getattr(self.stdout, "encoding", None) or "utf-8"
            if through_pager(command, text, self.environ, encoding):
                return
            from lupus_guide.messages import say

            self.write(f"lupus-guide: {say('pager.failed', pager=command[0])}\n",
                       self.stderr)
        self.write(text)

    @staticmethod
    def _put(stream: IO[str], text: str) -> None:
        encoding = getattr(stream, "encoding", None)
        try:
            if encoding and not encoding.lower().replace("-", "").startswith("utf"):
                text.encode(encoding)  # the stream may replace what it cannot encode (see cli)
            stream.write(text)
        except UnicodeEncodeError:
            encoding = encoding or "ascii"
            safe = text.translate(ASCII_FALLBACKS).encode(encoding, "replace").decode(encoding)
            stream.write(safe)

    @property
    def is_tty(self) -> bool:
        isatty = getattr(self.stdout, "isatty", None)
        try:
            return bool(isatty and isatty())
        except ValueError:  # closed stream
            return False

    @property
    def color(self) -> bool:
        """--color always|never > NO_COLOR > FORCE_COLOR > TERM=dumb > is stdout a TTY."""
        if self.color_option == "always":
            return True
        if self.color_option == "never":
            return False
        if self.environ.get("NO_COLOR"):
            return False
        if self.environ.get("FORCE_COLOR"):
            return True
        if self.environ.get("TERM") == "dumb":
            return False
        return self.is_tty

    @property
    def unicode(self) -> bool:
        encoding = (getattr(self.stdout, "encoding", None) or "").lower().replace("-", "")
        return encoding.startswith("utf")

    @property
    def width(self) -> int:
        """Terminal width: COLUMNS (ASCII digits), then the terminal, then 80; from 20 to
        ``MAX_WIDTH`` (tables fill the width: COLUMNS=99999999 would fill memory)."""
        return terminal_columns(self.environ, self.stdout if self.is_tty else None)
