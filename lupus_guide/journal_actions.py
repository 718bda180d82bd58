"""Journal writes: log, change, delete and import entries, each checked on the way in. The views
in ``views/journal.py`` only say what happened; reading back is there too."""

from __future__ import annotations

import datetime as dt

from lupus_guide.errors import NotFound, UsageError
from lupus_guide.find import find_therapy
from lupus_guide.inputs import clean_query, not_utf8, parse_date, parse_time, printable
from lupus_guide.journal import Entry, Journal, journal_path


def open_journal(env, *, create: bool = False) -> Journal:
    return Journal.open(journal_path(env.paths().data_dir), create=create)


def check_date(text: str | None, option: str) -> str | None:
    """An optional date option as YYYY-MM-DD (the same rules as `schedule`'s dates)."""
    return parse_date(text, option).isoformat() if text is not None else None


def check_time(text: str | None) -> str | None:
    """An optional --time as HH:MM (the same rules as `schedule --time`)."""
    return parse_time(text).strftime("%H:%M") if text is not None else None


def clean_fields(fields: dict[str, str | None]) -> dict[str, str]:
    """The fields given, each checked as text a person typed (not empty, no control characters)."""
    out = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name in ("note", "text"):  # free text keeps its line breaks
            if not value.strip():
                raise UsageError(f"--{name.replace('_', '-')} is empty.")
            if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or not_utf8(value):
                raise UsageError(f"--{name.replace('_', '-')} contains control characters.")
            out[name] = value
        else:
            out[name] = clean_query(value, f"--{name.replace('_', '-')} text")
    return out


def add_entry(content, env, kind: str, *, therapy: str | None, date: str | None,
              time: str | None, **fields: str | None) -> Entry:
    """Log one entry; the entry with its new id."""
    therapy_id = find_therapy(content.therapies, therapy).id if therapy is not None else None
    if "follow_up" in fields:
        fields["follow_up"] = check_date(fields["follow_up"], "--follow-up")
    entry = Entry(kind=kind, date=check_date(date, "--date") or dt.date.today().isoformat(),
                  time=check_time(time), therapy=therapy_id, fields=clean_fields(fields))
    with open_journal(env, create=True) as journal:
        entry.id = journal.add(entry)
    return entry


def edit_entry(content, env, entry_id: int, *, date: str | None = None, time: str | None = None,
               therapy: str | None = None, **fields: str | None) -> Entry:
    """Change the fields given of one entry; the rest stay."""
    with open_journal(env, create=False) as journal:
        entry = journal.get(entry_id)
        if entry is None:
            raise NotFound(f"There is no journal entry {entry_id}.")
        if date is not None:
            entry.date = check_date(date, "--date") or entry.date
        if time is not None:
            entry.time = check_time(time)
        if therapy is not None:
            entry.therapy = find_therapy(content.therapies, therapy).id
        if fields.get("follow_up") is not None:
            fields["follow_up"] = check_date(fields["follow_up"], "--follow-up")
        changes = clean_fields(fields)
        if not changes and date is time is therapy is None:
            raise UsageError("Nothing to change.", "Give a field to change, e.g. --note TEXT.")
        entry.fields = {**entry.fields, **changes}
        journal.replace(entry)
    return entry


def delete_entry(env, entry_id: int) -> None:
    with open_journal(env, create=False) as journal:
        if not journal.delete(entry_id):
            raise NotFound(f"There is no journal entry {entry_id}.")


def import_entries(env, file: str) -> int:
    """Entries from an export (`journal export --format json`), added in one transaction; how
    many."""
    import json

    from lupus_guide._imports import msgspec

    try:
        with open(file, encoding="utf-8") as handle:
            raw = json.load(handle)
        records = raw["data"] if isinstance(raw, dict) and "data" in raw else raw
        entries = msgspec.convert(records, list[Entry])
    except OSError as exc:
        raise UsageError(f"cannot read {printable(file)}: {exc.strerror}.") from None
    except (ValueError, msgspec.ValidationError):
        raise UsageError(f"{printable(file)} is not a lupus-guide journal export.",
                         "Make one with `lupus-guide journal export --format json`.") from None
    for entry in entries:
        entry.id = None
        check_date(entry.date, "date")
    with open_journal(env, create=True) as journal:
        return len(journal.add_many(entries))
