"""Safety and sourcing rules from the content review (issue 11), checked on the content itself.

Each rule is written over every passage of the guide, not over the examples the review gave, so a
new entry that breaks a rule fails here the day it is written.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qsl, urlparse

import pytest

# Therapies after which a fever can be a medical emergency (CDC; content brief): cyclophosphamide
# (counts lowest 7-14 days after a dose) and the B-cell-depleting antibodies.
FEVER_EMERGENCY_THERAPIES = ("cyclophosphamide", "rituximab", "obinutuzumab")


def blocks(content):
    """(where, [passages]) for every unit a reader sees as one piece: a therapy's fact group, a
    checklist item, an FAQ answer, a cost or care topic. Passages are the block's sentences'
    carriers: summaries, items, details and FAQ paragraphs."""
    for t in content.therapies:
        yield f"therapies {t.id}: how_it_works", [t.how_it_works]
        for name, section in t.sections():
            extra = [getattr(section, f) for f in ("usual", "first_infusions", "later_infusions",
                                                  "infusion_time", "sle", "ln", "threshold",
                                                  "short") if getattr(section, f, "")]
            yield f"therapies {t.id}: {name}", [section.summary, *extra, *section.items]
    for item in content.checklists:
        yield f"checklists {item.id}", [item.text, item.detail]
    for entry in content.faq:
        yield f"faq {entry.id}", [entry.question, *entry.answer.split("\n\n")]
    for kind in ("costs", "care"):
        for topic in getattr(content, kind):
            yield f"{kind} {topic.id}", [topic.title, topic.summary, *topic.items]
    for regimen in content.regimens:
        yield f"regimens {regimen.id}", [regimen.name, *regimen.notes]


def all_passages(content):
    for where, texts in blocks(content):
        for text in texts:
            if text and text.strip():
                yield where, text


FEVER = re.compile(r"\bfevers?\b|\btemperature\b|100\.4", re.IGNORECASE)
DOWNPLAYED = re.compile(r"same[- ]day|not an emergency|not urgent|isn't an emergency|"
                        r"next (business|working) day|wait (until|for) (morning|your next)",
                        re.IGNORECASE)


def test_no_passage_pairs_a_fever_with_same_day_or_not_an_emergency(content):
    """Fever during treatment that lowers immunity: call right away, day or night (CDC, brief)."""
    bad = [(where, text) for where, text in all_passages(content)
           if FEVER.search(text) and DOWNPLAYED.search(text)]
    assert bad == []


def _call_sections_text(therapy) -> str:
    return " ".join([therapy.call_care_team.summary, *therapy.call_care_team.items,
                     therapy.call_emergency.summary, *therapy.call_emergency.items])


def test_every_therapy_says_call_right_away_for_a_fever(content):
    for t in content.therapies:
        fever_lines = [line for line in [t.call_care_team.summary, *t.call_care_team.items]
                       if FEVER.search(line)]
        assert fever_lines, t.id
        assert any(re.search(r"right away|day or night|at once|now", line, re.IGNORECASE)
                   for line in fever_lines), (t.id, fever_lines)


@pytest.mark.parametrize("therapy_id", FEVER_EMERGENCY_THERAPIES)
def test_fever_after_chemotherapy_or_b_cell_depletion_can_mean_the_emergency_department(
        content, therapy_id):
    therapy = next(t for t in content.therapies if t.id == therapy_id)
    text = _call_sections_text(therapy).lower()
    assert "day or night" in text
    assert re.search(r"emergency (department|room)", text), therapy_id
    assert re.search(r"(say|tell them|tell the staff)[^.]*(medicine|treatment|drug)", text), \
        therapy_id


MOOD = re.compile(r"suicid|depress(ion|ed)\b|psychosis|severe mood|mood changes?|"
                  r"hurting yourself|harming yourself", re.IGNORECASE)


def test_988_stands_beside_911_wherever_mood_or_suicide_is_mentioned(content):
    """Suicidal thoughts, depression or steroid mood changes: the 988 Lifeline, with 911."""
    missing = []
    for where, texts in blocks(content):
        text = " ".join(t for t in texts if t)
        if MOOD.search(text) and not ("988" in text and "911" in text):
            missing.append(where)
    assert missing == []


def test_988_is_given_as_a_number_to_call_or_text(content):
    for where, text in all_passages(content):
        if "988" in text:
            assert re.search(r"call or text 988|text or call 988|988 Suicide", text), (where, text)


# Query keys that only track a reader or hold a session: a citation must not carry them.
TRACKING_KEYS = re.compile(r"^(utm_.*|ijkey|keytype2?|fbclid|gclid|dclid|msclkid|mc_[ce]id|"
                           r"_ga|_hs(enc|mi)|sessionid|jsessionid|sid|phpsessid|cfid|cftoken|"
                           r"source|src|ref|cmp|cid|trk|elqtrack\w*)$", re.IGNORECASE)
SEARCH_PAGE = re.compile(r"/search(\.cfm|\.aspx?|/|$)|/results|[?&](q|query|search|term)=",
                         re.IGNORECASE)


def every_source(content):
    from lupus_guide.views.sources import cited_places

    yield from cited_places(content)
    for regimen in content.regimens:
        for source in regimen.sources:
            yield source, f"regimens {regimen.id}"


def test_no_source_url_carries_tracking_or_session_parameters(content):
    bad = sorted({(s.url, where) for s, where in every_source(content)
                  if any(TRACKING_KEYS.match(key) or "govdelivery" in value.lower()
                         for key, value in parse_qsl(urlparse(s.url).query,
                                                     keep_blank_values=True))})
    assert bad == []


def test_no_source_is_a_search_results_page(content):
    bad = sorted({(s.url, where) for s, where in every_source(content)
                  if SEARCH_PAGE.search(s.url)})
    assert bad == []


def test_source_urls_are_plain_printable_ascii(content):
    bad = sorted({s.url for s, _ in every_source(content)
                  if not re.fullmatch(r"https://[!-~]+", s.url)})
    assert bad == []


OTHER_DISEASE = re.compile(r"\b(CLL|leukemia|leukaemia|lymphoma|follicular|rheumatoid)\b",
                           re.IGNORECASE)


def _names(therapy) -> set[str]:
    """A therapy's generic, brand, biosimilar and other names, each without a note in brackets."""
    raw = [therapy.generic_name, *therapy.brand_names, *therapy.biosimilars, *therapy.other_names]
    return {re.sub(r"\s*\(.*?\)", "", n).strip().lower() for n in raw} - {""}


