"""Search ready for Spanish (issue 17): accents folded, Spanish stop words, Snowball's Spanish
stemmer loaded only for Spanish, Spanish words of the same meaning as data. The Spanish FAQ itself
comes later; these entries are made up for the test, in the guide's shape."""

import subprocess
import sys

import pytest

from lupus_guide import search
from lupus_guide.analysis import analyzer, fold

ENTRIES = [
    ("ayuno", ("¿Necesito estar en ayunas antes de mi infusión?", "antes",
               "No. En general no hay reglas de alimentos antes de una infusión de lupus. "
               "Lleve algo de comer.")),
    ("manejar", ("¿Puedo manejar a casa después de la infusión?", "después",
                 "Algunos medicamentos dan sueño. Pida a alguien que la lleve a casa.")),
    ("costo", ("¿Cuánto cuesta una infusión?", "costos seguro",
               "El precio depende del medicamento y de su seguro.")),
    ("vacunas", ("¿Puedo vacunarme durante el tratamiento?", "vacunas",
                 "Pregunte a su equipo de atención médica antes de la vacunación.")),
    ("duracion", ("¿Cuánto tiempo dura una infusión?", "durante",
                  "Depende del medicamento: de 30 minutos a varias horas.")),
]


@pytest.fixture(scope="module")
def spanish_index():
    return search.build_index(ENTRIES, [["belimumab", "Benlysta"]], analyzer("es"))


def best(index, query):
    found = search.score(index, query, analyzer("es"))
    return max(found, key=found.get) if found else None


def test_accents_and_case_are_folded():
    assert fold("Vacunación") == "vacunacion"
    words = analyzer("es")
    assert words.terms("vacunación") == words.terms("VACUNACION") == words.terms("vacunacion")
    assert words.terms("¿infusión?") == words.terms("infusion")


def test_spanish_stop_words_are_left_out():
    words = analyzer("es")
    assert words.terms("¿Cuánto y cómo puedo de la que el?") == []
    assert words.terms("¿Puedo comer antes de la infusión?") == [
        words.term("comer"), words.term("antes"), words.term("infusión")]


def test_the_snowball_stemmer_joins_word_forms():
    words = analyzer("es")
    assert words.term("vacuna") == words.term("vacunas") == words.term("vacunación")
    assert words.term("infusión") == words.term("infusiones")
    assert words.term("embarazo") == words.term("embarazada")


def test_comer_ayunar_and_alimentos_mean_the_same():
    words = analyzer("es")
    same = words.alternatives(words.term("comer"))
    assert {words.term("ayunar"), words.term("alimentos"), words.term("ayunas")} <= same


@pytest.mark.parametrize(("question", "expected"), [
    ("¿puedo comer antes de la infusión?", "ayuno"),
    ("¿puedo comer antes de la infusion?", "ayuno"),
    ("¿tengo que ayunar?", "ayuno"),
    ("¿cuánto va a costar?", "costo"),
    ("¿me puedo vacunar?", "vacunas"),
    ("¿quién me lleva a casa? ¿puedo conducir?", "manejar"),
    ("¿cuánto tiempo dura?", "duracion"),
])
def test_spanish_questions_find_their_answer(spanish_index, question, expected):
    assert best(spanish_index, question) == expected


def test_therapy_names_work_in_spanish_text():
    index = search.build_index([*ENTRIES, ("sc", ("¿Hay belimumab en inyección?", "", ""))],
                               [["belimumab", "Benlysta"]], analyzer("es"))
    assert best(index, "¿Y Benlysta?") == "sc"


def test_the_spanish_stemmer_is_loaded_only_for_spanish():
    code = ("import sys; from lupus_guide.analysis import analyzer; analyzer('en').terms('eat'); "
            "print('snowballstemmer' in sys.modules); analyzer('es').terms('comer'); "
            "print('snowballstemmer' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "True"]


def test_an_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        analyzer("xx")


def test_searching_the_guide_takes_a_language(content):
    hits = search.search_faq(content, "what should I eat", lang="en")
    assert hits[0].id == "eat-before"
