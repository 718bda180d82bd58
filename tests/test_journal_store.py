"""The journal's storage: private files, versions and migrations, refusals that change nothing,
and entries that survive kills and concurrent writers."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lupus_guide.journal import MIGRATIONS, SCHEMA_VERSION, Entry, Journal, JournalError


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "journal.sqlite3"


def test_a_new_journal_is_private_and_current(path):
    with Journal.open(path) as journal:
        assert journal.check() == "ok"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(path.parent).st_mode & 0o777 == 0o700
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrates_from_version_one_keeping_entries(path):
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO entries (kind, date, fields, created) VALUES "
               "('note', '2026-05-01', '{\"text\": \"kept\"}', '2026-05-01T00:00:00+00:00')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Journal.open(path) as journal:
        assert [e.fields["text"] for e in journal.entries()] == ["kept"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"entries_by_date", "entries_by_kind"} <= indexes


def test_a_newer_journal_is_refused_and_left_alone(path):
    with Journal.open(path) as journal:
        journal.add(Entry(kind="note", date="2026-01-01", fields={"text": "private words"}))
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert "newer lupus-guide" in caught.value.line()
    assert "private words" not in caught.value.line()
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", [b"not a database at all" * 100,
                                    b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_journal_is_refused_and_left_alone(path, damage):
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    with pytest.raises(JournalError) as caught:
        Journal.open(path)
    assert "not a readable lupus-guide journal" in caught.value.line()
    assert path.read_bytes() == damage


def test_a_locked_journal_is_a_clear_error(path, monkeypatch):
    import lupus_guide.journal as module

    with Journal.open(path):
        pass
    monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Journal.open(path) as journal, pytest.raises(JournalError) as caught:
            journal.add(Entry(kind="note", date="2026-01-01", fields={"text": "secret"}))
        assert "busy in another program" in caught.value.line()
        assert "secret" not in caught.value.line()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_errors_never_quote_the_journal():
    from lupus_guide.journal import _explain

    for message in ("database is locked", "attempt to write a readonly database",
                    "file is not a database", "database disk image is malformed", "odd"):
        error = _explain(sqlite3.OperationalError(message + " near 'my secret note'"), "j")
        assert "secret" not in error.line()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), therapy=st.one_of(st.none(), st.text(max_size=40)))
def test_any_text_comes_back_the_same(tmp_path_factory, text, therapy):
    path = tmp_path_factory.mktemp("j") / "journal.sqlite3"
    entry = Entry(kind="reaction", date="2027-02-03", time="09:15", therapy=therapy,
                  fields={"symptom": text, "severity": "mild", "note": text[::-1]})
    with Journal.open(path) as journal:
        entry_id = journal.add(entry)
        back = journal.get(entry_id)
        copy = Journal.open(path.with_name("copy.sqlite3"))
        copy.add_many([Entry(**{**{f: getattr(e, f) for f in e.__struct_fields__}, "id": None})
                       for e in journal.entries()])
        restored = copy.entries()[0]
        copy.close()
    assert back.fields == entry.fields and back.therapy == therapy
    assert restored.fields == entry.fields and restored.therapy == therapy


WRITER = """
import sys
from lupus_guide.journal import Entry, Journal
path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Journal.open(path) as journal:
    for n in range(count):
        entry_id = journal.add(Entry(kind="note", date="2027-01-01", fields={"text": f"{tag}-{n}"}))
        print(f"{tag}-{n}", flush=True)
"""


def test_entries_survive_being_killed_at_random_moments(path):
    with Journal.open(path):
        pass
    confirmed: list[str] = []
    rng = random.Random(7)
    for round_ in range(50):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"r{round_}", "1000"],
                                  stdout=subprocess.PIPE, text=True)
        # Kill at a random moment after the first confirmed write, so a slow start (a busy
        # machine) cannot leave every round with nothing written.
        first = writer.stdout.readline() if writer.stdout else ""
        time.sleep(rng.uniform(0.0, 0.1))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        confirmed += (first + out).split()
    with Journal.open(path) as journal:
        stored = {e.fields["text"] for e in journal.entries()}
        assert journal.check() == "ok"
    assert confirmed, "no writer got far enough to confirm an entry"
    missing = [tag for tag in confirmed if tag not in stored]
    assert missing == []


def test_two_writers_at_once_lose_nothing(path):
    with Journal.open(path):
        pass
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, "500"],
                                stdout=subprocess.DEVNULL) for tag in ("a", "b")]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    with Journal.open(path) as journal:
        texts = [e.fields["text"] for e in journal.entries()]
        assert journal.check() == "ok"
    assert len(texts) == 1000 and len(set(texts)) == 1000
