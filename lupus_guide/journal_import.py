"""`journal import`: an export read back, checked as strictly as `journal add` checks what a person
types. The file is untrusted: it is read with a hard bound (a regular file only, never a device
or a pipe), decoded as UTF-8 with or without a BOM, parsed with a bounded depth, and every entry
is checked (known kind, field and therapy; dates and times written the one way the journal
stores them; no control characters) before anything is imported. A bad entry is named by its
number in the file, and then nothing is imported."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable

import msgspec

from lupus_guide.errors import UsageError
from lupus_guide.inputs import printable
from lupus_guide.journal import CALLED, FIELDS, SEVERITIES, Entry, Kind
from lupus_guide.messages import say

MAX_IMPORT_BYTES = 64 * 1024 * 1024  # an export of 100,000 entries is about 19 MB
MAX_UUID_CHARS = 45
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_AT_ENTRY = re.compile(r"^\$(?:\.data)?\[(\d+)\](.*)$")


class Exported(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One entry as `journal export --format json` writes it."""

    kind: Kind
    date: str
    time: str | None = None
    therapy: str | None = None
    fields: dict[str, str] = msgspec.field(default_factory=dict)
    id: int | None = None  # the exporting journal's number: a new one is given
    uuid: str | None = None  # absent in exports made before entries had one


class Export(msgspec.Struct):
    """The JSON envelope around the entries (other keys are not needed)."""

    data: list[Exported]


def read_export(file: str) -> list[Exported]:
    """The entries of the export ``file``, or a UsageError that says what is wrong with it."""
    name = printable(file)
    text = _decode(read_bounded(file, MAX_IMPORT_BYTES), name)
    try:
        found = msgspec.json.decode(text, type=Export | list[Exported])
    except RecursionError:
        raise UsageError(say("import.too_deep", file=name), say("import.hint")) from None
    except msgspec.ValidationError as exc:
        raise _invalid(name, str(exc)) from None
    except msgspec.DecodeError:
        raise UsageError(say("import.not_json", file=name), say("import.make_one")) from None
    return found.data if isinstance(found, Export) else found


def read_bounded(file: str, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file ``file`` (opened without waiting on a pipe,
    checked with fstat, read to ``limit + 1``: a size ``stat`` cannot see is still caught)."""
    name = printable(file)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "not a file name"
        raise UsageError(say("import.cannot_read", file=name, reason=reason)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(say("import.folder", file=name))
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(say("import.not_regular", file=name))
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UsageError(say("import.cannot_read", file=name, reason=exc.strerror)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UsageError(say("import.too_large", file=name, mb=limit // (1024 * 1024)),
                         say("import.hint"))
    return data


def _decode(data: bytes, name: str) -> str:
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(say("import.not_utf8", file=name, byte=exc.start + 1),
                         say("import.hint")) from None


def _invalid(name: str, detail: str) -> UsageError:
    """msgspec's "Expected `str`, got `int` - at `$.data[3].fields.note`" as the entry's number
    in the file."""
    what, _, where = detail.partition(" - at ")
    at = _AT_ENTRY.match(where.strip("`"))
    if at is None:
        return UsageError(say("import.not_export", file=name, detail=printable(what, 80)),
                          say("import.make_one"))
    inside = say("import.at", where=printable(at[2].lstrip("."), 40)) if at[2] else ""
    return UsageError(say("import.bad_entry", file=name, number=int(at[1]) + 1,
                          problem=printable(what, 80) + inside), say("import.hint"))


def checked_entries(file: str, records: list[Exported], therapy_id: Callable[[str], str],
                    clean: Callable[..., dict[str, str]]) -> list[Entry]:
    """Each record checked as `journal add` checks what a person types, and normalised as it
    stores it; a UsageError naming the first bad entry's number otherwise. ``therapy_id`` finds
    a therapy by id or name; ``clean`` checks the text fields (as `journal add` does)."""
    entries: list[Entry] = []
    first_with: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        try:
            entry = _checked(record, therapy_id, clean)
            if entry.uuid is not None:
                if entry.uuid in first_with:
                    raise UsageError(say("import.same_uuid", number=first_with[entry.uuid]))
                first_with[entry.uuid] = number
        except UsageError as exc:
            raise UsageError(say("import.bad_entry", file=printable(file), number=number,
                                 problem=exc.message.rstrip(".")), say("import.hint")) from None
        entries.append(entry)
    return entries


def _checked(record: Exported, therapy_id: Callable[[str], str],
             clean: Callable[..., dict[str, str]]) -> Entry:
    unknown = [name for name in record.fields if name not in FIELDS]
    if unknown:
        raise UsageError(say("import.unknown_field", name=printable(unknown[0], 30),
                             fields=", ".join(FIELDS)))
    fields = dict(record.fields)
    for name, allowed in (("severity", SEVERITIES), ("with", CALLED)):
        if name in fields and fields[name] not in allowed:
            raise UsageError(say("import.not_one_of", name=name, allowed=", ".join(allowed)))
    if "follow_up" in fields:
        fields["follow_up"] = _date(fields["follow_up"], "follow-up date")
    return Entry(kind=record.kind, date=_date(record.date, "date"), time=_time(record.time),
                 therapy=therapy_id(record.therapy) if record.therapy is not None else None,
                 fields=clean(fields, lambda name: name.replace("_", "-")),
                 uuid=_uuid(record.uuid))


def _date(text: str, what: str) -> str:
    import datetime as dt

    try:
        if len(text) > 10 or not text.isascii():
            raise ValueError
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(say("import.bad_date", what=what)) from None


def _time(text: str | None) -> str | None:
    if text is None:
        return None
    hours, _, minutes = text.partition(":")
    if _TIME.fullmatch(text) is None or int(hours) > 23 or int(minutes) > 59:
        raise UsageError(say("import.bad_time"))
    return f"{int(hours):02d}:{minutes}"


def _uuid(text: str | None) -> str | None:
    import uuid

    if text is None or _CANONICAL_UUID.fullmatch(text):
        return text  # as exports write it
    try:
        if len(text) > MAX_UUID_CHARS or not text.isascii():
            raise ValueError
        return str(uuid.UUID(text))
    except ValueError:
        raise UsageError(say("import.bad_uuid")) from None
