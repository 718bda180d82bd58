"""Writing a clinic pack alone (issue 16): `pack init` starts one that validates, `ids` lists every
id a pack can use, `pack guide` prints the authors' guide from the package, and brand names in a
pack find the bundled therapy."""

import os
from pathlib import Path

import pytest
import yaml

PACKS = Path(__file__).parent / "packs"
DOCS = Path(__file__).parent.parent / "docs" / "clinic-packs.md"
KINDS = ("therapies", "checklists", "faq", "costs", "care")


@pytest.fixture
def started(cli, tmp_path):
    pack = tmp_path / "riverside"
    result = cli("pack", "init", str(pack), "--name", "Riverside: Infusion Center",
                 "--phone", "555-0100")
    assert result.code == 0, result.stderr
    return pack


def test_pack_init_writes_a_commented_pack_that_validates_clean(cli, started):
    assert sorted(p.name for p in started.iterdir()) == sorted(
        ["clinic.yaml", "checklists.yaml", "faq.yaml", "costs.yaml", "care.yaml"])
    clinic = (started / "clinic.yaml").read_text()
    for field in ("name", "phone", "after_hours_phone", "address", "hours", "parking",
                  "what_to_bring", "hide", "notes"):
        assert f"{field}:" in clinic, field  # every field is there, explained
    assert yaml.safe_load(clinic) == {"name": "Riverside: Infusion Center", "phone": "555-0100"}
    report = cli("validate", str(started), "--format", "json")
    assert report.code == 0 and report.json()["data"]["problems"] == []


def test_the_started_pack_changes_what_prepare_prints_once_edited(cli, started):
    before = cli("prepare", "--clinic", str(started), "--format", "plain").stdout
    assert "Riverside: Infusion Center" in before and "555-0100" in before
    assert "Bring a thermos of tea" not in before
    clinic = started / "clinic.yaml"
    text = clinic.read_text().replace(
        '# what_to_bring:\n#   - "Your photo ID and insurance card"',
        'what_to_bring:\n  - "Bring a thermos of tea"')
    checklists = started / "checklists.yaml"
    checklists.write_text(checklists.read_text().replace(
        "items: []", 'items:\n  - id: before-our-desk\n    stage: before\n'
                     '    text: "Check in at desk 4."'))
    clinic.write_text(text)
    assert cli("validate", str(started)).code == 0
    after = cli("prepare", "--clinic", str(started), "--format", "plain").stdout
    assert "Bring a thermos of tea" in after and "Check in at desk 4." in after


def test_pack_init_never_changes_what_is_there(cli, tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "clinic.yaml").write_text("name: Mine\n")
    file = tmp_path / "a-file"
    file.write_text("keep")
    target = tmp_path / "elsewhere"
    link = tmp_path / "link"
    link.symlink_to(target)
    for where, words in ((folder, "already exists"), (file, "not a folder"),
                         (link, "symbolic link"), (tmp_path / "no" / "pack", "does not exist")):
        result = cli("pack", "init", str(where), "--name", "X", "--phone", "1")
        assert result.code == 5 and words in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (folder / "clinic.yaml").read_text() == "name: Mine\n"
    assert sorted(p.name for p in folder.iterdir()) == ["clinic.yaml"]
    assert file.read_text() == "keep" and not os.path.lexists(target)


@pytest.mark.parametrize("name", ["", "Clinic\x1b[31m", "Clinic\u202e", "x" * 300])
def test_pack_init_refuses_a_name_it_cannot_write(cli, tmp_path, name):
    result = cli("pack", "init", str(tmp_path / "pack"), "--name", name, "--phone", "555")
    assert result.code == 2 and not (tmp_path / "pack").exists()


def test_pack_init_json(cli, tmp_path):
    result = cli("pack", "init", str(tmp_path / "p"), "--name", "A", "--phone", "1", "-f", "json")
    data = result.json()["data"]
    assert data["folder"] == str(tmp_path / "p") and "clinic.yaml" in data["files"]


def _ids(cli, *args):
    return cli("ids", *args, "--format", "json").json()["data"]


def test_ids_lists_every_entry_of_every_kind(cli, content):
    listed = _ids(cli)
    for kind in KINDS:
        assert [r["id"] for r in listed if r["kind"] == kind] == [
            e.id for e in getattr(content, kind)]
    assert {r["kind"] for r in _ids(cli, "faq")} == {"faq"}
    record = next(r for r in listed if r["id"] == "belimumab")
    assert "Benlysta" in record["title"] and record["note"] and record["hide"]


def _hiding(cli, tmp_path, ids_by_kind):
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / "clinic.yaml").write_text(yaml.safe_dump(
        {"name": "Test", "phone": "555-0100", "hide": ids_by_kind}))
    return cli("validate", str(pack), "--format", "json")


