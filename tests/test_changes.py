"""`changes`: the content's changelog, newest first, in every format."""

import pytest


def test_changes_newest_first_in_json(cli, content):
    result = cli("changes", "--format", "json")
    assert result.code == 0, result.stderr
    data = result.json()["data"]
    assert len(data) == len(content.changes) >= 1
    dates = [change["date"] for change in data]
    assert dates == sorted(dates, reverse=True)
    assert {"date", "title", "why", "items", "ids"} <= set(data[0])


def test_since_keeps_the_changes_from_that_day_on(cli, content):
    newest = max(change.date for change in content.changes)
    assert cli("changes", "--since", newest, "--format", "json").json()["data"]
    later = cli("changes", "--since", "2999-01-01", "--format", "json")
    assert later.code == 0 and later.json()["data"] == []
    assert "No changes since 2999-01-01." in cli("changes", "--since", "2999-01-01").stdout


def test_a_bad_since_date_is_a_usage_error(cli):
    result = cli("changes", "--since", "last week")
    assert result.code == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["table", "plain", "json", "markdown", "html"])
def test_every_format(cli, content, fmt):
    result = cli("changes", "--format", fmt)
    assert result.code == 0, result.stderr
    assert content.changes[0].title in " ".join(result.stdout.split())


def test_output_file_follows_its_suffix(cli, tmp_path):
    target = tmp_path / "changes.htm"
    result = cli("changes", "-o", str(target))
    assert result.code == 0 and target.read_text().startswith("<!DOCTYPE html>")


def test_every_change_names_ids_that_exist(content):
    known = {item.id for part in ("therapies", "faq", "checklists", "care", "costs", "regimens")
             for item in getattr(content, part)}
    for change in content.changes:
        assert set(change.ids) <= known, change.title


def test_a_change_naming_an_unknown_id_is_a_content_problem(tmp_path):
    import shutil

    from lupus_guide.content import Layer, check_layers
    from lupus_guide.paths import bundled_root

    root = bundled_root()
    for name in root.iterdir():
        if name.name.endswith(".yaml"):
            shutil.copy(name, tmp_path / name.name)
    text = (tmp_path / "changes.yaml").read_text()
    assert "[belimumab," in text
    text = text.replace("[belimumab,", "[belimumabb,")
    (tmp_path / "changes.yaml").write_text(text)
    problems = [p.text() for p in check_layers([Layer("test", tmp_path)])]
    assert any("'belimumabb' is not the id of an entry" in p and "did you mean 'belimumab'" in p
               for p in problems), problems


def test_a_clinic_pack_cannot_bring_changes(tmp_path, cli):
    (tmp_path / "clinic.yaml").write_text("name: Test clinic\nphone: '555-0100'\n")
    (tmp_path / "changes.yaml").write_text("changes: []\n")
    result = cli("changes", "--clinic", str(tmp_path), "--format", "json")
    assert result.code == 0  # the file is not read: changes are the guide's own
    assert result.json()["data"]
