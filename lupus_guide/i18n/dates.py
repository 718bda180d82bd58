"""Dates in prose, in the run's language: the one place a date is written for a person.

Data (JSON, CSV, iCalendar, tables of dates) keeps ISO dates. In prose, Spanish writes
"lunes, 4 de enero de 2027"; English keeps the ISO date the guide has always printed (pages,
snapshots and clinics' printed handouts stay as they were) unless ``long`` asks for words.
Weekday and month names come from the message catalogue, never from the C library's locale.
"""

from __future__ import annotations

import datetime as dt

from lupus_guide.messages import language, say


def prose_date(value: dt.date | str, *, weekday: bool = False, long: bool = False) -> str:
    """``value`` (a date, or an ISO date string) written for a person in the run's language.
    A string that is not an ISO date is returned as it is."""
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
    else:
        day = value
    if language() == "en" and not long:
        return day.isoformat()
    month = say(f"month.{day.month}")
    if weekday:
        return say("date.long", weekday=say(f"weekday.{day.weekday()}"), month=month,
                   day=day.day, year=day.year)
    return say("date.long_no_weekday", month=month, day=day.day, year=day.year)


def checked_on(date: str) -> str:
    """"(checked DATE)" after a source, in the run's language (every renderer's words)."""
    return say("render.checked", date=prose_date(date))
