"""`schedule` for every plan (issue 14): the care team's own dates (--dates, --every) for any
therapy, regimens by short names, plain phase words, and calendar files that update cleanly, remind
at the chosen hour and say what matters for each dose."""

import datetime as dt
import itertools
import re
import shlex
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lupus_guide.errors import ExitCode
from lupus_guide.planning import add_months, given_doses, short_name
from lupus_guide.views.blocks import stage_items

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
FORMATS = ["table", "plain", "markdown", "html"]


def read_ics(path):
    from icalendar import Calendar

    return Calendar.from_ical(Path(path).read_bytes())


def flat(text: str) -> str:
    return " ".join(text.split())


def care_team_therapies(content):
    return sorted({r.therapy for r in content.regimens if r.set_by_care_team})


def several_regimens(content):
    by_therapy = {}
    for regimen in content.regimens:
        by_therapy.setdefault(regimen.therapy, []).append(regimen)
    return {therapy: own for therapy, own in by_therapy.items() if len(own) > 1}


# --- the care team's dates -----------------------------------------------------------------


DATES = "2027-01-04,2027-01-18"
WANT = [("2027-01-04", "Monday"), ("2027-01-18", "Monday")]


@pytest.mark.parametrize("plan", [["--dates", DATES],
                                  ["--every", "14d", "--start", "2027-01-04", "--count", "2"],
                                  ["--every", "2w", "--start", "2027-01-04", "--count", "2"],
                                  ["--every", "14 days", "--start", "2027-01-04", "--until",
                                   "2027-01-20"]])
def test_given_dates_as_json(cli, plan):
    data = cli("schedule", "rituximab", *plan, "--format", "json").json()["data"]
    assert [(d["date"], d["weekday"]) for d in data["doses"]] == WANT
    assert [d["number"] for d in data["doses"]] == [1, 2]
    assert {d["phase"] for d in data["doses"]} == {"given"}
    assert data["dates_from"] == plan[0].lstrip("-")
    assert data["regimen"]["set_by_care_team"] is True


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("plan", [["--dates", DATES],
                                  ["--every", "14d", "--start", "2027-01-04", "--count", "2"]])
def test_given_dates_in_every_format(cli, fmt, plan):
    result = cli("schedule", "rituximab", *plan, "--format", fmt)
    assert result.code == 0, result.stderr
    text = flat(result.stdout)
    for day, weekday in WANT:
        assert day in text and weekday in text
    assert "your care team's date" in text.replace("&#x27;", "'").replace("&#39;", "'")
    assert "dates you gave, from your care team" in text
    assert "shows no dates" not in text.split("Notes")[0]  # a table, not "no dates"
    if plan[0] == "--every":
        assert "One infusion every 14 days." in text


def test_dates_and_every_give_the_same_table(cli):
    by_dates = cli("schedule", "obinutuzumab", "--dates", DATES, "--format", "json").json()
    by_every = cli("schedule", "obinutuzumab", "--every", "2w", "--start", "2027-01-04",
                   "--count", "2", "--format", "json").json()
    assert by_dates["data"]["doses"] == by_every["data"]["doses"]


def test_every_therapy_the_care_team_schedules_gets_a_calendar(cli, content, tmp_path):
    therapies = care_team_therapies(content)
    assert therapies, "no therapy left to the care team: nothing to check"
    for therapy in therapies:
        target = tmp_path / f"{therapy}.ics"
        result = cli("schedule", therapy, "--dates", DATES, "--ics", str(target))
        assert result.code == 0, result.stderr
        assert "2 infusions" in result.stderr
        events = list(read_ics(target).walk("VEVENT"))
        assert [e["DTSTART"].dt for e in events] == [dt.date(2027, 1, 4), dt.date(2027, 1, 18)]
        assert all(str(e["SUMMARY"]).endswith(f"(dose {n})") for n, e in enumerate(events, 1))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_care_team_schedule_without_dates_says_how_to_give_them(cli, content, fmt):
    for therapy in care_team_therapies(content):
        text = flat(cli("schedule", therapy, "--start", "2027-01-04", "--format", fmt).stdout)
        assert "--dates 2027-01-04,2027-01-18" in text and "--every 14d" in text, therapy


