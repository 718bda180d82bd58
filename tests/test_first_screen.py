"""Issue 15, the first screen: the start page, `start NAME`, a therapy named as a command, one way
to name a therapy, emergencies first, the pager, the comparison table and help at any width."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from lupus_guide.content import load_content
from lupus_guide.find import therapy_names

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "clinic-pack")
BUNDLED = load_content()
THERAPY_IDS = [t.id for t in BUNDLED.therapies]


def _flat(text: str) -> str:
    """The words of ``text``, with the edges of boxes taken out."""
    return " ".join(text.replace("│", " ").split())


def _fits(text: str, columns: int, lines: int) -> None:
    rows = text.rstrip("\n").split("\n")
    assert len(rows) <= lines, f"{len(rows)} lines"
    assert max(len(row) for row in rows) <= columns


# --- start NAME ------------------------------------------------------------------------------

@pytest.mark.parametrize("therapy", THERAPY_IDS)
def test_start_fits_one_100_by_40_screen_and_names_911(cli, therapy):
    result = cli("start", therapy, env={"COLUMNS": "100"})
    assert result.code == 0, result.stderr
    _fits(result.stdout, 100, 40)
    flat = _flat(result.stdout)
    t = next(t for t in BUNDLED.therapies if t.id == therapy)
    assert "911" in flat
    shown = (t.how_it_works, t.schedule.usual, t.schedule.infusion_time, *t.call_emergency.items)
    for what in shown:
        assert " ".join(what.split()) in flat
    for command in ("prepare", "side-effects", "schedule", "handout"):
        assert f"lupus-guide {command} {therapy}" in flat


def test_start_shows_each_part_from_the_content(cli, content):
    flat = _flat(cli("start", "benlysta").stdout)
    tagged = {i.id: i for i in content.checklists if i.start_page is not None
              and (not i.therapies or "belimumab" in i.therapies)}
    assert {i.start_page for i in tagged.values()} == {"visit", "eating", "bring", "call"}
    for item in tagged.values():
        assert " ".join(item.text.split()) in flat, item.id
    assert "You do not need to fast" in flat  # the eating item's detail
    # another therapy's own items stay off this page
    other = [i for i in content.checklists if i.start_page and i.therapies
             and "belimumab" not in i.therapies]
    assert other and all(" ".join(i.text.split()) not in flat for i in other)
    # the typed name is the one to run next
    assert "lupus-guide prepare benlysta" in flat


def test_start_in_every_format(cli):
    for fmt in ("plain", "markdown", "html"):
        result = cli("start", "Saphnelo", "--format", fmt)
        assert result.code == 0 and "911" in result.stdout and "Saphnelo" in result.stdout
    data = cli("start", "Saphnelo", "--format", "json").json()
    assert data["command"] == "start"
    record = data["data"]
    assert record["therapy"] == "anifrolumab"
    assert record["call_emergency"]["summary"].count("911")
    assert record["visit"]["steps"] and record["eating_and_drinking"] and record["bring"]
    assert record["next"][0] == "lupus-guide prepare saphnelo"
    assert all(source["url"].startswith("https://") for source in record["sources"])


def test_start_with_a_clinic_pack_carries_its_phone_notes_and_what_to_bring(cli):
    result = cli("start", "belimumab", "--clinic", EXAMPLE, env={"COLUMNS": "100"})
    assert result.code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "555-0100" in flat and "555-0199" in flat
    assert "Our pharmacy mixes Benlysta" in flat  # the clinic's note for this therapy
    assert "check in 15 minutes" in flat  # and its note for every infusion
    assert "A sweater or small blanket" in flat
    assert "Bring a written list of your medicines" not in flat  # the pack hides that item
    data = cli("start", "belimumab", "--clinic", EXAMPLE, "--format", "json").json()["data"]
    assert data["clinic"]["phones"].startswith("Riverside Infusion Center: 555-0100")


def test_start_of_an_unknown_therapy_is_not_found(cli):
    result = cli("start", "benlysa")
    assert result.code == 3
    assert 'Did you mean "Benlysta"?' in result.stderr


# --- a therapy's name as a command --------------------------------------------------------------

def _names_of_one_therapy() -> list[str]:
    owners: dict[str, set[str]] = {}
    for t in BUNDLED.therapies:
        for name in therapy_names(t):
            owners.setdefault(name.casefold(), set()).add(t.id)
    return sorted({n for t in BUNDLED.therapies for n in therapy_names(t)
                   if len(owners[n.casefold()]) == 1 and not n.startswith("-")})


def test_a_name_two_therapies_share_suggests_nothing_wrong(cli):
    result = cli("anti-CD20")  # rituximab and obinutuzumab
    assert result.code == 2 and "No such command" in result.stderr


@pytest.mark.parametrize("name", _names_of_one_therapy())
def test_a_therapy_named_as_a_command_says_to_run_start(cli, name):
    result = cli(name)
    assert result.code == 2
    assert "is a therapy, not a command. Try: lupus-guide start " in result.stderr
    suggested = result.stderr.split("lupus-guide start ")[1].split()[0]
    assert cli("start", suggested, "--format", "json").code == 0  # and that command works


def test_a_mistyped_command_that_is_no_therapy_stays_unknown(cli):
    result = cli("nonesuch")
    assert result.code == 2
    assert "No such command" in result.stderr and "start" not in result.stderr


# --- the start page -----------------------------------------------------------------------------

def test_the_start_page_imports_no_content_and_no_rich(tmp_path):
    from test_imports import imported, modules_after

    modules = modules_after(tmp_path)
    for heavy in ("yaml", "rich", "msgspec", "lupus_guide.content", "lupus_guide.models"):
        assert not imported(modules, heavy), heavy


def test_help_shows_the_same_start_page_as_no_words(cli):
    assert cli("help").stdout == cli().stdout


def test_help_in_every_format_and_for_one_command(cli):
    data = cli("help", "--format", "json").json()["data"]
    assert [c["command"] for c in data["commands"]][0] == "lupus-guide start NAME"
    assert "911" in data["emergency"]
    result = cli("help", "prepare")
    assert result.code == 0
    assert result.stdout == cli("prepare", "--help").stdout


# --- one way to name a therapy ------------------------------------------------------------------

def test_prepare_takes_the_therapy_as_a_word_or_an_option(cli):
    word = cli("prepare", "Benlysta", "--format", "json").json()["data"]
    option = cli("prepare", "--therapy", "Benlysta", "--format", "json").json()["data"]
    assert word == option and word["therapy"] == "belimumab"


def test_faq_with_a_therapys_name_filters_by_it(cli):
    word = cli("faq", "rituxan", "--format", "json").json()["data"]
    option = cli("faq", "--therapy", "rituxan", "--format", "json").json()["data"]
    assert word == option
    other = cli("faq", "fever", "--format", "json").json()["data"]
    assert other != option  # words that name no therapy are still a search


def test_costs_with_a_therapy_puts_its_help_paying_programmes_first(cli, content):
    rituximab = next(t for t in content.therapies if t.id == "rituximab")
    data = cli("costs", "rituxan", "--format", "json").json()["data"]
    assert data["therapy"] == "rituximab"
    assert data["assistance"]["summary"] == rituximab.assistance.summary
    assert data["topics"] == cli("costs", "--format", "json").json()["data"]
    text = " ".join(cli("costs", "rituxan").stdout.split())
    first_topic = content.costs[0].title
    assert text.index("Help paying for rituximab") < text.index(first_topic)
    assert " ".join(rituximab.assistance.items[0].split()) in text
    assert cli("costs", "nonesuch").code == 3


# --- emergencies first --------------------------------------------------------------------------

ORDER = ["Emergency: call", "Call your care team right away", "Boxed warning", "Serious side",
         "Common side effects"]


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "html"])
def test_side_effects_lead_with_the_emergency(cli, fmt):
    text = cli("side-effects", "rituximab", "--format", fmt).stdout.lower()
    places = [text.index(heading.lower()) for heading in ORDER]
    assert places == sorted(places), places


def test_side_effects_json_lists_the_emergency_first(cli):
    record = cli("side-effects", "rituximab", "--format", "json").json()["data"][0]
    groups = [key for key in record if key in ("call_emergency", "call_care_team", "boxed_warning",
                                               "serious_warnings", "common_side_effects")]
    assert groups == ["call_emergency", "call_care_team", "boxed_warning", "serious_warnings",
                      "common_side_effects"]


# --- the pager ----------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _env(environ: dict, pager: bool = True, tty: bool = True):
    from lupus_guide.context import Env

    return Env(stdout=_Terminal() if tty else io.StringIO(), stderr=io.StringIO(),
               environ={"LINES": "10", **environ}, pager_option=pager)


LONG = "line\n" * 30


@pytest.mark.parametrize(("environ", "pager", "tty", "text", "expected"), [
    ({"PAGER": "more -s"}, True, True, LONG, ["more", "-s"]),
    ({"PAGER": "more", "LUPUS_GUIDE_PAGER": "most"}, True, True, LONG, ["most"]),
    ({"PAGER": ""}, True, True, LONG, None),
    ({"PAGER": "cat"}, True, True, LONG, None),
    ({"PAGER": "more"}, False, True, LONG, None),  # --no-pager, or -o FILE
    ({"PAGER": "more"}, True, False, LONG, None),  # a pipe or a file
    ({"PAGER": "more"}, True, True, "line\n" * 5, None),  # fits the screen
])
def test_the_pager_decision(environ, pager, tty, text, expected):
    assert _env(environ, pager, tty).pager(text) == expected


def test_without_pager_set_less_is_used_when_there_is_one(monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/less")
    assert _env({}).pager(LONG) == ["less", "-FRX"]
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert _env({}).pager(LONG) is None


def test_long_output_goes_through_the_pager(tmp_path):
    caught = tmp_path / "paged.txt"
    script = (f"import sys, os; open({str(caught)!r}, 'w')"
              ".write(os.environ['LESS'] + '|' + sys.stdin.read())")
    env = _env({"PAGER": f"{sys.executable} -c \"{script}\""})
    env.show(LONG)
    assert caught.read_text() == "FRX|" + LONG
    assert env.stdout.getvalue() == ""


def test_a_pager_that_cannot_start_leaves_the_text_printed(tmp_path):
    env = _env({"PAGER": str(tmp_path / "no-such-pager")})
    env.show(LONG)
    assert env.stdout.getvalue() == LONG
    assert "could not start" in env.stderr.getvalue()


def test_a_command_whose_output_is_not_a_terminal_never_pages(cli, tmp_path):
    caught = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"open({str(caught)!r}, 'w').write('paged')\""
    result = cli("faq", env={"PAGER": pager, "LINES": "5"})
    assert result.code == 0 and "Questions people ask" in result.stdout
    assert not caught.exists()
    assert cli("faq", "--no-pager").code == 0
    assert cli("--no-pager", "paths", "--no-pager").code == 0


# --- the comparison table -----------------------------------------------------------------------

def test_the_comparison_table_fits_one_screen_at_100_columns(cli, content):
    text = cli("therapies", env={"COLUMNS": "100"}).stdout
    assert "┏" in text  # a table, not cards
    _fits(text, 100, 40)
    rows = [line for line in text.split("\n") if line.startswith("│")]
    for t in content.therapies:  # a therapy's row: its name, then only the brand under it
        first = next(i for i, line in enumerate(rows) if f"│ {t.generic_name} " in line)
        assert t.schedule.short in rows[first]
        if t.brand_names:
            under = [cell.strip() for cell in rows[first + 1].split("│")[2:-1]]
            assert f"({t.brand_names[0]}" in rows[first + 1] and not any(under), t.id


def test_every_therapy_has_a_short_schedule_line(content):
    for t in content.therapies:
        assert 0 < len(t.schedule.short) <= 40, t.id


# --- help ---------------------------------------------------------------------------------------

def test_help_leads_with_what_a_command_does(cli):
    from lupus_guide.cli.table import COMMANDS

    listing = cli("--help").stdout.split("Commands:")[1]
    for line in listing.strip().splitlines():
        assert "lupus-guide" not in line.split(None, 1)[1][:12], line
    for spec in COMMANDS:
        assert not spec.summary.startswith("lupus-guide"), spec.name
        body = cli(*spec.name.split(), "--help").stdout.split("\n\n")
        assert not body[1].strip().startswith("lupus-guide"), spec.name


def _every_command_path() -> list[list[str]]:
    from lupus_guide.cli.group import load_command
    from lupus_guide.cli.table import COMMANDS

    paths = [[]]

    def visit(path, command):
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            visit([*path, name], sub)

    for spec in COMMANDS:
        visit([spec.name], load_command(spec.name))
    return paths


@pytest.mark.parametrize("path", _every_command_path(), ids=lambda p: " ".join(p) or "top")
def test_help_fits_40_columns(cli, path):
    result = cli(*path, "--help", env={"COLUMNS": "40"})
    assert result.code == 0
    too_wide = [line for line in result.stdout.splitlines() if len(line) > 40]
    assert too_wide == []


def test_the_start_page_fits_40_columns(cli):
    text = cli(env={"COLUMNS": "40"}).stdout
    assert max(len(line) for line in text.splitlines()) <= 40
    assert "911" in text


def test_json_output_of_start_is_one_json_document(cli):
    json.loads(cli("start", "gazyva", "--format", "json").stdout)
    assert re.search(r"Starting obinutuzumab", cli("start", "gazyva").stdout)


def test_every_command_takes_no_pager():
    from test_cli import _leaf_commands

    for path, command in _leaf_commands():
        assert any("--no-pager" in getattr(p, "opts", ()) for p in command.params), path
