"""The Spanish content (data/es/*.yaml) and catalogue, checked against the rules of a safe
translation: it fits the English and is current (strict for every entry present), numbers and
emergency wording unchanged, the glossary's terms used and its rejected variants absent, plain
Spanish (INFLESZ). The layer is filled in by translators: while data/es holds nothing, the
content tests skip, the coverage test lists what is left, and the catalogue tests still run."""

from __future__ import annotations

import os
import re
import statistics
from pathlib import Path

import pytest

from lupus_guide.i18n import catalogue_path
from lupus_guide.i18n.po import read
from lupus_guide.i18n.tools import (
    check_layer,
    coverage,
    english_pattern,
    fold,
    glossary,
    layer_files,
    number_problems,
    pairs,
    rejected_in,
    spanish_pattern,
    translated_texts,
)

GLOSSARY = glossary(Path(__file__).parent.parent / "docs" / "glossary-es.md")
HAS_LAYER = any(layer_files("es"))
needs_layer = pytest.mark.skipif(not HAS_LAYER, reason="no Spanish content in data/es yet")
# (where, English, Spanish) for every text the Spanish layer translates
TEXTS = [text for stem, en, es in pairs("es") for text in translated_texts(stem, en, es)]
CATALOGUE = [(e.context, e.msgid, e.msgstr) for e in read(catalogue_path("es")) if e.msgstr]
# Terms whose Spanish must be in the very text that translates an English text using them.
IN_EVERY_TEXT = ("care team", "boxed warning", "fever", "emergency department",
                 "lupus nephritis", "side effect", "call 911")


@needs_layer
def test_every_translated_entry_fits_the_english_and_is_current():
    assert check_layer("es") == []


@needs_layer
def test_every_number_of_the_english_is_in_the_spanish():
    assert [p for stem, en, es in pairs("es") for p in number_problems(stem, en, es)] == []


def test_what_is_not_translated_yet():
    """Every id and field translated: strict with LUPUS_GUIDE_ES_COMPLETE=1 (for a release);
    until then the list of what is left is reported here."""
    missing = coverage("es")
    if missing and not os.environ.get("LUPUS_GUIDE_ES_COMPLETE"):
        pytest.xfail(f"{len(missing)} untranslated: " + "; ".join(missing[:15]))
    assert missing == []


def _rejections(texts):
    return [(where, variant) for where, _, spanish in texts for _, use, rejected in GLOSSARY
            for variant in rejected if rejected_in(spanish, variant, use)]


@needs_layer
def test_no_rejected_variant_in_the_spanish_content():
    assert _rejections(TEXTS) == []


def test_no_rejected_variant_in_the_spanish_catalogue():
    assert _rejections(CATALOGUE) == []


CODE = re.compile(r"`[^`]*`|\blupus-guide(?: [a-z][a-z-]*)*|--[\w-]+|\{[^}]*\}")
BY_LENGTH = sorted(GLOSSARY, key=lambda row: -max(len(t) for t in row[0]))


def _missing_terms(texts, terms=None):
    """(where, term) for each glossary term an English text uses (not as a command or option
    name) whose Spanish is not in the translation. Longer terms first, and what they matched
    is then set aside: "lupus nephritis" is not also "lupus"."""
    missing = []
    for where, english, spanish in texts:
        english = CODE.sub(" ", english).casefold()
        for english_terms, use, _ in BY_LENGTH:
            patterns = [english_pattern(t) for t in english_terms]
            if not any(p.search(english) for p in patterns):
                continue
            if (terms is None or set(english_terms) & set(terms)) and \
                    not any(spanish_pattern(t).search(fold(spanish)) for t in use):
                missing.append((where, english_terms[0]))
            for pattern in patterns:
                english = pattern.sub(" ", english)
    return missing


def test_the_catalogue_uses_the_glossary_terms():
    assert _missing_terms(CATALOGUE) == []


@needs_layer
def test_the_content_uses_the_glossary_terms_where_safety_needs_them():
    assert _missing_terms(TEXTS, IN_EVERY_TEXT) == []


@needs_layer
def test_every_glossary_term_the_english_uses_is_in_the_spanish():
    spanish = fold(" ".join(es for _, _, es in TEXTS))
    english = " ".join(en for _, en, _ in TEXTS).casefold()
    unused = [terms[0] for terms, use, _ in GLOSSARY
              if any(english_pattern(t).search(english) for t in terms)
              and not any(spanish_pattern(t).search(spanish) for t in use)]
    assert unused == []


# The English wording, and the Spanish forms of the same strength (the first is the one to use;
# "llamo al 911" is the same call in a patient's own question: "¿cuándo llamo al 911?").
EMERGENCY = [(r"\bcall 911\b", ("llame al 911", "llamo al 911")),
             (r"\bcall or text 988\b", ("llame o envíe un mensaje de texto al 988",)),
             (r"\bright away, day or night\b", ("de inmediato, de día o de noche",))]


