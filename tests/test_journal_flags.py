"""Which logged symptoms the summary flags (issue 14): a symptom's meaningful words against the
therapy's "call your care team" and "emergency" lists and the guide's general ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lupus_guide.flags import CALL, EMERGENCY, match, signs_for, symptom_words

E, C, NO = EMERGENCY, CALL, ""

# (therapy or None for no therapy named, what a person typed, the level expected)
PHRASINGS = [
    (None, "trouble breathing, lips swelling", E),
    (None, "can't catch my breath", E),
    (None, "short of breath walking upstairs", E),
    (None, "wheezing", E),
    (None, "throat feels tight", E),
    (None, "throat closing up", E),
    (None, "face drooping on one side", E),
    (None, "can't move my left arm", E),
    (None, "heart racing", E),
    (None, "irregular heartbeat", E),
    ("rituximab", "foamy urine", C),
    (None, "my kidneys", NO),
    (None, "face swelling up", E),
    (None, "tongue swollen", E),
    (None, "chest pain", E),
    (None, "sharp pains in my chest", E),
    (None, "passed out in the kitchen", E),
    (None, "fainted", E),
    (None, "confused and very sleepy", E),
    (None, "coughing up blood", E),
    (None, "vomiting blood", E),
    (None, "thoughts of hurting myself", E),
    (None, "numbness in my arm", E),
    (None, "seizure", E),
    (None, "hard to breathe", E),
    (None, "blacked out", E),
    (None, "chest tightness", E),
    (None, "suicidal thoughts", E),
    (None, "I want to die", E),
    (None, "slurred speech", E),
    (None, "running a temp of 101", C),
    (None, "feverish and shivering", C),
    (None, "temp 100.2", NO),
    (None, "fever 101F", C),
    (None, "fever 101 °F", C),
    (None, "temp 38.6C", C),
    (None, "temp 39", C),
    (None, "temperature of 102 degrees", C),
    (None, "new cough with fever", C),
    (None, "burning when I pee", C),
    (None, "it hurts to pee", C),
    (None, "swollen legs", C),
    (None, "swollen ankles", C),
    (None, "hives all over", C),
    (None, "chills and shaking", C),
    (None, "yellow eyes", C),
    (None, "blood in my urine", C),
    (None, "black stools", C),
    (None, "sore throat that won't go away", C),
    ("belimumab", "trouble breathing, lips swelling", E),
    ("belimumab", "fever 101F", C),
    ("belimumab", "feeling really down, thoughts of suicide", E),
    ("rituximab", "can't catch my breath", E),
    ("rituximab", "temp 38.6C", C),
    ("cyclophosphamide", "pink urine", C),
    ("anifrolumab", "painful rash with blisters on one side", C),
    (None, "tired", NO),
    (None, "mild headache", NO),
    (None, "temperature 37.2", NO),
    (None, "99.1 F", NO),
    (None, "runny nose", NO),
    (None, "slept badly", NO),
    (None, "sore arm where the needle went", NO),
    ("belimumab", "tired", NO),
    ("belimumab", "mild headache", NO),
]


@pytest.fixture(scope="module")
def signs(content):
    cache: dict = {}

    def of(therapy):
        if therapy not in cache:
            cache[therapy] = signs_for(content, therapy)
        return cache[therapy]

    return of


@pytest.mark.parametrize(("therapy", "symptom", "expected"), PHRASINGS)
def test_realistic_phrasings(signs, therapy, symptom, expected):
    flags = match(symptom, signs(therapy))
    assert (flags[0].level if flags else NO) == expected, [f.item for f in flags]


def test_at_least_thirty_phrasings():
    assert len(PHRASINGS) >= 30
    assert {level for *_, level in PHRASINGS} == {E, C, NO}


def test_emergency_matches_come_first_and_say_where_they_are_from(signs):
    flags = match("fever 39C and chest pain", signs(None))
    assert [f.level for f in flags][:1] == [E] and C in {f.level for f in flags}
    assert all(f.source for f in flags)


def test_a_temperature_is_a_fever_only_from_the_lists_threshold(signs):
    threshold = signs(None).fever_at_f
    assert threshold == pytest.approx(100.4)
    assert "fever" in symptom_words("temp 100.4F", threshold)
    assert "fever" not in symptom_words("temp 100.3F", threshold)
    assert "fever" in symptom_words("38 °C", threshold)
    assert "fever" not in symptom_words("37.9 C", threshold)
    assert "fever" not in symptom_words("39", threshold)  # a bare number is not a temperature


MATCHING = [symptom for _, symptom, level in PHRASINGS if level]
WORD = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), min_size=1,
               max_size=12)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(MATCHING), extra=st.lists(WORD, min_size=1, max_size=4),
       where=st.integers(min_value=0, max_value=20))
def test_adding_words_never_stops_a_match(content, base, extra, where):
    signs = _GENERAL.get("signs") or _GENERAL.setdefault("signs", signs_for(content, None))
    before = match(base, signs)
    words = base.split(" ")
    at = where % (len(words) + 1)
    longer = " ".join(words[:at] + [" ".join(extra)] + words[at:])
    after = match(longer, signs)
    assert before and after, longer
    assert {f.item for f in before} <= {f.item for f in after}


_GENERAL: dict = {}


# A symptom logged in Spanish is read in English words against the English lists (the summary
# and the prompts always read the English lists, whatever the run's language).
SPANISH_PHRASINGS = [
    (None, "dificultad para respirar", E),
    (None, "me falta el aire", E),
    (None, "labios hinchados", E),
    (None, "hinchazón de la lengua", E),
    (None, "dolor de pecho", E),
    (None, "me desmayé en la ducha", E),
    (None, "pensamientos de suicidio", E),
    (None, "cara caída de un lado", E),
    ("rituximab", "fiebre de 39", C),
    ("rituximab", "temperatura 101", C),
    (None, "escalofríos y tos con flema", C),
    (None, "sangre en la orina", C),
    (None, "ronchas", C),
    (None, "cansancio", NO),
    (None, "dolor de cabeza leve", NO),
]


@pytest.mark.parametrize(("therapy", "symptom", "expected"), SPANISH_PHRASINGS)
def test_spanish_phrasings(signs, therapy, symptom, expected):
    flags = match(symptom, signs(therapy))
    assert (flags[0].level if flags else NO) == expected, (symptom, flags)


def test_a_spanish_reaction_logged_in_a_spanish_run_prompts_911(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = cli("--lang", "es", "journal", "add", "reaction", "--therapy", "rituximab",
                 "--symptom", "dificultad para respirar", "--severity", "moderate")
    assert result.code == 0, result.stderr
    assert "911" in result.stderr
