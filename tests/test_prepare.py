def _texts(stage_items):
    return " ".join(i["text"] + " " + i["detail"] for i in stage_items).lower()


def test_general_checklist_has_every_stage(cli):
    data = cli("prepare", "--format", "json").json()["data"]
    assert data["therapy"] is None
    assert set(data["stages"]) == {"before", "during", "after"}
    for items in data["stages"].values():
        assert items and all(not i["therapies"] for i in items)


def test_therapy_items_are_added(cli):
    general = cli("prepare", "--format", "json").json()["data"]
    ritux = cli("prepare", "--therapy", "rituximab", "--format", "json").json()["data"]
    assert ritux["therapy"] == "rituximab"
    assert len(ritux["stages"]["before"]) > len(general["stages"]["before"])
    assert "hepatitis b" in _texts(ritux["stages"]["before"])


def test_cyclophosphamide_mentions_fluids(cli):
    data = cli("prepare", "-t", "cyclophosphamide", "--format", "json").json()["data"]
    everything = " ".join(_texts(items) for items in data["stages"].values())
    assert "fluid" in everything or "drink" in everything


def test_stage_filter(cli):
    data = cli("prepare", "--stage", "after", "--format", "json").json()["data"]
    assert list(data["stages"]) == ["after"]


def test_check_boxes_in_table_and_plain(cli):
    assert "[ ]" in cli("prepare", "--format", "plain").stdout
    assert "☐" in cli("prepare").stdout


def test_unknown_therapy(cli):
    result = cli("prepare", "--therapy", "nope-mab")
    assert result.code == 3
    assert result.stderr.count("\n") == 1