def test_the_no_dates_error_says_how_to_give_them(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("schedule", "obinutuzumab", "--start", "2027-01-04", "--ics", "x.ics")
    assert result.code == ExitCode.USAGE and "--dates" in result.stderr
    assert not (tmp_path / "x.ics").exists()


def test_every_months_keeps_the_day_without_drift(cli):
    data = cli("schedule", "rituximab", "--every", "1mo", "--start", "2027-01-31", "--count",
               "4", "--format", "json").json()["data"]
    assert [d["date"] for d in data["doses"]] == ["2027-01-31", "2027-02-28", "2027-03-31",
                                                  "2027-04-30"]
    half_year = cli("schedule", "rituximab", "--every", "6mo", "--start", "2027-01-04",
                    "--format", "json").json()["data"]  # no end given: a year
    assert [d["date"] for d in half_year["doses"]] == ["2027-01-04", "2027-07-04", "2028-01-04"]


def test_a_later_course_is_numbered_on(cli):
    data = cli("schedule", "rituximab", "--dates", "2027-07-05,2027-07-19", "--from-dose", "3",
               "--format", "json").json()["data"]
    assert [d["number"] for d in data["doses"]] == [3, 4]
    going_on = cli("schedule", "rituximab", "--every", "2w", "--from-dose", "3", "--last",
                   "2027-01-18", "--count", "2", "--format", "json").json()["data"]
    assert [(d["number"], d["date"]) for d in going_on["doses"]] == [(3, "2027-02-01"),
                                                                     (4, "2027-02-15")]


@settings(max_examples=120, deadline=None)
@given(start=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)),
       amount=st.integers(min_value=1, max_value=24), unit=st.sampled_from(["d", "w", "mo"]),
       count=st.integers(min_value=1, max_value=30))
def test_every_steps_by_the_gap_given(start, amount, unit, count):
    doses = given_doses(dates=None, every=f"{amount}{unit}", start=start.isoformat(),
                        count=count, until=None, from_dose=None, last=None)
    assert len(doses) == count and doses[0].date == start
    for index, dose in enumerate(doses):
        assert dose.number == index + 1 and dose.phase == "given"
        if unit == "mo":
            assert dose.date == add_months(start, amount * index)
        else:
            assert (dose.date - start).days == amount * index * (7 if unit == "w" else 1)


@settings(max_examples=80, deadline=None)
@given(days=st.lists(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)),
                     min_size=1, max_size=20, unique=True))
def test_dates_in_order_are_kept_as_given(days):
    days = sorted(days)
    doses = given_doses(dates=",".join(d.isoformat() for d in days), every=None, start=None,
                        count=None, until=None, from_dose=None, last=None)
    assert [d.date for d in doses] == days