def _weaker(texts):
    return [(where, forms[0]) for where, english, spanish in texts
            for pattern, forms in EMERGENCY
            if re.search(pattern, english, re.IGNORECASE)
            and not any(fold(form) in fold(spanish) for form in forms)]


@needs_layer
def test_emergency_wording_is_as_strong_as_the_english():
    assert _weaker(TEXTS) == []


def test_emergency_wording_in_the_catalogue():
    assert _weaker(CATALOGUE) == []


@needs_layer
def test_plain_spanish():
    """Median Szigriszt-Pazos (INFLESZ) of the Spanish passages: 55 or more ("normal")."""
    textstat = pytest.importorskip("textstat")
    textstat.set_lang("es")
    try:
        scores = [textstat.szigriszt_pazos(es) for _, _, es in TEXTS if len(es.split()) >= 5]
    finally:
        textstat.set_lang("en_US")
    if not scores:
        pytest.skip("no Spanish passages of five words or more yet")
    assert statistics.median(scores) >= 55


# The checkers themselves (so that the tests above can fail).

def test_the_glossary_table_is_read_whole():
    assert len(GLOSSARY) == 36
    rows = {terms[0]: (use, rejected) for terms, use, rejected in GLOSSARY}
    assert rows["care team"] == (["equipo de atención médica"], ["equipo médico"])
    assert rows["nurse"][0] == ["personal de enfermería", "enfermera", "enfermero"]
    assert rows["IV drip"][1] == []  # "suero (for the medicine)": for the reviewer
    assert rows["white blood cells"][1] == ["leucocitos (alone)"]
    assert "lupus" in rows["lupus"][0] and "LES" in rows["lupus"][0]


@pytest.mark.parametrize("text, variant, use, found", [
    ("Vaya a la sala de urgencias.", "urgencias", [], True),
    ("Vaya a la sala de emergencias.", "urgencias", [], False),
    ("El LEG es una enfermedad.", "LEG", [], True),
    ("Le pidió que se quedara.", "LEG", [], False),
    ("Su SISTEMA INMUNE.", "sistema inmune", [], True),
    ("Los leucocitos bajan.", "leucocitos (alone)", ["glóbulos blancos"], True),
    ("Los glóbulos blancos (leucocitos) bajan.", "leucocitos (alone)", ["glóbulos blancos"],
     False),
])
def test_rejected_variants_are_found(text, variant, use, found):
    assert rejected_in(text, variant, use) is found


def test_terms_are_found_in_any_number_gender_and_accent():
    assert spanish_pattern("riñón").search(fold("Sus riñones"))
    assert spanish_pattern("aprobado por la FDA").search(fold("Está aprobada por la FDA"))
    assert spanish_pattern("efecto secundario").search(fold("Efectos secundarios comunes"))
    assert not spanish_pattern("dosis").search(fold("una inyección"))
    assert english_pattern("care team").search("your care teams")
    missing = _missing_terms([("x", "Call your care team.", "Llame a su médico.")])
    assert missing == [("x", "care team")]
    assert _weaker([("x", "Call 911 now.", "Marque al 911 ahora.")]) == [("x", "llame al 911")]


def test_the_checks_pass_on_the_test_fixtures_and_catch_a_bad_translation(tmp_path):
    """The content checks above, run on tests/i18n/es (copied over the English content): clean,
    and then not, once a translation weakens the fever rule and uses a rejected word."""
    import shutil

    from lupus_guide.i18n.tools import data_root, stamp

    root = tmp_path / "data"
    shutil.copytree(data_root(), root, ignore=shutil.ignore_patterns("es"))
    shutil.copytree(Path(__file__).parent / "i18n" / "es", root / "es")
    stamp("es", root=root)
    texts = [t for stem, en, es in pairs("es", root) for t in translated_texts(stem, en, es)]
    assert texts and check_layer("es", root) == []
    assert (_rejections(texts), _missing_terms(texts, IN_EVERY_TEXT), _weaker(texts)) == \
        ([], [], [])
    layer = root / "es" / "checklists.yaml"
    import yaml

    weakened = yaml.safe_load(layer.read_text(encoding="utf-8"))
    weakened["items"][0]["detail"] = ("Si tiene una fiebre de 100.4 °F (38 °C) o más, llame a su "
                                      "equipo médico pronto.")
    layer.write_text(yaml.safe_dump(weakened, allow_unicode=True), encoding="utf-8")
    texts = [t for stem, en, es in pairs("es", root) for t in translated_texts(stem, en, es)]
    where = "checklists[before-be-well].detail"
    assert (where, "equipo médico") in _rejections(texts)
    assert (where, "care team") in _missing_terms(texts, IN_EVERY_TEXT)
    assert (where, "de inmediato, de día o de noche") in _weaker(texts)
