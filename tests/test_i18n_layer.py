"""The content's translation layer (i18n/layer.py), with test fixtures in tests/i18n/es/:
text only, never ids, sources, numbers or structure; stale or unstamped entries stay English;
the cache keeps each language apart; the stamp tool."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from lupus_guide.i18n.layer import overlay, revision
from lupus_guide.i18n.tools import check_layer, coverage, stamp

DATA = Path(__file__).parent.parent / "data"
FIXTURES = Path(__file__).parent / "i18n" / "es"


def english(stem: str):
    return yaml.safe_load((DATA / f"{stem}.yaml").read_text(encoding="utf-8"))


def faq_entry(entry_id: str) -> dict:
    return next(e for e in english("faq")["entries"] if e["id"] == entry_id)


def translation(entry_id: str, **fields) -> dict:
    return {"entries": [{"id": entry_id, "source_revision": revision(faq_entry(entry_id)),
                         **fields}]}


def merged(spanish: dict, stem: str = "faq"):
    return overlay(stem, english(stem), spanish, "entries" if stem == "faq" else None)


def by_id(data: dict, entry_id: str) -> dict:
    return next(e for e in data["entries"] if e["id"] == entry_id)


def test_a_current_translation_replaces_the_text_it_has_and_keeps_the_rest():
    data, problems = merged(translation("eat-before", question="¿Tengo que ayunar?"))
    assert problems == []
    entry = by_id(data, "eat-before")
    assert entry["question"] == "¿Tengo que ayunar?"
    assert entry["answer"] == faq_entry("eat-before")["answer"]  # left out: stays English
    assert entry["topics"] == faq_entry("eat-before")["topics"]


@pytest.mark.parametrize("fields, problem", [
    ({"id": "eat-before", "topics": ["antes"]}, "topics: cannot change"),
    ({"sources": []}, "sources: cannot change"),
    ({"question": ["a list"]}, "question: must be text"),
    ({"question": ""}, "question: must be text"),
    ({"colour": "rojo"}, "colour: no such key"),
])
def test_a_translation_that_changes_more_than_text_is_left_out_whole(fields, problem):
    spanish = translation("eat-before", question="¿Tengo que ayunar?")
    spanish["entries"][0].update(fields)
    data, problems = merged(spanish)
    assert any(problem in p for p in problems), problems
    assert by_id(data, "eat-before") == faq_entry("eat-before")


def test_lists_keep_their_length_and_numbers_stay_numbers():
    topic = english("care")["topics"][0]
    spanish = {"topics": [{"id": topic["id"], "source_revision": revision(topic),
                           "items": topic["items"][:-1]}]}
    data, problems = overlay("care", english("care"), spanish, "topics")
    assert any("must be a list of" in p for p in problems)
    regimen = english("regimens")["regimens"][0]
    changed = copy.deepcopy(regimen["phases"])
    changed[0]["doses"] = 99
    spanish = {"regimens": [{"id": regimen["id"], "source_revision": revision(regimen),
                             "phases": changed}]}
    assert any("cannot change" in p for p in overlay("regimens", english("regimens"), spanish,
                                                     "regimens")[1])


@pytest.mark.parametrize("recorded, state", [("TODO", "not stamped"), (None, "not stamped"),
                                             ("0123456789ab", "stale")])
def test_a_stale_or_unstamped_translation_is_never_shown(recorded, state):
    spanish = translation("eat-before", question="¿Tengo que ayunar?")
    spanish["entries"][0]["source_revision"] = recorded
    data, problems = merged(spanish)
    assert any(state in p for p in problems)
    assert by_id(data, "eat-before")["question"] == faq_entry("eat-before")["question"]


def test_the_revision_follows_the_words_not_the_check_dates():
    entry = faq_entry("eat-before")
    rechecked = copy.deepcopy(entry)
    rechecked["sources"][0]["checked"] = "2099-01-01"
    reworded = copy.deepcopy(entry) | {"answer": entry["answer"].replace("snacks", "food")}
    assert revision(rechecked) == revision(entry) != revision(reworded)


def test_unknown_ids_and_doubles_are_problems():
    spanish = {"entries": [{"id": "no-such-entry", "source_revision": "x", "question": "¿?"},
                           {"question": "sin id"}]}
    problems = merged(spanish)[1]
    assert any("no English entry" in p for p in problems)
    assert any("needs its 'id'" in p for p in problems)


def test_spanish_sources_are_cited_after_the_english_ones():
    extra = {"title": "Lupus (MedlinePlus en español)",
             "url": "https://medlineplus.gov/spanish/lupus.html", "checked": "2026-12-03"}
    data, problems = merged(translation("eat-before", sources_es=[extra]))
    assert problems == []
    sources = by_id(data, "eat-before")["sources"]
    assert sources[:-1] == faq_entry("eat-before")["sources"]
    assert sources[-1] == extra | {"lang": "es"}
    bad = merged(translation("eat-before", sources_es=[{"title": "x", "url": "http://x"}]))[1]
    assert any("sources_es[0]" in p for p in bad)


@pytest.fixture
def data_root(tmp_path, monkeypatch):
    """A copy of the bundled content with the fixtures as its Spanish layer, stamped, used as
    the bundled content of every run."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("es"))
    shutil.copytree(FIXTURES, root / "es")
    import lupus_guide.paths

    monkeypatch.setattr(lupus_guide.paths, "bundled_root", lambda: root)
    return root


