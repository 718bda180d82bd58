"""What fuzzing found (issue 13, item 13): each input that ended in exit 1 or a traceback now gets
one clear line on stderr and the exit code of README's table."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from lupus_guide.context import MAX_WIDTH, Env


def one_clean_line(outcome) -> str:
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.stderr
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr
    return lines[0]


@pytest.mark.parametrize("args", [
    ["schedule", "belimumab", "--start", "9999-12-01"],
    ["schedule", "belimumab", "--start", "9999-01-01", "--ics", "{tmp}/x.ics"],
    ["schedule", "belimumab", "--from-dose", "3", "--last", "9999-12-31"],
    ["schedule", "cyclophosphamide", "--start", "9999-12-20", "--count", "500"],
    ["schedule", "cyclophosphamide", "--regimen", "cyclophosphamide-nih", "--start", "9999-10-31"],
])
def test_dates_that_overflow_the_calendar_are_a_usage_error(cli, tmp_path, args):
    done = cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert done.code == 2
    assert "past the year 9999" in one_clean_line(done)
    assert not (tmp_path / "x.ics").exists()


def test_a_schedule_that_ends_before_the_calendar_does_still_works(cli):
    done = cli("schedule", "cyclophosphamide", "--start", "9999-10-01", "--format", "json")
    assert done.code == 0, done.stderr
    assert done.json()["data"]["doses"][-1]["date"] == "9999-12-10"


@pytest.mark.parametrize("zone", ["America", "Etc", "America/", "../zoneinfo", "a\x00b", "x" * 300])
def test_a_zone_folder_or_bad_name_is_not_a_time_zone(cli, tmp_path, zone):
    done = cli("schedule", "belimumab", "--start", "2027-01-04", "--ics", str(tmp_path / "x.ics"),
               "--time", "09:00", "--tz", zone)
    assert done.code == 2
    assert "is not a time zone" in one_clean_line(done)


@pytest.mark.parametrize("at", ["99999999999999999999:00", "09:99999999999999999999",
                                "-99999999999999999999:00"])
def test_a_huge_hour_or_minute_is_not_a_time(cli, tmp_path, at):
    done = cli("schedule", "belimumab", "--start", "2027-01-04", "--ics", str(tmp_path / "x.ics"),
               "--time", at)
    assert done.code == 2
    assert "is not a time of day" in one_clean_line(done)
    added = cli("journal", "add", "note", "hello", "--time", at)
    assert added.code == 2
    assert "is not a time of day" in one_clean_line(added)


@pytest.mark.parametrize("entry", ["9223372036854775808", "99999999999999999999999",
                                   "-9223372036854775809", "0"])
@pytest.mark.parametrize("command", [["show"], ["edit", "--note", "x"], ["delete", "--yes"]])
def test_entry_numbers_beyond_sqlites_range_are_a_usage_error(cli, tmp_path, entry, command):
    home = {"LUPUS_GUIDE_HOME": str(tmp_path)}
    assert cli("journal", "add", "note", "first", env=home).code == 0
    done = cli("journal", command[0], "--", entry, *command[1:], env=home) \
        if entry.startswith("-") else cli("journal", command[0], entry, *command[1:], env=home)
    assert done.code == 2
    assert "is not in the range" in one_clean_line(done)


def test_the_largest_entry_number_is_just_not_found(cli, tmp_path):
    home = {"LUPUS_GUIDE_HOME": str(tmp_path)}
    assert cli("journal", "add", "note", "first", env=home).code == 0
    assert cli("journal", "show", str(2**63 - 1), env=home).code == 3


@pytest.mark.parametrize("option", [["faq", "-o"],
                                    ["schedule", "belimumab", "--start", "2027-01-04", "--ics"]])
def test_a_300_character_output_name_is_a_clean_write_error(cli, tmp_path, option):
    done = cli(*option, str(tmp_path / ("a" * 300)))
    assert done.code == 5
    line = one_clean_line(done)
    assert "cannot write" in line and len(line) < 300
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("columns", "width"), [
    ("²", 80), ("³⁴", 80), ("٨٠", 80), ("1e3", 80), ("-5", 80), (" 90 ", 90),
    ("99999999", MAX_WIDTH), ("9" * 40, MAX_WIDTH), (str(MAX_WIDTH + 1), MAX_WIDTH),
])
def test_columns_is_ascii_digits_and_clamped(columns, width):
    assert Env(environ={"COLUMNS": columns}, stdout=io.StringIO()).width == width


@pytest.mark.parametrize("columns", ["²", "99999999"])
def test_odd_columns_still_show_the_guide(cli, columns):
    done = cli("therapies", env={"COLUMNS": columns})
    assert done.code == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= MAX_WIDTH


# --- standard streams that fail: a full disk, a closed stream, a reader that went away -----------

def process(*args: str, home, stdin=None, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(), shell_prefix: str = "", **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update(COLUMNS="80", LUPUS_GUIDE_HOME=str(home), **env)
    command = [sys.executable, "-m", "lupus_guide", *args]
    if shell_prefix:  # redirections only a shell can make (closing a stream: >&-)
        command = ["/bin/sh", "-c", f'exec {shell_prefix} "$0" "$@"', *command]
    return subprocess.run(command, stdout=stdout, stderr=stderr, env=environ, check=False,
                          timeout=60)


def full_disk():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    return open("/dev/full", "w")


@pytest.mark.parametrize("args", [["--help"], ["--version"], [], ["journal", "--help"],
                                  ["schedule", "--help"], ["faq"],
                                  ["therapies", "--format", "json"]])
def test_a_full_disk_is_one_clean_line_and_exit_5(tmp_path, args):
    with full_disk() as full:
        done = process(*args, home=tmp_path, stdout=full)
    stderr = done.stderr.decode()
    assert done.returncode == 5, stderr
    assert "Traceback" not in stderr
    [line] = stderr.strip().splitlines()
    assert line.startswith("lupus-guide")
    assert line.endswith(": cannot write to standard output: No space left on device.")


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["faq"], ["therapies", "nothing"]])
def test_a_full_disk_on_both_streams_still_ends_cleanly(tmp_path, args):
    with full_disk() as full:
        done = process(*args, home=tmp_path, stdout=full, stderr=full)
    assert done.returncode == (3 if "nothing" in args else 5)


@pytest.mark.parametrize(("args", "closing", "code"), [
    (["--help"], ">&-", 5), (["--version"], ">&-", 5), (["faq"], ">&-", 5),
    (["therapies", "nothing"], "2>&-", 3), (["faq"], "2>&- >&-", 5), (["--version"], "2>&-", 0),
])
def test_a_closed_stream_is_no_traceback(tmp_path, args, closing, code):
    done = process(*args, home=tmp_path, shell_prefix=closing)
    stderr = done.stderr.decode()
    assert done.returncode == code, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    if closing == ">&-":
        assert "cannot write to standard output: Bad file descriptor." in stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["schedule", "--help"],
                                  ["sources", "--format", "json"]])
def test_a_reader_that_goes_away_is_no_error(tmp_path, args):
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update(LUPUS_GUIDE_HOME=str(tmp_path), PYTHONUNBUFFERED="1")
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write meets a closed pipe
    try:
        done = subprocess.run([sys.executable, "-m", "lupus_guide", *args], stdout=write,
                              stderr=subprocess.PIPE, env=environ, check=False, timeout=60)
    finally:
        os.close(write)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""


class _Interrupting(io.StringIO):
    def write(self, text: str) -> int:
        raise KeyboardInterrupt


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["faq"], ["journal", "--help"]])
def test_ctrl_c_while_writing_is_still_130(monkeypatch, args):
    from lupus_guide.cli import main

    monkeypatch.setattr(sys, "stdout", _Interrupting())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(args) == 130
    assert "Traceback" not in sys.stderr.getvalue()


# --- two first-ever journal writes at once --------------------------------------------------------

def test_first_ever_journal_writes_at_once_all_land(tmp_path):
    """Each round: four writers open a journal that does not exist yet, at the same moment. One
    creates the file, the others find it made (no FileExistsError) and wait while it switches
    to WAL (SQLite answers "locked" at once there, without waiting)."""
    import threading

    from lupus_guide.journal import Entry, Journal

    failures: list[str] = []
    for round_ in range(25):
        path = tmp_path / f"home{round_}" / "journal.sqlite3"
        barrier = threading.Barrier(4)

        def write(path=path, barrier=barrier):
            barrier.wait()
            try:
                with Journal.open(path) as journal:
                    journal.add(Entry(kind="note", date="2027-01-04", fields={"text": "x"}))
            except Exception as exc:  # noqa: BLE001 - collected, then asserted
                failures.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=write) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            break
        with Journal.open(path) as journal:
            assert len(journal.entries()) == 4
    assert failures == []


def test_a_journal_busy_switching_to_wal_is_waited_for(tmp_path, monkeypatch):
    import sqlite3

    from lupus_guide.journal import Entry, Journal

    answers = iter([True, True, False])  # "locked" twice, then free

    class Busy(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql == "PRAGMA journal_mode = WAL" and next(answers):
                raise sqlite3.OperationalError("database is locked")
            return super().execute(sql, *args)

    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, factory=Busy, **k))
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        journal.add(Entry(kind="note", date="2027-01-04", fields={"text": "x"}))
        assert len(journal.entries()) == 1


def test_first_ever_journal_adds_from_processes_at_once(tmp_path):
    environ = {**os.environ, "LUPUS_GUIDE_HOME": str(tmp_path / "home")}
    writers = [subprocess.Popen([sys.executable, "-m", "lupus_guide", "journal", "add", "note",
                                 f"note {n}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=environ) for n in range(6)]
    results = [(w.wait(timeout=120), w.stderr.read()) for w in writers]  # type: ignore[union-attr]
    assert all(code == 0 for code, _ in results), results
    from lupus_guide.journal import Journal

    with Journal.open(tmp_path / "home" / "journal.sqlite3") as journal:
        assert sorted(e.fields["text"] for e in journal.entries()) == [f"note {n}"
                                                                        for n in range(6)]


# --- a ~user that does not exist -----------------------------------------------------------------

@pytest.mark.parametrize("args", [["prepare", "--clinic", "~no-such-user-lupus/pack"],
                                  ["validate", "~no-such-user-lupus"],
                                  ["faq", "--clinic", "~no-such-user-lupus"]])
def test_a_clinic_under_an_unknown_users_home_does_not_exist(cli, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "~no-such-user-lupus" is then a folder name in here
    done = cli("--strict", *args)  # (without --strict a reading command shows the bundled guide)
    assert done.code == 4
    assert "does not exist" in one_clean_line(done)


def test_a_clinic_under_an_unknown_users_home_from_the_environment(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = cli("faq", env={"LUPUS_GUIDE_CLINIC": "~no-such-user-lupus", "LUPUS_GUIDE_STRICT": "1"})
    assert done.code == 4
    assert "does not exist" in one_clean_line(done)


def test_a_guide_home_under_an_unknown_users_home_is_no_internal_error(cli, tmp_path,
                                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = cli("journal", "list", env={"LUPUS_GUIDE_HOME": "~no-such-user-lupus"})
    assert done.code == 0  # no journal yet is a friendly line, not an error (issue 14)
    assert "no journal yet" in one_clean_line(done).casefold()


# --- a terminal that is not UTF-8; file names that are not UTF-8 ---------------------------------

@pytest.mark.parametrize("args", [[], ["--help"], ["journal", "--help"], ["therapies", "--help"]])
def test_help_on_a_latin1_terminal_is_no_internal_error(args):
    from typer.testing import CliRunner

    from lupus_guide.cli import main

    with CliRunner(charset="latin-1").isolation() as (out, err, _):
        code = main(args)
        sys.stdout.flush()
        stdout, stderr = out.getvalue().decode("latin-1"), err.getvalue().decode("latin-1")
    assert code == 0, stderr
    assert "Usage:" in stdout and stderr == ""


def test_what_the_guide_writes_to_a_latin1_terminal_gets_stand_ins():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="replace")
    Env(stdout=stream).write("dose 1 — before ☎ call")
    stream.flush()
    assert stream.buffer.getvalue().decode("latin-1") == "dose 1 - before (call) call"
    text = io.StringIO()  # no encoding: takes any text as it is
    Env(stdout=text).write("dose 1 — before")
    assert text.getvalue() == "dose 1 — before"


def test_json_with_a_file_name_that_is_not_utf8(cli, tmp_path):
    import json

    pack = tmp_path / os.fsdecode(b"pack-\xff")
    pack.mkdir()
    done = cli("paths", "--clinic", str(pack), "--format", "json")
    assert done.code == 0, done.stderr
    assert "\\udcff" in done.stdout  # an escape: nothing undecodable on the terminal
    assert json.loads(done.stdout)["data"]["clinic"] == str(pack)


# --- journal text that is not UTF-8 (argv bytes the interpreter kept as surrogates) --------------

@pytest.mark.parametrize("args", [
    ["journal", "add", "note", "felt \udcff tired"],
    ["journal", "add", "call", "--with", "clinic", "--about", "\udcffx"],
    ["journal", "add", "infusion", "--therapy", "rituximab", "--dose", "1\udce9"],
    ["journal", "add", "reaction", "--symptom", "rash", "--severity", "mild", "--note", "\udcff"],
])
def test_journal_text_that_is_not_utf8_is_refused(cli, tmp_path, args):
    done = cli(*args, env={"LUPUS_GUIDE_HOME": str(tmp_path)})
    assert done.code == 2
    one_clean_line(done)


def test_search_text_that_is_not_utf8_is_refused(cli):
    done = cli("search", "hepat\udcffitis")
    assert done.code == 2
    assert "not UTF-8" in one_clean_line(done)
