"""Checks on the content itself: complete, sourced, consistent, plainly and safely worded."""

import re
import statistics

import pytest

from lupus_guide.content.merge import reference_problems


def passages(content):
    """Every patient-facing passage of text in the guide."""
    for t in content.therapies:
        yield t.how_it_works
        for _, section in t.sections():
            if section.summary:
                yield section.summary
            yield from section.items
    for item in content.checklists:
        yield item.text
        if item.detail:
            yield item.detail
    for entry in content.faq:
        yield from (p for p in entry.answer.split("\n\n") if p.strip())
    for topic in [*content.costs, *content.care]:
        if topic.summary:
            yield topic.summary
        yield from topic.items


def test_no_duplicate_ids_or_dangling_references(content):
    assert reference_problems(content) == []


def test_the_six_therapies_of_the_brief(content):
    assert {t.id for t in content.therapies} == {
        "belimumab", "anifrolumab", "rituximab", "obinutuzumab", "cyclophosphamide",
        "methylprednisolone"}


def test_off_label_uses_are_marked(content):
    by_id = {t.id: t for t in content.therapies}
    assert by_id["rituximab"].approval.sle_status != "approved"
    assert by_id["rituximab"].approval.ln_status != "approved"
    assert by_id["cyclophosphamide"].approval.ln_status == "off-label"
    assert by_id["belimumab"].approval.ln_status == "approved"
    assert by_id["obinutuzumab"].approval.ln_status == "approved"
    assert by_id["anifrolumab"].approval.ln_status != "approved"


def test_boxed_warnings_present_where_labels_have_them(content):
    by_id = {t.id: t for t in content.therapies}
    for therapy_id in ("rituximab", "obinutuzumab"):
        text = " ".join(by_id[therapy_id].boxed_warning.items).lower()
        assert "hepatitis b" in text and ("pml" in text or "leukoencephalopathy" in text)


def test_anti_cd20_drugs_require_hepatitis_b_screening(content):
    for therapy_id in ("rituximab", "obinutuzumab"):
        items = [i for i in content.checklists if therapy_id in i.therapies and i.stage == "before"]
        assert any("hepatitis b" in (i.text + i.detail).lower() for i in items), therapy_id


def test_emergency_sections_say_to_call_emergency_services(content):
    for t in content.therapies:
        text = " ".join([t.call_emergency.summary, *t.call_emergency.items])
        assert "911" in text, t.id


def test_every_therapy_says_the_care_team_sets_the_schedule(content):
    for t in content.therapies:
        text = " ".join([t.schedule.summary, *t.schedule.items]).lower()
        assert "care team" in text, t.id


def test_no_text_claims_fasting_is_required(content):
    for text in passages(content):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            # "fast" as in going without food, not "fast-growing cells" or "a fast drip"
            if re.search(r"\b(fasting|to fast|fast before|fast for)\b", sentence, re.IGNORECASE):
                assert re.search(r"\b(no|not|don't|do not|never|usually|generally)\b",
                                 sentence, re.IGNORECASE), sentence


def test_no_instruction_to_stop_or_start_medicine(content):
    pattern = re.compile(r"^(stop|start|quit) (taking|using) ", re.IGNORECASE)
    for text in passages(content):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert not pattern.search(sentence.strip()), sentence


def test_sources_are_https_and_dated(content):
    from lupus_guide.views.sources import cited_places

    for source, place in cited_places(content):
        assert source.url.startswith("https://"), place
        assert "2020-01-01" <= source.checked <= content.guide.last_reviewed, place


def test_plain_language_median_grade_8_or_lower(content):
    textstat = pytest.importorskip("textstat")
    grades = [textstat.flesch_kincaid_grade(p) for p in passages(content) if len(p.split()) >= 5]
    assert len(grades) > 100
    assert statistics.median(grades) <= 8.0


# Publishers the guide may cite (content brief: FDA/DailyMed, manufacturers' prescribing information
# and patient sites, ACR, EULAR, LFA, MedlinePlus, NHS, and government pages on insurance). A host
# matches when it is one of these or a subdomain of one.
PRIMARY_PUBLISHERS = frozenset([
    "fda.gov", "nih.gov", "medlineplus.gov", "cdc.gov", "healthcare.gov", "medicare.gov",
    "cms.gov", "hhs.gov", "samhsa.gov", "988lifeline.org", "fcc.gov",
    "dol.gov", "nhs.uk", "nice.org.uk", "gov.uk", "ema.europa.eu",
    "rheumatology.org", "eular.org", "ard.bmj.com", "kidney.org", "kdigo.org", "lupus.org",
    "arthritis.org", "lupusresearch.org", "gsk.com", "gskpro.com", "gskforyou.com",
    "benlysta.com", "benlystahcp.com", "benlystasc.com", "astrazeneca.com",
    "astrazeneca-us.com", "saphnelo.com", "saphnelohcp.com", "azandmeapp.com", "gene.com",
    "genentech.com", "genentech-access.com", "rituxan.com", "rituxan-hcp.com",
    "rituxanforra.com", "rituxanforra-hcp.com", "racopay.com", "gazyva.com", "gazyva-hcp.com",
    "pfizer.com", "pfizermedicalinformation.com", "pfizerpro.com", "pfizerrxpathways.com",
    "ruxience.com", "truxima.com", "truximahcp.com", "teva.com", "tevausa.com", "riabni.com",
    "amgen.com", "amgenassist360.com", "baxter.com", "baxterpi.com", "roche.com", "biogen.com",
    "businesswire.com", "prnewswire.com", "panfoundation.org", "healthwellfoundation.org",
    "patientadvocate.org", "copays.org",
])


def _publisher_allowed(url: str) -> bool:
    from urllib.parse import urlparse

    host = (urlparse(url).hostname or "").lower()
    if host == "api.fda.gov":  # a query, not a page a reader can open
        return False
    return any(host == p or host.endswith("." + p) for p in PRIMARY_PUBLISHERS)


def test_every_source_is_a_primary_publisher(content):
    from lupus_guide.views.sources import cited_places

    weak = sorted({(source.url, place) for source, place in cited_places(content)
                   if not _publisher_allowed(source.url)})
    assert weak == []


def test_call_sections_name_the_fever_threshold(content):
    for t in content.therapies:
        text = " ".join([t.call_care_team.summary, *t.call_care_team.items])
        assert "100.4" in text and "38" in text, t.id


def test_emergency_sections_list_the_briefs_signs(content):
    signs = ("breath", "swell", "chest", "faint", "confus", "weak")
    for t in content.therapies:
        text = " ".join([t.call_emergency.summary, *t.call_emergency.items]).lower()
        assert all(sign in text for sign in signs), (t.id, [s for s in signs if s not in text])
