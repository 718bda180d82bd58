"""`validate` finds every planted mistake in the broken packs under tests/packs/."""

from pathlib import Path

import pytest

PACKS = Path(__file__).parent / "packs"

# pack folder -> (file the problem is in, words the message must hold, line it names or None)
PLANTED = {
    "syntax-error": ("faq.yaml", "YAML error", 3),
    "unknown-key": ("clinic.yaml", 'did you mean "after_hours_phone"', 3),
    "yaml11-no": ("clinic.yaml", "`no` was read as false", 4),
    "yaml11-float": ("faq.yaml", "`1.10` was read as the number 1.1", 4),
    "phone-leading-zero": ("clinic.yaml", "`0100` was read as a number", 2),
    "wrong-type": ("checklists.yaml", "Expected `str`, got `array`", 4),
    "missing-phone": ("clinic.yaml", 'missing required key "phone"', 1),
    "bad-stage": ("checklists.yaml", "Invalid enum value 'later'", 3),
    "duplicate-id": ("checklists.yaml", "duplicate id 'bring-book' (first used on line 2)", 5),
    "hide-unknown-therapy": ("clinic.yaml",
                             'unknown id \'rituximabb\'; did you mean "rituximab"', 4),
    "note-unknown-therapy": ("clinic.yaml", "unknown therapy 'benlysta'", 4),
    "item-unknown-therapy": ("checklists.yaml", "unknown therapy 'gazyvaa'", 2),
    "replaces-bundled-therapy": ("therapies.yaml", "cannot replace it", 2),
    "python-tag": ("care.yaml", "tags that build program objects are not allowed", 1),
    "alias-bomb": ("costs.yaml", "YAML aliases (*a) are not allowed", 2),
    "no-clinic-file": ("clinic.yaml", "file is missing", None),
}


def test_every_broken_pack_is_listed():
    assert {p.name for p in PACKS.iterdir() if p.is_dir()} == set(PLANTED)


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_validate_finds_the_planted_mistake(cli, name):
    file, words, line = PLANTED[name]
    result = cli("validate", str(PACKS / name), "--format", "json")
    assert result.code == 4
    problems = result.json()["data"]["problems"]
    hits = [p for p in problems if p["file"].endswith(file) and words in p["message"]]
    assert hits, problems
    if line is not None:
        assert hits[0]["line"] == line


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_broken_pack_stops_a_strict_command_with_one_line(cli, name):
    result = cli("--strict", "prepare", "--clinic", str(PACKS / name))
    assert result.code == 4
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and PLANTED[name][0] in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_a_broken_pack_never_hides_the_guide(cli, name):
    """Without --strict, a reading command goes on with the bundled guide and says why in one
    line: the emergency signs are always there (issue 13.12)."""
    result = cli("side-effects", "rituximab", "--clinic", str(PACKS / name), "--format", "plain")
    assert result.code == 0
    assert "911" in result.stdout and "boxed warning" in result.stdout.lower()
    assert result.stderr.count("\n") == 1 and "warning" in result.stderr
    assert PLANTED[name][0] in result.stderr and "Traceback" not in result.stderr


def test_validate_reports_every_problem_not_just_the_first(cli, tmp_path):
    import shutil

    for name in ("unknown-key", "yaml11-float", "duplicate-id"):
        for file in (PACKS / name).iterdir():
            if file.name != "clinic.yaml" or name == "unknown-key":
                shutil.copy(file, tmp_path / file.name)
    result = cli("validate", str(tmp_path), "--format", "json")
    messages = " | ".join(p["message"] for p in result.json()["data"]["problems"])
    assert "after_hours_phone" in messages and "1.10" in messages and "duplicate id" in messages


def test_human_output_lists_file_line_column(cli):
    result = cli("validate", str(PACKS / "unknown-key"), "--format", "plain")
    assert result.code == 4
    flat = " ".join(result.stdout.split())
    assert "unknown-key/clinic.yaml:3:19: $.after_hours_phon: unknown key" in flat


def test_clean_bundled_content_without_a_pack(cli):
    result = cli("validate")
    assert result.code == 0
    assert "No problems found." in result.stdout
    assert cli("validate", "--format", "json").json()["data"]["ok"] is True


def test_python_tag_runs_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("validate", str(PACKS / "python-tag"))
    assert not (tmp_path / "HACKED").exists()