def test_the_stamp_tool_stamps_todo_and_only_rechecked_stale_entries(data_root):
    text = (data_root / "es" / "faq.yaml").read_text(encoding="utf-8")
    report = stamp("es", root=data_root)
    assert any("faq[eat-before]: stamped" in line for line in report)
    assert check_layer("es", root=data_root) == []
    stamped = (data_root / "es" / "faq.yaml").read_text(encoding="utf-8")
    assert stamped.replace(revision(faq_entry("eat-before")), "TODO").replace(
        revision(faq_entry("how-long")), "TODO") == text  # only the stamps changed
    english_file = data_root / "faq.yaml"
    english_file.write_text(english_file.read_text(encoding="utf-8").replace(
        "bring snacks or a meal", "bring a meal"), encoding="utf-8")
    assert any("stale" in p for p in check_layer("es", root=data_root))
    report = stamp("es", root=data_root)
    assert any("faq[eat-before]: stale" in line for line in report)
    assert any("stale" in p for p in check_layer("es", root=data_root))
    stamp("es", ["eat-before"], root=data_root)
    assert check_layer("es", root=data_root) == []


def test_the_one_record_file_is_stamped_at_its_top(data_root):
    stamp("es", root=data_root)
    first = (data_root / "es" / "guide.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert first.startswith("source_revision: ") and "TODO" not in first


def test_a_run_in_spanish_shows_the_translation_and_english_stays_english(cli, data_root):
    stamp("es", root=data_root)
    es = cli("--lang", "es", "faq", "ayunar", "--format", "json")
    assert es.code == 0, es.stderr
    hit = next(e for e in es.json()["data"] if e["id"] == "eat-before")
    assert hit["question"].startswith("¿Tengo que ayunar") and es.json()["lang"] == "es"
    assert hit["sources"][-1]["lang"] == "es"
    en = cli("faq", "--format", "json")
    entry = next(e for e in en.json()["data"] if e["id"] == "eat-before")
    assert entry["question"].startswith("Do I need to fast") and en.json()["lang"] == "en"
    assert all("lang" not in s for s in entry["sources"])


def test_the_cache_key_holds_the_language_and_the_translation(cli, data_root):
    stamp("es", root=data_root)
    for _ in range(2):  # the second runs read the cache
        assert "Solo educativo" in cli("--lang", "es", "costs", "--format", "plain").stdout
        assert "Educational only" in cli("costs", "--format", "plain").stdout
    layer = data_root / "es" / "guide.yaml"
    layer.write_text(layer.read_text(encoding="utf-8").replace("Solo educativo",
                                                               "Sólo educativo"),
                     encoding="utf-8")
    assert "Sólo educativo" in cli("--lang", "es", "costs", "--format", "plain").stdout


def test_a_broken_translation_file_never_fails_a_run(cli, data_root):
    (data_root / "es" / "faq.yaml").write_text("entries: [: broken\n", encoding="utf-8")
    (data_root / "es" / "care.yaml").write_text("- not a mapping\n", encoding="utf-8")
    out = cli("--lang", "es", "faq", "--format", "json")
    assert out.code == 0 and out.json()["lang"] == "es"
    assert cli("--lang", "es", "care", "--format", "json").code == 0


def test_coverage_lists_what_is_not_translated(data_root):
    missing = coverage("es", root=data_root)
    assert "therapies: no es/therapies.yaml" in missing
    assert "faq[missed-infusion]: not translated" in missing
    assert not any(line.startswith("faq[eat-before]") for line in missing)
    assert "guide.title: left in English" in missing


def test_numbers_of_the_english_must_stay_in_the_translation(data_root):
    layer = data_root / "es" / "checklists.yaml"
    layer.write_text(layer.read_text(encoding="utf-8").replace("100.4 °F", "100,4 °F"),
                     encoding="utf-8")
    stamp("es", root=data_root)
    problems = check_layer("es", root=data_root)
    assert problems == ["checklists[before-be-well].detail: the number '100.4' of the English "
                        "is missing"]
