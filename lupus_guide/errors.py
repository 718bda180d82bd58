"""Exit codes and the expected errors that map onto them: one source of truth."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # something unexpected went wrong
    USAGE = 2  # bad command-line input (Click uses 2 as well)
    NOT_FOUND = 3  # no therapy by that name, or nothing matched
    CONTENT = 4  # a content file is missing, unreadable or invalid
    CANNOT_WRITE = 5  # -o FILE could not be written
    JOURNAL = 6  # the journal is damaged, locked, read-only or from a newer version
    NEEDS_EXTRA = 7  # an optional part is not installed (PDF needs lupus-guide[pdf])
    INTERRUPTED = 130  # Ctrl-C


class GuideError(Exception):
    """An expected failure: one line for a person, and an exit code."""

    code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def line(self) -> str:
        return f"{self.message} {self.hint}".strip()


class NotFound(GuideError):
    code = ExitCode.NOT_FOUND


class ContentError(GuideError):
    code = ExitCode.CONTENT


class UsageError(GuideError):
    code = ExitCode.USAGE


class OutputError(GuideError):
    code = ExitCode.CANNOT_WRITE


class NeedsExtra(GuideError):
    code = ExitCode.NEEDS_EXTRA
