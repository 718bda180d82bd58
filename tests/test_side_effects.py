def test_four_groups_told_apart_by_words_and_symbols(cli):
    result = cli("side-effects", "belimumab", "--format", "plain")
    assert result.code == 0
    for marker, heading in (("(*)", "COMMON SIDE EFFECTS"),
                            ("(!)", "SERIOUS SIDE EFFECTS AND WARNINGS"),
                            ("(call)", "CALL YOUR CARE TEAM RIGHT AWAY"),
                            ("[911]", "EMERGENCY: CALL YOUR LOCAL EMERGENCY NUMBER NOW")):
        assert f"{marker} {heading}" in result.stdout


def test_all_therapies_by_default(cli, content):
    result = cli("side-effects", "--format", "json")
    data = result.json()["data"]
    assert [r["id"] for r in data] == [t.id for t in content.therapies]
    for record in data:
        assert record["common_side_effects"]["threshold"]
        assert "911" in " ".join([record["call_emergency"]["summary"],
                                  *record["call_emergency"]["items"]])


def test_boxed_warning_shown_where_the_label_has_one(cli):
    for name in ("rituximab", "obinutuzumab"):
        result = cli("side-effects", name, "--format", "plain")
        assert "[!!] BOXED WARNING" in result.stdout, name


def test_unknown_therapy(cli):
    result = cli("side-effects", "ritux")
    assert result.code == 3
    assert "Did you mean" in result.stderr
