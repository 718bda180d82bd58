"""The journal against hostile files (issue 13, items 6, 8, 9 and 10): imports checked like
`journal add` and never duplicated, data folders and journal files that are someone else's or a
link, damaged journals refused before any write, and CSV cells that cannot be formulas."""

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from lupus_guide.journal import SCHEMA_VERSION, Entry, Journal

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="giving a file to another user needs root")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, modes and owners are POSIX's")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def add(cli, *args):
    result = cli("journal", "add", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return result.json()["data"]


def listed(cli):
    result = cli("journal", "list", "--format", "json")
    assert result.code == 0, result.stderr
    return result.json()["data"]


def one_line(result, code):
    assert result.code == code, (result.code, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def run_isolated(args, home, timeout=30):
    """The real entry point in another process, with 1 GiB of memory at most: what runs away
    (reading /dev/zero, waiting on a FIFO) fails the test instead of the machine."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = dict(os.environ, LUPUS_GUIDE_HOME=str(home))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "lupus_guide", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, preexec_fn=limit, check=False)
    return done, time.monotonic() - started


# --- 6. import: bounded, strict, all or nothing, never duplicated ------------------------------

@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_import_refuses_devices_and_fifos_quickly(tmp_path, source):
    if source == "fifo":
        source = str(tmp_path / "backup.json")
        os.mkfifo(source)
    done, took = run_isolated(["journal", "import", source], tmp_path / "home")
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr
    assert took < 20


def test_import_refuses_a_file_over_the_bound(cli, home, tmp_path, monkeypatch):
    import lupus_guide.journal_import as module

    monkeypatch.setattr(module, "MAX_IMPORT_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"kind": "note", "date": "2027-01-01",
                                "fields": {"text": "x" * 2000}}]))
    assert "larger than" in one_line(cli("journal", "import", str(big)), 2)
    assert not (home / "journal.sqlite3").exists()


@pytest.mark.parametrize("text", [
    "[" * 200_000,
    '{"data": [], "other": ' + "[" * 200_000 + "]" * 200_000 + "}",
    '{"data": [], "other": ' + '{"a": ' * 200_000 + "1" + "}" * 200_000 + "}",
])
def test_deep_nesting_is_a_clean_error(cli, home, tmp_path, text):
    deep = tmp_path / "deep.json"
    deep.write_text(text)
    one_line(cli("journal", "import", str(deep)), 2)
    assert not (home / "journal.sqlite3").exists()


def test_utf8_with_or_without_a_bom(cli, home, tmp_path, monkeypatch):
    add(cli, "note", "café ü 💊")
    exported = cli("journal", "export", "--format", "json").stdout.encode()
    for name, data in (("plain.json", exported), ("bom.json", b"\xef\xbb\xbf" + exported)):
        monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / name))
        (tmp_path / name).mkdir()
        (tmp_path / name / "backup.json").write_bytes(data)
        assert cli("journal", "import", str(tmp_path / name / "backup.json")).code == 0
        assert listed(cli)[0]["fields"]["text"] == "café ü 💊"
    latin = tmp_path / "latin.json"
    latin.write_bytes(exported.replace("café".encode(), "café".encode("latin-1")))
    assert "not UTF-8" in one_line(cli("journal", "import", str(latin)), 2)


GOOD = {"kind": "note", "date": "2027-01-01", "fields": {"text": "fine"}}


@pytest.mark.parametrize("bad,words", [
    ({"date": "2027-13-01"}, "date"),
    ({"date": "2027-01-01\x00"}, "date"),
    ({"time": "25:00"}, "time"),
    ({"time": "99999999999999999999:00"}, "time"),
    ({"kind": "meal"}, "entry 2"),
    ({"fields": {"mood": "low"}}, '"mood" is not a journal field'),
    ({"fields": {"text": "nul \x00 inside"}}, "control characters"),
    ({"fields": {"text": "clear \x1b[2J screen"}}, "control characters"),
    ({"fields": {"text": "c1 \x9b31m"}}, "control characters"),
    ({"kind": "infusion", "therapy": "belimumb", "fields": {"dose": "1"}}, "belimumb"),
    ({"kind": "infusion", "therapy": "belimumab", "fields": {"dose": "\x07"}}, "control"),
    ({"kind": "reaction", "fields": {"symptom": "rash", "severity": "awful"}}, "severity"),
    ({"kind": "call", "fields": {"with": "a friend", "about": "x"}}, "with"),
    ({"kind": "call", "fields": {"with": "clinic", "about": "x", "follow_up": "soon"}},
     "follow-up date"),
    ({"fields": {"text": "   "}}, "empty"),
    ({"fields": {"text": 5}}, "entry 2"),
    ({"uuid": "not-a-uuid"}, "uuid"),
    ({"mood": "low"}, "entry 2"),
])
def test_a_bad_entry_is_named_and_nothing_is_imported(cli, home, tmp_path, bad, words):
    add(cli, "note", "already here")
    before = listed(cli)
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"data": [GOOD, {**GOOD, **bad}, GOOD]}), encoding="utf-8")
    line = one_line(cli("journal", "import", str(backup)), 2)
    assert "entry 2" in line and words in line and "Nothing was imported" in line
    assert listed(cli) == before


@pytest.mark.parametrize("args", [["note", "c1 \x9b31m here"], ["note", "del \x7f here"],
                                  ["infusion", "--therapy", "belimumab", "--dose", "10\x9bmg"]])
def test_add_refuses_the_control_characters_import_refuses(cli, home, args):
    assert "control characters" in one_line(cli("journal", "add", *args), 2)


def test_the_same_uuid_twice_in_one_file_is_refused(cli, home, tmp_path):
    twice = {**GOOD, "uuid": "0b0e6bbc-58a6-4f0e-9c4e-4a8d7d1b7a01"}
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps([GOOD, twice, twice]))
    assert "entry 3" in one_line(cli("journal", "import", str(backup)), 2)


def test_imported_entries_are_stored_the_way_add_stores_them(cli, home, tmp_path):
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps([
        {"kind": "infusion", "date": "20270104", "time": "9:05", "therapy": "Benlysta",
         "fields": {"dose": "  10   mg/kg ", "note": "line one\nline two"},
         "uuid": "0B0E6BBC-58A6-4F0E-9C4E-4A8D7D1B7A01"},
        {"kind": "call", "date": "2027-01-05",
         "fields": {"with": "insurer", "about": "appeal", "follow_up": "20270201"}},
    ]))
    assert cli("journal", "import", str(backup)).code == 0
    infusion, call = listed(cli)
    assert (infusion["date"], infusion["time"], infusion["therapy"]) == \
           ("2027-01-04", "09:05", "belimumab")
    assert infusion["fields"] == {"dose": "10 mg/kg", "note": "line one\nline two"}
    assert infusion["uuid"] == "0b0e6bbc-58a6-4f0e-9c4e-4a8d7d1b7a01"
    assert call["fields"]["follow_up"] == "2027-02-01" and len(call["uuid"]) == 36


def test_importing_the_same_backup_twice_duplicates_nothing(cli, home, tmp_path, monkeypatch):
    for n in range(3):
        add(cli, "note", f"note {n}")
    backup = tmp_path / "backup.json"
    assert cli("journal", "export", "-o", str(backup)).code == 0
    again = cli("journal", "import", str(backup))
    assert again.code == 0
    assert "Imported 0 entries, skipped 3 already in the journal" in again.stdout
    assert len(listed(cli)) == 3
    add(cli, "note", "note 3")
    add(cli, "note", "note 4")
    newer = tmp_path / "newer.json"
    assert cli("journal", "export", "-o", str(newer)).code == 0

    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "restored"))
    first = cli("journal", "import", str(backup), "--format", "json")
    assert first.json()["data"] == {"imported": 3, "skipped": 0}
    second = cli("journal", "import", str(newer))
    assert second.code == 0 and "Imported 2 entries, skipped 3 already in the journal." in \
        second.stdout
    assert cli("journal", "import", str(newer), "--format", "json").json()["data"] == \
        {"imported": 0, "skipped": 5}
    assert sorted(e["fields"]["text"] for e in listed(cli)) == [f"note {n}" for n in range(5)]


def test_a_backup_from_before_uuids_is_not_duplicated_either(cli, home, tmp_path):
    old = [{"kind": "note", "date": "2027-01-01", "time": None, "therapy": None,
            "fields": {"text": "same words"}, "id": n} for n in (1, 2)]  # the same note twice
    backup = tmp_path / "old.json"
    backup.write_text(json.dumps({"schema_version": 1, "command": "journal export", "data": old}))
    assert cli("journal", "import", str(backup), "--format", "json").json()["data"] == \
        {"imported": 2, "skipped": 0}
    assert cli("journal", "import", str(backup), "--format", "json").json()["data"] == \
        {"imported": 0, "skipped": 2}
    assert len({e["uuid"] for e in listed(cli)}) == 2


def test_a_version_two_journal_gets_uuids_that_export_keeps(tmp_path):
    from lupus_guide.journal import MIGRATIONS

    path = tmp_path / "data" / "journal.sqlite3"
    path.parent.mkdir(mode=0o700)
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1])
    for n in range(50):
        db.execute("INSERT INTO entries (kind, date, fields, created) VALUES "
                   "('note', '2026-05-01', ?, '2026-05-01T00:00:00+00:00')",
                   (json.dumps({"text": f"kept {n}"}),))
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    os.chmod(path, 0o600)
    with Journal.open(path, create=False) as journal:
        uuids = [e.uuid for e in journal.entries()]
    assert len(set(uuids)) == 50 and all(u and len(u) == 36 for u in uuids)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# --- 8. data folders: never chmod what is not ours; refuse what is someone else's ----------

def test_a_folder_the_program_did_not_make_is_never_chmodded(cli, tmp_path, monkeypatch):
    folder = tmp_path / "someones-home"
    folder.mkdir()
    (folder / "notes.txt").write_text("theirs")
    os.chmod(folder, 0o755)
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(folder))
    add(cli, "note", "mine")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o755
    assert stat.S_IMODE(os.stat(folder / "journal.sqlite3").st_mode) == 0o600


def test_a_shared_folder_others_can_write_is_refused_and_left_alone(cli, tmp_path, monkeypatch):
    shared = tmp_path / "tmp"  # what LUPUS_GUIDE_HOME=/tmp points at
    shared.mkdir()
    (shared / "someone-elses-file").write_text("x")
    os.chmod(shared, 0o1777)
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(shared))
    line = one_line(cli("journal", "add", "note", "private words"), 6)
    assert "can be changed by other users" in line and "private words" not in line
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o1777
    assert not (shared / "journal.sqlite3").exists()


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])  # 0o277: the owner could not write
def test_a_folder_it_makes_is_0700_whatever_the_umask(tmp_path, umask):
    path = tmp_path / "new" / "data" / "journal.sqlite3"
    old = os.umask(umask)
    try:
        with Journal.open(path) as journal:
            journal.add(Entry(kind="note", date="2027-01-01", fields={"text": "x"}))
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_data_folder_only_the_cache_made_is_made_private_without_a_word(cli, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "data"))
    old = os.umask(0)
    try:
        assert cli("therapies", "--format", "json").code == 0  # the cache makes the folder
        result = cli("journal", "add", "note", "x")
    finally:
        os.umask(old)
    assert result.code == 0 and result.stderr == ""
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700


def test_a_loose_journal_and_its_own_folder_are_tightened_with_a_warning(cli, home):
    add(cli, "note", "x")
    os.chmod(home / "journal.sqlite3", 0o644)
    os.chmod(home, 0o755)
    result = cli("journal", "list")
    assert result.code == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2 and all("warning: " in w for w in warnings)
    assert "(mode 0755)" in warnings[0] and "(mode 0644)" in warnings[1]
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(home / "journal.sqlite3").st_mode) == 0o600
    assert cli("journal", "list").stderr == ""


def test_a_journal_that_is_a_link_is_refused_and_left_alone(cli, home, tmp_path):
    add(cli, "note", "x")
    real = tmp_path / "elsewhere.sqlite3"
    os.replace(home / "journal.sqlite3", real)
    os.chmod(real, 0o644)
    (home / "journal.sqlite3").symlink_to(real)
    before = real.read_bytes()
    for command in (["add", "note", "y"], ["list"]):
        assert "symbolic link" in one_line(cli("journal", *command), 6)
    assert real.read_bytes() == before and stat.S_IMODE(os.stat(real).st_mode) == 0o644


def test_a_planted_link_beside_the_journal_is_refused(cli, home, tmp_path):
    add(cli, "note", "x")
    target = tmp_path / "captured-wal"
    target.write_bytes(b"")
    (home / "journal.sqlite3-wal").symlink_to(target)
    assert "symbolic link" in one_line(cli("journal", "add", "note", "y"), 6)
    assert target.read_bytes() == b""


def test_a_journal_that_is_a_fifo_is_refused_quickly(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    os.mkfifo(home / "journal.sqlite3", 0o600)
    done, took = run_isolated(["journal", "list"], home)
    assert done.returncode == 6 and "not a regular file" in done.stderr, done.stderr
    assert took < 20


@needs_root
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_folder_or_journal_of_another_user_is_refused(cli, home, what):
    add(cli, "note", "x")
    path = home if what == "folder" else home / "journal.sqlite3"
    os.chown(path, 12345, 12345)
    before = os.stat(path)
    line = one_line(cli("journal", "add", "note", "y"), 6)
    assert "belongs to another user" in line
    after = os.stat(path)
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)
    assert len(listed_as_root(home)) == 1


def listed_as_root(home):
    with sqlite3.connect(f"file:{home / 'journal.sqlite3'}?mode=ro", uri=True) as db:
        return db.execute("SELECT id FROM entries").fetchall()


# --- 9. a damaged journal is refused by every command, writes included ----------------------

def damaged_journal(home):
    """A journal of 3,000 entries with one leaf page in the middle broken: SQLite notices only
    when it reads that page, so an `add` (which writes at the end) would not."""
    home.mkdir(mode=0o700)
    path = home / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_many([Entry(kind="infusion", date="2026-01-01", therapy="belimumab",
                                fields={"note": f"marker-{n:05d} " + "words " * 12})
                          for n in range(3000)])
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    where = data.index(b"marker-01500")
    page = where - where % page_size
    assert data[page] == 0x0D  # a table leaf page
    data[page] = 0x42  # no such page type
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("command", [
    ["add", "note", "new words"],
    ["add", "infusion", "--therapy", "belimumab"],
    ["edit", "1", "--note", "changed"],
    ["delete", "1", "--yes"],
    ["list"],
    ["export"],
])
def test_a_journal_with_a_damaged_page_is_refused_and_never_changed(cli, home, command):
    path = damaged_journal(home)
    before = path.read_bytes()
    line = one_line(cli("journal", *command), 6)
    assert "not a readable lupus-guide journal" in line and "marker" not in line
    assert path.read_bytes() == before


def test_import_into_a_damaged_journal_is_refused(cli, home, tmp_path):
    path = damaged_journal(home)
    before = path.read_bytes()
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps([GOOD]))
    one_line(cli("journal", "import", str(backup)), 6)
    assert path.read_bytes() == before


# --- 10. CSV cells cannot be formulas --------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented",
            "\r=1+1"]


def test_csv_export_neutralises_formulas_and_reads_back(cli, home):
    for text in FORMULAS[:5]:
        assert cli("journal", "add", "note", "--", text).code == 0
    add(cli, "infusion", "--therapy", "belimumab", "--dose", "=1+2", "--site", "@clinic")
    exported = cli("journal", "export", "--format", "csv")
    assert exported.code == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert [row["text"] for row in rows[:5]] == ["'" + t for t in FORMULAS[:5]]
    assert (rows[5]["dose"], rows[5]["site"]) == ("'=1+2", "'@clinic")
    assert rows[0]["date"][:1].isdigit() and len(rows[0]["uuid"]) == 36


def test_csv_cells_from_any_journal_are_neutralised():
    from lupus_guide.views.journal import export_csv

    entries = [Entry(kind="note", date="2027-01-01", id=1, therapy=t, fields={"text": t})
               for t in FORMULAS]
    rows = list(csv.reader(io.StringIO(export_csv(entries), newline="")))[1:]
    for text, row in zip(FORMULAS, rows, strict=True):
        assert row[4] == row[-2] == "'" + text
