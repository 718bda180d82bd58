"""Numbered references in every renderer, the handout's sources (only what it shows, short by
default), its steps (check boxes only for what the person does) and questions with room to write.
No browser here: tests/test_print.py checks the paper."""

import re

import pytest
from content_ids import THERAPY_IDS as THERAPIES
from hypothesis import given
from hypothesis import strategies as st

from lupus_guide.render.markdown import escape
from lupus_guide.render.references import publisher, short_link

ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\")


def handout(content, therapy, form="short"):
    from lupus_guide.views.handout import handout as view

    return view(content, therapy, form)


def test_short_link_names_the_site_and_the_page():
    assert short_link("https://www.cdc.gov/cancer/preventinfections/fever.htm") == \
        "cdc.gov/…/fever.htm"
    assert short_link("https://www.truximahcp.com/") == "truximahcp.com"
    assert short_link("https://ard.bmj.com/content/83/1/15") == "ard.bmj.com/content/83/1/15"
    long = "https://example.org/" + "a" * 200
    assert len(short_link(long)) <= 40 and short_link(long).startswith("example.org/…/")


def test_publisher_is_the_start_of_the_title_else_the_title_cut_short():
    assert publisher("FDALabel (FDA): RITUXAN injection, label", "https://x.gov/a") == \
        "FDALabel (FDA)"
    assert publisher("When to Call the Doctor", "https://lupus.org/x") == "When to Call the Doctor"
    assert len(publisher("A very long title with no colon " * 4, "https://x.org")) <= 40


@pytest.mark.parametrize("therapy", THERAPIES)
def test_handout_cites_only_what_it_shows_and_numbers_every_source(content, therapy):
    from lupus_guide import document as d

    result = handout(content, therapy)
    doc = result.doc()
    [listed] = [b for b in doc.blocks if isinstance(b, d.SourceList)]
    cited = {n for b in doc.blocks if isinstance(b, d.Heading) for n in b.cites}
    assert listed.form == "short"
    assert cited == set(range(1, len(listed.sources) + 1))  # every number used, none missing
    t = next(t for t in content.therapies if t.id == therapy)
    not_shown = {s.url for name in ("premedication", "pregnancy", "breastfeeding",
                                    "monitoring", "assistance")
                 for s in getattr(t, name).sources}
    shown = {s.url for name in ("approval", "schedule", "boxed_warning", "common_side_effects",
                                "serious_warnings", "call_care_team", "call_emergency")
             for s in getattr(t, name).sources}
    listed_urls = {url for _, url, _ in listed.sources}
    assert not (not_shown - shown) & listed_urls - _cited_by_steps_or_questions(content, t)
    assert [s["url"] for s in result.data["sources"]] == [url for _, url, _ in listed.sources]


def _cited_by_steps_or_questions(content, t):
    from lupus_guide.views.blocks import STAGES, stage_items

    urls = {s.url for stage in STAGES for i in stage_items(content, t, stage) for s in i.sources}
    return urls | {s.url for e in content.faq if e.id == "questions-before-starting"
                   for s in e.sources}


@pytest.mark.parametrize("therapy", THERAPIES)
def test_general_steps_leave_out_other_products_pages_when_they_cite_more(content, therapy):
    from lupus_guide.views.handout import item_sources, product_pages

    t = next(t for t in content.therapies if t.id == therapy)
    pages = product_pages(content)
    for item in (i for i in content.checklists if not i.therapies):
        kept = item_sources(item, t, pages)
        others = [s for s in item.sources if pages.get(s.url, therapy) != therapy]
        assert kept, item.id  # never a step without a source
        if len(others) < len(item.sources):  # something else is cited: no other product's page
            assert not [s for s in kept if s in others], (therapy, item.id)


def test_a_benlysta_page_is_not_cited_through_a_general_step_in_a_rituximab_handout(content):
    from lupus_guide.views.handout import item_sources, product_pages

    t = next(t for t in content.therapies if t.id == "rituximab")
    be_well = next(i for i in content.checklists if i.id == "before-be-well")
    urls = [s.url for s in item_sources(be_well, t, product_pages(content))]
    assert not any("benlysta" in url for url in urls) and urls


def test_sources_full_short_and_none(cli):
    short = cli("handout", "rituximab", "--format", "html").stdout
    full = cli("handout", "rituximab", "--format", "html", "--sources", "full").stdout
    none = cli("handout", "rituximab", "--format", "html", "--sources", "none").stdout
    assert 'class="sources short"' in short and "(checked " not in short
    assert 'class="sources full"' in full and "(checked " in full
    assert 'href="https://' in short  # a short link still links to the whole address
    assert "<ol class=\"sources" not in none and 'class="cites"' not in none
    assert "lupus-guide sources" in none
    assert len(short) < len(full)


