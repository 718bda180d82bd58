"""The visit summary and logging (issue 14): what needs attention at the top, every reaction,
follow-ups that can be closed, the page's header, the schedule, prompts after logging, and the
README's journal examples run exactly as written."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from test_print import TOOLS, chromium_pdf, read_pdf

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "home"
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


def add(cli, *args: str):
    result = cli("journal", "add", *args)
    assert result.code == 0, result.stderr
    return result


def a_month(cli):
    """A caregiver's month: infusions, a severe reaction, a fever, calls, an overdue follow-up."""
    add(cli, "infusion", "--therapy", "belimumab", "--date", day(-28), "--dose", "10 mg/kg")
    add(cli, "infusion", "--therapy", "Benlysta", "--date", day(-14), "--time", "09:30")
    add(cli, "reaction", "--symptom", "mild headache", "--severity", "mild",
        "--therapy", "belimumab", "--date", day(-27))
    add(cli, "reaction", "--symptom", "trouble breathing, lips swelling", "--severity", "severe",
        "--therapy", "belimumab", "--date", day(-14), "--time", "10:15", "--note", "went to ER")
    add(cli, "reaction", "--symptom", "fever 101F", "--severity", "moderate", "--date", day(-10))
    add(cli, "call", "--with", "insurer", "--about", "prior authorization",
        "--follow-up", day(-3), "--reference", "AB123")
    add(cli, "call", "--with", "support", "--person", "Dana", "--phone", "555-0100",
        "--about", "copay card", "--follow-up", day(20))
    add(cli, "infusion", "--therapy", "voclosporin", "--date", day(-5))


def test_severe_and_overdue_stand_at_the_top_then_every_reaction(cli, home):
    a_month(cli)
    page = cli("journal", "summary", "--format", "plain").stdout
    top = page.index("NEEDS ATTENTION")
    severe, overdue = page.index("lips swelling (severe)"), page.index("overdue since")
    assert top < severe < overdue < page.index("Follow-ups (")
    assert "emergency sign" in page[top:overdue] and "call-the-team sign" in page[top:overdue]
    assert page.index("fever 101F") > severe  # severe first, then the other signs
    reactions = page[page.index("Reactions (3)"):]
    for words in ("mild headache", "went to ER", "10:15", day(-27), "moderate"):
        assert words in reactions, words
    assert reactions.index("mild headache") < reactions.index("Reactions by therapy")
    data = cli("journal", "summary", "--format", "json").json()["data"]
    assert [f["level"] for f in data["flagged"]] == ["emergency", "call"]
    assert data["severe"] == [4]
    assert "mild headache" not in str(data["flagged"])


@pytest.mark.parametrize("fmt", ["markdown", "html", "plain", "table"])
def test_every_format_holds_the_summary(cli, home, fmt):
    a_month(cli)
    page = cli("journal", "summary", "--format", fmt, "--name", "Ana Lopez").stdout
    for words in ("Ana Lopez", "Needs attention", "lips swelling", "OVERDUE", "copay card",
                  "Dana", "voclosporin (not in the guide)", "Printed", day(-28)):
        assert words.casefold() in page.casefold(), (fmt, words)


def test_follow_ups_overdue_first_then_closed_by_done_or_edit(cli, home):
    a_month(cli)
    states = [(f["id"], f["state"])
              for f in cli("journal", "summary", "--format", "json").json()["data"]["follow_ups"]]
    assert states == [(6, "overdue"), (7, "open")]
    assert cli("journal", "done", "6").code == 0
    assert cli("journal", "edit", "7", "--done").code == 0
    data = cli("journal", "summary", "--format", "json").json()["data"]
    assert [f["state"] for f in data["follow_ups"]] == ["closed", "closed"]
    assert data["open_follow_ups"] == []
    page = cli("journal", "summary", "--format", "plain").stdout
    assert f"closed {TODAY.isoformat()}" in page and "OVERDUE" not in page
    wrong = cli("journal", "done", "1")
    assert wrong.code == 2 and "not a call with a follow-up" in wrong.stderr


def test_header_names_whose_journal_the_period_and_when_printed(cli, home):
    a_month(cli)
    assert cli("journal", "name", "Ana Lopez").code == 0
    settings = home / "settings.json"
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    data = cli("journal", "summary", "--since", day(-20), "--format", "json").json()["data"]
    assert data["name"] == "Ana Lopez" and data["since"] == day(-20)
    assert data["until"] == TODAY.isoformat() and data["printed"].startswith(TODAY.isoformat())
    assert cli("journal", "summary", "--name", "Sam", "--format", "json").json()["data"][
        "name"] == "Sam"
    assert cli("journal", "name", "--forget").code == 0
    data = cli("journal", "summary", "--format", "json").json()["data"]
    assert data["name"] is None and data["since"] == day(-28)  # the first entry's day


