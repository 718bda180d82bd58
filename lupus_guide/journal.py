"""The private infusion journal: a SQLite file in the user data folder that never leaves the machine.

Every write is one transaction, in WAL mode with ``synchronous=FULL``, so an entry whose ``add``
returned survives a crash or a kill. A busy timeout lets two invocations write at once. The schema
has a version (``PRAGMA user_version``) and migrations; a journal that is damaged, locked,
read-only or from a newer version of the program is refused with a clear message and never
changed. Messages never quote what the journal holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Literal, Self

from lupus_guide._imports import msgspec
from lupus_guide.errors import ExitCode, GuideError

Kind = Literal["infusion", "reaction", "call", "note"]
SCHEMA_VERSION = 2
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
)


class JournalError(GuideError):
    code = ExitCode.JOURNAL


class Entry(msgspec.Struct, kw_only=True):
    """One journal entry. ``fields`` holds what the kind has: dose, site, symptom, severity,
    with, about, reference, outcome, follow_up, note, text."""

    kind: Kind
    date: str
    time: str | None = None
    therapy: str | None = None
    fields: dict[str, str] = msgspec.field(default_factory=dict)
    id: int | None = None


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


class Journal:
    """An open journal. Use as a context manager: ``with Journal.open(path) as journal: ...``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Journal:
        path = Path(path)
        if not path.exists():
            if not create:
                raise JournalError("There is no journal yet.", "Add an entry to start one.")
            _create_private(path)
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                         isolation_level=None)
        except sqlite3.Error as exc:
            raise _explain(exc, path) from None
        journal = cls(connection, path)
        try:
            journal._prepare()
        except sqlite3.Error as exc:
            connection.close()
            raise _explain(exc, path) from None
        except JournalError:
            connection.close()
            raise
        return journal

    def _prepare(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = db.execute("PRAGMA user_version").fetchone()[0]  # reads: fails if not SQLite
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"{self.path} was written by a newer lupus-guide (journal version {version}); "
                "it was not changed.", "Update lupus-guide to read it.")
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            _when_free(db, "PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        db = self._db
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

    def replace(self, entry: Entry) -> bool:
        """Store ``entry`` in place of the entry with its id."""
        return self._write(lambda db: db.execute(
            "UPDATE entries SET kind = ?, date = ?, time = ?, therapy = ?, fields = ? WHERE id = ?",
            (entry.kind, entry.date, entry.time, entry.therapy,
             json.dumps(entry.fields, ensure_ascii=False, sort_keys=True), entry.id)).rowcount > 0)

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
        rows = self._read("SELECT * FROM entries WHERE id = ?", (entry_id,))
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
        sql = "SELECT * FROM entries" + (" WHERE " + " AND ".join(where) if where else "")
        return self._read(sql + " ORDER BY date, time, id", tuple(args))

    def _read(self, sql: str, args: tuple) -> list[Entry]:
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from None
        return [Entry(id=r[0], kind=r[1], date=r[2], time=r[3], therapy=r[4],
                      fields=json.loads(r[5])) for r in rows]

    def check(self) -> str:
        """SQLite's own integrity check: "ok" when the file is sound."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]


def _insert(db: sqlite3.Connection, entry: Entry) -> int:
    import datetime as dt

    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    cursor = db.execute(
        "INSERT INTO entries (kind, date, time, therapy, fields, created) VALUES (?, ?, ?, ?, ?, ?)",
        (entry.kind, entry.date, entry.time, entry.therapy,
         json.dumps(entry.fields, ensure_ascii=False, sort_keys=True), created))
    return cursor.lastrowid


def _create_private(path: Path) -> None:
    """The folder 0700 and the file 0600 before SQLite writes a byte: the journal is private."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:  # another lupus-guide made it a moment ago: no error
        return
    os.close(descriptor)


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
        return JournalError(f"The journal {path} is busy in another program.",
                            "Try again in a moment.")
    if "readonly" in text or "read-only" in text:
        return JournalError(f"The journal {path} is read-only; nothing was changed.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return JournalError(f"{path} is not a readable lupus-guide journal (it may be damaged); "
                            "it was not changed.", "Keep a copy and restore from an export.")
    if "unable to open" in text or "disk i/o" in text or "no such" in text:
        return JournalError(f"The journal {path} cannot be opened ({type(exc).__name__}).")
    return JournalError(f"The journal {path} could not be used ({type(exc).__name__}).")
