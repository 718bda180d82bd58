"""Hostile and broken input: one line on stderr naming the problem, a known exit code, never a
traceback, nothing run, nothing expanded, nothing hung."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lupus_guide.cli import main
from lupus_guide.content import check_layers, default_layers, load_content
from lupus_guide.errors import ContentError, ExitCode

CLINIC = 'name: "Test Clinic"\nphone: "555-0100"\n'
KNOWN_CODES = {int(code) for code in ExitCode}


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "clinic.yaml").write_text(CLINIC)
    return folder


def one_clean_line(result, *words):
    assert result.code == ExitCode.CONTENT, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_fifty_megabyte_file_is_refused_unread(cli, pack):
    with open(pack / "faq.yaml", "wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    one_clean_line(cli("--strict", "faq", "--clinic", str(pack)), "faq.yaml", "larger than 5 MB")


@pytest.mark.parametrize("payload,words", [
    (b"\x00\x01\x02binary\xff", ["faq.yaml", "binary file"]),
    ("entries: [caf\xe9]\n".encode("latin-1"), ["faq.yaml", "not UTF-8"]),
    (b"", ["faq.yaml", "is empty"]),
    (b"   \n\n", ["faq.yaml", "is empty"]),
    (b"[" * 5000, ["faq.yaml", "nest"]),
    (b"[" * 60 + b"]" * 60, ["faq.yaml", "nested more than 40 levels"]),
    (b"entries:\n" + b"  - " * 100 + b"x\n", ["faq.yaml", "nested more than"]),
    (b"!!python/object/apply:os.system ['echo x']\n", ["faq.yaml", "not allowed"]),
    (b"!!python/name:os.system\n", ["faq.yaml", "not allowed"]),
    (b"a: &a [x, x]\nb: [*a, *a]\n", ["faq.yaml", "aliases"]),
    (b"entries: {unclosed\n", ["faq.yaml", "a '{' above is not closed"]),
    (b"- just\n- a list\n", ["faq.yaml", "a group of 'key: value' lines is expected here"]),
    (b"? [complex, key]\n: value\n", ["faq.yaml"]),
])
def test_broken_or_hostile_file(cli, pack, payload, words):
    (pack / "faq.yaml").write_bytes(payload)
    one_clean_line(cli("--strict", "faq", "--clinic", str(pack)), *words)


def test_folder_where_a_file_should_be(cli, pack):
    (pack / "care.yaml").mkdir()
    one_clean_line(cli("--strict", "care", "--clinic", str(pack)), "care.yaml", "is a folder")


def test_symlink_loop(cli, pack):
    (pack / "costs.yaml").symlink_to(pack / "costs.yaml")
    one_clean_line(cli("--strict", "costs", "--clinic", str(pack)), "costs.yaml", "cannot be read")


def test_dangling_symlink(cli, pack):
    (pack / "costs.yaml").symlink_to(pack / "nowhere.yaml")
    one_clean_line(cli("--strict", "costs", "--clinic", str(pack)), "costs.yaml",
                   "links to a file that does not exist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(cli, pack):
    (pack / "faq.yaml").write_text("entries: []\n")
    (pack / "faq.yaml").chmod(0)
    one_clean_line(cli("--strict", "faq", "--clinic", str(pack)), "faq.yaml", "permission denied")


def test_unreadable_file_message(monkeypatch, pack):
    """The same path as above, made to fail even for root."""
    (pack / "faq.yaml").write_text("entries: []\n")

    import os

    real = os.open

    def denied(path, *args, **kwargs):
        if Path(path) == pack / "faq.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ContentError, match="faq.yaml: cannot be read: permission denied"):
        load_content(default_layers(pack))


def test_pack_that_is_a_file(cli, tmp_path):
    target = tmp_path / "pack.yaml"
    target.write_text(CLINIC)
    one_clean_line(cli("--strict", "therapies", "--clinic", str(target)), "is not a folder")


def test_billion_laughs_is_refused_before_it_expands(pack):
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, 30):  # 2**29 items if it were ever expanded
        prev = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{prev}, {prev}]")
    (pack / "costs.yaml").write_text("\n".join(lines) + "\n")
    problems = check_layers(default_layers(pack))
    assert any("aliases" in p.message for p in problems)


@pytest.mark.parametrize("args", [
    ["therapies", ""], ["therapies", "   "], ["faq", ""], ["search", ""],
    ["prepare", "--therapy", ""], ["therapies", "x" * 10_000], ["search", "pain " * 2_000],
    ["therapies", "ritux\x1b[31mimab"], ["faq", "eat\x00"], ["search", "a\x07b"],
    ["faq", "--topic", ""], ["prepare", "--stage", "tomorrow"], ["therapies", "--format", "pdf"],
    ["therapies", "--color", "purple"], ["--nonsense"], ["therapies", "notadrug"],
    ["side-effects", "Rituxann"], ["faq", "--therapy", "aspirin"], ["search", "zzzzqqq"],
])
def test_bad_command_line_input(cli, args):
    result = cli(*args)
    assert result.code in (ExitCode.USAGE, ExitCode.NOT_FOUND), (args, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert len(result.stderr) < 400


def run_process(*args, env=None, shell=None):
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    environ.update(env or {})
    command = shell or [sys.executable, "-m", "lupus_guide", *args]
    return subprocess.run(command, check=False, capture_output=True, env=environ, timeout=60,
                          shell=bool(shell))


def test_ascii_terminal_gets_ascii_not_a_crash():
    done = run_process("side-effects", "rituximab",
                       env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("ascii")  # nothing but ASCII came out
    assert "100.4 F" in " ".join(text.split())
    assert "+--" in text or "|" in text  # ASCII boxes


def test_closed_pipe_is_quiet():
    done = run_process(shell=f"{sys.executable} -m lupus_guide faq | head -1")
    assert done.returncode == 0
    assert done.stderr == b""
    done = run_process(
        shell=f"set -o pipefail; {sys.executable} -m lupus_guide sources | head -c 10")
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


@pytest.mark.parametrize("command", [["therapies"], ["side-effects", "rituximab"], ["faq"],
                                     ["prepare"], ["search", "fever"], ["validate"], ["paths"]])
def test_width_twenty_still_works(cli, command):
    result = cli(*command, env={"COLUMNS": "20"})
    assert result.code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 20


# --- generated input -----------------------------------------------------------------------------

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30),
                    st.sampled_from(["no", "off", "1.10", "0100", "~", "rituximab"]))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["id", "entries", "items", "topics", "name", "phone",
                                         "text", "stage", "question", "answer", "hide", "notes",
                                         "therapy", "therapies", "sources", "zzz"]),
                        children, max_size=5)),
    max_leaves=25)
FILES = ["clinic.yaml", "faq.yaml", "checklists.yaml", "costs.yaml", "therapies.yaml"]


@SETTINGS
@given(document=documents, file=st.sampled_from(FILES))
def test_generated_documents_fail_cleanly(pack, document, file):
    (pack / file).write_text(yaml.safe_dump(document))
    try:
        load_content(default_layers(pack))
    except ContentError as exc:
        assert "\n" not in exc.line()
    for problem in check_layers(default_layers(pack)):
        assert problem.file.endswith(".yaml") and problem.message


@SETTINGS
@given(text=st.text(max_size=200), file=st.sampled_from(FILES))
def test_generated_text_fails_cleanly(pack, text, file):
    (pack / file).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_content(default_layers(pack))
    except ContentError:
        pass
    check_layers(default_layers(pack))


WORDS = ["therapies", "faq", "prepare", "side-effects", "costs", "care", "search", "sources",
         "validate", "paths", "--format", "json", "plain", "table", "--color", "never", "--therapy",
         "--stage", "before", "--topic", "--clinic", "rituximab", "Benlysta", "-h", "--version", "",
         "x" * 300]


@SETTINGS
@given(args=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
def test_generated_argument_lists_end_with_a_known_code(capsys, args):
    try:
        code = main(args)
    except SystemExit as exc:  # --help and --version exit through Click
        code = exc.code or 0
    captured = capsys.readouterr()
    assert code in KNOWN_CODES, (args, captured.err)
    assert "Traceback" not in captured.err
