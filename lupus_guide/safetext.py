"""Text that is safe to show: nothing in it can steer a terminal or hide what it says.

Text from a clinic pack, an imported journal, a file name or a command line is not trusted. On its
way to a terminal (or to a file a terminal may show) every string loses what could act on the
terminal or deceive a reader: C0 controls other than newline and tab (ESC starts the sequences that
write the clipboard, hide links, retitle the window or clear the screen; backspace and carriage
return overwrite what was shown), DEL, C1 controls, the bidirectional overrides and isolates that
reorder text, zero-width characters that hide inside a word, and lone surrogates (undecodable bytes
of a file name). Each is replaced by U+FFFD, so a reader sees that something was there.
"""

from __future__ import annotations

import functools
import re

# Newline and tab stay; everything else below is removed from what is shown.
_PATTERN = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"      # C0 (but \t \n), DEL, C1
    "\u061c\u180e\u200b-\u200f"          # Arabic letter mark, Mongolian vowel sep., zero-width
    "\u2028\u2029\u202a-\u202e"          # line/paragraph separators, bidi embeddings and overrides
    "\u2060-\u2064\u2066-\u2069\ufeff"   # word joiner, invisible operators, bidi isolates, BOM
    "\ud800-\udfff]"                     # lone surrogates (surrogateescape'd bytes)
)
# The same, for a quick look: compiling the whole class costs about 1.5 ms at every start, and
# nearly every text has none of it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE = ("\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c"
              "\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
REPLACEMENT = "\ufffd"


@functools.cache
def unsafe() -> re.Pattern[str]:
    """Every character ``clean`` replaces, as one pattern (compiled on first use)."""
    return re.compile(_PATTERN)


def __getattr__(name: str) -> re.Pattern[str]:
    if name == "UNSAFE":  # the pattern, for code and tests that search with it
        return unsafe()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def has_unsafe(text: str) -> bool:
    """Whether ``text`` holds a character ``clean`` would replace; quick when it does not."""
    if _CONTROLS.search(text):
        return True
    if text.isascii():
        return False
    if any(ch in text for ch in _INVISIBLE):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return False


def clean(text: str) -> str:
    """``text`` with every unsafe character (see the module) replaced by U+FFFD."""
    return unsafe().sub(REPLACEMENT, text) if has_unsafe(text) else text


def clean_crlf(text: str) -> str:
    """``clean`` for formats whose lines end in CR LF (iCalendar, CSV): the line ends stay."""
    if not has_unsafe(text.replace("\r\n", "\n")):
        return text
    return "\r\n".join(clean(line) for line in text.split("\r\n"))


def escape_json(text: str) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape: the same data for a
    program, nothing a terminal acts on. (JSON encoders escape C0 already, not C1 or bidi.)"""
    if not has_unsafe(text):
        return text
    return unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)
