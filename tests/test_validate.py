"""`validate` finds every planted mistake in the broken packs under tests/packs/."""

from pathlib import Path

import pytest

PACKS = Path(__file__).parent / "packs"

# pack folder -> (file the problem is in, words the message must hold, line it names or None)
PLANTED = {
    "syntax-error": ("faq.yaml", "a '[' above is not closed: end the list with ']'", 3),
    "unknown-key": ("clinic.yaml", "unknown key 'after_hours_phon'; did you mean "
                                   "'after_hours_phone'?", 3),
    "yaml11-no": ("clinic.yaml", "'no' was read as false", 4),
    "yaml11-float": ("faq.yaml", "'1.10' was read as the number 1.1", 4),
    "phone-leading-zero": ("clinic.yaml", "'0100' was read as a number", 2),
    "wrong-type": ("checklists.yaml", "text is expected here, not a list", 4),
    "missing-phone": ("clinic.yaml", "'phone' is missing", 1),
    "bad-stage": ("checklists.yaml",
                  "'later' is not one of the choices: before, during, after", 3),
    "duplicate-id": ("checklists.yaml", "duplicate id 'bring-book' (first used on line 2)", 5),
    "hide-unknown-therapy": ("clinic.yaml", "'rituximabb' is not a therapy", 4),
    "note-unknown-therapy": ("clinic.yaml", "'benlista' is not a therapy in the guide or the "
                                            "pack (by id, generic or brand name); did you mean "
                                            "'belimumab'?", 4),
    "item-unknown-therapy": ("checklists.yaml", "'gazyvaa' is not a therapy", 5),
    "replaces-bundled-therapy": ("therapies.yaml", "cannot replace it", 2),
    "python-tag": ("care.yaml", "tags that build program objects are not allowed", 1),
    "alias-bomb": ("costs.yaml", "YAML aliases (*a) are not allowed", 2),
    "no-clinic-file": ("clinic.yaml", "file is missing", None),
    # issue 16: what a nurse writing her first pack does
    "colon-in-text": ("clinic.yaml", "put the text in quotes: parking: 'Level 2: use the west "
                                     "entrance'", 3),
    "colon-in-list": ("clinic.yaml", "put the text in quotes: - 'Photo ID: a driver license or "
                                     "passport'", 5),
    "tab-indent": ("clinic.yaml", "a tab is used for indenting here; indent with spaces", 4),
    "text-for-list": ("clinic.yaml", "a list is expected here: put each item on its own line "
                                     "starting with '- '", 3),
    "brand-typo": ("clinic.yaml", "'cytoxin' is not a therapy in the guide or the pack (by id, "
                                  "generic or brand name); did you mean 'cyclophosphamide'?", 4),
    "misnamed-clinic-yml": ("clinic.yaml", "file is missing", None),
    "several-mistakes": ("clinic.yaml", "'phone' is missing", 1),
}
# files a pack holds that lupus-guide does not read: `validate` says so (a reading command, which
# may read from the cache, does not look for them)
UNREAD = {
    "misnamed-checklist": ("checklist.yaml", "unknown file 'checklist.yaml': lupus-guide does "
                                             "not read it, so nothing in it is used; did you "
                                             "mean 'checklists.yaml'?", None),
    "misnamed-faq-case": ("FAQ.yaml", "unknown file 'FAQ.yaml'", None),
}
CLEAN = {"brand-names"}  # packs that are right: tests/test_pack_authoring.py


def test_every_broken_pack_is_listed():
    assert {p.name for p in PACKS.iterdir() if p.is_dir()} == set(PLANTED) | set(UNREAD) | CLEAN


@pytest.mark.parametrize("name", sorted(PLANTED) + sorted(UNREAD))
def test_validate_finds_the_planted_mistake(cli, name):
    file, words, line = {**PLANTED, **UNREAD}[name]
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


def test_human_output_lists_file_line_column_and_a_readable_place(cli):
    result = cli("validate", str(PACKS / "unknown-key"), "--format", "plain")
    assert result.code == 4
    flat = " ".join(result.stdout.split())
    assert ("unknown-key/clinic.yaml:3:19: unknown key 'after_hours_phon'; did you mean "
            "'after_hours_phone'?") in flat
    assert "the clinic pack '" + str(PACKS / "unknown-key") + "'" in flat
    text = cli("validate", str(PACKS / "text-for-list"), "--format", "plain").stdout
    assert "text-for-list/clinic.yaml:3:16: in 'what_to_bring': a list is expected" in " ".join(
        text.split())
    assert "$." not in text


