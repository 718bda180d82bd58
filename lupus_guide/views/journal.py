"""`journal ...`: what a person logs, read back, exported, imported, and summed up for a visit."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Bullets, Callout, Heading, Paragraph, Table
from lupus_guide.errors import NotFound, UsageError
from lupus_guide.find import find_therapy
from lupus_guide.inputs import printable
from lupus_guide.journal import FIELDS, KINDS, Entry, Kind
from lupus_guide.journal_actions import (
    add_entry,
    check_date,
    delete_entry,
    edit_entry,
    import_entries,
    open_journal,
)
from lupus_guide.messages import say
from lupus_guide.planning import against_schedule
from lupus_guide.views import Result, new_document, reads, to_data

FIELD_ORDER = FIELDS
# A CSV cell starting with one of these is a formula to a spreadsheet (OWASP's list): it gets a
# leading single quote, which spreadsheets show as text and the csv module reads back as is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@reads("therapies")
def add(content, env, kind: Kind, *, therapy: str | None, date: str | None, time: str | None,
        **fields) -> Result:
    """Log one entry; say its id."""
    entry = add_entry(content, env, kind, therapy=therapy, date=date, time=time, **fields)

    def document():
        doc = new_document(content, say("journal.title"))
        doc.add(Paragraph(say("journal.saved", kind=kind, id=entry.id, date=entry.date)))
        return doc

    return Result("journal add", to_data(entry), document)


def COLUMNS() -> list[str]:  # noqa: N802 - a table's header, in the guide's language
    return [say(f"journal.column.{n}") for n in ("entry", "when", "kind", "therapy", "details")]


def _row(entry: Entry) -> list[str]:
    details = "; ".join(f"{name.replace('_', ' ')}: {entry.fields[name]}"
                        for name in FIELD_ORDER if name in entry.fields)
    return [str(entry.id), entry.date + (f" {entry.time}" if entry.time else ""), entry.kind,
            entry.therapy or "", details]


@reads("therapies")
def listing(content, env, *, since=None, until=None, kind=None, therapy=None,
            command: str = "journal list", title: str | None = None) -> Result:
    title = title or say("journal.title")
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if kind is not None and kind not in KINDS:
        raise UsageError(f'--kind "{printable(kind)}" is not one of {", ".join(KINDS)}.')
    therapy_id = find_therapy(content.therapies, therapy).id if therapy is not None else None
    with open_journal(env, write=False) as journal:
        entries = journal.entries(since=since, until=until, kind=kind, therapy=therapy_id)
    data = [to_data(e) for e in entries]

    def document():
        doc = new_document(content, title)
        doc.add(Heading(title))
        if entries:
            doc.add(Table(COLUMNS(), [_row(e) for e in entries]))
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
        rows = [[say("journal.column.when"), entry.date + (f" {entry.time}" if entry.time else "")],
                [say("journal.column.kind"), entry.kind]]
        if entry.therapy:
            rows.append([say("journal.column.therapy"), entry.therapy])
        rows += [[name.replace("_", " ").capitalize(), entry.fields[name]]
                 for name in FIELD_ORDER if name in entry.fields]
        doc.add(Heading(say("journal.entry_title", id=entry_id)), Table(["", ""], rows))
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


@reads("therapies", "regimens")
def summary(content, env, *, since: str | None = None, therapy: str | None = None,
            start: str | None = None, regimen: str | None = None) -> Result:
    """A one-page summary for the next visit; with --therapy and --start, the infusions are
    checked against the usual schedule (done, late, early, missed)."""
    since = check_date(since, "--since")
    if start is not None and therapy is None:
        raise UsageError(say("journal.start_needs_therapy"))
    with open_journal(env, write=False) as journal:
        entries = journal.entries(since=since)
    infusions = [e for e in entries if e.kind == "infusion"]
    reactions = [e for e in entries if e.kind == "reaction"]
    today = dt.date.today().isoformat()
    follow_ups = [e for e in entries if e.kind == "call" and e.fields.get("follow_up", "") >= today]
    by_id = {t.id: t for t in content.therapies}
    flags = []
    for entry in reactions:
        level = _flag(entry, by_id)
        if level:
            flags.append((entry, level))
    planned = (against_schedule(content, therapy, start, regimen, infusions, dt.date.today())
               if start is not None and therapy is not None else None)
    data = {"since": since, "infusions": [to_data(e) for e in infusions], "schedule": planned,
            "reactions": [to_data(e) for e in reactions],
            "flagged": [{"entry": e.id, "level": level} for e, level in flags],
            "open_follow_ups": [to_data(e) for e in follow_ups]}

    def document():
        title = say("summary.title_since", date=since) if since else say("summary.title")
        doc = new_document(content, title)
        doc.add(Heading(title))
        doc.add(Heading(say("summary.infusions", count=len(infusions)), 2))
        doc.add(Table(COLUMNS(), [_row(e) for e in infusions]) if infusions
                else Paragraph(say("summary.none_logged")))
        if planned is not None:
            doc.add(Heading(say("summary.against"), 2), Paragraph(say("summary.against_note")),
                    Table([say("summary.column.dose"), say("summary.column.planned"),
                           say("summary.column.logged"), ""],
                          [[str(r["dose"]), r["planned"], r["logged"] or "-", r["status"]]
                           for r in planned]) if planned
                    else Paragraph(say("summary.no_doses_due")))
        counts: dict[tuple[str, str], int] = {}
        for entry in reactions:
            key = (entry.therapy or say("summary.no_therapy"),
                   entry.fields.get("severity", say("summary.no_severity")))
            counts[key] = counts.get(key, 0) + 1
        doc.add(Heading(say("summary.reactions", count=len(reactions)), 2))
        doc.add(Table([say("journal.column.therapy"), say("summary.column.severity"),
                       say("summary.column.count")],
                      [[t, s, str(n)] for (t, s), n in sorted(counts.items())])
                if reactions else Paragraph(say("summary.none_logged")))
        if flags:
            doc.add(Callout("call", say("summary.flagged"), say("summary.flagged_note"),
                            [say("summary.flag", id=e.id, date=e.date,
                                 symptom=e.fields.get("symptom", ""), level=level)
                             for e, level in flags]))
        doc.add(Heading(say("summary.follow_ups", count=len(follow_ups)), 2))
        doc.add(Bullets([f"{e.fields.get('follow_up')}: {e.fields.get('with', '')} - "
                         f"{e.fields.get('about', '')}" for e in follow_ups])
                if follow_ups else Paragraph(say("summary.none")))
        return doc

    return Result("journal summary", data, document)


def _flag(entry: Entry, therapies) -> str:
    """"emergency" or "call the care team" when the logged symptom matches the guide's list."""
    from lupus_guide.search import terms

    symptom = set(terms(entry.fields.get("symptom", "")))
    if not symptom or entry.therapy not in therapies:
        return ""
    therapy = therapies[entry.therapy]
    for level, section in (("emergency", therapy.call_emergency),
                           ("call the care team", therapy.call_care_team)):
        for item in section.items:
            words = set(terms(item))
            if symptom and symptom <= words:
                return level
    return ""


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
