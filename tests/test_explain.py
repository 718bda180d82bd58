"""The plain-English problems of issue 16, one mistake at a time: what a nurse writes, and the
words `validate` answers with (file, line and column kept)."""

import pytest

CLINIC = 'name: "Test Clinic"\nphone: "555-0100"\n'

# file, text, (line, column), words the message must hold
CASES = [
    ("clinic.yaml", CLINIC + "hours: Monday: 8 to 5\n", (3, 14),
     "put the text in quotes: hours: 'Monday: 8 to 5'"),
    ("clinic.yaml", CLINIC + "parking: Don't park: level 1\n", (3, 20),
     "put the text in quotes: parking: \"Don't park: level 1\""),
    ("clinic.yaml", CLINIC + "notes:\n  - text: Note: bring ID\n", (4, 15),
     "put the text in quotes: - text: 'Note: bring ID'"),
    ("clinic.yaml", CLINIC + "hide:\n\ttherapies: [rituximab]\n", (4, 1),
     "indent with spaces"),
    ("clinic.yaml", CLINIC + "address: 1 Main St\n  hours: 9 to 5\n", (4, 8),
     "indented differently from the lines around it"),
    ("clinic.yaml", CLINIC + "notes: A note\n", (3, 8),
     "a list is expected here: put each item on its own line starting with '- '"),
    ("clinic.yaml", CLINIC + "hide: cyclophosphamide\n", (3, 7),
     "a group of 'key: value' lines is expected here, not text"),
    ("clinic.yaml", CLINIC + "address: [1 Main St]\n", (3, 10),
     "text is expected here, not a list"),
    ("clinic.yaml", 'name: ""\nphone: "555-0100"\n', (1, 7), "this text is empty"),
    ("clinic.yaml", 'name: "A"\nphone:"555-0100"\n', (3, 1),
     'line 2 has no space after the colon, so YAML does not read it as a key and its value; '
     'write phone: "555-0100"'),
    ("clinic.yaml", CLINIC + "notes:\n  - text:Bring ID\n", (4, 5),
     "there is no space after the colon, so YAML read text, not a key and its value; write "
     "text: Bring ID"),
    ("clinic.yaml", CLINIC + 'parking: "Level "2" west"\n', (3, 18),
     "a quote mark inside quoted text ends the text early"),
    ("clinic.yaml", CLINIC + "parking: 'Don't park here'\n", (3, 15),
     "a quote mark inside quoted text ends the text early"),
    ("clinic.yaml", CLINIC + "hours: 9\n", (3, 8),
     "text is expected here, but YAML read a number; put the value in quotes"),
    ("checklists.yaml", "items:\n  - id: Bring Book\n    stage: before\n    text: x\n", (2, 9),
     "'Bring Book' is not an id: ids are lower-case letters, digits and hyphens; write "
     "'bring-book'"),
    ("checklists.yaml", "items:\n  - id: b\n    stage: Before\n    text: x\n", (3, 12),
     "'Before' is not one of the choices: before, during, after"),
    ("faq.yaml", "entries:\n  - id: a\n    question: q\n    answer: a\n    sources:\n"
                 "      - {title: t, url: 'http://x.org', checked: '2026-01-01'}\n", (6, 25),
     "a web address is expected here: https://"),
    ("faq.yaml", "entries:\n  - id: a\n    question: q\n    answer: a\n    sources:\n"
                 "      - {title: t, url: 'https://x.org', checked: '1 May 2026'}\n", (6, 51),
     "'1 May 2026' is not a date written YYYY-MM-DD"),
]


@pytest.mark.parametrize(("file", "text", "where", "words"), CASES)
def test_each_mistake_in_plain_words(cli, tmp_path, file, text, where, words):
    if file != "clinic.yaml":
        (tmp_path / "clinic.yaml").write_text(CLINIC)
    (tmp_path / file).write_text(text)
    result = cli("validate", str(tmp_path), "--format", "json")
    assert result.code == 4
    problems = result.json()["data"]["problems"]
    hits = [p for p in problems if words in p["message"]]
    assert hits, problems
    assert (hits[0]["line"], hits[0]["column"]) == where
    assert "`" not in hits[0]["text"] and "$." not in hits[0]["text"]
    assert "YAML error" not in hits[0]["text"]


def test_the_pasted_fix_is_valid_yaml_with_the_same_text():
    import yaml

    from lupus_guide.content.explain import quoted_yaml

    for text in ["Level 2: west", "Don't park: here", 'say "hi": now', "back\\slash: x"]:
        assert yaml.safe_load(f"k: {quoted_yaml(text)}") == {"k": text}


@pytest.mark.parametrize("name", ["README.md", "logo.png", "clinic.yaml~", "faq.yaml.bak",
                                  ".clinic.yaml.swp", "notes.pdf"])
def test_files_not_meant_as_content_are_left_alone(cli, tmp_path, name):
    (tmp_path / "clinic.yaml").write_text(CLINIC)
    (tmp_path / name).write_text("x")
    assert cli("validate", str(tmp_path)).code == 0


@pytest.mark.parametrize(("name", "meant"), [("checklist.yaml", "checklists.yaml"),
                                             ("FAQ.yaml", "faq.yaml"), ("clinic.yml", None),
                                             ("Therapy.yaml", "therapies.yaml"),
                                             ("cost.yml", "costs.yaml"), ("care.txt", "care.yaml"),
                                             ("faq", "faq.yaml")])
def test_a_misnamed_file_is_a_problem_with_the_likely_name(cli, tmp_path, name, meant):
    (tmp_path / "clinic.yaml").write_text(CLINIC)
    (tmp_path / name).write_text("x: 1\n")
    problems = cli("validate", str(tmp_path), "--format", "json").json()["data"]["problems"]
    assert [p["file"] for p in problems] == [str(tmp_path / name)]
    assert f"unknown file '{name}'" in problems[0]["message"]
    assert f"did you mean '{meant or 'clinic.yaml'}'?" in problems[0]["message"]
