"""The start page's words and its plain layout: what `lupus-guide` shows with no words. Light on
purpose (the standard library and the message catalogue only): it must show at once."""

from __future__ import annotations

import textwrap

from lupus_guide.messages import say

HOME_COMMANDS = (("lupus-guide start NAME", "home.start"),
                 ("lupus-guide prepare NAME", "home.prepare"),
                 ("lupus-guide side-effects NAME", "home.side_effects"),
                 ("lupus-guide faq WORDS", "home.faq"))


def home_rows() -> list[tuple[str, str]]:
    """(command, what it does) for the few commands most people need."""
    return [(command, say(message)) for command, message in HOME_COMMANDS]


def home_text(width: int) -> str:
    """The start page as plain text for a screen ``width`` columns wide: the commands beside
    what they do, or (on a narrow screen) each above its words."""
    width = max(20, width)

    def wrap(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False) or [""]

    lines = [*wrap(say("home.title")), "", *wrap(say("home.new")), "",
             say("home.most_need") + ":"]
    rows = home_rows()
    column = max(len(command) for command, _ in rows) + 4
    for command, what in rows:
        if width - column >= 30:
            wrapped = textwrap.wrap(what, width - column) or [""]
            lines.append(f"  {command}".ljust(column) + wrapped[0])
            lines += [" " * column + line for line in wrapped[1:]]
        else:
            lines += [f"  {command}", *wrap(what, "      ")]
    lines += ["", *wrap(say("home.more")), *wrap(say("home.emergency"))]
    return "\n".join(lines) + "\n"
