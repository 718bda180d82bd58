"""The console entry point as a process: it ends with os._exit once its output is flushed (see
cli.entry_point), so everything a command says, writes or saves must be out before that."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest


def process(*args: str, home, **env) -> subprocess.CompletedProcess:
    # PYTHONUNBUFFERED off, as for most people: output waits in buffers until flushed
    environ = {k: v for k, v in os.environ.items()
               if k not in ("FORCE_COLOR", "NO_COLOR", "PYTHONUNBUFFERED")}
    environ.update(COLUMNS="80", TERM="xterm-256color", LUPUS_GUIDE_HOME=str(home), **env)
    return subprocess.run([sys.executable, "-m", "lupus_guide", *args], capture_output=True,
                          text=True, env=environ, check=False, timeout=60)


@pytest.mark.parametrize("args", [
    ["sources", "--format", "markdown"],
    ["side-effects", "--format", "html"],
    ["faq"],
    ["therapies", "--format", "json"],
])
def test_a_process_prints_all_that_the_command_says(cli, tmp_path, args):
    done = process(*args, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == cli(*args, env={"LUPUS_GUIDE_HOME": str(tmp_path)}).stdout


def test_help_arrives_from_a_process(tmp_path):
    done = process("--help", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Commands:" in done.stdout and "journal" in done.stdout


def test_the_start_page_arrives_from_a_process(tmp_path):
    done = process(home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "lupus-guide start benlysta" in done.stdout and "911" in done.stdout


def test_the_version_arrives_from_a_process(tmp_path):
    from lupus_guide import __version__

    done = process("--version", home=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"lupus-guide {__version__} (languages: en, es)\n")


def test_a_long_output_arrives_whole_through_a_pipe(tmp_path):
    done = process("therapies", "--format", "json", home=tmp_path)
    assert len(done.stdout) > 65536  # more than a pipe holds at once
    assert len(json.loads(done.stdout)["data"]) == 6


@pytest.mark.parametrize(("args", "code"), [
    (["therapies", "no-such-drug"], 3),
    (["therapies", "--format", "xml"], 2),
    (["schedule", "belimumab", "--start", "2027-02-30"], 2),
])
def test_a_process_exits_with_the_commands_code_and_one_line(tmp_path, args, code):
    done = process(*args, home=tmp_path)
    assert done.returncode == code
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_written_file_is_whole_when_the_process_ends(cli, tmp_path):
    target = tmp_path / "rituximab.html"
    done = process("handout", "rituximab", "-o", str(target), home=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = cli("handout", "rituximab", env={"LUPUS_GUIDE_HOME": str(tmp_path)}).stdout
    assert target.read_text() == expected
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_journal_entries_saved_by_one_process_are_there_for_the_next(tmp_path):
    for n in range(3):
        done = process("journal", "add", "note", f"note number {n}", "--date", "2027-01-04",
                       home=tmp_path)
        assert done.returncode == 0, done.stderr
    done = process("journal", "list", "--format", "json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    texts = json.dumps(json.loads(done.stdout))
    assert all(f"note number {n}" in texts for n in range(3))
    databases = list(tmp_path.rglob("*.sqlite3")) + list(tmp_path.rglob("*.db"))
    assert len(databases) == 1
    with sqlite3.connect(databases[0]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
