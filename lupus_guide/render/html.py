"""HTML for reading in a browser and printing on paper: one self-contained document (inline CSS,
no scripts, nothing fetched), semantic headings, lists and tables, check boxes that print as empty
squares, print CSS for Letter and A4. Every piece of text is escaped, so content (a clinic pack's,
say) cannot add markup."""

from __future__ import annotations

from html import escape

from lupus_guide import document as d
from lupus_guide.render.markers import marker

CSS = """
:root { color: #000; background: #fff; }
body { font: 13pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 1.5em auto;
       padding: 0 1em; }
header.clinic { border: 2px solid #000; padding: .4em .7em; margin-bottom: 1em; font-weight: bold; }
h1 { font-size: 1.7em; margin: .2em 0 .5em; }
h2 { font-size: 1.3em; margin: 1.2em 0 .4em; border-bottom: 1px solid #000; }
h3 { font-size: 1.1em; margin: .8em 0 .3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
sup.cites { font-size: .6em; font-weight: normal; vertical-align: super; margin-left: .3em; }
sup.cites a { color: inherit; }
p, li { orphans: 3; widows: 3; }
ul { padding-left: 1.3em; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist li { margin: .35em 0; padding-left: 1.6em; text-indent: -1.6em; break-inside: avoid; }
.box { display: inline-block; width: .85em; height: .85em; border: 1.5px solid #000;
       margin-right: .6em; vertical-align: -.1em; }
.detail { display: block; text-indent: 0; font-size: .92em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
div.form { display: flex; flex-wrap: wrap; gap: .3em 1.2em; margin: .3em 0 .8em; }
div.form div { display: flex; flex: 1 1 14em; align-items: flex-end; }
div.form div:last-child { flex: 2 1 24em; }
div.form .label { font-weight: bold; margin-right: .5em; white-space: nowrap; }
div.form .blank { flex: 1; border-bottom: 1px solid #000; min-height: 1.3em; }
ul.checklist.steps li { padding-left: 1.2em; text-indent: -1.2em; }
ul.checklist.steps li::before { content: "\\2022"; display: inline-block; width: 1.2em;
                                text-indent: 0; }
ul.write-in li { margin: 0 0 .3em; padding-bottom: 1.9em; border-bottom: 1px dotted #000;
                 break-inside: avoid; }
section.callout { border: 2px solid #000; padding: .2em .8em .5em; margin: .8em 0;
                  break-inside: avoid; }
section.callout.emergency, section.callout.boxed { border-width: 4px; }
section.callout h3 { margin-top: .4em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.source-url { word-break: break-all; }
ol.sources { padding-left: 0; list-style: none; }
ol.sources li { margin: .2em 0; padding-left: 2.2em; text-indent: -2.2em; }
ol.sources.short { font-size: .85em; columns: 2; column-gap: 1.5em; }
ol.sources.short li { margin: 0; break-inside: avoid; }
ol.sources.short a { white-space: nowrap; }
footer { margin-top: 2em; border-top: 1px solid #000; padding-top: .4em; font-size: .9em; }
.page-break { break-before: page; page-break-before: always; }
/* The page's own margins carry what repeats on every sheet (the clinic and its phone, the page,
   "page X of Y", the review date): Chromium (131 and later) and WeasyPrint print these margin
   boxes, and a browser prints its own header and footer (the file:/// path, the date) only
   where a page has none. */
@page { margin: 15mm 13mm 14mm;
  @top-left { font: 9pt Georgia, "Times New Roman", serif; vertical-align: bottom; }
  @bottom-left { font: 8pt Georgia, "Times New Roman", serif; vertical-align: top; }
  @bottom-right { font: 9pt Georgia, "Times New Roman", serif; vertical-align: top;
                  white-space: nowrap; width: 30mm; } }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; padding: 0; }
  a { color: #000; text-decoration: none; }
  /* A handout is two to four sheets: smaller type, the steps in two columns, short sources. */
  body.handout { font-size: 10.5pt; line-height: 1.25; }
  body.handout header.clinic { padding: .2em .5em; margin-bottom: .5em; }
  body.handout h1 { font-size: 1.5em; margin: 0 0 .3em; }
  body.handout h2 { font-size: 1.2em; margin: .6em 0 .2em; }
  body.handout h3 { margin: .45em 0 .15em; }
  body.handout p { margin: .3em 0; }
  body.handout ul { margin: .2em 0; }
  body.handout ul.checklist { columns: 2; column-gap: 1.5em; }
  body.handout ul.checklist li { margin: .12em 0; }
  body.handout section.callout { margin: .45em 0; padding: .1em .6em .3em; break-inside: auto; }
  body.handout section.callout h3 { margin: .25em 0 .1em; }
  body.handout h4 { margin: .3em 0 0; font-size: 1em; }
  body.handout section.callout.common ul { columns: 2; }
  body.handout ul.write-in li { padding-bottom: .9em; }
  body.handout ol.sources.short { font-size: 8pt; line-height: 1.15; }
  /* A checklist is one sheet of paper: the items (the reasons stay on screen, the clinic's own
     words print), in two columns, so the one for a single therapy fits on one page. */
  body.checklist { line-height: 1.2; font-size: 11pt; }
  body.checklist header.clinic { padding: .2em .5em; margin-bottom: .4em; }
  body.checklist main { columns: 2; column-gap: 1.5em; }
  body.checklist h1 { column-span: all; font-size: 1.35em; margin: 0 0 .3em; }
  body.checklist div.form { column-span: all; margin: 0 0 .4em; }
  body.checklist h2 { font-size: 1.05em; margin: .45em 0 .15em; }
  body.checklist ul { margin: 0; }
  body.checklist ul.checklist li { margin: .08em 0; }
  body.checklist .detail, body.checklist p { display: none; }
  body.checklist .detail.kept { display: block; }
  body.checklist section.callout { margin: .3em 0; padding: 0 .5em .2em; border-width: 1.5px; }
  body.checklist section.callout h3 { margin: .2em 0 0; font-size: 1em; }
  body.checklist dl { gap: 0 .6em; margin: 0; }
  body.checklist footer { margin-top: .4em; padding-top: .15em; font-size: 9pt; }
  /* On paper the disclaimer and review date are in every page's bottom margin (page_css): the
     closing footer would only repeat them, and could stand alone on a last sheet. */
  footer.in-margin { display: none; }
}
"""

