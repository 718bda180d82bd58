import pytest


@pytest.mark.parametrize("command,must_mention", [
    ("costs", ["prior authorization", "appeal", "step therapy", "external review"]),
    ("care", ["vaccine", "pregnan", "urine"]),
])
def test_topics_cover_the_brief(cli, command, must_mention):
    result = cli(command, "--format", "json")
    assert result.code == 0
    text = str(result.json()["data"]).lower()
    for word in must_mention:
        assert word in text, word


def test_costs_table_has_sources(cli):
    result = cli("costs", "--format", "plain")
    assert "Sources" in result.stdout and "https://" in result.stdout
