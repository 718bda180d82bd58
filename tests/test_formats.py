"""Markdown and HTML output, and -o/--output."""

import re

import pytest

READING = [["therapies"], ["therapies", "rituximab"], ["faq"], ["faq", "eat"],
           ["prepare", "--therapy", "rituximab"], ["side-effects"], ["costs"], ["care"],
           ["search", "fever"], ["sources"], ["handout", "rituximab"]]


def markdown_tokens(text):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(text)


def _expected(doc):
    """Headings and list items a Document holds, as its Markdown must show them."""
    from lupus_guide import document as d

    headings, items = [], 0
    for block in doc.blocks:
        if isinstance(block, d.Heading):
            from lupus_guide.render.references import cite_mark

            cites = f" {cite_mark(block.cites)}" if block.cites else ""
            headings.append(" ".join(block.text.split()) + cites)
        elif isinstance(block, d.Callout):
            headings.append(block.title)
            items += len(block.items)
        elif isinstance(block, (d.Bullets, d.Checklist)):
            items += len(block.items)
        elif isinstance(block, d.SourceList):
            items += len(block.sources)
    return headings, items


VIEWS = {
    "overview": lambda c: __import__("lupus_guide.views.therapies", fromlist=["x"]).overview(c),
    "page": lambda c: __import__("lupus_guide.views.therapies",
                                 fromlist=["x"]).page(c, "rituximab"),
    "side-effects": lambda c: __import__("lupus_guide.views.therapies",
                                         fromlist=["x"]).side_effects(c, None),
    "prepare": lambda c: __import__("lupus_guide.views.prepare",
                                    fromlist=["x"]).checklist(c, "rituximab"),
    "faq": lambda c: __import__("lupus_guide.views.faq", fromlist=["x"]).faq(c, "eat"),
    "costs": lambda c: __import__("lupus_guide.views.topics", fromlist=["x"]).topics(c, "costs"),
    "sources": lambda c: __import__("lupus_guide.views.sources", fromlist=["x"]).sources(c),
    "handout": lambda c: __import__("lupus_guide.views.handout",
                                    fromlist=["x"]).handout(c, "rituximab"),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_markdown_parses_and_keeps_every_heading_and_list_item(content, view):
    from lupus_guide.render.markdown import render_markdown

    doc = VIEWS[view](content).doc()
    tokens = markdown_tokens(render_markdown(doc))
    headings = ["".join(c.content for c in tokens[i + 1].children if c.type == "text")
                for i, t in enumerate(tokens) if t.type == "heading_open"]
    items = sum(1 for t in tokens if t.type == "list_item_open")
    expected_headings, expected_items = _expected(doc)
    assert [h.split(" ", 1)[-1] if h[:1] in "■●▲☎✚ℹ" else h for h in headings] == expected_headings
    assert items == expected_items


def test_markdown_checklist_keeps_every_item(cli, content):
    text = cli("prepare", "--therapy", "cyclophosphamide", "--format", "markdown").stdout
    expected = [i for i in content.checklists
                if not i.therapies or "cyclophosphamide" in i.therapies]
    assert text.count("- [ ] ") == len([i for i in expected if i.step == "do"])
    tokens = markdown_tokens(text)
    assert sum(1 for t in tokens if t.type == "list_item_open") == len(expected)


def test_markdown_tables_are_gfm(cli):
    tokens = markdown_tokens(cli("therapies", "--format", "markdown").stdout)
    assert any(t.type == "table_open" for t in tokens)
    cells = [t for t in tokens if t.type == "th_open"]
    assert len(cells) == 4  # therapy, approved for, how given, boxed warning


@pytest.mark.parametrize("args", READING, ids=lambda a: "-".join(a))
def test_html_is_a_self_contained_document(cli, args):
    from html.parser import HTMLParser

    text = cli(*args, "--format", "html").stdout
    assert text.startswith("<!DOCTYPE html>") and "<html lang=\"en\">" in text
    assert "<script" not in text and "@import" not in text and "url(" not in text
    assert not re.search(r"<(img|link|iframe|object|embed)\b", text)
    assert not re.search(r'\ssrc=', text)

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    parser = Collect()
    parser.feed(text)
    assert "h1" in parser.tags and "main" in parser.tags and "footer" in parser.tags


def test_html_check_boxes_and_print_css(cli):
    text = cli("prepare", "--therapy", "rituximab", "--format", "html").stdout
    assert text.count('<span class="box" aria-hidden="true"></span>') >= 20
    assert "@media print" in text and "@page" in text
    assert re.search(r"font-size: 1[2-9]pt", text)


def test_clinic_text_cannot_inject_markup(cli, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "clinic.yaml").write_text(
        'name: "<script>alert(1)</script> & Co"\nphone: "555 [x](https://evil.example) *1*"\n'
        'notes:\n  - text: "<img src=x onerror=alert(1)> # not a heading"\n')
    html = cli("prepare", "--clinic", str(pack), "--format", "html").stdout
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    markdown = cli("prepare", "--clinic", str(pack), "--format", "markdown").stdout
    tokens = markdown_tokens(markdown)
    inline = [c for t in tokens if t.children for c in t.children]
    assert not any(c.type == "link_open" and "evil" in str(c.attrs) for c in inline)
    assert not any(c.type == "html_inline" for c in inline)
    texts = " ".join(c.content for c in inline if c.type == "text")
    assert "[x](https://evil.example) *1*" in texts  # shown as typed, not turned into markup
    assert "<img src=x onerror=alert(1)> # not a heading" in texts
    assert not any(t.type == "html_block" for t in tokens)


def test_output_file_is_written_and_announced(cli, tmp_path):
    target = tmp_path / "rituximab.html"
    result = cli("handout", "rituximab", "-o", str(target))
    assert result.code == 0 and result.stdout == ""
    assert f"wrote {target} (html)" in result.stderr
    assert target.read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("suffix,starts", [(".md", "# "), (".json", "{"), (".html", "<!DOCTYPE"),
                                           (".txt", "Questions people ask\n====")])
def test_format_follows_the_suffix(cli, tmp_path, suffix, starts):
    target = tmp_path / f"faq{suffix}"
    assert cli("faq", "-o", str(target)).code == 0
    assert target.read_text().startswith(starts)


def test_explicit_format_wins_over_the_suffix(cli, tmp_path):
    target = tmp_path / "faq.html"
    assert cli("faq", "-o", str(target), "--format", "markdown").code == 0
    assert target.read_text().startswith("# ")


def test_dash_means_standard_output(cli):
    result = cli("costs", "-o", "-", "--format", "markdown")
    assert result.code == 0 and result.stdout.startswith("# Costs")
    assert result.stderr == ""


def test_a_file_is_never_left_half_written(cli, tmp_path, monkeypatch):
    import os

    target = tmp_path / "out.html"
    target.write_text("the old handout")

    def interrupted(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", interrupted)
    result = cli("handout", "rituximab", "-o", str(target))
    assert result.code == 5
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert target.read_text() == "the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]  # no temporary file left


@pytest.mark.parametrize("where", ["missing-folder/out.md", "."])
def test_unwritable_output_is_one_line(cli, tmp_path, where):
    result = cli("faq", "-o", str(tmp_path / where))
    assert result.code == 5
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_handout_sections(cli, content):
    text = cli("handout", "obinutuzumab", "--format", "plain").stdout
    for heading in ("What it is", "Is it approved for lupus?", "The usual schedule on the label",
                    "Your checklist", "Side effects", "Questions to ask your care team", "Sources",
                    "EMERGENCY", "BOXED WARNING"):
        assert heading.upper() in text.upper(), heading
    assert f"Content last reviewed {content.guide.last_reviewed}" in " ".join(text.split())


def test_handout_json_holds_its_records(cli):
    data = cli("handout", "Gazyva", "--format", "json").json()["data"]
    assert data["therapy"]["id"] == "obinutuzumab"
    assert any("hepatitis b" in i["text"].lower() for i in data["checklist"]["before"])
    assert data["questions"]["id"] == "questions-before-starting"


def test_handout_unknown_therapy(cli):
    result = cli("handout", "ritxuimab")
    assert result.code == 3 and 'Did you mean "rituximab"?' in result.stderr


def test_handout_with_a_clinic_is_headed_by_it(cli):
    text = cli("handout", "rituximab", "--clinic", "examples/clinic-pack").stdout
    assert '<header class="clinic">Riverside Infusion Center · Phone 555-0100' in text
    assert "Call Riverside Infusion Center: 555-0100 (after hours: 555-0199)." in text