def test_validate_accepts_every_id_ids_says_a_pack_may_hide(cli, tmp_path):
    listed = _ids(cli)
    hideable = {kind: [r["id"] for r in listed if r["kind"] == kind and r["hide"]]
                for kind in KINDS}
    assert all(hideable.values())
    result = _hiding(cli, tmp_path, hideable)
    assert result.code == 0, result.json()["data"]["problems"]


def test_validate_refuses_every_id_ids_says_a_pack_may_not_hide(cli, tmp_path):
    listed = _ids(cli)
    kept = {kind: [r["id"] for r in listed if r["kind"] == kind and not r["hide"]]
            for kind in KINDS}
    assert any(kept.values())  # the guide has safety entries
    problems = _hiding(cli, tmp_path, kept).json()["data"]["problems"]
    refused = {(p["path"].split(".")[2].split("[")[0], p["message"].split("'")[1])
               for p in problems}
    assert refused == {(kind, i) for kind, ids in kept.items() for i in ids}


def test_ids_with_a_pack_lists_the_pack_entries_too(cli, started):
    (started / "faq.yaml").write_text('entries:\n  - id: where-to-park\n    question: "Where?"\n'
                                      '    answer: "Garage B."\n')
    listed = _ids(cli, "faq", "--clinic", str(started))
    assert "where-to-park" in [r["id"] for r in listed]


def test_ids_human_output_says_where_each_shows_up(cli):
    out = cli("ids", "checklists", "--format", "plain").stdout
    assert "prepare (before)" in out and "Checklist items" in out


def test_pack_guide_prints_the_authors_guide_from_the_package(cli):
    from lupus_guide.starter import authors_guide

    assert authors_guide() == DOCS.read_text(encoding="utf-8")
    result = cli("pack", "guide", "--format", "json")
    assert result.code == 0 and result.json()["data"]["markdown"] == DOCS.read_text()
    plain = cli("pack", "guide", "--format", "plain").stdout
    assert "Writing a clinic pack" in plain and "lupus-guide ids" in plain
    assert cli("pack", "guide", "--format", "markdown").stdout == DOCS.read_text()


def test_brand_names_in_a_pack_find_the_bundled_therapy(cli):
    pack = str(PACKS / "brand-names")
    assert cli("validate", pack).code == 0
    listed = [t["id"] for t in cli("therapies", "--clinic", pack, "-f", "json").json()["data"]]
    assert "cyclophosphamide" not in listed and "belimumab" in listed  # hide: [cytoxan]
    benlysta = cli("prepare", "--therapy", "belimumab", "--clinic", pack, "-f", "plain").stdout
    assert "Benlysta infusions are on Tuesdays" in benlysta  # therapy: benlysta
    gazyva = cli("prepare", "--therapy", "obinutuzumab", "--clinic", pack, "-f", "plain").stdout
    assert "drive you home after Gazyva" in gazyva  # therapies: [Gazyva]
    rituximab = cli("prepare", "--therapy", "rituximab", "--clinic", pack, "-f", "plain").stdout
    assert "drive you home after Gazyva" not in rituximab


def test_brand_names_resolve_in_the_cached_load_too(cli, tmp_path):
    """A reading command reads through the cache the second time: the same resolution."""
    pack = str(PACKS / "brand-names")
    first = cli("therapies", "--clinic", pack, "-f", "json").json()["data"]
    second = cli("therapies", "--clinic", pack, "-f", "json").json()["data"]
    assert [t["id"] for t in first] == [t["id"] for t in second]
    assert "cyclophosphamide" not in [t["id"] for t in second]


@pytest.mark.parametrize(("written", "therapy"), [("cytoxan", "cyclophosphamide"),
                                                  ("Rituxan", "rituximab"),
                                                  ("truxima", "rituximab"),
                                                  ("solu-medrol", "methylprednisolone"),
                                                  ("pulse-steroids", "methylprednisolone"),
                                                  ("SAPHNELO", "anifrolumab")])
def test_any_name_of_a_therapy_hides_it(cli, tmp_path, written, therapy):
    result = _hiding(cli, tmp_path, {"therapies": [written]})
    assert result.code == 0, result.json()["data"]["problems"]
    listed = [t["id"] for t in cli("therapies", "--clinic", str(tmp_path / "pack"),
                                   "-f", "json").json()["data"]]
    assert therapy not in listed and len(listed) == 5


def test_a_name_two_therapies_share_is_not_guessed(cli, tmp_path):
    problems = _hiding(cli, tmp_path, {"therapies": ["anti-cd20"]}).json()["data"]["problems"]
    assert len(problems) == 1 and "'anti-cd20' is not a therapy" in problems[0]["message"]


def test_a_reading_command_names_the_pack_file_of_a_reference_problem(cli):
    """The fast load keeps no positions, but still names the pack's own file (not a bare
    'checklists.yaml' that could be the guide's)."""
    pack = PACKS / "item-unknown-therapy"
    result = cli("--strict", "prepare", "--clinic", str(pack))
    assert result.code == 4 and str(pack / "checklists.yaml") in result.stderr
    assert "did you mean 'obinutuzumab'?" in result.stderr