def test_a_therapys_sources_are_about_lupus_and_that_therapy(content):
    """No leukemia or lymphoma page for a lupus fact; no other product's page for a therapy.

    A therapy approved for lupus has lupus pages to cite, so another disease's page there is a
    mistake (CLL dosing given as lupus nephritis dosing). An off-label therapy's only label is
    about other diseases; for it only the other-product rule applies."""
    bad = []
    for t in content.therapies:
        approved = "approved" in (t.approval.sle_status, t.approval.ln_status)
        others = {n for o in content.therapies if o.id != t.id for n in _names(o)
                  if len(n) >= 6 and " " not in n} - _names(t)
        for _, section in t.sections():
            for s in section.sources:
                host = (urlparse(s.url).hostname or "").lower()
                if approved and (OTHER_DISEASE.search(s.title)
                                 or OTHER_DISEASE.search(urlparse(s.url).path)):
                    bad.append((t.id, "other disease", s.title))
                if any(name in host for name in others):
                    bad.append((t.id, "other product", s.url))
    assert bad == []


def test_general_checklist_items_name_no_single_therapy(content):
    """A general item shows on every therapy's list, so it must not name one drug."""
    names = {n for t in content.therapies for n in _names(t) if len(n) >= 5}
    bad = []
    for item in content.checklists:
        if item.therapies:
            continue
        text = f"{item.text} {item.detail}".lower()
        bad += [(item.id, n) for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
    assert bad == []


def test_a_therapys_items_name_no_other_therapy(content):
    bad = []
    for item in content.checklists:
        if not item.therapies:
            continue
        own = set().union(*(_names(t) for t in content.therapies if t.id in item.therapies))
        text = f"{item.text} {item.detail}".lower()
        for t in content.therapies:
            if t.id in item.therapies:
                continue
            bad += [(item.id, n) for n in _names(t) - own
                    if len(n) >= 5 and re.search(rf"\b{re.escape(n)}\b", text)]
    assert bad == []


STOP = frozenset([
    "a", "an", "and", "any", "are", "as", "at", "be", "before", "by", "can", "do", "does", "for",
    "from", "get", "go", "has", "have", "if", "in", "into", "is", "it", "its", "may", "more",
    "most", "not", "of", "on", "or", "our", "so", "some", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "to", "too", "up", "use", "was", "we", "what",
    "when", "which", "who", "will", "with", "you", "your", "yours", "after", "during", "about",
    "ask", "care", "team", "tell", "call", "make", "sure"
])


def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    stems = set()
    for w in words:
        if w in STOP or len(w) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
        stems.add(w)
    return frozenset(stems)


def near_duplicates(texts: list[tuple[str, str]], threshold: float = 0.6):
    """Pairs of (id, text) whose content words overlap so much that one repeats the other:
    overlap / size of the smaller set (so a short item inside a longer one counts)."""
    words = [(i, content_words(t)) for i, t in texts]
    for (a, wa), (b, wb) in itertools.combinations(words, 2):
        if min(len(wa), len(wb)) >= 3 and len(wa & wb) / min(len(wa), len(wb)) >= threshold:
            yield a, b


def test_near_duplicate_detector_finds_a_rewording_and_keeps_different_items_apart():
    same = [("a", "Bring a list of all your medicines."),
            ("b", "Bring your list of medicines with you.")]
    different = [("a", "Bring a list of all your medicines."),
                 ("b", "Drink plenty of water the day before.")]
    assert list(near_duplicates(same)) == [("a", "b")]
    assert list(near_duplicates(different)) == []


def test_no_checklist_repeats_an_item_in_other_words(content):
    """What `prepare --therapy X` shows (general and own items, stage by stage) says each thing
    once."""
    found = []
    for t in content.therapies:
        for stage in ("before", "during", "after"):
            items = [(i.id, i.text) for i in content.checklists
                     if i.stage == stage and (not i.therapies or t.id in i.therapies)]
            found += [(t.id, a, b) for a, b in near_duplicates(items)]
    assert found == []


def test_a_regimen_left_to_the_care_team_says_why(content):
    """`schedule` shows no dates for it and points to its notes, so the notes must exist."""
    silent = [r.id for r in content.regimens if r.set_by_care_team and not r.notes]
    assert silent == []
