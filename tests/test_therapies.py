import pytest
from content_ids import THERAPY_IDS


def test_overview_lists_every_therapy(cli, content):
    result = cli("therapies", "--format", "json")
    assert result.code == 0
    ids = [record["id"] for record in result.json()["data"]]
    assert ids == list(THERAPY_IDS)


@pytest.mark.parametrize("width", ["120", "80", "40"])
def test_overview_is_readable_at_every_width(cli, content, width):
    result = cli("therapies", env={"COLUMNS": width})
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    text = " ".join(result.stdout.split())
    for therapy in content.therapies:
        assert therapy.generic_name in text, (width, therapy.id)  # never cut into letters


def test_narrow_terminal_shows_cards_not_a_squeezed_table(cli):
    result = cli("therapies", env={"COLUMNS": "40"})
    assert "How it is given:" in result.stdout
    assert "┏" not in result.stdout  # the wide table's header is gone


@pytest.mark.parametrize("name,expected", [
    ("belimumab", "belimumab"), ("BENLYSTA", "belimumab"), ("Saphnelo", "anifrolumab"),
    ("rituxan", "rituximab"), ("Truxima", "rituximab"), ("rituximab-abbs", "rituximab"),
    ("gazyva", "obinutuzumab"), ("Solu-Medrol", "methylprednisolone"),
    ("  Cyclophosphamide ", "cyclophosphamide"),
])
def test_one_therapy_by_any_name(cli, name, expected):
    result = cli("therapies", name, "--format", "json")
    assert result.code == 0, result.stderr
    assert result.json()["data"]["id"] == expected


def test_therapy_record_has_every_field_and_its_sources(cli):
    record = cli("therapies", "rituximab", "--format", "json").json()["data"]
    for key in ("id", "generic_name", "brand_names", "biosimilars", "drug_class", "how_it_works",
                "approval", "schedule", "boxed_warning", "call_emergency", "sources"):
        assert key in record
    assert record["sources"] and all(s["url"].startswith("https://") for s in record["sources"])


def test_unknown_therapy_suggests_the_closest_name(cli):
    result = cli("therapies", "benlista")
    assert result.code == 3
    assert result.stdout == ""
    assert result.stderr.strip() == (
        'lupus-guide therapies: No therapy named "benlista". Did you mean "Benlysta"?')


def test_empty_therapy_name_is_a_usage_error(cli):
    result = cli("therapies", "  ")
    assert result.code == 2
    assert "empty" in result.stderr


def test_rituximab_page_says_off_label_and_shows_its_boxed_warning(cli):
    result = cli("therapies", "rituximab", "--format", "plain")
    text = " ".join(result.stdout.split())
    assert "BOXED WARNING" in text
    assert "off-label" in text.lower()


def test_page_shows_every_section(cli, content):
    result = cli("therapies", "belimumab", "--format", "plain")
    for heading in ("Approved for lupus?", "The usual schedule on the label", "Before you start",
                    "COMMON SIDE EFFECTS", "CALL YOUR CARE TEAM", "EMERGENCY", "Pregnancy",
                    "Breastfeeding", "Tests and check-ups", "Help paying", "Sources"):
        assert heading in result.stdout, heading



def test_a_name_shared_by_two_therapies_asks_which(content):
    import msgspec

    from lupus_guide.errors import NotFound
    from lupus_guide.find import find_therapy

    first, second = (msgspec.structs.replace(t, other_names=[*t.other_names, "Anti-CD20"])
                     for t in content.therapies[:2])
    with pytest.raises(NotFound) as caught:
        find_therapy([first, second, *content.therapies[2:]], "anti-cd20")
    assert f'"{first.id}" or "{second.id}"' in caught.value.line()
