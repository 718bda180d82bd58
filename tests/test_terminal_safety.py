"""Nothing from a clinic pack, a file name or a command line can steer the terminal or hide what
the guide says (issue 13.2, 13.4): such characters are refused in content, cleaned from every
output, and pack files are read with a hard bound from inside the pack only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lupus_guide.safetext import UNSAFE, clean, escape_json

EXAMPLE = Path(__file__).parent.parent / "examples" / "clinic-pack"

# What an attacker would plant: clipboard write (OSC 52), hidden link (OSC 8), window title, screen
# clear, a C1 CSI, backspaces that redraw a phone number, bidi overrides and isolates, zero-width.
HOSTILE = [
    "\x1b]52;c;Y3VybCBldmlsLnNo\x07",
    "\x1b]8;;https://evil.example\x1b\\call here\x1b]8;;\x1b\\",
    "\x1b]0;owned\x07",
    "\x1b[2J\x1b[H",
    "\x9b31m",
    "555-0100\b\b\b\b0199",
    "\u202e0010-555\u202c",
    "\u2066hidden\u2069",
    "ritux\u200bimab",
    "line\rover",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_clean_leaves_nothing_a_terminal_acts_on(text):
    cleaned = clean(text)
    assert not UNSAFE.search(cleaned)
    assert "\x1b" not in cleaned and "\b" not in cleaned and "\r" not in cleaned
    assert len(cleaned) == len(text)  # one for one: colour spans still fit


def test_json_keeps_the_data_as_escapes():
    import json

    for text in HOSTILE:
        encoded = escape_json(json.dumps({"t": text}, ensure_ascii=False))
        assert not UNSAFE.search(encoded)
        assert json.loads(encoded) == {"t": text}


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _plant(pack: Path, text: str) -> None:
    clinic = (pack / "clinic.yaml").read_text()
    escaped = text.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    (pack / "clinic.yaml").write_text(clinic.replace('name: "Riverside Infusion Center"',
                                                     f'name: "Riverside {escaped}"'))


@pytest.mark.parametrize("text", HOSTILE)
def test_validate_refuses_control_characters_in_a_pack_and_echoes_none(cli, pack, text):
    _plant(pack, text)
    outcome = cli("validate", str(pack), env={"COLUMNS": "400"})
    assert outcome.code == 4
    assert "clinic.yaml:4:" in " ".join((outcome.stdout + outcome.stderr).split())
    for stream in (outcome.stdout, outcome.stderr):
        assert not UNSAFE.search(stream)


def test_a_hostile_key_is_refused_without_being_echoed(cli, pack):
    with (pack / "clinic.yaml").open("a") as handle:
        handle.write('"\\e]52;c;ZXZpbA==\\a": 1\n')
    outcome = cli("validate", str(pack))
    assert outcome.code == 4
    assert not UNSAFE.search(outcome.stdout + outcome.stderr)


@pytest.mark.parametrize("command", [["prepare", "--therapy", "rituximab"],
                                     ["therapies", "rituximab"], ["side-effects", "rituximab"]])
@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "html", "json"])
def test_reading_commands_with_a_hostile_pack_print_no_control_characters(cli, pack, command,
                                                                          fmt):
    _plant(pack, HOSTILE[0])
    outcome = cli(*command, "--clinic", str(pack), "--format", fmt, "--color", "always")
    assert not UNSAFE.search(outcome.stdout.replace("\x1b[", "")) or fmt == "table"
    for stream in (outcome.stdout, outcome.stderr):
        assert "\x1b]" not in stream and "\x07" not in stream


def test_colour_output_has_only_the_renderers_own_escape_codes(cli):
    import re

    outcome = cli("side-effects", "rituximab", "--color", "always")
    assert outcome.code == 0
    without_sgr = re.sub(r"\x1b\[[0-9;]*m", "", outcome.stdout)
    assert "\x1b[" in outcome.stdout and not UNSAFE.search(without_sgr)


@pytest.mark.parametrize("argument", ["\x1b]52;c;ZXZpbA==\x07", "ritux\u202eimab", "\x9b2J"])
def test_a_hostile_argument_is_not_echoed_raw(cli, argument):
    for args in (["therapies", argument], ["faq", argument], ["--no-such", argument],
                 ["therapies", "-o", f"/nonexistent/{argument}"]):
        outcome = cli(*args)
        assert outcome.code != 0 or args[0] == "faq"
        assert not UNSAFE.search(outcome.stdout + outcome.stderr), args


def test_an_error_about_a_non_utf8_path_is_clean(cli, tmp_path):
    name = os.fsdecode(b"no-such-pack-\xff\x1b[2J")
    for strictness in (["--strict"], []):
        outcome = cli(*strictness, "therapies", "--clinic", str(tmp_path / name))
        assert outcome.code == (4 if strictness else 0)
        assert not UNSAFE.search(outcome.stderr) and "Traceback" not in outcome.stderr


# Pack files are read with a hard bound and never from outside the pack (issue 13.4).

@pytest.mark.parametrize("target, words", [
    ("/dev/zero", "not a regular file"),
    ("/etc/passwd", "outside the clinic pack"),
])
def test_a_pack_file_linking_out_is_refused_at_once(cli, pack, target, words):
    (pack / "faq.yaml").unlink()
    (pack / "faq.yaml").symlink_to(target)
    outcome = cli("validate", str(pack))
    assert outcome.code == 4
    text = outcome.stdout + outcome.stderr
    assert "faq.yaml" in text and ("outside the clinic pack" in text or words in text)
    assert "root:" not in text  # never a line of the linked file


def test_a_fifo_in_a_pack_is_refused_without_waiting(cli, pack):
    (pack / "faq.yaml").unlink()
    os.mkfifo(pack / "faq.yaml")
    outcome = cli("validate", str(pack))
    assert outcome.code == 4 and "not a regular file" in outcome.stdout + outcome.stderr


def test_a_link_inside_the_pack_is_followed(cli, pack):
    (pack / "shared").mkdir()
    (pack / "faq.yaml").rename(pack / "shared" / "faq.yaml")
    (pack / "faq.yaml").symlink_to(pack / "shared" / "faq.yaml")
    assert cli("validate", str(pack)).code == 0


def test_a_url_must_be_printable_ascii(cli, pack):
    faq = (pack / "faq.yaml").read_text()
    entry = ('  - id: planted\n    question: "Who?"\n    answer: "Us."\n    sources:\n'
             '      - title: "A page"\n        url: "https://\u0440\u0430ypal.example/"\n'
             '        checked: "2026-01-01"\n')
    (pack / "faq.yaml").write_text(faq.replace("entries:\n", "entries:\n" + entry, 1))
    outcome = cli("validate", str(pack))
    assert outcome.code == 4


def test_the_quick_look_agrees_with_the_whole_pattern():
    """``has_unsafe`` skips compiling the whole pattern when it can; it must never miss."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lupus_guide.safetext import has_unsafe

    interesting = st.sampled_from([chr(c) for c in (*range(0, 0x30), *range(0x7f, 0xa1), 0x061c,
                                                    0x180e, *range(0x2000, 0x2070), 0xfeff,
                                                    0xd800, 0xdfff, 0xe9, 0xb0, 0x2610)])

    @settings(max_examples=500, derandomize=True, deadline=None)
    @given(st.lists(st.one_of(interesting, st.characters()), max_size=20).map("".join))
    def check(text):
        assert has_unsafe(text) == bool(UNSAFE.search(text))
        assert not UNSAFE.search(clean(text))

    check()