@pytest.mark.parametrize("args,words", [
    (["--dates", "2027-01-18,2027-01-04"], "must be in order"),
    (["--dates", "2027-01-04,2027-01-04"], "twice"),
    (["--dates", "2027-01-04,,2027-01-18"], "empty date"),
    (["--dates", "2027-01-04,"], "empty date"),
    (["--dates", "2027-01-04,2027-02-30"], "is not a date"),
    (["--dates", ",".join(["2027-01-04"] * 501)], "more than 500"),
    (["--dates", DATES, "--every", "14d"], "not both"),
    (["--dates", DATES, "--start", "2027-01-04"], "leave out --start"),
    (["--dates", DATES, "--count", "2"], "leave out --start, --count"),
    (["--every", "14d"], "--every needs --start"),
    (["--every", "14d", "--start", "2027-01-04", "--count", "0"], "--count must be"),
    (["--every", "14d", "--start", "2027-01-04", "--count", "99999999"], "--count must be"),
    (["--every", "14x", "--start", "2027-01-04"], "is not a unit"),
    (["--every", "14 fortnights", "--start", "2027-01-04"], "is not a unit"),
    (["--every", "14 monhts", "--start", "2027-01-04"], 'Did you mean "months"?'),
    (["--every", "14", "--start", "2027-01-04"], "is not an interval"),
    (["--every", "biweekly", "--start", "2027-01-04"], "is not an interval"),
    (["--every", "0d", "--start", "2027-01-04"], "out of range"),
    (["--every", "25mo", "--start", "2027-01-04"], "out of range"),
    (["--every", "99999999999w", "--start", "2027-01-04"], "is not an interval"),
    (["--every", "14d", "--start", "2027-01-04", "--until", "2026-01-01"], "is before"),
    (["--every", "24mo", "--start", "9999-01-01", "--count", "3"], "past the year"),
    (["--dates", DATES, "--ics", "x.ics", "--remind", "25:00"], "--remind"),
    (["--dates", DATES, "--ics", "x.ics", "--remind", "noon"], "or \"none\""),
    (["--dates", DATES, "--remind", "9 am"], "--remind"),
    (["--start", "2027-01-04", "--regimen", "plasma"], "Regimens:"),
])
def test_bad_plans_are_one_line_with_a_named_code(cli, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    therapy = "cyclophosphamide" if "--regimen" in args else "rituximab"
    result = cli("schedule", therapy, *args)
    assert result.code in (ExitCode.USAGE, ExitCode.NOT_FOUND), result.stderr
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.ics").exists()


def test_the_new_options_have_help(cli):
    text = flat(cli("schedule", "--help").stdout)
    for option in ("--dates", "--every", "--remind", "--regimen"):
        assert re.search(re.escape(option) + r"\s+\S+\s+\w", text), option
    assert "none for no reminder" in text and "14d, 2w or 6mo" in text


# --- regimens by short names ---------------------------------------------------------------


@pytest.mark.parametrize("therapy,wanted,expected", [
    ("cyclophosphamide", "nih", "cyclophosphamide-nih"),
    ("cyclophosphamide", "NIH", "cyclophosphamide-nih"),
    ("cyclophosphamide", "euro-lupus", "cyclophosphamide-euro-lupus"),
    ("cyclophosphamide", "Euro Lupus", "cyclophosphamide-euro-lupus"),
    ("cyclophosphamide", "euro", "cyclophosphamide-euro-lupus"),
    ("cyclophosphamide", "low dose", "cyclophosphamide-euro-lupus"),
    ("cyclophosphamide", "high-dose", "cyclophosphamide-nih"),
    ("cyclophosphamide", "cyclophosphamide-nih", "cyclophosphamide-nih"),
    ("belimumab", "sc-ln", "belimumab-sc-ln"),
    ("belimumab", "lupus nephritis", "belimumab-sc-ln"),
    ("belimumab", "iv", "belimumab-iv"),
    ("anifrolumab", "pen", "anifrolumab-sc"),
])
def test_regimens_by_short_names(cli, therapy, wanted, expected):
    data = cli("schedule", therapy, "--regimen", wanted, "--start", "2027-01-04", "--count", "2",
               "--format", "json").json()["data"]
    assert data["regimen"]["id"] == expected


def test_every_regimen_is_found_by_its_id_short_name_and_distinctive_words(content):
    from lupus_guide.find import find_therapy
    from lupus_guide.planning import choose_regimen

    for therapy_id, own in several_regimens(content).items():
        therapy = find_therapy(content.therapies, therapy_id)
        for regimen in own:
            assert choose_regimen(content, therapy, regimen.id) is regimen
            assert choose_regimen(content, therapy, short_name(regimen).upper()) is regimen
            others = {w for r in own if r is not regimen for w in r.id.split("-")}
            for word in set(regimen.id.split("-")) - others:
                assert choose_regimen(content, therapy, word) is regimen, word


@pytest.mark.parametrize("therapy,wanted,words", [
    ("cyclophosphamide", "eurolupus", 'Did you mean "euro-lupus"?'),
    ("cyclophosphamide", "nhi", 'Did you mean "nih"?'),
    ("belimumab", "belimumab-ivv", 'Did you mean "belimumab-iv"?'),
    ("belimumab", "sc", 'Did you mean "sc-sle", "sc-ln"?'),
])
def test_did_you_mean_a_regimen(cli, therapy, wanted, words):
    result = cli("schedule", therapy, "--regimen", wanted, "--start", "2027-01-04")
    assert result.code in (ExitCode.USAGE, ExitCode.NOT_FOUND)
    assert result.stderr.count("\n") == 1 and words in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_other_regimens_are_named_with_how_to_pick_one(cli, content, fmt):
    for therapy, own in several_regimens(content).items():
        chosen = next(r for r in own if r.default) if any(r.default for r in own) else own[0]
        text = flat(cli("schedule", therapy, "--start", "2027-01-04", "--count", "2",
                        "--format", fmt).stdout)
        for other in own:
            if other is not chosen:
                assert f"--regimen {short_name(other)}" in text, (therapy, other.id)
        assert "To use one, add --regimen" in text


def test_json_keeps_the_other_regimens_as_a_list(cli, content):
    for therapy, own in several_regimens(content).items():
        data = cli("schedule", therapy, "--start", "2027-01-04", "--count", "1",
                   "--format", "json").json()["data"]
        listed = [r["id"] for r in data["other_regimens"]]
        assert sorted(listed + [data["regimen"]["id"]]) == sorted(r.id for r in own)
        assert all(r["short_name"] and r["name"] for r in data["other_regimens"])
    single = cli("schedule", "rituximab", "--dates", DATES, "--format", "json").json()["data"]
    assert single["other_regimens"] == []


# --- plain words ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_table_says_first_and_later_doses(cli, fmt):
    text = flat(cli("schedule", "belimumab", "--start", "2027-01-04", "--count", "5",
                    "--format", fmt).stdout)
    assert "first doses" in text and "later doses" in text
    assert "loading" not in text and "maintenance" not in text


def test_json_keeps_the_technical_words(cli):
    data = cli("schedule", "belimumab", "--start", "2027-01-04", "--count", "5",
               "--format", "json").json()["data"]
    assert [d["phase"] for d in data["doses"]] == ["loading"] * 3 + ["maintenance"] * 2


def test_every_phase_has_plain_words(content):
    from lupus_guide.messages import ENGLISH

    phases = {p.phase for r in content.regimens for p in r.phases} | {"given"}
    for phase in phases:
        assert ENGLISH[f"schedule.phase.{phase}"] != phase


# --- calendar files ------------------------------------------------------------------------


def calendar(content, **options):
    from icalendar import Calendar

    from lupus_guide.ics import calendar_text
    from lupus_guide.planning import plan_request

    therapy, regimen, doses = plan_request(content, "rituximab", dates=DATES)
    text = calendar_text(therapy, regimen, doses, first=["first"], every=["every"], **options)
    return Calendar.from_ical(text)


def test_a_later_export_updates_the_events(content):
    early = dt.datetime(2027, 1, 1, 8, 0, tzinfo=dt.UTC)
    late = early + dt.timedelta(minutes=5)
    old, new = (list(calendar(content, now=now).walk("VEVENT")) for now in (early, late))
    assert [str(e["UID"]) for e in old] == [str(e["UID"]) for e in new]
    for before, after in zip(old, new, strict=True):
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"]) >= 0
        assert before["LAST-MODIFIED"].dt == early and after["LAST-MODIFIED"].dt == late
        assert after["LAST-MODIFIED"].dt.utcoffset() == dt.timedelta(0)


def alarm_times(path):
    """When each event's reminder goes off (an all-day event starts at midnight)."""
    found = []
    for event in read_ics(path).walk("VEVENT"):
        start = event["DTSTART"].dt
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(0))
        alarms = list(event.walk("VALARM"))
        assert len(alarms) <= 1
        found.append((start, [absolute(start) + a["TRIGGER"].dt for a in alarms]))
    return found


