"""`schedule`: dates from the regimens, calendar export, and bad input."""

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lupus_guide.planning import MAX_DOSES, add_months, course_length, phase_of, plan

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))


def plannable(content):
    return [r for r in content.regimens if not r.set_by_care_team]


def test_every_therapy_has_a_regimen_and_the_brief_ones_have_dates(content):
    assert {r.therapy for r in content.regimens} == {t.id for t in content.therapies}
    with_dates = {r.therapy for r in plannable(content)}
    assert {"belimumab", "anifrolumab", "cyclophosphamide"} <= with_dates


@SETTINGS
@given(data=st.data(), start=DATES, count=st.integers(min_value=1, max_value=60))
def test_dates_follow_the_regimen_exactly(content, data, start, count):
    regimen = data.draw(st.sampled_from(plannable(content)))
    doses = plan(regimen, start, count=count)
    total = course_length(regimen)
    assert len(doses) == (min(count, total) if total else count)
    assert doses[0].date == start and doses[0].number == 1
    for before, after in itertools.pairwise(doses):
        assert after.number == before.number + 1
        assert after.date > before.date  # strictly increasing, never before the start
        phase = phase_of(regimen, after.number)
        assert after.phase == phase.phase
        if phase.every_days is not None:
            assert (after.date - before.date).days == phase.every_days
        else:  # "monthly": the same day of the month as the phase began, or the month's end
            first = next(d for d in doses if phase_of(regimen, d.number) is phase)
            months = (after.date.year - first.date.year) * 12 + after.date.month - first.date.month
            assert months == phase.every_months * (after.number - first.number)
            assert after.date.day == first.date.day or (
                after.date.day < first.date.day and (after.date + dt.timedelta(days=1)).day == 1)


@SETTINGS
@given(day=DATES, months=st.integers(min_value=0, max_value=40))
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months):
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day == day.day or (later.day < day.day
                                    and (later + dt.timedelta(days=1)).day == 1)


def test_belimumab_loading_then_every_four_weeks(content):
    regimen = next(r for r in content.regimens if r.id == "belimumab-iv")
    days = [d.date for d in plan(regimen, dt.date(2028, 2, 14), count=6)]  # across a leap day
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    assert gaps == [14, 14, 28, 28, 28]
    assert dt.date(2028, 2, 28) in days


def test_a_year_of_belimumab(cli):
    data = cli("schedule", "Benlysta", "--start", "2027-01-04", "--format", "json").json()["data"]
    dates = [d["date"] for d in data["doses"]]
    assert dates[0] == "2027-01-04" and dates[-1] <= "2028-01-04" and len(dates) == 15
    assert data["care_team"].startswith("Your real schedule is set by your care team")


def test_continue_from_the_fourth_dose(cli):
    data = cli("schedule", "belimumab", "--from-dose", "4", "--last", "2027-02-01", "--count", "2",
               "--format", "json").json()["data"]
    assert [(d["number"], d["date"], d["phase"]) for d in data["doses"]] == [
        (4, "2027-03-01", "maintenance"), (5, "2027-03-29", "maintenance")]


def test_a_course_ends(cli):
    data = cli("schedule", "cyclophosphamide", "--start", "2027-01-31", "--regimen",
               "cyclophosphamide-nih", "--format", "json").json()["data"]
    assert [d["date"] for d in data["doses"]] == ["2027-01-31", "2027-02-28", "2027-03-31",
                                                  "2027-04-30", "2027-05-31", "2027-06-30"]
    euro = cli("schedule", "cyclophosphamide", "--start", "2027-12-20", "--format", "json").json()
    assert len(euro["data"]["doses"]) == 6 and euro["data"]["doses"][1]["date"] == "2028-01-03"


