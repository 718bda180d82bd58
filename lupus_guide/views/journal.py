"""`journal ...`: what a person logs, read back, exported, imported, and summed up for a visit."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Bullets, Callout, Heading, Paragraph, Table
from lupus_guide.errors import NotFound, UsageError
from lupus_guide.journal import Entry, Journal, journal_path
from lupus_guide.lookup import clean_query, find_therapy, printable
from lupus_guide.views import Result, new_document, to_data

KINDS = ("infusion", "reaction", "call", "note")
FIELD_ORDER = ("dose", "site", "symptom", "severity", "with", "about", "reference", "outcome",
               "follow_up", "note", "text")


def open_journal(env, *, create: bool = False) -> Journal:
    return Journal.open(journal_path(env.paths().data_dir), create=create)


def check_date(text: str | None, option: str) -> str | None:
    """An optional date option as YYYY-MM-DD (the same rules as `schedule`'s dates)."""
    from lupus_guide.views.schedule import parse_date

    return parse_date(text, option).isoformat() if text is not None else None


def check_time(text: str | None) -> str | None:
    """An optional --time as HH:MM (the same rules as `schedule --time`)."""
    from lupus_guide.ics import parse_time

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
            if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
                raise UsageError(f"--{name.replace('_', '-')} contains control characters.")
            out[name] = value
        else:
            out[name] = clean_query(value, f"--{name.replace('_', '-')} text")
    return out


def add(content, env, kind: str, *, therapy: str | None, date: str | None, time: str | None,
        **fields) -> Result:
    """Log one entry; say its id."""
    therapy_id = find_therapy(content.therapies, therapy).id if therapy is not None else None
    if "follow_up" in fields:
        fields["follow_up"] = check_date(fields["follow_up"], "--follow-up")
    entry = Entry(kind=kind, date=check_date(date, "--date") or dt.date.today().isoformat(),
                  time=check_time(time), therapy=therapy_id, fields=clean_fields(fields))
    with open_journal(env, create=True) as journal:
        entry.id = journal.add(entry)
    data = to_data(entry)

    def document():
        doc = new_document(content, "Journal")
        doc.add(Paragraph(f"Saved {kind} entry {entry.id} ({entry.date})."))
        return doc

    return Result("journal add", data, document)


def _row(entry: Entry) -> list[str]:
    details = "; ".join(f"{name.replace('_', ' ')}: {entry.fields[name]}"
                        for name in FIELD_ORDER if name in entry.fields)
    return [str(entry.id), entry.date + (f" {entry.time}" if entry.time else ""), entry.kind,
            entry.therapy or "", details]


def listing(content, env, *, since=None, until=None, kind=None, therapy=None,
            command: str = "journal list", title: str = "Journal") -> Result:
    since, until = check_date(since, "--since"), check_date(until, "--until")
    if kind is not None and kind not in KINDS:
        raise UsageError(f'--kind "{printable(kind)}" is not one of {", ".join(KINDS)}.')
    therapy_id = find_therapy(content.therapies, therapy).id if therapy is not None else None
    with open_journal(env, create=False) as journal:
        entries = journal.entries(since=since, until=until, kind=kind, therapy=therapy_id)
    data = [to_data(e) for e in entries]

    def document():
        doc = new_document(content, title)
        doc.add(Heading(title))
        if entries:
            doc.add(Table(["Entry", "When", "Kind", "Therapy", "Details"],
                          [_row(e) for e in entries]))
        else:
            doc.add(Paragraph("No entries."))
        doc.add(Paragraph("Your journal stays on this computer. Nothing is sent anywhere."))
        return doc

    return Result(command, data, document)


def show(content, env, entry_id: int) -> Result:
    with open_journal(env, create=False) as journal:
        entry = journal.get(entry_id)
    if entry is None:
        raise NotFound(f"There is no journal entry {entry_id}.", "See `lupus-guide journal list`.")

    def document():
        doc = new_document(content, f"Journal entry {entry_id}")
        rows = [["When", entry.date + (f" {entry.time}" if entry.time else "")],
                ["Kind", entry.kind]] + ([["Therapy", entry.therapy]] if entry.therapy else [])
        rows += [[name.replace("_", " ").capitalize(), entry.fields[name]]
                 for name in FIELD_ORDER if name in entry.fields]
        doc.add(Heading(f"Journal entry {entry_id}"), Table(["", ""], rows))
        return doc

    return Result("journal show", to_data(entry), document)


def edit(content, env, entry_id: int, *, date=None, time=None, therapy=None, **fields) -> Result:
    """Change the fields given of one entry; the rest stay."""
    with open_journal(env, create=False) as journal:
        entry = journal.get(entry_id)
        if entry is None:
            raise NotFound(f"There is no journal entry {entry_id}.")
        if date is not None:
            entry.date = check_date(date, "--date")
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

    def document():
        return new_document(content, "Journal").add(Paragraph(f"Changed entry {entry_id}."))

    return Result("journal edit", to_data(entry), document)


def delete(content, env, entry_id: int) -> Result:
    with open_journal(env, create=False) as journal:
        if not journal.delete(entry_id):
            raise NotFound(f"There is no journal entry {entry_id}.")

    def document():
        return new_document(content, "Journal").add(Paragraph(f"Deleted entry {entry_id}."))

    return Result("journal delete", {"deleted": entry_id}, document)


def import_file(content, env, file: str) -> Result:
    """Entries from an export (`journal export --format json`), added in one transaction."""
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
        ids = journal.add_many(entries)

    def document():
        doc = new_document(content, "Journal")
        return doc.add(Paragraph(f"Imported {len(ids)} entries."))

    return Result("journal import", {"imported": len(ids)}, document)


def against_schedule(content, therapy_name: str, start: str, regimen: str | None,
                     infusions: list[Entry], today: dt.date) -> list[dict]:
    """Each planned dose up to today, matched with the logged infusion nearest it: each planned
    date owns the days from halfway after the dose before to halfway before the dose after."""
    from lupus_guide.views.schedule import plan_request

    therapy, _, doses = plan_request(content, therapy_name, regimen=regimen, start=start,
                                     until=today.isoformat())
    logged = sorted(dt.date.fromisoformat(e.date) for e in infusions if e.therapy == therapy.id)
    rows = []
    for index, dose in enumerate(doses):
        before = doses[index - 1].date if index else None
        after = doses[index + 1].date if index + 1 < len(doses) else None
        low = dose.date - (dose.date - before) / 2 if before else dt.date.min
        high = dose.date + (after - dose.date) / 2 if after else dt.date.max
        match = next((day for day in logged if low < day <= high), None)
        if match is not None:
            logged.remove(match)
            shift = (match - dose.date).days
            status = ("on the day" if shift == 0 else
                      f"{abs(shift)} day{'s' if abs(shift) != 1 else ''} "
                      f"{'late' if shift > 0 else 'early'}")
        else:
            status = "missed" if high < today else "not logged yet"
        rows.append({"dose": dose.number, "planned": dose.date.isoformat(),
                     "logged": match.isoformat() if match else None, "status": status})
    return rows


def summary(content, env, *, since: str | None = None, therapy: str | None = None,
            start: str | None = None, regimen: str | None = None) -> Result:
    """A one-page summary for the next visit; with --therapy and --start, the infusions are
    checked against the usual schedule (done, late, early, missed)."""
    since = check_date(since, "--since")
    if start is not None and therapy is None:
        raise UsageError("--start needs --therapy (whose schedule to check against).")
    with open_journal(env, create=False) as journal:
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
               if start is not None else None)
    data = {"since": since, "infusions": [to_data(e) for e in infusions], "schedule": planned,
            "reactions": [to_data(e) for e in reactions],
            "flagged": [{"entry": e.id, "level": level} for e, level in flags],
            "open_follow_ups": [to_data(e) for e in follow_ups]}

    def document():
        title = "Visit summary" + (f" since {since}" if since else "")
        doc = new_document(content, title)
        doc.add(Heading(title))
        doc.add(Heading(f"Infusions ({len(infusions)})", 2))
        doc.add(Table(["Entry", "When", "Kind", "Therapy", "Details"],
                      [_row(e) for e in infusions]) if infusions else Paragraph("None logged."))
        if planned is not None:
            doc.add(Heading("Against the usual schedule", 2),
                    Paragraph("Your care team sets your real schedule; this compares what you "
                              "logged with the usual dates from the label or guideline."),
                    Table(["Dose", "Planned", "Logged", ""],
                          [[str(r["dose"]), r["planned"], r["logged"] or "-", r["status"]]
                           for r in planned]) if planned else Paragraph("No doses due yet."))
        counts: dict[tuple[str, str], int] = {}
        for entry in reactions:
            key = (entry.therapy or "no therapy named", entry.fields.get("severity", "not recorded"))
            counts[key] = counts.get(key, 0) + 1
        doc.add(Heading(f"Reactions ({len(reactions)})", 2))
        doc.add(Table(["Therapy", "Severity", "Count"],
                      [[t, s, str(n)] for (t, s), n in sorted(counts.items())])
                if reactions else Paragraph("None logged."))
        if flags:
            doc.add(Callout("call", "Symptoms the guide lists as a reason to call",
                            "Logged symptoms that match the guide's lists for that therapy. "
                            "Emergency signs need your local emergency number (911 in the US) "
                            "at the time, not a note.",
                            [f"Entry {e.id} ({e.date}): {e.fields.get('symptom', '')} - {level}"
                             for e, level in flags]))
        doc.add(Heading(f"Open follow-ups ({len(follow_ups)})", 2))
        doc.add(Bullets([f"{e.fields.get('follow_up')}: {e.fields.get('with', '')} - "
                         f"{e.fields.get('about', '')}" for e in follow_ups])
                if follow_ups else Paragraph("None."))
        return doc

    return Result("journal summary", data, document)


def _flag(entry: Entry, therapies) -> str:
    """"emergency" or "call the care team" when the logged symptom matches the guide's list."""
    from lupus_guide.lookup import terms

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
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "kind", "date", "time", "therapy", *FIELD_ORDER])
    for e in entries:
        writer.writerow([e.id, e.kind, e.date, e.time or "", e.therapy or "",
                         *(e.fields.get(name, "") for name in FIELD_ORDER)])
    return buffer.getvalue()
