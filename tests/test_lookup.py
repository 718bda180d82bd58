"""Property tests for the rules of lookup and search."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lupus_guide.errors import GuideError, NotFound, UsageError
from lupus_guide.find import find_therapy, name_parts, therapy_names
from lupus_guide.search import search_all

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.data())
def test_every_name_finds_its_therapy_in_any_case(content, data):
    therapy = data.draw(st.sampled_from(content.therapies))
    others = {n.casefold() for t in content.therapies if t is not therapy for n in therapy_names(t)}
    unique = [n for n in therapy_names(therapy) if n.casefold() not in others]
    name = data.draw(st.sampled_from(unique))
    flip = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    typed = "".join(c.upper() if up else c.lower() for c, up in zip(name, flip))
    assert find_therapy(content.therapies, f" {typed} ") is therapy


@SETTINGS
@given(text=st.text(max_size=300))
def test_search_either_answers_or_fails_cleanly(content, text):
    try:
        hits = search_all(content, text)
    except (NotFound, UsageError):
        return
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


@SETTINGS
@given(name=st.text(max_size=100))
def test_unknown_names_fail_with_one_clean_line(content, name):
    try:
        find_therapy(content.therapies, name)
    except GuideError as exc:
        assert "\n" not in exc.line()
        assert all(ch.isprintable() for ch in exc.line())


@SETTINGS
@given(query=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20),
       text=st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,", max_size=80))
def test_a_word_in_both_the_query_and_the_text_always_matches(query, text):
    """Whatever the weights, an entry sharing a search term with the query is found."""
    from lupus_guide import search as lookup
    from lupus_guide.analysis import analyzer

    words = analyzer("en")
    index = lookup.build_index([("only", ("", "", text))], [], words)
    shared = set(words.terms(query)) & set(words.terms(text))
    if shared:
        assert lookup.score(index, query, words).get("only", 0) > 0


def _every_written_name():
    """Every brand, biosimilar and other name as the content writes it, with its therapy."""
    from lupus_guide.content import load_content

    content = load_content()
    return [(t.id, written) for t in content.therapies
            for written in (*t.brand_names, *t.biosimilars, *t.other_names)]


@pytest.mark.parametrize(("therapy_id", "written"), _every_written_name())
def test_every_written_name_is_found_without_its_note(content, therapy_id, written):
    shared = {n.casefold() for t in content.therapies if t.id != therapy_id
              for n in therapy_names(t)}
    for name in name_parts(written):
        assert "(" not in name and ")" not in name, name
        if name.casefold() in shared:
            continue  # a name more than one therapy goes by (anti-CD20): asked which
        for typed in (name, name.upper(), name.lower()):
            assert find_therapy(content.therapies, typed).id == therapy_id, typed


@pytest.mark.parametrize(("typed", "therapy_id"), [
    ("cytoxan", "cyclophosphamide"), ("neosar", "cyclophosphamide"),
    ("endoxan", "cyclophosphamide"), ("procytox", "cyclophosphamide"),
    ("mabthera", "rituximab"), ("gazyvaro", "obinutuzumab"), ("Truxima", "rituximab"),
    ("rituximab-abbs", "rituximab"),
    ("methylprednisolone sodium succinate", "methylprednisolone"),
])
def test_names_that_carried_a_note_are_found(content, typed, therapy_id):
    assert find_therapy(content.therapies, typed).id == therapy_id


@pytest.mark.parametrize("typed", ["cytoxn", "mabtera", "gazyvar", "endoxann"])
def test_did_you_mean_never_offers_a_note(content, typed):
    with pytest.raises(NotFound) as caught:
        find_therapy(content.therapies, typed)
    assert "(" not in caught.value.hint and "Did you mean" in caught.value.hint
