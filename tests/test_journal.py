"""`journal` commands: log, read back, change, delete, export, import and sum up."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def add(cli, *args):
    result = cli("journal", "add", *args, "--format", "json")
    assert result.code == 0, result.stderr
    return result.json()["data"]["id"]


def test_log_every_kind_and_list_them(cli, home):
    add(cli, "infusion", "--therapy", "Benlysta", "--date", "2027-01-04", "--time", "9:30",
        "--dose", "10 mg/kg", "--site", "Riverside")
    add(cli, "reaction", "--symptom", "rash", "--severity", "mild", "--therapy", "belimumab",
        "--date", "2027-01-05")
    add(cli, "call", "--with", "insurer", "--about", "prior authorization", "--reference", "AB123",
        "--follow-up", "2027-02-01", "--date", "2027-01-06")
    add(cli, "note", "Felt tired\nafter the drip", "--date", "2027-01-07")
    entries = cli("journal", "list", "--format", "json").json()["data"]
    assert [e["kind"] for e in entries] == ["infusion", "reaction", "call", "note"]
    assert entries[0]["therapy"] == "belimumab" and entries[0]["time"] == "09:30"
    assert entries[0]["fields"] == {"dose": "10 mg/kg", "site": "Riverside"}
    assert entries[3]["fields"]["text"] == "Felt tired\nafter the drip"
    only = cli("journal", "list", "--kind", "call", "--format", "json").json()["data"]
    assert [e["fields"]["reference"] for e in only] == ["AB123"]
    since = cli("journal", "list", "--since", "2027-01-06", "--format", "json").json()["data"]
    assert len(since) == 2
    assert (home / "journal.sqlite3").exists()


def test_show_edit_and_delete(cli, home):
    entry = add(cli, "reaction", "--symptom", "headache", "--severity", "moderate")
    assert cli("journal", "show", str(entry), "--format", "json").json()["data"]["fields"][
        "severity"] == "moderate"
    assert cli("journal", "edit", str(entry), "--note", "gone by evening").code == 0
    fields = cli("journal", "show", str(entry), "--format", "json").json()["data"]["fields"]
    assert fields == {"symptom": "headache", "severity": "moderate", "note": "gone by evening"}
    refused = cli("journal", "delete", str(entry))  # no terminal to ask on
    assert refused.code == 2 and "--yes" in refused.stderr
    assert cli("journal", "delete", str(entry), "--yes").code == 0
    missing = cli("journal", "show", str(entry))
    assert missing.code == 3 and "no journal entry" in missing.stderr


def test_export_import_round_trip(cli, home, tmp_path, monkeypatch):
    add(cli, "note", 'quotes "double" and \'single\', commas, ü, 💊\nnew line')
    add(cli, "call", "--with", "clinic", "--about", "moving my infusion")
    backup = tmp_path / "backup.json"
    assert cli("journal", "export", "-o", str(backup)).code == 0
    original = cli("journal", "list", "--format", "json").json()["data"]
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path / "other"))
    assert cli("journal", "import", str(backup)).code == 0
    restored = cli("journal", "list", "--format", "json").json()["data"]
    assert [{k: v for k, v in e.items() if k != "id"} for e in restored] == \
           [{k: v for k, v in e.items() if k != "id"} for e in original]


@pytest.mark.parametrize("fmt,check", [
    ("csv", lambda t: t.startswith("id,kind,date,time,therapy,") and "prior authorization" in t),
    ("markdown", lambda t: t.startswith("# Journal export")),
    ("html", lambda t: t.startswith("<!DOCTYPE html>") and "prior authorization" in t),
    ("json", lambda t: json.loads(t)["command"] == "journal export"),
])
def test_export_formats(cli, home, fmt, check):
    add(cli, "call", "--with", "insurer", "--about", "prior authorization")
    result = cli("journal", "export", "--format", fmt)
    assert result.code == 0 and check(result.stdout)


def test_summary_flags_symptoms_the_guide_lists(cli, home):
    add(cli, "infusion", "--therapy", "rituximab", "--date", "2027-01-04")
    add(cli, "reaction", "--symptom", "chest pain", "--severity", "severe",
        "--therapy", "rituximab", "--date", "2027-01-04")
    add(cli, "reaction", "--symptom", "tired", "--severity", "mild", "--therapy", "rituximab",
        "--date", "2027-01-05")
    add(cli, "call", "--with", "insurer", "--about", "appeal", "--follow-up", "2099-01-01")
    data = cli("journal", "summary", "--format", "json").json()["data"]
    assert len(data["infusions"]) == 1 and len(data["reactions"]) == 2
    assert [(f["entry"], f["level"]) for f in data["flagged"]] == [(2, "emergency")]
    assert [e["fields"]["about"] for e in data["open_follow_ups"]] == ["appeal"]
    page = cli("journal", "summary", "--format", "html").stdout
    assert "911" in page and "<!DOCTYPE html>" in page


@pytest.mark.parametrize("args,words", [
    (["journal", "add", "infusion", "--therapy", "belimumb"], 'Did you mean "belimumab"'),
    (["journal", "add", "note", "x", "--date", "2027-13-01"], "is not a date"),
    (["journal", "add", "note", "x", "--time", "25:99"], "is not a time"),
    (["journal", "add", "note", "   "], "is empty"),
    (["journal", "add", "reaction", "--symptom", "rash", "--severity", "awful"], "awful"),
    (["journal", "list", "--kind", "meal"], "is not one of"),
    (["journal", "import", "/nonexistent/file.json"], "cannot read"),
])
def test_bad_input_is_one_line(cli, home, args, words):
    result = cli(*args)
    assert result.code in (2, 3), result.stderr
    assert result.stderr.count("\n") == 1 and words in result.stderr


def test_no_journal_yet_is_a_friendly_line_not_an_error(cli, home):
    for command in ("list", "summary"):
        result = cli("journal", command)
        assert result.code == 0 and "No journal yet" in result.stderr, command


def test_a_damaged_journal_is_never_overwritten_and_never_quoted(cli, home):
    home.mkdir(parents=True)
    damaged = b"SQLite format 3\x00" + b"my private note " * 300
    (home / "journal.sqlite3").write_bytes(damaged)
    result = cli("journal", "add", "note", "new words")
    assert result.code == 6 and "not a readable lupus-guide journal" in result.stderr
    assert "private" not in result.stderr and "new words" not in result.stderr
    assert (home / "journal.sqlite3").read_bytes() == damaged


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
                    | st.sampled_from("\n\t"),
                    min_size=1, max_size=200).filter(lambda t: t.strip()))
def test_any_text_round_trips_through_the_commands(cli, tmp_path_factory, monkeypatch, text):
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path_factory.mktemp("home")))
    # "--" ends the options, so a note may start with "-"
    added = cli("journal", "add", "note", "--format", "json", "--", text)
    assert added.code == 0, added.stderr
    entry = added.json()["data"]["id"]
    assert cli("journal", "show", str(entry), "--format", "json").json()["data"]["fields"][
        "text"] == text
    exported = cli("journal", "export", "--format", "json").stdout
    backup = tmp_path_factory.mktemp("backup") / "b.json"
    backup.write_text(exported, encoding="utf-8")
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path_factory.mktemp("other")))
    assert cli("journal", "import", str(backup)).code == 0
    assert cli("journal", "list", "--format", "json").json()["data"][0]["fields"]["text"] == text


def test_summary_against_the_usual_schedule(cli, home):
    import datetime as dt

    start = dt.date.today() - dt.timedelta(days=70)  # doses due at 0, 14, 28 and 56 days
    due = [start + dt.timedelta(days=d) for d in (0, 14, 28, 56)]
    add(cli, "infusion", "--therapy", "belimumab", "--date", due[0].isoformat())
    add(cli, "infusion", "--therapy", "belimumab", "--date",
        (due[1] + dt.timedelta(days=2)).isoformat())
    add(cli, "infusion", "--therapy", "belimumab", "--date", due[3].isoformat())
    add(cli, "infusion", "--therapy", "rituximab", "--date", due[2].isoformat())  # another therapy
    data = cli("journal", "summary", "--therapy", "Benlysta", "--start", start.isoformat(),
               "--format", "json").json()["data"]
    assert [r["status"] for r in data["schedule"]] == ["on the day", "2 days late", "missed",
                                                       "on the day"]
    text = cli("journal", "summary", "--therapy", "Benlysta", "--start", start.isoformat(),
               "--format", "plain").stdout
    assert "Against the usual schedule" in text and "missed" in text


def test_summary_start_needs_a_therapy(cli, home):
    add(cli, "note", "x")
    result = cli("journal", "summary", "--start", "2027-01-01")
    assert result.code == 2 and "--therapy" in result.stderr


@pytest.mark.parametrize("command", [["list"], ["export"], ["summary"]])
def test_dash_o_htm_means_html_for_every_journal_command(cli, home, tmp_path, command):
    add(cli, "note", "a note")
    target = tmp_path / "out.htm"
    result = cli("journal", *command, "-o", str(target))
    assert result.code == 0, result.stderr
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_every_journal_command_takes_a_clinic_pack(cli, home):
    entry = add(cli, "note", "a note", "--clinic", "examples/clinic-pack")
    shown = cli("journal", "show", str(entry), "--clinic", "examples/clinic-pack")
    assert shown.code == 0 and "Riverside Infusion Center" in shown.stdout
