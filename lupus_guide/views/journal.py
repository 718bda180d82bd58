"""`journal ...`: what a person logs, read back, exported, imported, and summed up for a visit."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Fields, Heading, Paragraph, Table
from lupus_guide.errors import NotFound, UsageError
from lupus_guide.inputs import printable
from lupus_guide.journal import FIELDS, KINDS, Entry, Kind
from lupus_guide.journal_actions import (
    add_entry,
    check_date,
    close_follow_up,
    delete_entry,
    edit_entry,
    import_entries,
    in_guide,
    journal_exists,
    journal_therapy,
    open_journal,
)
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, to_data

FIELD_ORDER = FIELDS
# A CSV cell starting with one of these is a formula to a spreadsheet (OWASP's list): it gets a
# leading single quote, which spreadsheets show as text and the csv module reads back as is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@reads("therapies", "care")
def add(content, env, kind: Kind, *, therapy: str | None, date: str | None, time: str | None,
        **fields) -> Result:
    """Log one entry; say its id."""
    entry = add_entry(content, env, kind, therapy=therapy, date=date, time=time, **fields)
    if kind == "infusion" and entry.date > dt.date.today().isoformat():
        _note(env, say("journal.future_date", date=entry.date))
    if kind == "reaction":
        for line in reaction_prompts(content, entry, env):
            _note(env, line)

    def document():
        doc = new_document(content, say("journal.title"))
        doc.add(Paragraph(say("journal.saved", kind=kind, id=entry.id, date=entry.date)))
        return doc

    return Result("journal add", to_data(entry), document)


def _note(env, line: str) -> None:
    env.write(f"lupus-guide journal add: {line}\n", env.stderr)


def reaction_prompts(content, entry: Entry, env=None) -> list[str]:
    """What to do now about a reaction just logged: 911 for an emergency sign or a severe one;
    the care team now (with the clinic's phone when a pack is active) for a call sign."""
    from lupus_guide.flags import CALL, EMERGENCY, in_english, match, signs_for

    therapy = entry.therapy if in_guide(content, entry.therapy) else None
    lists = in_english(content, env) if env is not None else content
    levels = {flag.level for flag in match(entry.fields.get("symptom", ""),
                                           signs_for(lists, therapy))}
    lines = []
    if EMERGENCY in levels or entry.fields.get("severity") == "severe":
        lines.append(say("journal.prompt_911"))
    if CALL in levels:
        clinic = getattr(content, "clinic", None)
        phones = say("journal.prompt_phones", phones=clinic.phones()) if clinic else ""
        lines.append(say("journal.prompt_call", phones=phones))
    return lines


def COLUMNS() -> list[str]:  # noqa: N802 - a table's header, in the guide's language
    return [say(f"journal.column.{n}") for n in ("entry", "when", "kind", "therapy", "details")]


def _row(entry: Entry) -> list[str]:
    details = "; ".join(f"{name.replace('_', ' ')}: {entry.fields[name]}"
                        for name in FIELD_ORDER if name in entry.fields)
    return [str(entry.id), entry.date + (f" {entry.time}" if entry.time else ""), entry.kind,
            entry.therapy or "", details]


def _therapy(content, therapy: str) -> str:
    return therapy if in_guide(content, therapy) else say("journal.not_in_guide", therapy=therapy)


@reads("therapies")
def listing(content, env, *, since=None, until=None, kind=None, therapy=None,
            command: str = "journal list", title: str | None = None) -> Result:
    title = title or say("journal.title")
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if kind is not None and kind not in KINDS:
        raise UsageError(f'--kind "{printable(kind)}" is not one of {", ".join(KINDS)}.')
    therapy_id = journal_therapy(content.therapies, therapy) if therapy is not None else None
    entries: list[Entry] = []
    if journal_exists(env):
        with open_journal(env, write=False) as journal:
            entries = journal.entries(since=since, until=until, kind=kind, therapy=therapy_id)
    elif command == "journal list":  # no journal yet is not an error
        env.write(f"lupus-guide {command}: {say('journal.no_journal_yet')}\n", env.stderr)
    data = [to_data(e) for e in entries]

    def document():
        doc = new_document(content, title)
        doc.add(Heading(title))
        if entries:
            doc.add(Table(COLUMNS(), [_row(e)[:3] + [_therapy(content, e.therapy)
                                                     if e.therapy else ""] + _row(e)[4:]
                                      for e in entries], layout="cards"))
        else:
            doc.add(Paragraph(say("journal.no_entries")))
        doc.add(Paragraph(say("journal.stays_here")))
        return doc

    return Result(command, data, document)


@reads("therapies")
def show(content, env, entry_id: int) -> Result:
    with open_journal(env, write=False) as journal:
        entry = journal.get(entry_id)
    if entry is None:
        raise NotFound(say("journal.no_entry", id=entry_id), say("journal.see_list"))

    def document():
        doc = new_document(content, say("journal.entry_title", id=entry_id))
        rows = [(say("journal.column.when"), entry.date + (f" {entry.time}" if entry.time else "")),
                (say("journal.column.kind"), entry.kind)]
        if entry.therapy:
            rows.append((say("journal.column.therapy"), _therapy(content, entry.therapy)))
        rows += [(name.replace("_", " ").capitalize(), entry.fields[name])
                 for name in FIELD_ORDER if name in entry.fields]
        doc.add(Heading(say("journal.entry_title", id=entry_id)), Fields(rows))
        return doc

    return Result("journal show", to_data(entry), document)


@reads("therapies")
def edit(content, env, entry_id: int, *, date=None, time=None, therapy=None, **fields) -> Result:
    """Change the fields given of one entry; the rest stay."""
    entry = edit_entry(content, env, entry_id, date=date, time=time, therapy=therapy, **fields)

    def document():
        return new_document(content, say("journal.title")).add(
            Paragraph(say("journal.changed", id=entry_id)))

    return Result("journal edit", to_data(entry), document)


@reads("therapies")
def done(content, env, entry_id: int) -> Result:
    """Close a call's follow-up (today)."""
    entry = close_follow_up(env, entry_id)

    def document():
        return new_document(content, say("journal.title")).add(
            Paragraph(say("journal.closed", id=entry_id, date=entry.fields["done"])))

    return Result("journal done", to_data(entry), document)


@reads("therapies")
def name(content, env, who: str | None, *, forget: bool = False) -> Result:
    """Save (or show, or forget) whose journal it is, for the summary's header."""
    from lupus_guide.inputs import clean_query
    from lupus_guide.journal_settings import save_name, saved_name

    if forget:
        save_name(env, None)
        said, current = say("journal.name_forgotten"), None
    elif who is not None:
        current = clean_query(who, "name")
        save_name(env, current)
        said = say("journal.name_saved", name=current)
    else:
        current = saved_name(env)
        said = say("journal.name_is", name=current) if current else say("journal.name_none")

    def document():
        return new_document(content, say("journal.title")).add(Paragraph(said))

    return Result("journal name", {"name": current}, document)


@reads("therapies")
def delete(content, env, entry_id: int) -> Result:
    delete_entry(env, entry_id)

    def document():
        return new_document(content, say("journal.title")).add(
            Paragraph(say("journal.deleted", id=entry_id)))

    return Result("journal delete", {"deleted": entry_id}, document)


@reads("therapies")
def import_file(content, env, file: str) -> Result:
    """Entries from an export (`journal export --format json`), added in one transaction; those
    already in the journal (the same backup imported twice) are skipped, and said so."""
    added, skipped = import_entries(content, env, file)

    def document():
        entries = say("journal.entry_one" if added == 1 else "journal.entry_many")
        skips = say("journal.skipped", count=skipped) if skipped else ""
        said = say("journal.imported_counts", added=added, entries=entries, skipped=skips)
        return new_document(content, say("journal.title")).add(Paragraph(said))

    return Result("journal import", {"imported": added, "skipped": skipped}, document)


def export_csv(entries: list[Entry]) -> str:
    """The entries as CSV, one row each; no cell can be taken for a formula (see
    ``FORMULA_STARTS``)."""
    import csv
    import io

    buffer = io.StringIO()
    # CRLF rows (RFC 4180): the writer then quotes every cell holding a CR or an LF
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "kind", "date", "time", "therapy", *FIELD_ORDER, "uuid"])
    for e in entries:
        cells = [str(e.id), e.kind, e.date, e.time or "", e.therapy or "",
                 *(e.fields.get(name, "") for name in FIELD_ORDER), e.uuid or ""]
        writer.writerow([csv_cell(cell) for cell in cells])
    return buffer.getvalue()


def csv_cell(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: a leading ' when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(result: Result) -> str:
    """An export's entries as CSV (journal export --format csv)."""
    import msgspec

    return export_csv(msgspec.convert(result.data, list[Entry]))