def test_next_usual_dose_and_no_late_for_a_planned_dose(cli, home):
    add(cli, "infusion", "--therapy", "belimumab", "--date", day(-14))
    future = add(cli, "infusion", "--therapy", "belimumab", "--date", day(32))
    assert "in the future" in future.stderr and "lupus-guide schedule" in future.stderr
    data = cli("journal", "summary", "--therapy", "belimumab", "--start", day(-14),
               "--format", "json").json()["data"]
    assert data["next_dose"]["date"] == day(0) and data["next_dose"]["dose"] == 2
    assert not any("late" in row["status"] for row in data["schedule"])


def test_a_schedule_that_starts_later_has_no_doses_due_yet(cli, home):
    add(cli, "note", "first day")
    result = cli("journal", "summary", "--therapy", "belimumab", "--start", day(30),
                 "--format", "plain")
    assert result.code == 0, result.stderr
    assert "No doses due yet" in result.stdout and "--until" not in result.stderr
    assert f"dose 1 on {day(30)}" in result.stdout


@pytest.mark.parametrize(("symptom", "severity", "says_911", "says_call"), [
    ("trouble breathing, lips swelling", "severe", True, None),
    ("chest pain", "moderate", True, None),
    ("a rash I can't explain", "severe", True, True),
    ("burning when I pee", "mild", False, True),
    ("tired", "mild", False, False),
])
def test_prompts_after_a_reaction(cli, home, symptom, severity, says_911, says_call):
    result = add(cli, "reaction", "--symptom", symptom, "--severity", severity)
    assert ("call 911" in result.stderr) is says_911
    if says_call is not None:  # an emergency sign may also be on a call list
        assert ("call your care team about this now" in result.stderr) is says_call
    assert len(result.stderr.strip().splitlines()) <= 2


def test_the_call_prompt_gives_the_clinics_phone(cli, home):
    result = add(cli, "reaction", "--symptom", "fever 38.5C", "--severity", "moderate",
                 "--clinic", str(ROOT / "examples" / "clinic-pack"))
    assert "call your care team about this now" in result.stderr and "555-0100" in result.stderr


def test_edit_changes_every_field_of_a_kind_and_says_which_fields_a_kind_has(cli, home):
    a_month(cli)
    assert cli("journal", "edit", "4", "--severity", "moderate").code == 0
    assert cli("journal", "edit", "6", "--with", "support", "--person", "Lee",
               "--phone", "555-0199").code == 0
    shown = cli("journal", "show", "6", "--format", "json").json()["data"]["fields"]
    assert (shown["with"], shown["person"], shown["phone"]) == ("support", "Lee", "555-0199")
    assert cli("journal", "show", "4", "--format", "json").json()["data"]["fields"][
        "severity"] == "moderate"
    wrong = cli("journal", "edit", "6", "--dose", "3")
    assert wrong.code == 2 and "--dose is not a field of a call entry" in wrong.stderr
    assert cli("journal", "edit", "4", "--severity", "awful").code == 2


def test_every_journal_option_has_help_and_edit_does_not_claim_a_default(cli):
    import typer

    from lupus_guide.cli.commands.journal import app

    group = typer.main.get_command(app)
    commands = list(group.commands.values())  # type: ignore[attr-defined]
    commands += list(group.commands["add"].commands.values())  # type: ignore[attr-defined]
    assert len(commands) >= 12
    for command in commands:
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, (command.name, param.name)
    edit_help = cli("journal", "edit", "--help").stdout
    assert "default today" not in edit_help and "--severity" in edit_help
    assert "support programme" in " ".join(cli("journal", "add", "call", "--help").stdout.split())


@pytest.mark.parametrize("args", [["journal"], ["journal", "add"]])
def test_bare_journal_and_add_print_help_on_stdout(cli, home, args):
    result = cli(*args)
    assert result.code == 0 and result.stdout.startswith("Usage:") and result.stderr == ""


def test_show_has_no_empty_header_row(cli, home):
    a_month(cli)
    for fmt in ("markdown", "plain", "html"):
        page = cli("journal", "show", "7", "--format", fmt).stdout
        assert "Dana" in page and "555-0100" in page
        assert not re.search(r"\|\s*\|\s*\|", page) and "<th></th>" not in page, fmt


def test_plain_lists_have_one_layout_whatever_the_width(cli, home):
    add(cli, "note", "short")

    def shape(page: str) -> list[str]:
        return [line.split(":")[0] for line in page.splitlines() if ":" in line]

    narrow = cli("journal", "list", "--format", "plain").stdout
    add(cli, "note", "a much longer note " * 8)
    wide = cli("journal", "list", "--format", "plain").stdout
    assert shape(narrow)[:3] == shape(wide)[:3] == ["When", "Kind", "Details"]


