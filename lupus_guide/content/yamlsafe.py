"""Reading YAML that may be hostile: bounded, plain data only, with positions for error messages.

The loader is PyYAML's SafeLoader (the C one when available): Python-object tags are rejected.
Dates are left as text so models check their format; booleans stay booleans so a YAML 1.1 ``no``
in a text field fails validation instead of printing "False". Before anything is built, the event
stream is checked: aliases (the "billion laughs" bomb) and very deep nesting are refused.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import msgspec
import yaml

from lupus_guide.content.layers import MAX_FILE_BYTES, read_at_most
from lupus_guide.messages import say
from lupus_guide.problems import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40


class GuideLoader(_Base):  # type: ignore[misc, valid-type]
    pass


GuideLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_BOOL = "tag:yaml.org,2002:bool"
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"


class Parsed(msgspec.Struct):
    """One YAML document: its data, and where each value stands in the file."""

    data: Any
    positions: dict[str, tuple[int, int]] = msgspec.field(default_factory=dict)
    surprises: list[Problem] = msgspec.field(default_factory=list)


def read_text(entry, label: str, limit: int = MAX_FILE_BYTES) -> str:
    """The text of a content file, or a ``ValueError`` saying plainly why it cannot be read."""
    if isinstance(entry, Path):
        data = _read_pack_file(entry, limit)
    else:  # the bundled data, through importlib.resources' view of the package
        try:
            data = entry.read_bytes()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ValueError(say("file.unreadable", reason=reason)) from None
    if len(data) > limit:
        raise ValueError(say("file.too_large", mb=limit // (1024 * 1024)))
    if b"\0" in data:
        raise ValueError(say("file.binary"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(say("file.not_utf8", offset=exc.start)) from None
    if not text.strip():
        raise ValueError(say("file.empty"))
    return text


def _read_pack_file(path: Path, limit: int) -> bytes:
    """A clinic pack file's bytes: a regular file inside the pack folder (a link may point
    elsewhere in the pack, never out of it), read with a hard bound whatever ``stat`` says, so a
    link to ``/dev/zero``, a FIFO or a device is refused at once."""
    root = os.path.realpath(path.parent)
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        raise ValueError(say("file.outside_pack"))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if path.is_symlink():
            raise ValueError(say("file.dangling_link")) from None
        raise ValueError(say("file.missing")) from None
    except PermissionError:
        raise ValueError(say("file.permission")) from None
    except OSError as exc:  # symlink loops, I/O errors
        reason = exc.strerror or type(exc).__name__
        raise ValueError(say("file.unreadable", reason=reason)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ValueError(say("file.is_folder"))
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(say("file.not_regular"))
        if info.st_size > limit:
            raise ValueError(say("file.too_large_bytes", mb=limit // (1024 * 1024),
                                 size=f"{info.st_size:,}"))
        return read_at_most(fd, limit)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValueError(say("file.unreadable", reason=reason)) from None
    finally:
        os.close(fd)


def parse(text: str, label: str, *, locate: bool = False) -> Parsed:
    """Parse one YAML document safely. Raises ``ValueError`` with ``line:column: problem``.

    With ``locate``, also records the line and column of every value (by JSON path, such as
    ``$.entries[3].question``) and every YAML 1.1 surprise (``no`` read as false, ``1.10`` as 1.1).
    """
    _check_events(text)
    loader = GuideLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ValueError(say("file.empty"))
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise ValueError(_yaml_message(exc, text)) from None
    finally:
        loader.dispose()
    parsed = Parsed(data)
    if locate:
        _walk(node, "$", parsed, label)
    return parsed


def _check_events(text: str) -> None:
    """Refuse aliases, deep nesting and text a terminal would act on (escape sequences, C1
    controls, bidi overrides, zero-width characters: ``safetext``) before any object is built."""
    from lupus_guide.safetext import unsafe

    unsafe_character = unsafe()
    depth = 0
    try:
        for event in yaml.parse(text, Loader=GuideLoader):
            if isinstance(event, yaml.ScalarEvent):
                found = unsafe_character.search(event.value)
                if found:
                    mark = event.start_mark
                    assert mark is not None  # the parser marks every event
                    code = f"U+{ord(found.group()):04X}"
                    raise ValueError(f"{mark.line + 1}:{mark.column + 1}: "
                                     + say("file.unsafe_character", code=code))
            elif isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                assert mark is not None  # the parser marks every event
                raise ValueError(  # noqa: TRY004 - a content problem, reported like every other
                    f"{mark.line + 1}:{mark.column + 1}: YAML aliases (*{event.anchor}) "
                    "are not allowed in content files")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    assert mark is not None
                    raise ValueError(f"{mark.line + 1}:{mark.column + 1}: nested more than "
                                     f"{MAX_DEPTH} levels deep")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        raise ValueError(_yaml_message(exc, text)) from None


def _yaml_message(exc: yaml.YAMLError, text: str) -> str:
    """``line:column: what is wrong``, in plain words where a person's usual mistake is behind
    it (a tab, a colon inside text: ``explain.yaml_problem``)."""
    from lupus_guide.content.explain import yaml_problem

    mark = getattr(exc, "problem_mark", None)
    where = f"{mark.line + 1}:{mark.column + 1}: " if mark else ""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "python/" in str(exc) or "could not determine a constructor" in str(exc):
        return f"{where}YAML error: {problem} (tags that build program objects are not allowed)"
    if mark is None:
        return f"YAML error: {problem}"
    return where + yaml_problem(problem, text, mark.line, mark.column)


_SIMPLE_FLOAT = re.compile(r"^[-+]?\d+\.\d*[1-9]$|^[-+]?\d+$")


def _walk(node, path: str, parsed: Parsed, label: str) -> None:
    mark = node.start_mark
    parsed.positions[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            _walk(value_node, f"{path}.{key}", parsed, label)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{path}[{index}]", parsed, label)
    elif isinstance(node, yaml.ScalarNode) and not node.style:  # plain, unquoted
        surprise = _surprise(node)
        if surprise:
            parsed.surprises.append(Problem(label, surprise, mark.line + 1, mark.column + 1, path))


def _surprise(node) -> str:
    """A plain scalar that YAML 1.1 turns into something other than the text it looks like."""
    raw = node.value
    if node.tag == _BOOL and raw.lower() not in ("true", "false"):
        value = raw.lower() in ("yes", "y", "on")
        return say("yaml.read_as_bool", raw=raw, value=str(value).lower())
    if node.tag == _FLOAT and not _SIMPLE_FLOAT.match(raw):
        number = float(yaml.safe_load(raw))
        return say("yaml.read_as_float", raw=raw, number=repr(number))
    if node.tag == _INT and (":" in raw or raw.startswith(("0", "+0", "-0")) and raw not in ("0",)):
        return say("yaml.read_as_number", raw=raw)
    return ""
