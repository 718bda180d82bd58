"""The private infusion journal: a SQLite file in the user data folder that never leaves the
machine.

Every write is one transaction, in WAL mode with ``synchronous=FULL``, so an entry whose ``add``
returned survives a crash or a kill. A busy timeout lets two invocations write at once. The schema
has a version (``PRAGMA user_version``) and migrations; a journal that is damaged, locked,
read-only or from a newer version of the program is refused with a clear message and never
changed: SQLite's quick check runs before anything is written. Every entry has a UUID that an
export keeps, so importing the same backup twice adds nothing. Messages never quote what the
journal holds. Its folder and file are checked first (``journal_files``).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Literal, Self

import msgspec

from lupus_guide.journal_files import JournalError, Warn, check_files, create_file, prepare_folder
from lupus_guide.messages import say

Kind = Literal["infusion", "reaction", "call", "note"]
KINDS: tuple[Kind, ...] = ("infusion", "reaction", "call", "note")
# what an entry's ``fields`` may hold, in the order they are shown
FIELDS = ("dose", "site", "symptom", "severity", "with", "person", "phone", "about", "reference",
          "outcome", "follow_up", "done", "note", "text")
SEVERITIES = ("mild", "moderate", "severe")
# "support": the drug maker's support programme (Benlysta Gateway, Genentech Access Solutions...)
CALLED = ("insurer", "clinic", "pharmacy", "doctor", "support", "other")
# The fields each kind has (what `journal add` and `journal edit` take for it)
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "infusion": ("dose", "site", "note"),
    "reaction": ("symptom", "severity", "note"),
    "call": ("with", "person", "phone", "about", "reference", "outcome", "follow_up", "done",
             "note"),
    "note": ("text",),
}
SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 15_000
FILE_NAME = "journal.sqlite3"

# Each migration takes the schema from version N to N+1; never edit one that has shipped.
MIGRATIONS = (
    # 0 -> 1: the entries
    """
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('infusion', 'reaction', 'call', 'note')),
        date TEXT NOT NULL,
        time TEXT,
        therapy TEXT,
        fields TEXT NOT NULL,
        created TEXT NOT NULL
    );
    """,
    # 1 -> 2: finding entries by date and kind stays fast at 100,000 entries
    """
    CREATE INDEX entries_by_date ON entries (date, time, id);
    CREATE INDEX entries_by_kind ON entries (kind, date);
    """,
    # 2 -> 3: a stable identity for every entry, kept through export and import
    """
    ALTER TABLE entries ADD COLUMN uuid TEXT;
    UPDATE entries SET uuid = new_uuid() WHERE uuid IS NULL;
    CREATE UNIQUE INDEX entries_by_uuid ON entries (uuid);
    """,
)
COLUMNS = "id, kind, date, time, therapy, fields, uuid"


class Entry(msgspec.Struct, kw_only=True):
    """One journal entry. ``fields`` holds what the kind has: dose, site, symptom, severity,
    with, about, reference, outcome, follow_up, note, text."""

    kind: Kind
    date: str
    time: str | None = None
    therapy: str | None = None
    fields: dict[str, str] = msgspec.field(default_factory=dict)
    id: int | None = None
    uuid: str | None = None


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


class Journal:
    """An open journal. Use as a context manager: ``with Journal.open(path) as journal: ...``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, write: bool = True,
             warn: Warn | None = None) -> Journal:
        """The journal at ``path`` (made first with ``create``). With ``write``, SQLite's quick
        check runs first (about 2 ms per 1,000 entries), so a damaged journal is never written
        to; reading commands skip it (SQLite still refuses the damaged pages they read)."""
        path = Path(path)
        warn = warn or _to_stderr
        found = prepare_folder(path, create=create, warn=warn) and check_files(path, warn)
        if not found:
            if not create:
                raise JournalError(say("store.none_yet"), say("store.none_yet_hint"))
            create_file(path)
            check_files(path, warn)
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                         isolation_level=None)
        except sqlite3.Error as exc:
            raise _explain(exc, path) from None
        journal = cls(connection, path)
        try:
            journal._prepare(write)
        except sqlite3.Error as exc:
            connection.close()
            raise _explain(exc, path) from None
        except JournalError:
            connection.close()
            raise
        return journal

    def _prepare(self, write: bool) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]  # reads: fails if not SQLite
        if version > SCHEMA_VERSION:
            raise JournalError(say("store.newer", path=self.path, version=version),
                               say("store.newer_hint"))
        wal = db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        changes = write or not wal or version < SCHEMA_VERSION
        if changes and db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
            raise _damaged(self.path)  # checked before anything is written
        if not wal:
            _when_free(db, "PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        import uuid

        db = self._db
        db.create_function("new_uuid", 0, lambda: str(uuid.uuid4()))
        db.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while this one waited for the lock
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing: one transaction each ------------------------------------------------------

    def add(self, entry: Entry) -> int:
        """Store ``entry``; its id once the transaction is on disk."""
        return self._write(lambda db: _insert(db, entry))

    def add_many(self, entries: list[Entry]) -> list[int]:
        """Store all of ``entries`` in one transaction (an import): all of them or none."""
        return self._write(lambda db: [_insert(db, e) for e in entries])

    def add_new(self, entries: list[Entry]) -> tuple[int, int]:
        """Store those of ``entries`` not in the journal yet, in one transaction (an import):
        how many were added and how many skipped. An entry is there when its UUID is, or, for
        one from an export made before entries had UUIDs, when an entry with the same kind,
        date, time, therapy and fields is (looked up before any is added)."""

        def work(db: sqlite3.Connection) -> tuple[int, int]:
            known = {row[0] for row in db.execute("SELECT uuid FROM entries")}
            new = [entry for entry in entries
                   if (entry.uuid not in known if entry.uuid is not None
                       else not _same_entry_there(db, entry))]
            _insert_all(db, new)
            return len(new), len(entries) - len(new)

        return self._write(work)

    def replace(self, entry: Entry) -> bool:
        """Store ``entry`` in place of the entry with its id."""
        return self._write(lambda db: db.execute(
            "UPDATE entries SET kind = ?, date = ?, time = ?, therapy = ?, fields = ? WHERE id = ?",
            (entry.kind, entry.date, entry.time, entry.therapy, _fields_json(entry),
             entry.id)).rowcount > 0)

    def delete(self, entry_id: int) -> bool:
        return self._write(lambda db: db.execute("DELETE FROM entries WHERE id = ?",
                                                 (entry_id,)).rowcount > 0)

    def _write(self, work):
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                result = work(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        return result

    # --- reading -------------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        rows = self._read(f"SELECT {COLUMNS} FROM entries WHERE id = ?", (entry_id,))
        return rows[0] if rows else None

    def entries(self, *, since: str | None = None, until: str | None = None,
                kind: str | None = None, therapy: str | None = None) -> list[Entry]:
        """Entries in date order, filtered."""
        where, args = [], []
        for clause, value in (("date >= ?", since), ("date <= ?", until), ("kind = ?", kind),
                              ("therapy = ?", therapy)):
            if value is not None:
                where.append(clause)
                args.append(value)
        sql = f"SELECT {COLUMNS} FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        return self._read(sql + " ORDER BY date, time, id", tuple(args))

    def _read(self, sql: str, args: tuple) -> list[Entry]:
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        return [Entry(id=r[0], kind=r[1], date=r[2], time=r[3], therapy=r[4],
                      fields=json.loads(r[5]), uuid=r[6]) for r in rows]

    def check(self) -> str:
        """SQLite's own integrity check: "ok" when the file is sound."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]


INSERT = ("INSERT INTO entries (kind, date, time, therapy, fields, created, uuid) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _insert(db: sqlite3.Connection, entry: Entry) -> int:
    """Store ``entry`` (given a new UUID when it has none); its id."""
    cursor = db.execute(INSERT, _row(entry, _now()))
    return int(cursor.lastrowid or 0)  # always set after an INSERT


def _insert_all(db: sqlite3.Connection, entries: list[Entry]) -> None:
    created = _now()
    db.executemany(INSERT, (_row(entry, created) for entry in entries))


def _row(entry: Entry, created: str) -> tuple:
    import uuid

    entry.uuid = entry.uuid or str(uuid.uuid4())
    return (entry.kind, entry.date, entry.time, entry.therapy, _fields_json(entry), created,
            entry.uuid)


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _same_entry_there(db: sqlite3.Connection, entry: Entry) -> bool:
    """An entry with the same kind, date, time, therapy and fields (for one without a UUID)."""
    return db.execute(
        "SELECT 1 FROM entries WHERE kind = ? AND date = ? AND time IS ? AND therapy IS ? "
        "AND fields = ? LIMIT 1",
        (entry.kind, entry.date, entry.time, entry.therapy, _fields_json(entry))).fetchone() \
        is not None


def _fields_json(entry: Entry) -> str:
    return json.dumps(entry.fields, ensure_ascii=False, sort_keys=True)


def _to_stderr(line: str) -> None:
    print(f"lupus-guide journal: warning: {line}", file=sys.stderr)


def _damaged(path: Path) -> JournalError:
    return JournalError(say("store.damaged", path=path), say("store.damaged_hint"))


def _when_free(db: sqlite3.Connection, statement: str) -> None:
    """Run ``statement``, waiting up to the busy timeout while another connection holds the file:
    switching to WAL answers "locked" at once instead of waiting (two first-ever writes)."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _explain(exc: sqlite3.Error, path: Path) -> JournalError:
    """A clear, content-free message for what SQLite said."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalError(say("store.busy", path=path), say("store.busy_hint"))
    if "readonly" in text or "read-only" in text:
        return JournalError(say("store.read_only", path=path))
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _damaged(path)
    if "unable to open" in text or "disk i/o" in text or "no such" in text:
        return JournalError(say("store.cannot_open", path=path, kind=type(exc).__name__))
    return JournalError(say("store.cannot_use", path=path, kind=type(exc).__name__))