def test_several_mistakes_in_several_files_come_in_one_pass_by_file_and_line(cli):
    """Type errors, reference errors and unknown files together, in file and line order: fixing
    them all once leaves nothing (issue 16: today they came in two rounds)."""
    result = cli("validate", str(PACKS / "several-mistakes"), "--format", "json")
    problems = result.json()["data"]["problems"]
    found = [(Path(p["file"]).name, p["line"], p["message"].split(";")[0]) for p in problems]
    assert found == [
        ("checklists.yaml", 3, "'later' is not one of the choices: before, during, after"),
        ("checklists.yaml", 5, "'gazyvaa' is not a therapy in the guide or the pack (by id, "
                               "generic or brand name)"),
        ("checklists.yaml", 9, "text is expected here, not a list"),
        ("clinic.yaml", 1, "'phone' is missing: it is required here"),
        ("clinic.yaml", 2, "a list is expected here: put each item on its own line starting "
                           "with '- '"),
        ("clinic.yaml", 4, "'rituximabb' is not a therapy in the guide or the pack (by id, "
                           "generic or brand name)"),
        ("clinic.yaml", 7, "'benlista' is not a therapy in the guide or the pack (by id, "
                           "generic or brand name)"),
        ("FAQ.yaml", None, "unknown file 'FAQ.yaml': lupus-guide does not read it, so nothing "
                           "in it is used"),
    ]
    assert [p["place"] for p in problems][:2] == ["in 'items', item 1, 'stage'",
                                                  "in 'items', item 1, 'therapies', item 1"]


def test_fixing_every_problem_listed_leaves_none(cli, tmp_path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(PACKS / "several-mistakes", pack)
    (pack / "FAQ.yaml").rename(pack / "faq.yaml")
    (pack / "clinic.yaml").write_text(
        (pack / "clinic.yaml").read_text().replace("what_to_bring: A book", 'phone: "555-0100"\n'
                                                   "what_to_bring:\n  - A book")
        .replace("rituximabb", "rituximab").replace("benlista", "benlysta"))
    (pack / "checklists.yaml").write_text(
        (pack / "checklists.yaml").read_text().replace("later", "after")
        .replace("gazyvaa", "gazyva").replace('text:\n      - "Bring a snack."',
                                              'text: "Bring a snack."'))
    result = cli("validate", str(pack), "--format", "json")
    assert result.json()["data"]["problems"] == [] and result.code == 0


def test_the_json_schema_is_stable(cli):
    """What a clinic's own CI reads (docs/clinic-packs.md documents it)."""
    result = cli("validate", str(PACKS / "bad-stage"), "--format", "json").json()
    assert result["schema_version"] == 1 and result["command"] == "validate"
    assert set(result["data"]) == {"ok", "checked", "problems"}
    problem = result["data"]["problems"][0]
    assert set(problem) == {"file", "line", "column", "path", "place", "message", "text"}
    assert problem["path"] == "$.items[0].stage" and problem["line"] == 3
    assert problem["column"] == 12 and problem["text"].endswith(problem["message"])


def test_one_quoting_style_in_problems(cli):
    """Whatever the author wrote or must write is in single quotes: no double quotes or
    backticks around names in validate's messages."""
    for name in sorted(PLANTED) + sorted(UNREAD):
        for problem in cli("validate", str(PACKS / name), "--format", "json").json()["data"][
                "problems"]:
            assert "`" not in problem["message"], problem
            assert '"' not in problem["message"].replace('\\"', ""), problem


def test_clean_bundled_content_without_a_pack(cli):
    result = cli("validate")
    assert result.code == 0
    assert "No problems found." in result.stdout
    assert cli("validate", "--format", "json").json()["data"]["ok"] is True


def test_python_tag_runs_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("validate", str(PACKS / "python-tag"))
    assert not (tmp_path / "HACKED").exists()
