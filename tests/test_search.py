import pytest


def test_search_across_kinds_says_where(cli):
    data = cli("search", "hepatitis", "--format", "json").json()["data"]
    kinds = {hit["kind"] for hit in data}
    assert {"therapy", "checklist"} <= kinds
    assert all(hit["where"] for hit in data)
    scores = [h["score"] for h in data]
    assert scores == sorted(scores, reverse=True)


def test_search_finds_costs(cli):
    data = cli("search", "appeal", "--format", "json").json()["data"]
    assert any(hit["kind"] == "costs" for hit in data)


@pytest.mark.parametrize("text", ["", "   ", "a" * 500, "pain\x1b[31m"])
def test_bad_search_text_is_a_usage_error(cli, text):
    result = cli("search", text)
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_nothing_found(cli):
    result = cli("search", "qwxzzy")
    assert result.code == 3
    assert "Nothing in the guide matches" in result.stderr


@pytest.mark.parametrize("width", ["40", "80", "120"])
def test_results_table_keeps_words_whole(cli, width):
    result = cli("search", "hepatitis", env={"COLUMNS": width})
    assert result.code == 0
    assert "Where" in result.stdout and "What" in result.stdout
    assert "prepare ›" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)
