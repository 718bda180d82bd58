"""The content cache: used when every byte is the same, rebuilt when anything differs or breaks,
and never a way around validation."""

import subprocess
import sys

import pytest

from lupus_guide.content import cache, default_layers, load_content

EXAMPLE = "examples/clinic-pack"


@pytest.fixture
def pack(tmp_path):
    import shutil
    from pathlib import Path

    folder = tmp_path / "pack"
    shutil.copytree(Path(__file__).parent.parent / EXAMPLE, folder)
    return folder


def cache_files(cache_dir):
    return sorted(cache_dir.glob("content-*.msgpack"))


def test_second_load_parses_no_yaml(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lupus_guide.content import load_content\n"
        "content = load_content(cache_dir=Path(sys.argv[1]))\n"
        "print(len(content.therapies), 'yaml' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                           text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True, check=True)
    assert first.stdout.split() == ["6", "True"]  # built from the YAML
    assert second.stdout.split() == ["6", "False"]  # read from the cache


def test_cached_content_equals_parsed_content(tmp_path, pack):
    layers = default_layers(pack)
    parsed = load_content(layers)
    load_content(layers, cache_dir=tmp_path)
    assert cache_files(tmp_path)
    assert load_content(layers, cache_dir=tmp_path) == parsed


def test_a_changed_file_makes_the_cache_stale(tmp_path, pack):
    layers = default_layers(pack)
    assert load_content(layers, cache_dir=tmp_path).clinic.phone == "555-0100"
    text = (pack / "clinic.yaml").read_text().replace('"555-0100"', '"555-0142"')
    (pack / "clinic.yaml").write_text(text)
    assert load_content(layers, cache_dir=tmp_path).clinic.phone == "555-0142"


@pytest.mark.parametrize("damage", [b"", b"\x00" * 10, b"garbage", b"\x92\xa3abc\xc0",
                                    b"\x82\xa3key\xa1x\xa7content\x90"])
def test_a_corrupt_cache_is_rebuilt_not_trusted(tmp_path, pack, damage):
    layers = default_layers(pack)
    expected = load_content(layers)
    load_content(layers, cache_dir=tmp_path)
    [target] = cache_files(tmp_path)
    target.write_bytes(damage)
    assert load_content(layers, cache_dir=tmp_path) == expected
    assert target.read_bytes() != damage  # written again


def test_a_cache_for_other_bytes_is_not_used(tmp_path, pack):
    layers = default_layers(pack)
    load_content(layers, cache_dir=tmp_path)
    assert len(cache_files(tmp_path)) == 1
    key = cache.fingerprint(layers)
    assert cache.read(tmp_path, layers, key) is not None
    assert cache.read(tmp_path, layers, "another-key") is None


def test_an_unwritable_cache_folder_is_no_error(tmp_path, pack):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    content = load_content(default_layers(pack), cache_dir=blocker / "cache")
    assert content.clinic.name == "Riverside Infusion Center"


def test_a_broken_pack_is_never_cached(tmp_path, pack):
    from lupus_guide.errors import ContentError

    (pack / "faq.yaml").write_text("entries: [\n")
    with pytest.raises(ContentError):
        load_content(default_layers(pack), cache_dir=tmp_path)
    assert cache_files(tmp_path) == []


def test_validate_still_finds_problems_after_a_clean_run(cli, pack):
    assert cli("validate", str(pack)).code == 0
    assert cli("validate", str(pack)).code == 0  # the cache is warm now, and not asked
    (pack / "clinic.yaml").write_text((pack / "clinic.yaml").read_text() + "fax: 1\n")
    result = cli("validate", str(pack), "--format", "json")
    assert result.code == 4
    messages = [p["message"] for p in result.json()["data"]["problems"]]
    assert any("unknown key 'fax'" in m for m in messages)


def test_validate_gives_the_same_answer_cold_or_warm(cli, pack):
    # `default: yes` loads (YAML 1.1 reads it as true), but the thorough check flags it
    (pack / "regimens.yaml").write_text(
        "regimens:\n- id: clinic-belimumab\n  therapy: belimumab\n  name: Clinic schedule\n"
        "  default: yes\n  set_by_care_team: true\n  sources:\n"
        "  - title: Our protocol\n    url: https://example.org/protocol\n"
        "    checked: '2026-01-01'\n")
    cold = cli("validate", str(pack), "--format", "json")
    assert cold.code == 4, cold.stderr
    assert cli("prepare", "--clinic", str(pack), "--format", "json").code == 0  # warms the cache
    warm = cli("validate", str(pack), "--format", "json")
    assert warm.code == 4
    assert warm.json()["data"] == cold.json()["data"]


def test_a_partial_read_decodes_only_the_parts_asked_for(tmp_path, pack):
    layers = default_layers(pack)
    full = load_content(layers, cache_dir=tmp_path)
    key = cache.fingerprint(layers)
    partial = cache.read(tmp_path, layers, key, frozenset({"costs"}))
    assert partial.costs == full.costs and partial.guide == full.guide
    assert partial.clinic == full.clinic
    with pytest.raises(RuntimeError, match="'therapies' was not loaded"):
        list(partial.therapies)
    with pytest.raises(RuntimeError, match="'faq' was not loaded"):
        bool(partial.faq)