def absolute(moment: dt.datetime) -> dt.datetime:
    """A zoned time in UTC (a calendar counts a trigger in real time), a floating one as is."""
    return moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment


@pytest.mark.parametrize("remind", [None, "09:00", "18:30", "00:00", "23:59", "7:05"])
@pytest.mark.parametrize("timed", [None, "08:00", "13:45"])
def test_reminders_ring_the_day_before_at_the_chosen_hour(cli, tmp_path, remind, timed):
    target = tmp_path / "r.ics"
    args = ["schedule", "belimumab", "--start", "2027-03-01", "--count", "4", "--ics",
            str(target)] + (["--remind", remind] if remind else []) + (
        ["--time", timed] if timed else [])
    assert cli(*args).code == 0
    hours, minutes = map(int, (remind or "09:00").split(":"))
    for start, rings in alarm_times(target):
        assert rings == [dt.datetime.combine(start.date() - dt.timedelta(days=1),
                                             dt.time(hours, minutes), tzinfo=start.tzinfo)]
    if timed is None and remind in (None, "09:00"):
        assert "TRIGGER:-PT15H" in target.read_text()


@pytest.mark.parametrize("day,hours", [("2027-03-14", 24 - 1), ("2027-11-07", 24 + 1),
                                       ("2027-06-01", 24)])
def test_reminders_keep_the_hour_across_a_change_of_clock(cli, tmp_path, day, hours):
    """The US clocks change on 2027-03-14 and 2027-11-07: the day before at 09:00 local is 23
    or 25 real hours before 09:00 on the day."""
    target = tmp_path / "z.ics"
    assert cli("schedule", "rituximab", "--dates", day, "--ics", str(target), "--time", "09:00",
               "--tz", "America/Chicago", "--remind", "09:00").code == 0
    [(start, [ring])] = alarm_times(target)
    local = ring.astimezone(start.tzinfo)
    assert (local.date(), local.hour, local.minute) == (start.date() - dt.timedelta(days=1), 9, 0)
    assert absolute(start) - ring == dt.timedelta(hours=hours)


