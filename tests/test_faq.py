import pytest


def test_lists_at_least_twenty_questions(cli, content):
    data = cli("faq", "--format", "json").json()["data"]
    assert len(data) >= 20
    assert len(data) == len(content.faq)


@pytest.mark.parametrize("query,expected_word", [("pain", "hurt"), ("eat", "eat"),
                                                 ("drive home", "driv"), ("insurance no", "insur")])
def test_best_answer_first(cli, query, expected_word):
    result = cli("faq", query, "--format", "json")
    assert result.code == 0, result.stderr
    hits = result.json()["data"]
    assert expected_word in hits[0]["question"].lower()
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_topic_filter(cli):
    data = cli("faq", "--topic", "insurance", "--format", "json").json()["data"]
    assert data and all("insurance" in e["topics"] for e in data)


def test_unknown_topic_suggests(cli):
    result = cli("faq", "--topic", "insurence")
    assert result.code == 3
    assert 'Did you mean "insurance"?' in result.stderr


def test_therapy_filter_keeps_general_and_that_therapy(cli, content):
    data = cli("faq", "--therapy", "Benlysta", "--format", "json").json()["data"]
    assert data
    assert all(not e["therapies"] or "belimumab" in e["therapies"] for e in data)
    assert len(data) < len(content.faq)


def test_no_match(cli):
    result = cli("faq", "xylophone")
    assert result.code == 3
    assert result.stdout == ""
    assert "No question matches" in result.stderr


def test_answers_show_sources(cli):
    result = cli("faq", "vaccines", "--format", "plain")
    assert "https://" in result.stdout
