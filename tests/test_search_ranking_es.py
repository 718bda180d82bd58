"""Spanish search answers the question typed (issue 17), as English does (issue 15): the same
ranking over the Spanish FAQ, with accents folded, Spanish stop words, a Spanish stemmer and
Spanish words of the same meaning (data/search/es.txt). Questions written as a patient would ask
them, not from the words of the answers."""

import pytest

ES_QUESTIONS = [
    ("¿puedo comer antes de la infusión?", "eat-before"),
    ("¿necesito ayunar?", "eat-before"),
    ("¿cuánto dura la infusión?", "how-long"),
    ("¿me va a doler?", "does-it-hurt"),
    ("¿puedo manejar a casa después?", "driving-home"),
    ("¿qué pasa si falto a una cita?", "missed-infusion"),
    ("¿cuándo empieza a funcionar?", "how-soon-works"),
    ("¿es seguro vacunarme?", "vaccines"),
    ("vacunacion contra la gripe", "vaccines"),
    ("¿puedo quedar embarazada?", "pregnancy"),
    ("¿puedo trabajar ese día?", "working"),
    ("me siento peor después de la infusión", "flare-after"),
    ("mi seguro dijo que no", "insurance-denied"),
    ("¿qué llevo a la infusión?", "what-to-bring"),
    ("¿puedo llevar a alguien?", "bring-someone"),
    ("¿qué es un biosimilar?", "biosimilar"),
    ("¿qué quiere decir off-label?", "off-label"),
    ("¿cuándo es una emergencia?", "emergency"),
    ("tengo fiebre", "fever"),
    ("¿por qué me hacen la prueba de hepatitis?", "hepatitis-b"),
    ("¿qué pasa cuando llego al centro?", "what-happens-at-visit"),
    ("¿puedo seguir con mis otras medicinas?", "other-medicines"),
]


def top(cli, question):
    result = cli("--lang", "es", "faq", question, "--format", "json")
    assert result.code == 0, result.stderr
    return [hit["id"] for hit in result.json()["data"]]


def test_the_table_has_twenty_spanish_questions(content):
    assert len(ES_QUESTIONS) >= 20
    assert {expected for _, expected in ES_QUESTIONS} <= {entry.id for entry in content.faq}


@pytest.mark.parametrize(("question", "expected"), ES_QUESTIONS)
def test_the_best_spanish_answer_comes_first(cli, question, expected):
    assert top(cli, question)[:1] == [expected]


def test_accents_do_not_matter(cli):
    assert top(cli, "vacunación") == top(cli, "vacunacion")


def test_expensive_is_not_a_face(cli):
    """'cara' is a face (and 'expensive'): a cost question never brings up facial swelling."""
    assert "infusion-reaction" not in top(cli, "¿cuánto cuesta?")[:3]