PAPER = {"letter": "letter", "a4": "A4"}


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces as an escape,
    so no text can end the string or the style sheet."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x} "
                         for ch in text) + '"'


def page_css(doc: d.Document) -> str:
    """The margin boxes of every printed page: the running header, the review date, the page."""
    from lupus_guide.messages import say

    size = f"size: {PAPER[doc.paper]}; " if doc.paper in PAPER else ""
    parts = [f"@page {{ {size}"]
    if doc.running:
        parts.append(f"@top-left {{ content: {css_string(doc.running)}; }} ")
    if doc.reviewed:
        # the disclaimer with the review date on every sheet (the closing footer is not printed)
        reviewed = doc.footer or say("print.reviewed", date=doc.reviewed)
        parts.append(f"@bottom-left {{ content: {css_string(reviewed)}; }} ")
    page, of = css_string(say("print.page") + " "), css_string(" " + say("print.of") + " ")
    parts.append(f"@bottom-right {{ content: {page} counter(page) {of} counter(pages); }} }}")
    return "".join(parts)


def _text(text: str) -> str:
    """Escaped text; the line breaks inside it stay line breaks."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _block(block, out: list[str]) -> None:
    if isinstance(block, d.Heading):
        level = min(block.level, 6)
        out.append(f"<h{level}>{_text(block.text)}{_cites(block.cites)}</h{level}>")
    elif isinstance(block, d.Paragraph):
        out.append(f"<p>{_text(block.text)}</p>")
    elif isinstance(block, d.Bullets):
        opening = '<ul class="write-in">' if block.write_in else "<ul>"
        out.append(opening + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>")
    elif isinstance(block, d.Checklist):
        box = '<span class="box" aria-hidden="true"></span>' if block.boxes else ""
        items = "".join(
            f'<li>{box}{_text(text)}'
            + (f'<span class="detail{" kept" if index in block.kept else ""}">{_text(detail)}'
               "</span>" if detail else "") + "</li>"
            for index, (text, detail) in enumerate(block.items))
        out.append(f'<ul class="{"checklist" if block.boxes else "checklist steps"}">{items}</ul>')
    elif isinstance(block, d.Fields):
        rows = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>"
                       for label, value in block.rows)
        out.append(_form(block) if block.blanks else f"<dl>{rows}</dl>")
    elif isinstance(block, d.Callout):
        parts = [f"<h3>{escape(marker(block.kind, True))} {_text(block.title)}</h3>"]
        if block.text:
            parts.append(f"<p>{_text(block.text)}</p>")
        if block.items:
            parts.append("<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>")
        out.append(f'<section class="callout {escape(block.kind)}">{"".join(parts)}</section>')
    elif isinstance(block, d.Table):
        head = "".join(f'<th scope="col">{_text(c)}</th>' for c in block.columns)
        rows = "".join("<tr>" + "".join(
            (f'<th scope="row">{_text(cell)}</th>' if i == 0 else f"<td>{_text(cell)}</td>")
            for i, cell in enumerate(row)) + "</tr>" for row in block.rows)
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    elif isinstance(block, d.SourceList):
        out.append(_references(block))
    elif isinstance(block, d.PageBreak):
        out.append('<div class="page-break"></div>')
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def _form(block: d.Fields) -> str:
    """Labels with lines to write on (a value already known is written on its line)."""
    lines = "".join(f'<div><span class="label">{_text(label)}</span>'
                    f'<span class="blank">{_text(value)}</span></div>'
                    for label, value in block.rows)
    return f'<div class="form">{lines}</div>'


def _cites(numbers: list[int]) -> str:
    if not numbers:
        return ""
    from lupus_guide.render.references import run_text, runs

    links = ", ".join(f'<a href="#ref-{first}">{escape(run_text(first, last))}</a>'
                      for first, last in runs(numbers))
    return f' <sup class="cites">[{links}]</sup>'


def _references(block: d.SourceList) -> str:
    """Numbered references, each linking to its source: in full, or short (the publisher and a
    short form of the link, so a page of sources becomes a few lines)."""
    from lupus_guide.render.references import numbered, short_link

    rows = []
    for number, (mark, words, url) in enumerate(numbered(block.sources, block.form), 1):
        href = escape(url, quote=True)
        shown = short_link(url) if block.form == "short" else url
        separator = " · " if block.form == "short" else "<br>"
        rows.append(f'<li id="ref-{number}">{escape(mark)} {_text(words)}{separator}'
                    f'<a class="source-url" href="{href}">{escape(shown)}</a></li>')
    return f'<ol class="sources {escape(block.form)}">{"".join(rows)}</ol>'


def render_html(doc: d.Document, lang: str = "en") -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang, quote=True)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(doc.title)}</title>", f"<style>{CSS}{page_css(doc)}\n</style>",
           "</head>",
           f'<body class="{escape(doc.kind)}">' if doc.kind else "<body>"]
    if doc.header:
        out.append(f'<header class="clinic">{_text(doc.header)}</header>')
    out.append("<main>")
    keep = doc.kind == "visit" and doc.footer and doc.blocks
    for block in doc.blocks[:-1] if keep else doc.blocks:
        _block(block, out)
    if keep:
        # a visit summary's disclaimer never stands alone on a last page: kept with the last block
        out.append('<div style="break-inside: avoid; page-break-inside: avoid">')
        _block(doc.blocks[-1], out)
        out.append(f"<footer>{_text(doc.footer)}</footer></div></main>")
    else:
        out.append("</main>")
        if doc.footer:
            margin = ' class="in-margin"' if doc.reviewed else ""
            out.append(f"<footer{margin}>{_text(doc.footer)}</footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
