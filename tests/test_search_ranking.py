"""Search answers the question typed (issue 15): rare words count for more, stop words for
nothing, senses stay apart, the best answer comes first and the list stays short."""

import os
import stat

import pytest
from search_questions import FAQ_QUESTIONS

from lupus_guide import search
from lupus_guide.analysis import analyzer, english_stem


def top_ids(content, question, n=1):
    return [hit.id for hit in search.search_faq(content, question)[:n]]


def test_the_table_has_enough_real_questions(content):
    assert len(FAQ_QUESTIONS) >= 25
    ids = {entry.id for entry in content.faq}
    assert {expected for _, expected in FAQ_QUESTIONS} <= ids


@pytest.mark.parametrize(("question", "expected"), FAQ_QUESTIONS)
def test_the_best_answer_comes_first(content, question, expected):
    assert top_ids(content, question) == [expected]


def test_eating_question_answers_eating_first_in_a_short_list(cli):
    result = cli("faq", "what should I eat before my infusion", "--format", "json")
    assert result.code == 0, result.stderr
    hits = result.json()["data"]
    assert hits[0]["id"] == "eat-before" and hits[0]["shown"] == "answer"
    assert len(hits) <= 8
    full = [h for h in hits if h["shown"] == "answer"]
    assert 1 <= len(full) <= 3
    assert hits[: len(full)] == full  # answers first, then the other questions


def test_other_questions_are_listed_not_answered(cli):
    result = cli("faq", "what should I eat before my infusion", "--format", "plain")
    listed = [h for h in cli("faq", "what should I eat before my infusion", "--format",
                             "json").json()["data"] if h["shown"] == "question"]
    assert listed, "the eating question should also list a few related questions"
    assert "Other questions that may help" in result.stdout
    for hit in listed:
        assert f"- {hit['question']}" in result.stdout
        assert hit["answer"].split(".")[0] not in result.stdout


def test_cost_question_puts_cost_answers_first(cli, content):
    hits = cli("faq", "how much will it cost", "--format", "json").json()["data"]
    full = [h for h in hits if h["shown"] == "answer"]
    assert full and all("costs" in h["topics"] for h in full)
    found = cli("search", "how much will it cost", "--format", "json").json()["data"]
    assert found[0]["kind"] == "costs"


def test_eat_never_matches_faster(content):
    assert "eat" not in analyzer("en").terms("faster") + analyzer("en").terms("fast")
    slow = next(e for e in content.faq if "faster" in e.question)
    assert slow.id not in [hit.id for hit in search.search_faq(content, "eat")]


def test_fasting_and_fast_are_different_senses():
    words = analyzer("en")
    assert words.terms("fasting") != words.terms("fast")
    assert words.terms("faster") != words.terms("fast")
    index = search.build_index([("speed", ("", "", "a fast heartbeat, given faster")),
                                ("food", ("", "", "no food rules"))], [], words)
    assert list(search.score(index, "fasting", words)) == ["food"]


def test_stop_words_count_for_nothing():
    words = analyzer("en")
    assert words.terms("what should I do if it is") == []
    index = search.build_index([("a", ("", "", "what should I do if it is")),
                                ("b", ("", "", "rash"))], [], words)
    assert search.score(index, "what should I do about a rash", words) == {
        "b": pytest.approx(search.score(index, "rash", words)["b"])}


def test_a_rare_word_counts_for_more_than_a_common_one():
    words = analyzer("en")
    entries = [(f"common{i}", ("", "", "infusion day")) for i in range(8)]
    entries += [("rare", ("", "", "rash")), ("both", ("", "", "infusion infusion infusion"))]
    index = search.build_index(entries, [], words)
    found = search.score(index, "infusion rash", words)
    assert max(found, key=found.get) == "rare"


def test_a_question_word_counts_for_more_than_the_same_word_in_an_answer():
    words = analyzer("en")
    index = search.build_index([("title", ("rash", "", "other words here")),
                                ("body", ("other", "", "rash words here"))], [], words)
    found = search.score(index, "rash", words)
    assert found["title"] > found["body"]


def test_brand_names_find_the_generic_name(content):
    assert top_ids(content, "is rituxan approved for lupus") == ["rituximab-approved-for-lupus"]
    words = analyzer("en")
    index = search.build_index([("x", ("", "", "belimumab works slowly"))],
                               [["belimumab", "Benlysta"]], words)
    assert search.score(index, "benlysta", words)


def test_an_unknown_word_is_tried_as_the_start_of_longer_words(content):
    assert top_ids(content, "hepat") == ["hepatitis-b"]


@pytest.mark.parametrize(("word", "stem"), [
    ("eating", "eat"), ("vaccines", "vaccin"), ("vaccine", "vaccin"), ("driving", "driv"),
    ("drive", "driv"), ("planning", "plan"), ("swelling", "swell"), ("denied", "deny"),
    ("babies", "baby"), ("rashes", "rash"), ("lupus", "lupus"), ("faster", "faster"),
    ("needed", "need"), ("quickly", "quick"),
])
def test_english_stems(word, stem):
    assert english_stem(word) == stem


def test_search_results_are_short_and_best_first(cli):
    found = cli("search", "what should I eat before my infusion", "--format", "json").json()
    data = found["data"]
    assert data[0]["id"] in ("eat-before", "before-eat-drink")
    assert len(data) <= 25
    assert data[-1]["score"] >= data[0]["score"] * 0.25


def test_the_index_is_kept_beside_the_content_cache(tmp_path, monkeypatch):
    from lupus_guide.content import cache, default_layers, load_content

    layers = default_layers()
    first = load_content(layers, cache_dir=tmp_path)
    index = search.faq_index(first)
    kept = list(tmp_path.glob("*.search-faq-en.msgpack"))
    assert len(kept) == 1
    assert stat.S_IMODE(os.stat(kept[0]).st_mode) == 0o600

    def no_building(*args, **kwargs):
        raise AssertionError("the kept index should have been read")

    monkeypatch.setattr(search, "build_index", no_building)
    monkeypatch.setattr(cache, "_DERIVED", {})
    again = load_content(layers, cache_dir=tmp_path)
    assert search.faq_index(again) == index


def test_a_kept_index_for_other_words_is_rebuilt(tmp_path, monkeypatch):
    from lupus_guide.content import cache, default_layers, load_content

    layers = default_layers()
    search.faq_index(load_content(layers, cache_dir=tmp_path))
    monkeypatch.setattr(cache, "_DERIVED", {})
    built = []
    real = search.build_index
    monkeypatch.setattr(search, "build_index", lambda *a: built.append(1) or real(*a))
    monkeypatch.setattr(search, "INDEX_FORMAT", search.INDEX_FORMAT + 1)
    search.faq_index(load_content(layers, cache_dir=tmp_path))
    assert built == [1]


def test_an_index_built_for_a_command_that_left_the_therapies_out_knows_their_names(tmp_path):
    from lupus_guide.content import default_layers, load_content
    from lupus_guide.content.cache import NotLoaded

    layers = default_layers()
    load_content(layers, cache_dir=tmp_path)  # writes the cache
    faq_only = load_content(layers, cache_dir=tmp_path, parts=frozenset({"faq"}))
    assert isinstance(faq_only.therapies, NotLoaded)
    index = search.faq_index(faq_only)
    assert "belimumab" in index.meanings["benlysta"]
    assert [h.id for h in search.search_faq(faq_only, "rituxan approved")][:1] == [
        "rituximab-approved-for-lupus"]
