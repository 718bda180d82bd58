"""The message catalogue: every id the code asks for exists, and every message is used."""

import re
from pathlib import Path

import lupus_guide
from lupus_guide.messages import ENGLISH, say

SOURCE = "\n".join(path.read_text(encoding="utf-8")
                   for path in Path(lupus_guide.__file__).parent.rglob("*.py"))


def test_every_id_the_code_names_is_in_the_catalogue():
    named = set(re.findall(r'say\(\s*"([\w.\-]+)"', SOURCE))
    assert named, "no say() calls found"
    assert named <= set(ENGLISH), named - set(ENGLISH)


def test_every_message_is_used():
    prefixes = set(re.findall(r'say\(\s*f"([\w.\-]+)\{', SOURCE))  # say(f"stage.{stage}")
    quoted = set(re.findall(r'"([\w.\-]+)"', SOURCE))  # ids chosen by a conditional
    unused = [key for key in ENGLISH
              if key not in quoted and not any(key.startswith(p) for p in prefixes)]
    assert unused == []


def test_weekdays_are_from_the_catalogue_not_the_locale():
    import datetime as dt

    from lupus_guide.views.schedule import weekday

    assert weekday(dt.date(2027, 1, 4)) == say("weekday.0") == "Monday"
