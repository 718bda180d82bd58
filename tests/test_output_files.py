"""-o FILE and --ics FILE never harm what is there (issue 13.1, 13.7, 13.13): devices, FIFOs and
/dev/stdout are written through, never replaced; folders, read-only files and the journal itself are
refused; temporary files are unguessable; health data is written 0600 whatever the umask."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from lupus_guide.errors import OutputError
from lupus_guide.output import write_atomically


def test_a_new_file_gets_the_usual_mode_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "out.txt"
    old = os.umask(0o022)
    try:
        write_atomically(str(target), "hello\n")
    finally:
        os.umask(old)
    assert target.read_text() == "hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_private_output_is_0600_whatever_the_umask_and_stays_so(tmp_path, umask):
    target = tmp_path / "export.json"
    old = os.umask(umask)
    try:
        write_atomically(str(target), "{}", private=True)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        write_atomically(str(target), "[]", private=True)  # overwriting keeps it private
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == "[]"


def test_overwriting_keeps_the_files_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(str(target), "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


def test_a_link_to_a_file_stays_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomically(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_dev_null_is_written_through_not_replaced():
    before = os.stat("/dev/null")
    write_atomically("/dev/null", "nothing to see\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (
        before.st_ino, before.st_rdev)


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []

    def read_all():
        with open(fifo) as pipe:
            got.append(pipe.read())

    reader = threading.Thread(target=read_all)
    reader.start()
    write_atomically(str(fifo), "through the pipe\n")
    reader.join(timeout=10)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_node_is_not_replaced(tmp_path):
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    write_atomically(str(node), "x")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "folder"),
    (lambda p: (p.write_text("keep"), p.chmod(0o444)), "read-only"),
])
def test_folders_and_read_only_files_are_refused_and_untouched(tmp_path, make, words):
    target = tmp_path / "target"
    make(target)
    with pytest.raises(OutputError, match=words):
        write_atomically(str(target), "new")
    if target.is_file():
        assert target.read_text() == "keep"
    assert sorted(os.listdir(tmp_path)) == ["target"]


def test_the_journal_itself_is_refused(tmp_path):
    journal = tmp_path / "journal.sqlite3"
    journal.write_bytes(b"SQLite format 3\x00")
    link = tmp_path / "innocent.html"
    link.symlink_to(journal)
    for name in (journal, link):
        with pytest.raises(OutputError, match="journal"):
            write_atomically(str(name), "<html>", protected=[journal])
    assert journal.read_bytes() == b"SQLite format 3\x00"


def test_a_planted_link_at_a_guessable_temporary_name_is_not_followed(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    for pid in range(os.getpid() - 2, os.getpid() + 3):  # the old writer's name pattern
        (tmp_path / f".out.txt.{pid}.tmp").symlink_to(victim)
    write_atomically(str(tmp_path / "out.txt"), "output")
    assert victim.read_text() == "precious"
    assert (tmp_path / "out.txt").read_text() == "output"


def test_an_overlong_name_is_a_clean_error(cli, tmp_path):
    outcome = cli("therapies", "-o", str(tmp_path / ("x" * 300 + ".txt")))
    assert outcome.code == 5
    assert "Traceback" not in outcome.stderr and outcome.stderr.count("\n") == 1


def test_cli_refuses_to_write_over_the_journal(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "home"))
    assert cli("journal", "add", "note", "hello").code == 0
    journal = tmp_path / "home" / "journal.sqlite3"
    before = journal.read_bytes()
    outcome = cli("handout", "rituximab", "--format", "html", "-o", str(journal))
    assert outcome.code == 5 and "journal" in outcome.stderr
    assert journal.read_bytes() == before
    assert cli("handout", "rituximab", "-o", str(journal)).code == 2  # .sqlite3: not a format
    assert journal.read_bytes() == before


def test_cli_journal_export_is_private(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "home"))
    assert cli("journal", "add", "note", "hello").code == 0
    old = os.umask(0o000)
    try:
        assert cli("journal", "export", "-o", str(tmp_path / "backup.json")).code == 0
        assert cli("journal", "summary", "-o", str(tmp_path / "visit.html")).code == 0
    finally:
        os.umask(old)
    for name in ("backup.json", "visit.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_cli_handout_to_dev_null_leaves_it_a_device(cli):
    outcome = cli("handout", "rituximab", "-o", "/dev/null")
    assert outcome.code == 0, outcome.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
