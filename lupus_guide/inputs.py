"""What a person types, checked on the way in: search text, dates, times. Each check either
returns a clean value or raises a ``UsageError`` that says what to type instead."""

from __future__ import annotations

import datetime as dt

from lupus_guide.errors import UsageError
from lupus_guide.messages import say

MAX_QUERY_CHARS = 200


def printable(text: str, limit: int = 60) -> str:
    """User input made safe to echo in an error line."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def clean_query(text: str, what: str = "search text") -> str:
    """Reject empty, over-long or control-character queries with a clear message."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UsageError(say("input.empty", what=what), say("input.empty_hint"))
    if len(cleaned) > MAX_QUERY_CHARS:
        raise UsageError(say("input.too_long", what=what, limit=MAX_QUERY_CHARS))
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in cleaned):
        raise UsageError(say("input.control", what=what))
    if not_utf8(cleaned):
        raise UsageError(say("input.not_utf8", what=what), say("input.not_utf8_hint"))
    return cleaned


def not_utf8(text: str) -> bool:
    """Whether ``text`` holds lone surrogates: bytes of the command line that were not UTF-8,
    which nothing can store or show as they are."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def parse_date(text: str, option: str) -> dt.date:
    """A date option as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(say("input.not_a_date", option=option, text=printable(text)),
                         say("input.date_hint")) from None


def parse_time(text: str) -> dt.time:
    """A --time option as HH:MM."""
    try:
        hours, minutes = text.strip().split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, OverflowError):  # OverflowError: an hour too big for a C int
        raise UsageError(say("input.not_a_time", text=printable(text)),
                         say("input.time_hint")) from None
