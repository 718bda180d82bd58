def test_every_source_has_url_date_and_what_it_supports(cli):
    data = cli("sources", "--format", "json").json()["data"]
    assert len(data) >= 10
    for record in data:
        assert record["url"].startswith("https://")
        assert len(record["checked"]) == 10
        assert record["supports"]


def test_every_therapy_is_supported_by_some_source(cli, content):
    data = cli("sources", "--format", "json").json()["data"]
    supported = " ".join(p for r in data for p in r["supports"])
    for therapy in content.therapies:
        assert f"therapies {therapy.id}:" in supported


def test_every_fact_group_is_listed_where_its_sources_support_it(cli, content):
    records = cli("sources", "--format", "json").json()["data"]
    places = {place for record in records for place in record["supports"]}
    for therapy in content.therapies:
        for name, section in therapy.sections():
            if section.sources:
                assert f"therapies {therapy.id}: {name.replace('_', ' ')}" in places
