"""A clinic pack cannot impersonate or shadow a bundled therapy (issue 13.5): names are compared as
a reader sees them (NFKC, case, invisible characters, letters of other alphabets that look Latin,
spacing), bundled names always win lookup, and what a pack adds is labelled in every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lupus_guide.lookalike import skeleton
from lupus_guide.models import ADDED_BY_CLINIC

EXAMPLE = Path(__file__).parent.parent / "examples" / "clinic-pack"


@pytest.fixture
def add_therapy(cli, tmp_path):
    """A pack (the example's) that adds one therapy, copied from rituximab with new names."""
    base = cli("therapies", "rituximab", "--format", "json").json()["data"]

    def make(therapy_id: str, generic: str, **names) -> Path:
        pack = tmp_path / f"pack-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(EXAMPLE, pack)
        fields = {k: v for k, v in base.items()
                  if k not in ("display_name", "sources", "added_by_clinic")}
        fields.update(id=therapy_id, generic_name=generic, brand_names=[], biosimilars=[],
                      other_names=[])
        fields.update(names)
        (pack / "therapies.yaml").write_text(
            yaml.safe_dump({"therapies": [fields]}, allow_unicode=True))
        return pack

    return make


@pytest.mark.parametrize("spoof", [
    "ritux\u0456mab",              # Cyrillic i
    "\uff32\uff49\uff54\uff55\uff58\uff49\uff4d\uff41\uff42",  # full-width letters
    "ritu\u200bximab",             # zero-width space
    "\u0392\u0395\u039dLY\u0405TA",   # Greek and Cyrillic capitals: BENLYSTA
    "Ritu-Ximab",                  # spacing and case
    "Gaz\u0443va",                 # Cyrillic u for y
    "rituxan",                     # a bundled brand, plainly
])
def test_a_pack_therapy_named_like_a_bundled_one_is_refused(cli, add_therapy, spoof):
    pack = add_therapy("pack-therapy", spoof)
    outcome = cli("validate", str(pack), env={"COLUMNS": "400"})
    assert outcome.code == 4
    said = outcome.stdout + outcome.stderr
    assert "looks like" in said or "invisible character" in said
    assert cli("--strict", "therapies", "--clinic", str(pack)).code == 4


@pytest.mark.parametrize("field", ["other_names", "brand_names", "biosimilars"])
def test_a_pack_cannot_take_a_bundled_name_as_another_name(cli, add_therapy, field):
    pack = add_therapy("pack-therapy", "examplumab", **{field: ["rituximab"]})
    assert cli("validate", str(pack)).code == 4
    shown = cli("therapies", "rituximab", "--clinic", str(pack), "--format", "json")
    assert shown.code == 0 and shown.json()["data"]["id"] == "rituximab"
    assert shown.json()["data"]["boxed_warning"]["items"]


def test_a_bundled_name_wins_lookup_whatever_a_pack_adds(content):
    import msgspec

    from lupus_guide.find import find_therapy

    rituximab = next(t for t in content.therapies if t.id == "rituximab")
    shadow = msgspec.structs.replace(rituximab, id="shadow", generic_name="shadowumab",
                                     other_names=["rituximab", "Rituxan"], added_by_clinic=True)
    for name in ("rituximab", "Rituxan", "RITUXIMAB"):
        assert find_therapy([*content.therapies, shadow], name).id == "rituximab"
        assert find_therapy([shadow, *content.therapies], name).id == "rituximab"


def test_skeletons_of_the_bundled_names_are_distinct(content):
    """The comparison would be useless if it merged two real therapies' names."""
    from lupus_guide.find import therapy_names

    owners: dict[str, str] = {}
    for therapy in content.therapies:
        for name in therapy_names(therapy):
            key = skeleton(name)
            assert owners.setdefault(key, therapy.id) == therapy.id or name in (
                "anti-CD20", "CD20-directed cytolytic antibody"), (name, owners[key])


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "html", "json"])
def test_a_therapy_a_pack_adds_is_labelled_in_every_format(cli, add_therapy, fmt):
    pack = add_therapy("voclosporin-clinic", "voclosporin")
    assert cli("validate", str(pack)).code == 0
    for command in (["therapies", "voclosporin"], ["side-effects", "voclosporin"],
                    ["handout", "voclosporin"], ["prepare", "--therapy", "voclosporin"]):
        outcome = cli(*command, "--clinic", str(pack), "--format", fmt)
        assert outcome.code == 0, (command, outcome.stderr)
        flat = " ".join(outcome.stdout.split())
        if fmt == "json":
            assert 'added_by_clinic": true' in flat, command
        else:
            assert "added by the clinic" in flat and "not checked by lupus-guide" in flat, command
    data = cli("therapies", "voclosporin", "--clinic", str(pack), "--format", "json").json()
    assert data["data"]["added_by_clinic"] is True
    assert data["data"]["display_name"].endswith(ADDED_BY_CLINIC)


def test_a_pack_cannot_claim_its_therapy_was_checked(cli, add_therapy):
    pack = add_therapy("voclosporin-clinic", "voclosporin", added_by_clinic=False)
    data = cli("therapies", "voclosporin", "--clinic", str(pack), "--format", "json").json()
    assert data["data"]["added_by_clinic"] is True


def test_an_overlong_hide_list_is_refused_and_a_long_one_is_checked_once_per_id(cli, tmp_path,
                                                                                monkeypatch):
    from lupus_guide.content import merge

    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE, pack)
    clinic = (pack / "clinic.yaml").read_text()
    hide = "hide:\n  therapies: [cyclophosphamide]\n  checklists: [before-bring-papers]\n"
    assert hide in clinic
    (pack / "clinic.yaml").write_text(clinic.replace(
        hide, "hide:\n  faq: [" + ", ".join(["no-such-faq"] * 501) + "]\n"))
    assert cli("validate", str(pack)).code == 4  # more than 500: refused by the model

    calls = []
    real = merge.did_you_mean
    monkeypatch.setattr(merge, "did_you_mean", lambda *a: calls.append(a) or real(*a))
    (pack / "clinic.yaml").write_text(clinic.replace(
        hide, "hide:\n  faq: [" + ", ".join(["no-such-faq"] * 500) + "]\n"))
    outcome = cli("validate", str(pack), "--format", "json")
    assert outcome.code == 4
    assert len(calls) == 1  # the same unknown id is looked up and reported once