def test_export_follows_the_output_suffix(cli, home):
    a_month(cli)
    text = cli("journal", "export", "-o", "x.txt")
    assert "(plain)" in text.stderr and Path("x.txt").read_text().startswith("Journal export")
    table = cli("journal", "export", "-o", "x.csv")
    assert "(csv)" in table.stderr and Path("x.csv").read_text().startswith("id,kind,date")


def test_free_text_therapies_are_kept_and_the_guides_found_by_any_name(cli, home):
    for name in ("voclosporin", "IVIG", "iron sucrose"):
        add(cli, "infusion", "--therapy", name)
    add(cli, "infusion", "--therapy", "Benlysta")
    therapies = [e["therapy"] for e in cli("journal", "list", "--format", "json").json()["data"]]
    assert therapies == ["voclosporin", "IVIG", "iron sucrose", "belimumab"]
    assert "IVIG (not in the guide)" in cli("journal", "list", "--format", "plain").stdout
    only = cli("journal", "list", "--therapy", "IVIG", "--format", "json").json()["data"]
    assert [e["therapy"] for e in only] == ["IVIG"]
    typo = cli("journal", "add", "infusion", "--therapy", "rituximb")
    assert typo.code == 3 and 'Did you mean "rituximab"' in typo.stderr
    exported = cli("journal", "export", "-o", "back.json")
    assert exported.code == 0
    (home / "journal.sqlite3").unlink()
    assert cli("journal", "import", "back.json").code == 0  # a free-text therapy round-trips


def test_a_version_3_journal_keeps_working(cli, home):
    """The new fields live in an entry's fields: no new column, no migration, nothing lost."""
    add(cli, "note", "before")
    database = home / "journal.sqlite3"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        db.execute("INSERT INTO entries (kind, date, therapy, fields, created, uuid) VALUES "
                   "('call', ?, NULL, ?, ?, 'u-old')",
                   (day(-9), '{"with": "insurer", "about": "old call", "follow_up": "'
                    + day(-2) + '"}', day(-9)))
    data = cli("journal", "summary", "--format", "json").json()["data"]
    assert [(f["fields"]["about"], f["state"]) for f in data["follow_ups"]] == [
        ("old call", "overdue")]
    assert cli("journal", "done", "2").code == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 2


def readme_journal_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## The journal", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.strip().splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        commands += [part.strip() for part in line.split("&&")]
    return commands


def test_the_readme_journal_examples_run_exactly_as_written(cli, home):
    commands = readme_journal_commands()
    assert len(commands) >= 8
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "lupus-guide"
        result = cli(*words[1:])
        assert result.code == 0, (command, result.stderr)
        assert "error" not in result.stderr.casefold(), (command, result.stderr)
    assert Path("visit.html").exists() and Path("backup.json").exists()
    assert stat.S_IMODE(os.stat("visit.html").st_mode) == 0o600


@pytest.fixture
def printer(tmp_path_factory):
    """(work folder, to_pdf): Chromium prints an HTML file; its text with form feeds between
    pages, the page count and pdfinfo's size line come back."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"not installed here: {', '.join(missing)}")
    work = tmp_path_factory.mktemp("summary-print")

    def to_pdf(html_file):
        pages, count, size = read_pdf(chromium_pdf(html_file, work / "profile"))
        return "\f".join(pages), count, size

    return work, to_pdf


def test_the_printed_summary_has_no_orphan_last_page(cli, home, printer):
    """A note just long enough to need one more page: that page holds more than the
    disclaimer (without the fix, the disclaimer alone went onto it)."""
    work, to_pdf = printer
    a_month(cli)
    for number in range(6):
        add(cli, "reaction", "--symptom", f"rash on the arms {number}", "--severity", "mild",
            "--therapy", "belimumab", "--note", "gone after two days")

    def printed(words: int) -> list[str]:
        assert cli("journal", "edit", "9", "--note", "word " * words + "end").code == 0
        html_file = work / f"summary-{words}.html"
        assert cli("journal", "summary", "--therapy", "belimumab", "--start", day(-28),
                   "--name", "Ana Lopez", "-o", str(html_file)).code == 0
        text, pages, _ = to_pdf(html_file)
        sheets = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
        assert len(sheets) == pages
        return sheets

    low, high = 0, 640
    first = len(printed(low))
    assert len(printed(high)) > first, "the longest note should need one more page"
    while high - low > 4:  # the shortest note that needs one more page
        middle = (low + high) // 2
        low, high = (low, middle) if len(printed(middle)) > first else (middle, high)
    sheets = printed(high)
    last = sheets[-1]
    assert not last.startswith("Educational only"), last
    assert "Reactions by therapy and severity" in last or "went to ER" in last, last
    assert "lips swelling" in sheets[0] and "OVERDUE" in sheets[0]
