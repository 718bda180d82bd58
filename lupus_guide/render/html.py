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
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
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
section.callout { border: 2px solid #000; padding: .2em .8em .5em; margin: .8em 0;
                  break-inside: avoid; }
section.callout.emergency, section.callout.boxed { border-width: 4px; }
section.callout h3 { margin-top: .4em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.source-url { word-break: break-all; }
footer { margin-top: 2em; border-top: 1px solid #000; padding-top: .4em; font-size: .9em; }
.page-break { break-before: page; page-break-before: always; }
@page { margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; }
  a { color: #000; text-decoration: none; }
  /* A checklist is one sheet of paper: the items only (the reasons stay on screen), in two
     columns, so the one for a single therapy fits on one Letter or A4 page. */
  body.checklist { line-height: 1.2; }
  body.checklist header.clinic { padding: .2em .5em; margin-bottom: .5em; }
  body.checklist main { columns: 2; column-gap: 1.5em; }
  body.checklist h1 { column-span: all; font-size: 1.35em; margin: 0 0 .3em; }
  body.checklist h2 { font-size: 1.05em; margin: .5em 0 .2em; }
  body.checklist ul { margin: 0; }
  body.checklist ul.checklist li { margin: .1em 0; }
  body.checklist .detail, body.checklist p { display: none; }
  body.checklist section.callout { display: none; }
  body.checklist dl { gap: 0 .6em; margin: 0; }
  body.checklist footer { margin-top: .6em; padding-top: .2em; font-size: 10pt; }
}
"""


def _text(text: str) -> str:
    """Escaped text; the line breaks inside it stay line breaks."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _block(block, out: list[str]) -> None:
    if isinstance(block, d.Heading):
        level = min(block.level, 6)
        out.append(f"<h{level}>{_text(block.text)}</h{level}>")
    elif isinstance(block, d.Paragraph):
        out.append(f"<p>{_text(block.text)}</p>")
    elif isinstance(block, d.Bullets):
        out.append("<ul>" + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>")
    elif isinstance(block, d.Checklist):
        items = "".join(
            f'<li><span class="box" aria-hidden="true"></span>{_text(text)}'
            + (f'<span class="detail">{_text(detail)}</span>' if detail else "") + "</li>"
            for text, detail in block.items)
        out.append(f'<ul class="checklist">{items}</ul>')
    elif isinstance(block, d.Fields):
        rows = "".join(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>"
                       for label, value in block.rows)
        out.append(f"<dl>{rows}</dl>")
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
        from lupus_guide.i18n.dates import checked_on

        items = "".join(
            f'<li>{_text(title)}<br><a class="source-url" href="{escape(url, quote=True)}">'
            f"{escape(url)}</a> {escape(checked_on(checked))}</li>"
            for title, url, checked in block.sources)
        out.append(f'<ul class="sources">{items}</ul>')
    elif isinstance(block, d.PageBreak):
        out.append('<div class="page-break"></div>')
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def render_html(doc: d.Document, lang: str = "en") -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{escape(lang, quote=True)}">', "<head>",
           '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(doc.title)}</title>", f"<style>{CSS}</style>", "</head>",
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
            out.append(f"<footer>{_text(doc.footer)}</footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
