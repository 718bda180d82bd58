"""Journal writes: log, change, delete and import entries, each checked on the way in. The views
in ``views/journal.py`` only say what happened; reading back is there too."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from lupus_guide.errors import GuideError, NotFound, UsageError
from lupus_guide.find import find_therapy
from lupus_guide.inputs import clean_query, parse_date, parse_time, printable
from lupus_guide.journal import Entry, Journal, Kind, journal_path
from lupus_guide.messages import say


def open_journal(env, *, create: bool = False, write: bool = True) -> Journal:
    """The user's journal; ``write=False`` for commands that only read it (they skip the
    quick check, which costs about 0.2 s at 100,000 entries)."""
    def warn(line: str) -> None:
        env.write(f"lupus-guide journal: warning: {line}\n", env.stderr)

    return Journal.open(journal_path(env.paths().data_dir), create=create, write=write, warn=warn)


def journal_exists(env) -> bool:
    """Whether the user has a journal yet (reading commands say so kindly when not)."""
    return journal_path(env.paths().data_dir).exists()


def check_date(text: str | None, option: str) -> str | None:
    """An optional date option as YYYY-MM-DD (the same rules as `schedule`'s dates)."""
    return parse_date(text, option).isoformat() if text is not None else None


def check_time(text: str | None) -> str | None:
    """An optional --time as HH:MM (the same rules as `schedule --time`)."""
    return parse_time(text).strftime("%H:%M") if text is not None else None


def clean_fields(fields: dict[str, str | None],
                 label: Callable[[str], str] = lambda name: f"--{name.replace('_', '-')}",
                 ) -> dict[str, str]:
    """The fields given, each checked as text a person typed (not empty, no control characters:
    C0, DEL or C1; free text keeps line breaks and tabs). ``label`` names a field in messages."""
    out = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name in ("note", "text"):  # free text keeps its line breaks
            if not value.strip():
                raise UsageError(say("journal.option_empty", option=name.replace("_", "-")))
            if _has_controls(value.replace("\n", "").replace("\t", "")):
                raise UsageError(say("journal.option_control", option=name.replace("_", "-")))
            out[name] = value
        else:
            what = say("journal.option_text", option=name.replace("_", "-"))
            out[name] = clean_query(value, what)
            if _has_controls(out[name]):
                raise UsageError(say("journal.option_control", option=name.replace("_", "-")))
    return out


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _has_controls(text: str) -> bool:
    """C0 controls (NUL included), DEL and C1 controls; lone surrogates cannot be stored either."""
    return _CONTROLS.search(text) is not None


def journal_therapy(therapies, name: str) -> str:
    """The guide's id for a therapy named any of its names, or the name itself, as typed, for a
    medicine the guide does not cover (voclosporin, IVIG, iron...). A name close to one of the
    guide's is taken for a typo and refused with the suggestion."""
    from lupus_guide.find import _normal, therapy_names
    from lupus_guide.suggest import closest

    try:
        return find_therapy(therapies, name).id
    except NotFound:
        known = [_normal(n) for t in therapies for n in therapy_names(t)]
        if closest(_normal(name), known, cutoff=0.8) is not None:
            raise
    return clean_query(name, "therapy name")


def in_guide(content, therapy: str | None) -> bool:
    """Whether a journal entry's therapy is one of the guide's (not free text)."""
    return therapy is None or any(t.id == therapy for t in content.therapies)


def add_entry(content, env, kind: Kind, *, therapy: str | None, date: str | None,
              time: str | None, **fields: str | None) -> Entry:
    """Log one entry; the entry with its new id."""
    therapy_id = journal_therapy(content.therapies, therapy) if therapy is not None else None
    if "follow_up" in fields:
        fields["follow_up"] = check_date(fields["follow_up"], "--follow-up")
    entry = Entry(kind=kind, date=check_date(date, "--date") or dt.date.today().isoformat(),
                  time=check_time(time), therapy=therapy_id, fields=clean_fields(fields))
    with open_journal(env, create=True) as journal:
        entry.id = journal.add(entry)
    return entry


def edit_entry(content, env, entry_id: int, *, date: str | None = None, time: str | None = None,
               therapy: str | None = None, done: bool = False, **fields: str | None) -> Entry:
    """Change the fields given of one entry; the rest stay. ``done`` closes a call's follow-up
    (today)."""
    with open_journal(env, create=False) as journal:
        entry = journal.get(entry_id)
        if entry is None:
            raise NotFound(say("journal.no_entry", id=entry_id), say("journal.see_list"))
        if done:
            fields["done"] = dt.date.today().isoformat()
        given = [name for name, value in fields.items() if value is not None]
        if therapy is not None:
            given.append("therapy")
        wrong = [name for name in given if not _has_field(entry.kind, name)]
        if wrong:
            raise UsageError(say("journal.not_a_field", option=wrong[0].replace("_", "-"),
                                 kind=entry.kind),
                             say("journal.fields_of", kind=entry.kind,
                                 options=_options_of(entry.kind)))
        if date is not None:
            entry.date = check_date(date, "--date") or entry.date
        if time is not None:
            entry.time = check_time(time)
        if therapy is not None:
            entry.therapy = journal_therapy(content.therapies, therapy)
        if fields.get("follow_up") is not None:
            fields["follow_up"] = check_date(fields["follow_up"], "--follow-up")
        changes = clean_fields(fields)
        if not changes and date is time is therapy is None:
            raise UsageError(say("journal.nothing_to_change"),
                             say("journal.nothing_to_change_hint"))
        entry.fields = {**entry.fields, **changes}
        journal.replace(entry)
    return entry


def _has_field(kind: str, name: str) -> bool:
    from lupus_guide.journal import KIND_FIELDS

    if name == "therapy":
        return kind in ("infusion", "reaction")
    return name in KIND_FIELDS[kind]


def _options_of(kind: str) -> str:
    from lupus_guide.journal import KIND_FIELDS

    names = ["date", "time", *(["therapy"] if kind in ("infusion", "reaction") else []),
             *KIND_FIELDS[kind]]
    return ", ".join(f"--{n.replace('_', '-')}" for n in names)


def close_follow_up(env, entry_id: int) -> Entry:
    """Mark a call's follow-up done today (`journal done ID`)."""
    with open_journal(env, create=False) as journal:
        entry = journal.get(entry_id)
        if entry is None:
            raise NotFound(say("journal.no_entry", id=entry_id), say("journal.see_list"))
        if entry.kind != "call" or "follow_up" not in entry.fields:
            raise UsageError(say("journal.no_follow_up", id=entry_id),
                             say("journal.no_follow_up_hint"))
        entry.fields = {**entry.fields, "done": dt.date.today().isoformat()}
        journal.replace(entry)
    return entry


def delete_entry(env, entry_id: int) -> None:
    with open_journal(env, create=False) as journal:
        if not journal.delete(entry_id):
            raise NotFound(say("journal.no_entry", id=entry_id))


def import_entries(content, env, file: str) -> tuple[int, int]:
    """Entries from an export (`journal export --format json`), each checked as `add` checks
    them, then those not in the journal yet added in one transaction: how many were added and
    how many skipped. One bad entry and nothing is imported."""
    from lupus_guide.journal_import import checked_entries, read_export

    entries = checked_entries(file, read_export(file), _therapy_finder(content.therapies),
                              clean_fields)
    with open_journal(env, create=True) as journal:
        return journal.add_new(entries)


def _therapy_finder(therapies) -> Callable[[str], str]:
    """A therapy's id from its id or any of its names (each name looked up once); a medicine
    the guide does not cover stays as written, as `journal add` keeps it."""
    found = {t.id: t.id for t in therapies}

    def therapy_id(name: str) -> str:
        if name not in found:
            try:
                found[name] = journal_therapy(therapies, name)
            except GuideError:
                raise UsageError(f'its therapy "{printable(name, 40)}" is not one this guide '
                                 "knows (a clinic pack's therapy needs that pack: --clinic DIR)."
                                 ) from None
        return found[name]

    return therapy_id