@pytest.mark.parametrize("word", ["none", "NONE", " None "])
def test_no_reminder(cli, tmp_path, word):
    target = tmp_path / "n.ics"
    assert cli("schedule", "rituximab", "--dates", DATES, "--ics", str(target),
               "--remind", word).code == 0
    assert "VALARM" not in target.read_text()
    assert len(list(read_ics(target).walk("VEVENT"))) == 2


def dose_items(content, therapy_id):
    from lupus_guide.find import find_therapy

    before = stage_items(content, find_therapy(content.therapies, therapy_id), "before")
    return ([i.text for i in before if i.for_dose == "first"],
            [i.text for i in before if i.for_dose == "every"])


@pytest.mark.parametrize("therapy", ["rituximab", "belimumab", "cyclophosphamide",
                                     "obinutuzumab", "anifrolumab", "methylprednisolone"])
def test_each_event_says_what_matters_for_that_dose(cli, content, tmp_path, therapy):
    first, every = dose_items(content, therapy)
    assert first and every, therapy
    target = tmp_path / "d.ics"
    assert cli("schedule", therapy, "--every", "2w", "--start", "2027-01-04", "--count", "3",
               "--ics", str(target)).code == 0
    descriptions = [flat(str(e["DESCRIPTION"])) for e in read_ics(target).walk("VEVENT")]
    assert len(descriptions) == 3
    for item in first:
        assert flat(item) in descriptions[0]
        assert all(flat(item) not in later for later in descriptions[1:])
    for item in every:
        assert all(flat(item) in text for text in descriptions)
    phone = flat(example_pack().clinic.phones())
    assert all(phone not in text for text in descriptions)  # no clinic pack: no phone


def example_pack():
    from lupus_guide.content import load_content
    from lupus_guide.content.layers import default_layers

    return load_content(default_layers("examples/clinic-pack"))


def test_practical_items_and_the_clinic_phone_on_every_dose(cli, content, tmp_path):
    pack = example_pack()
    target = tmp_path / "c.ics"
    assert cli("schedule", "rituximab", "--dates", DATES, "--ics", str(target), "--clinic",
               "examples/clinic-pack").code == 0
    for event in read_ics(target).walk("VEVENT"):
        text = flat(str(event["DESCRIPTION"]))
        assert flat(pack.clinic.phones()) in text
        for thing in pack.clinic.what_to_bring:
            assert flat(thing) in text
    practical = {"before-bring-comfort", "before-ride-home"}
    assert {i.id for i in content.checklists if i.for_dose == "every"} >= practical


def test_for_dose_marks_only_items_before_an_infusion(content):
    marked = [i for i in content.checklists if i.for_dose is not None]
    assert marked and all(i.stage == "before" for i in marked)


# --- the README --------------------------------------------------------------------------


def readme_schedule_examples():
    start = README.index("## Schedules")
    block = README[start:README.index("\n## ", start + 1)].split("```sh")[1].split("```")[0]
    lines = [re.sub(r"\s+#.*$", "", line) for line in block.strip().splitlines()]
    return [shlex.split(line) for line in lines if line.startswith("lupus-guide schedule")]


def test_the_readme_schedule_examples_run_as_written(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    examples = readme_schedule_examples()
    assert len(examples) >= 4
    options = {word for words in examples for word in words if word.startswith("--")}
    assert {"--dates", "--every", "--regimen", "--remind", "--ics"} <= options
    for words in examples:
        result = cli(*words[1:])
        assert result.code == 0, (words, result.stderr)
        assert "Infusion dates" in result.stdout
        if "--ics" in words:
            target = tmp_path / words[words.index("--ics") + 1]
            assert list(read_ics(target).walk("VEVENT")), words


def test_the_readme_names_every_new_option():
    start = README.index("## Schedules")
    section = README[start:README.index("\n## ", start + 1)]
    for option in ("--dates", "--every", "--regimen", "--remind", "--from-dose"):
        assert f"`{option}" in section, option


def test_weekdays_stay_in_order(cli):
    data = cli("schedule", "rituximab", "--every", "1w", "--start", "2027-01-04", "--count", "8",
               "--format", "json").json()["data"]
    days = [d["weekday"] for d in data["doses"]]
    assert len(set(days)) == 1 and all(a["date"] < b["date"] for a, b in
                                       itertools.pairwise(data["doses"]))