def test_care_team_regimens_show_no_dates(cli):
    result = cli("schedule", "rituximab", "--start", "2027-01-04", "--format", "plain")
    assert result.code == 0
    assert "your care team sets them" in " ".join(result.stdout.split())
    data = cli("schedule", "rituximab", "--start", "2027-01-04", "--format", "json").json()["data"]
    assert data["doses"] == []


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "html"])
def test_every_output_says_the_care_team_decides(cli, fmt):
    text = " ".join(cli("schedule", "anifrolumab", "--start", "2027-01-04", "--format", fmt)
                    .stdout.split())
    assert "Your real schedule is set by your care team" in text


@pytest.mark.parametrize("args,words", [
    (["schedule", "aspirin", "--start", "2027-01-04"], "No therapy named"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--regimen", "belimumab-ivv"],
     'Did you mean "belimumab-iv"?'),
    (["schedule", "belimumab", "--start", "2027-02-30"], "is not a date"),
    (["schedule", "belimumab", "--start", "yesterday"], "is not a date"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--count", "0"], "--count must be"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--count", "10000000"], "--count must be"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--until", "2026-01-01"], "is before"),
    (["schedule", "belimumab"], "Give --start DATE"),
    (["schedule", "belimumab", "--from-dose", "4"], "--last DATE"),
    (["schedule", "cyclophosphamide", "--from-dose", "9", "--last", "2027-01-01"],
     "--from-dose must"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--ics", "x.ics", "--time", "25:00"],
     "not a time"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--ics", "x.ics", "--time", "09:00",
      "--tz", "Mars/Olympus"], "not a time zone"),
    (["schedule", "rituximab", "--start", "2027-01-04", "--ics", "x.ics"], "no dates to export"),
    (["schedule", "belimumab", "--start", "2027-01-04", "--count", "3", "--until", "2027-06-01"],
     "not both"),
])
def test_bad_input_is_one_line(cli, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.code in (2, 3), result.stderr
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.ics").exists()


def read_ics(path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def test_ics_events_alarms_and_stable_uids(cli, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for target in (first, second):
        result = cli("schedule", "belimumab", "--start", "2027-01-04", "--count", "8", "--ics",
                     str(target), "--clinic", "examples/clinic-pack")
        assert result.code == 0 and "8 infusions" in result.stderr
    calendars = [read_ics(first), read_ics(second)]
    for cal in calendars:
        assert cal["VERSION"] == "2.0" and "lupus-guide" in str(cal["PRODID"])
        events = list(cal.walk("VEVENT"))
        assert len(events) == 8
        for event in events:
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
                assert prop in event, prop
            alarms = list(event.walk("VALARM"))
            assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt == -dt.timedelta(hours=15)
            assert "555-0100" in str(event["DESCRIPTION"])
            assert "set by your care team" in str(event["DESCRIPTION"])
        assert events[0]["DTSTART"].dt == dt.date(2027, 1, 4)  # all-day
    uids = [[str(e["UID"]) for e in cal.walk("VEVENT")] for cal in calendars]
    assert uids[0] == uids[1] and len(set(uids[0])) == 8


def test_ics_timed_events_in_a_time_zone(cli, tmp_path):
    target = tmp_path / "t.ics"
    result = cli("schedule", "anifrolumab", "--start", "2027-03-01", "--count", "3", "--ics",
                 str(target), "--time", "09:30", "--duration", "90", "--tz", "America/Chicago")
    assert result.code == 0
    events = list(read_ics(target).walk("VEVENT"))
    begin, end = events[1]["DTSTART"].dt, events[1]["DTEND"].dt
    assert begin.hour == 9 and begin.minute == 30 and str(begin.tzinfo) == "America/Chicago"
    assert end - begin == dt.timedelta(minutes=90)
    # 2027-03-29 is after the US change to daylight time: still 09:30 local
    assert begin.date() == dt.date(2027, 3, 29) and begin.utcoffset() == dt.timedelta(hours=-5)
    assert "VTIMEZONE" in target.read_text()


def test_the_planner_stops_at_its_limit(content):
    regimen = next(r for r in content.regimens if r.id == "anifrolumab-iv")
    assert len(plan(regimen, dt.date(2027, 1, 1), until=dt.date(2090, 1, 1))) == MAX_DOSES
