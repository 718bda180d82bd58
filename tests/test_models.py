"""Validation of content files: clear errors with the file and field path."""

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from lupus_guide.content import Layer, bundled_layer, load_content
from lupus_guide.errors import ContentError


@pytest.fixture
def pack(tmp_path):
    """A writable copy of the bundled content."""
    root = resources.files("lupus_guide").joinpath("data")
    from lupus_guide.content.kinds import BUNDLE_STEMS as CONTENT_FILES

    for name in CONTENT_FILES:
        (tmp_path / f"{name}.yaml").write_bytes(root.joinpath(f"{name}.yaml").read_bytes())
    return tmp_path


def load(path: Path):
    return load_content([Layer("test", path)])


def test_bundled_content_loads():
    content = load_content([bundled_layer()])
    assert content.therapies and content.faq


def test_yaml_no_in_a_text_field_is_an_error(pack):
    (pack / "faq.yaml").write_text(
        'entries:\n  - id: x\n    question: no\n    answer: "A"\n'
        '    sources: [{title: T, url: "https://a.org", checked: "2026-01-01"}]\n')
    with pytest.raises(ContentError) as err:
        load(pack)
    assert "faq.yaml:3:" in str(err.value)
    assert "in 'entries', item 1, 'question'" in str(err.value)
    assert "read as false" in str(err.value) and "quotes: 'no'" in str(err.value)


def test_unknown_key_is_an_error(pack):
    (pack / "costs.yaml").write_text(
        'topics:\n  - id: x\n    title: "T"\n    sumary: "typo"\n'
        '    sources: [{title: T, url: "https://a.org", checked: "2026-01-01"}]\n')
    with pytest.raises(ContentError, match="sumary"):
        load(pack)


def test_missing_sources_is_an_error(pack):
    (pack / "costs.yaml").write_text('topics:\n  - id: x\n    title: "T"\n    sources: []\n')
    with pytest.raises(ContentError, match="sources"):
        load(pack)


def test_python_tags_are_rejected_and_nothing_runs(pack, tmp_path):
    marker = tmp_path / "ran"
    (pack / "care.yaml").write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ContentError, match="care.yaml"):
        load(pack)
    assert not marker.exists()


def test_yaml_syntax_error_names_line_and_column(pack):
    (pack / "care.yaml").write_text("topics:\n  - id: [unclosed\n")
    with pytest.raises(ContentError, match=r"care\.yaml:\d+:\d+"):
        load(pack)


def test_unquoted_date_stays_text(pack):
    text = re.sub(r'last_reviewed: "([0-9-]+)"', r"last_reviewed: 2031-02-03",
                  (pack / "guide.yaml").read_text())
    (pack / "guide.yaml").write_text(text)
    assert load(pack).guide.last_reviewed == "2031-02-03"


def test_dangling_therapy_reference_is_an_error(pack):
    (pack / "faq.yaml").write_text(
        'entries:\n  - id: x\n    question: "Q"\n    answer: "A"\n    therapies: [nomab]\n'
        '    sources: [{title: T, url: "https://a.org", checked: "2026-01-01"}]\n')
    with pytest.raises(ContentError, match="nomab"):
        load(pack)


def test_a_later_layer_replaces_by_id_and_appends(pack, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "clinic.yaml").write_text('name: "Test Clinic"\nphone: "555-0100"\n')
    (extra / "costs.yaml").write_text(
        'topics:\n  - id: clinic-parking\n    title: "Parking"\n'
        '    sources: [{title: T, url: "https://a.org", checked: "2026-01-01"}]\n')
    content = load_content([Layer("test", pack), Layer("extra", extra, kind="clinic")])
    assert content.costs[-1].id == "clinic-parking"
    assert len(content.costs) == len(load(pack).costs) + 1


def test_missing_file_is_an_error(pack):
    (pack / "faq.yaml").unlink()
    with pytest.raises(ContentError, match="faq.yaml"):
        load(pack)


def test_content_error_from_cli_is_one_line(cli, monkeypatch, pack):
    import lupus_guide.content.layers as content_module

    (pack / "care.yaml").write_text("topics: [\n")
    monkeypatch.setattr(content_module, "bundled_layer",
                        lambda lang="en": Layer("bundled", pack, lang=lang))
    result = cli("care")
    assert result.code == 4
    assert len(result.stderr.strip().splitlines()) == 1
    assert "care.yaml" in result.stderr and "Traceback" not in result.stderr
    shutil.rmtree(pack)
