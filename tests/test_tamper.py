"""The tamper test (issue 13): whichever way content is fed in, a clinic pack or a cache, the
guide's boxed warnings, emergency signs and other safety entries cannot be removed, replaced or
hidden without `validate` failing and the reading commands refusing (--strict) or ignoring the
tampered source. (Planted caches: tests/test_cache_trust.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lupus_guide.content.kinds import BY_STEM
from lupus_guide.content.merge import carries_safety

EXAMPLE = Path(__file__).parent.parent / "examples" / "clinic-pack"
REPLACEABLE = [stem for stem in ("faq", "care", "costs", "checklists")
               if BY_STEM[stem].pack_may_replace]


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _guarded(content, stem):
    return [entry for entry in getattr(content, stem) if carries_safety(entry)]


def test_every_kind_a_pack_may_replace_has_guarded_entries(content):
    assert _guarded(content, "faq") and _guarded(content, "care") and \
        _guarded(content, "checklists")


def _defanged(entry) -> dict:
    """The entry as a pack would write it, with its safety words replaced."""
    from lupus_guide.views import to_data

    record = to_data(entry)
    for key in ("answer", "text", "summary", "detail"):
        if record.get(key):
            record[key] = "It is not urgent. Wait until your next visit."
    if "items" in record:
        record["items"] = ["Wait and see."]
    return record


@pytest.mark.parametrize("stem", REPLACEABLE)
def test_a_pack_cannot_replace_a_safety_entry(cli, content, pack, stem):
    guarded = _guarded(content, stem)
    if not guarded:
        pytest.skip(f"no {stem} entry carries safety information")
    list_key = BY_STEM[stem].list_key
    (pack / f"{stem}.yaml").write_text(yaml.safe_dump(
        {list_key: [_defanged(entry) for entry in guarded]}, allow_unicode=True))
    report = cli("validate", str(pack), "--format", "json")
    assert report.code == 4
    said = report.stdout
    assert said.count("safety information") >= len(guarded)
    assert cli("--strict", "faq", "--clinic", str(pack)).code == 4
    # without --strict the pack is set aside: what shows is the guide's own text
    shown = cli(stem if stem != "checklists" else "prepare", "--clinic", str(pack),
                "--format", "plain")
    assert shown.code == 0 and "not urgent" not in shown.stdout and "warning" in shown.stderr


@pytest.mark.parametrize("stem", ["faq", "care", "checklists"])
def test_a_pack_cannot_hide_a_safety_entry(cli, content, pack, stem):
    guarded = [entry.id for entry in _guarded(content, stem)]
    clinic = yaml.safe_load((pack / "clinic.yaml").read_text())
    clinic["hide"] = {stem: guarded}
    (pack / "clinic.yaml").write_text(yaml.safe_dump(clinic, allow_unicode=True))
    report = cli("validate", str(pack), "--format", "json")
    messages = [p["message"] for p in report.json()["data"]["problems"]]
    assert report.code == 4 and sum("cannot be hidden" in m for m in messages) == len(guarded)


def test_hiding_other_entries_still_works(cli, content, pack):
    plain = [e.id for e in content.faq if not carries_safety(e)]
    assert plain
    clinic = yaml.safe_load((pack / "clinic.yaml").read_text())
    clinic["hide"] = {"faq": plain[:1]}
    (pack / "clinic.yaml").write_text(yaml.safe_dump(clinic, allow_unicode=True))
    assert cli("validate", str(pack)).code == 0
    shown = cli("faq", "--clinic", str(pack), "--format", "json").json()["data"]
    assert plain[0] not in [entry["id"] for entry in shown]


def test_a_pack_cannot_drop_a_boxed_warning_or_the_emergency_signs(cli, pack):
    bundled = cli("therapies", "rituximab", "--format", "json").json()["data"]
    boxed = list(bundled["boxed_warning"]["items"])
    emergency = dict(bundled["call_emergency"])
    fields = {k: v for k, v in bundled.items()
              if k not in ("display_name", "sources", "added_by_clinic")}
    fields["boxed_warning"] = dict(fields["boxed_warning"], items=[])
    fields["call_emergency"] = dict(fields["call_emergency"], summary="Do not call 911.",
                                    items=["Wait and see."])
    (pack / "therapies.yaml").write_text(yaml.safe_dump({"therapies": [fields]}))
    assert cli("validate", str(pack)).code == 4
    shown = cli("therapies", "rituximab", "--clinic", str(pack), "--format", "json").json()
    assert shown["data"]["boxed_warning"]["items"] == boxed
    assert shown["data"]["call_emergency"]["summary"] == emergency["summary"]
