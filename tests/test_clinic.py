"""Clinic packs: what a pack changes in what people read, and what it may not change."""

from pathlib import Path

import pytest

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "clinic-pack")


def test_example_pack_is_clean(cli):
    result = cli("validate", EXAMPLE, "--format", "json")
    assert result.code == 0, result.stdout
    assert result.json()["data"]["problems"] == []


def test_clinic_heads_human_output_and_is_in_json(cli):
    result = cli("therapies", "--clinic", EXAMPLE)
    assert result.stdout.startswith(
        "Riverside Infusion Center · Phone 555-0100 · After hours 555-0199")
    envelope = cli("therapies", "--clinic", EXAMPLE, "--format", "json").json()
    assert envelope["clinic"]["phone"] == "555-0100"
    assert "clinic" not in cli("therapies", "--format", "json").json()


def test_environment_variable_chooses_the_pack(cli):
    result = cli("prepare", env={"LUPUS_GUIDE_CLINIC": EXAMPLE})
    assert "Riverside Infusion Center" in result.stdout
    paths = cli("paths", "--format", "json", env={"LUPUS_GUIDE_CLINIC": EXAMPLE}).json()["data"]
    assert paths["clinic"] == EXAMPLE and paths["clinic_from"] == "LUPUS_GUIDE_CLINIC"


def test_option_wins_over_environment(cli, tmp_path):
    paths = cli("paths", "--clinic", EXAMPLE, "--format", "json",
                env={"LUPUS_GUIDE_CLINIC": str(tmp_path)}).json()["data"]
    assert paths["clinic"] == EXAMPLE and paths["clinic_from"] == "--clinic"


def test_pack_changes_prepare(cli):
    plain = cli("prepare", "--therapy", "rituximab", "--format", "json").json()["data"]
    packed = cli("prepare", "--therapy", "rituximab", "--clinic", EXAMPLE,
                 "--format", "json").json()["data"]
    before = [i["id"] for i in packed["stages"]["before"]]
    assert "riverside-parking-ticket" in before  # added
    assert "before-bring-papers" not in before  # hidden
    assert "before-bring-papers" in [i["id"] for i in plain["stages"]["before"]]
    assert packed["what_to_bring"][0] == "Your photo ID and insurance card"
    assert any("8 am" in note for note in packed["clinic_notes"])  # the rituximab note
    text = cli("prepare", "--therapy", "rituximab", "--clinic", EXAMPLE, "--format", "plain").stdout
    assert "[ ] Bring: Your photo ID and insurance card" in text
    assert "Garage B" in text


def test_pack_puts_its_phones_in_every_call_section(cli):
    text = " ".join(cli("side-effects", "--clinic", EXAMPLE, "--format", "plain").stdout.split())
    call_sections = text.count("CALL YOUR CARE TEAM RIGHT AWAY")
    assert call_sections >= 5
    phones = "Riverside Infusion Center: 555-0100 (after hours: 555-0199)"
    assert text.count(phones) == call_sections
    data = cli("side-effects", "rituximab", "--clinic", EXAMPLE, "--format", "json").json()["data"]
    assert data[0]["call_clinic"].endswith("555-0199)")


def test_hidden_therapy_leaves_the_lists_but_keeps_its_page_and_warnings(cli):
    listed = [t["id"] for t in
              cli("therapies", "--clinic", EXAMPLE, "--format", "json").json()["data"]]
    assert "cyclophosphamide" not in listed and "rituximab" in listed
    side = [t["id"] for t in
            cli("side-effects", "--clinic", EXAMPLE, "--format", "json").json()["data"]]
    assert "cyclophosphamide" not in side
    page = cli("therapies", "cyclophosphamide", "--clinic", EXAMPLE, "--format", "plain")
    assert page.code == 0
    assert "Riverside Infusion Center does not give cyclophosphamide" in page.stdout
    assert "EMERGENCY" in page.stdout


def test_therapy_notes_show_on_its_page(cli):
    page = cli("therapies", "belimumab", "--clinic", EXAMPLE, "--format", "plain").stdout
    assert "From Riverside Infusion Center".upper() in page
    assert "allow about 2 hours" in page
    assert "allow about 2 hours" not in cli("therapies", "belimumab", "--format", "plain").stdout


def test_pack_faq_entry_is_searchable(cli):
    data = cli("faq", "park", "--clinic", EXAMPLE, "--format", "json").json()["data"]
    assert data[0]["id"] == "riverside-parking"


def test_pack_cannot_replace_a_bundled_therapy(cli, tmp_path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    bundled = cli("therapies", "rituximab", "--format", "json").json()["data"]
    label_warning = list(bundled["boxed_warning"]["items"])
    assert label_warning
    fields = {k: v for k, v in bundled.items() if k not in ("display_name", "sources")}
    fields["boxed_warning"]["items"] = []  # an attempt to drop the boxed warning
    import yaml

    (pack / "therapies.yaml").write_text(yaml.safe_dump({"therapies": [fields]}))
    result = cli("--strict", "therapies", "rituximab", "--clinic", str(pack))
    assert result.code == 4
    assert "cannot replace" in result.stderr and "therapies.yaml" in result.stderr
    assert cli("validate", str(pack)).code == 4
    # without --strict the pack is set aside, and the label's boxed warning is what is shown
    shown = cli("therapies", "rituximab", "--clinic", str(pack), "--format", "json")
    assert shown.code == 0 and "cannot replace" in shown.stderr
    assert shown.json()["data"]["boxed_warning"]["items"] == label_warning


def test_missing_pack_folder_is_one_clear_line(cli, tmp_path):
    result = cli("--strict", "faq", "--clinic", str(tmp_path / "nope"))
    assert result.code == 4
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    relaxed = cli("faq", "--clinic", str(tmp_path / "nope"), env={"LUPUS_GUIDE_STRICT": "1"})
    assert relaxed.code == 4
    fallback = cli("faq", "--clinic", str(tmp_path / "nope"))
    assert fallback.code == 0 and fallback.stdout
    assert fallback.stderr.count("\n") == 1 and "does not exist" in fallback.stderr


@pytest.mark.parametrize("command", [["therapies"], ["faq"], ["prepare"], ["side-effects"],
                                     ["costs"], ["care"], ["search", "park"], ["sources"]])
def test_every_command_takes_a_clinic(cli, command):
    result = cli(*command, "--clinic", EXAMPLE)
    assert result.code == 0, result.stderr
    assert "Riverside Infusion Center" in result.stdout
