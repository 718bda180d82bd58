"""Problems in plain words, for the nurse who writes a clinic pack: what YAML and the models say
("mapping values are not allowed here", "Expected `array`, got `str`") turned into what to do
("put the text in quotes", "put each item on its own line starting with - "), and JSON paths
(``$.items[1].text``) turned into places (``problems.place``).

One quoting style: whatever the author wrote or must write (a key, a value, an id, a file) is in
single quotes.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from lupus_guide.messages import say


def quoted_yaml(text: str) -> str:
    """``text`` as a quoted YAML value a person can paste: single quotes unless it holds one."""
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_problem(problem: str, text: str, line: int, column: int) -> str:
    """PyYAML's complaint at (0-based) ``line``/``column`` of ``text``, in plain words."""
    lines = text.splitlines()
    here = lines[line] if 0 <= line < len(lines) else ""
    indent = here[:len(here) - len(here.lstrip(" \t"))]
    at_tab = column < len(here) and here[column] == "\t"
    if "\t" in indent or "a tab character" in problem or at_tab:
        return say("yaml.tab")
    if problem.startswith("mapping values are not allowed"):
        before = here[:column]
        key = re.match(r"^(\s*(?:- )?)([^:#]+):\s(.*)$", here)
        if ": " in before and key:
            fixed = f"{key.group(1).strip()} {key.group(2).strip()}: ".lstrip()
            return say("yaml.colon", fixed=fixed + quoted_yaml(key.group(3).strip()))
        return say("yaml.indent")
    for number in range(min(line, len(lines) - 1), max(line - 2, -1), -1):  # here, the line above
        glued = re.match(r"^(\s*(?:- )?[A-Za-z_][\w-]*):(?=[^\s:/])(.*)$", lines[number])
        if glued:
            return say("yaml.space_after_colon", line=number + 1,
                       fixed=f"{glued.group(1).strip()}: {glued.group(2)}")
    if "expected" in problem and (here.count('"') > 2 or here.count("'") > 2):
        return say("yaml.quote_inside")
    if "expected ',' or ']'" in problem:
        return say("yaml.unclosed", opened="[", closer="]")
    if "expected ',' or '}'" in problem:
        return say("yaml.unclosed", opened="{", closer="}")
    if "could not find expected ':'" in problem:
        return say("yaml.no_colon")
    return say("yaml.other", problem=problem)


def schema_message(message: str, model: Any, value: Any) -> str:
    """msgspec's ``message`` about ``value`` (which should be a ``model``), in plain words."""
    want = re.match(r"Expected `([^`]+)`(?:, got `([^`]+)`)?", message)
    base = _bare(model)
    if typing.get_origin(base) is typing.Literal or message.startswith("Invalid enum value"):
        choices = typing.get_args(base) if typing.get_origin(base) is typing.Literal else ()
        if choices:
            return say("problem.choice", value=value, choices=", ".join(map(str, choices)))
    if want and want.group(2):
        expected, got = want.group(1), want.group(2)
        if expected.startswith("array") and got == "str":
            return say("problem.want_list")
        if "str" in expected and got == "object" and isinstance(value, dict) and len(value) == 1:
            (key, inner), = value.items()
            if not isinstance(inner, (dict, list)):
                written = f"{key}: {'' if inner is None else inner}".strip()
                return say("problem.colon_in_text", fixed="- " + quoted_yaml(written))
        if "str" in expected and got in ("int", "float", "bool"):
            return say("problem.want_text_not_value", got=_got(got))
        if "str" in expected and got in ("array", "object"):
            return say("problem.want_text", got=_got(got))
        if expected == "object":
            glued = re.match(r"^([A-Za-z_][\w-]*):(\S.*)$", str(value))
            if glued and isinstance(value, str):
                return say("problem.space_after_colon", fixed=f"{glued.group(1)}: {glued.group(2)}")
            return say("problem.want_fields", got=_got(got))
        return say("problem.want_other", expected=_got(expected),
                   got=_got(got))
    if "matching regex" in message and isinstance(value, str):
        return _pattern_message(message, value)
    length = re.match(r"Expected `(str|array)` of length (>=|<=) (\d+)", message)
    if length:
        kind, sign, limit = length.groups()
        if kind == "str" and sign == ">=":
            return say("problem.empty_text")
        if kind == "array" and sign == ">=":
            return say("problem.too_few", count=limit)
        return say("problem.too_long" if kind == "str" else "problem.too_many", count=limit)
    return message.replace("`", "'")


def _got(kind: str) -> str:
    """What a YAML value of msgspec's ``kind`` is, in words ("a list")."""
    from lupus_guide.messages import ENGLISH

    return say(f"got.{kind}") if f"got.{kind}" in ENGLISH else kind.replace("`", "'")


def _pattern_message(message: str, value: str) -> str:
    if "https://" in message:
        return say("problem.want_url")
    if "d{4}-" in message:
        return say("problem.want_date", value=value)
    if "a-z0-9" in message:
        lower = "-".join(value.casefold().split())
        if re.match(r"^[a-z0-9][a-z0-9-]*$", lower):
            return say("problem.id_lower", value=value, fixed=lower)
        return say("problem.want_id", value=value)
    return message.replace("`", "'")


def _bare(model: Any) -> Any:
    while typing.get_origin(model) is typing.Annotated:
        model = typing.get_args(model)[0]
    return model