def test_the_steps_give_check_boxes_only_to_what_the_person_does(cli, content):
    text = cli("prepare", "--therapy", "rituximab", "--format", "markdown").stdout
    items = [i for i in content.checklists if not i.therapies or "rituximab" in i.therapies]
    knows = [i for i in items if i.step == "know"]
    assert knows  # the content marks what the care team does (step: know)
    for item in items:
        mark = "- [ ] " if item.step == "do" else "- "
        assert f"\n{mark}{escape(item.text)}" in text, item.id


def test_handout_questions_are_a_list_with_room_to_write(cli, content):
    entry = next(e for e in content.faq if e.id == "questions-before-starting")
    asked = re.findall(r"[^.?!:]+\?", " ".join(entry.answer.split()))
    html = cli("handout", "belimumab", "--format", "html").stdout
    [listed] = re.findall(r'<ul class="write-in">(.*?)</ul>', html)
    assert listed.count("<li>") == len(asked) >= 5


def test_checklist_has_lines_for_name_date_and_the_care_teams_phone(cli):
    bundled = cli("prepare", "--therapy", "belimumab", "--format", "html").stdout
    packed = cli("prepare", "--therapy", "belimumab", "--clinic", "examples/clinic-pack",
                 "--format", "html").stdout
    assert bundled.count('<span class="blank"></span>') == 3
    assert packed.count('<span class="blank"></span>') == 2 and "555-0100" in packed
    screen = cli("prepare", "--therapy", "belimumab").stdout
    assert "____" not in screen  # lines to write on are for paper


def test_every_printed_page_repeats_the_clinic_and_counts_pages(cli):
    html = cli("handout", "rituximab", "--clinic", "examples/clinic-pack",
               "--format", "html").stdout
    page_rules = html[html.index("@page { size"):]
    assert "counter(page)" in page_rules and "counter(pages)" in page_rules
    assert "size: letter" in page_rules
    a4 = cli("handout", "rituximab", "--paper", "a4", "--format", "html").stdout
    assert "size: A4" in a4


@given(st.text(min_size=1, max_size=40))
def test_css_strings_cannot_end_the_string_or_the_style_sheet(text):
    from lupus_guide.render.html import css_string

    quoted = css_string(text)
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert not set(inner) & set('"\'<>{};\n\r')
    decoded = re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m.group(1), 16)), inner)
    assert decoded == text


@pytest.mark.parametrize("fmt", ["table", "plain"])
@pytest.mark.parametrize("columns", ["40", "80"])
def test_terminal_sources_are_numbered_and_links_never_broken(cli, content, fmt, columns):
    out = cli("therapies", "belimumab", "--format", fmt, env={"COLUMNS": columns}).stdout
    t = next(t for t in content.therapies if t.id == "belimumab")
    lines = [line.strip() for line in out.splitlines()]
    for number, src in enumerate(t.all_sources(), 1):
        assert src.url in lines, (columns, src.url)  # the whole link, alone on its line
        assert any(line.startswith(f"[{number}] ") for line in lines)


def test_osc8_links_only_in_a_terminal_known_to_show_them(cli):
    plain = cli("therapies", "belimumab", "--color", "always").stdout
    linked = cli("therapies", "belimumab", "--color", "always",
                 env={"TERM_PROGRAM": "WezTerm"}).stdout
    never = cli("therapies", "belimumab", "--color", "never",
                env={"TERM_PROGRAM": "WezTerm"}).stdout
    assert "\x1b]8;;" not in plain and "\x1b]8;;" not in never
    assert "\x1b]8;;https://" in linked and "\x1b]8;;\x1b\\" in linked
    assert ESCAPES.sub("", linked).count("https://") == ESCAPES.sub("", plain).count("https://")


@pytest.mark.parametrize("fmt", ["table", "plain"])
def test_the_sources_command_never_breaks_a_link(cli, fmt):
    out = cli("sources", "--format", fmt, env={"COLUMNS": "30"}).stdout
    records = cli("sources", "--format", "json").json()["data"]
    words = set(out.split())
    assert all(record["url"] in words for record in records)


def test_citation_marks_join_runs():
    from lupus_guide.render.references import cite_mark

    assert cite_mark([1, 2, 3, 4, 9, 11, 12]) == "[1–4, 9, 11, 12]"
    assert cite_mark([5]) == "[5]" and cite_mark([]) == ""
