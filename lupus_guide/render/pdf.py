"""PDF: the HTML page laid out on paper by WeasyPrint, the Python HTML/CSS-to-PDF library (CSS
paged media: the running header, "page X of Y", Letter or A4). WeasyPrint is an optional extra
(``pip install 'lupus-guide[pdf]'``); without it, a PDF is refused with one line saying so."""

from __future__ import annotations

from lupus_guide import document as d


def render_pdf(doc: d.Document) -> bytes:
    """The PDF of ``doc``; NeedsExtra without WeasyPrint (or the libraries it loads)."""
    import logging

    from lupus_guide.errors import NeedsExtra, OutputError
    from lupus_guide.messages import say
    from lupus_guide.render.html import render_html
    from lupus_guide.safetext import clean

    try:
        import weasyprint
    except (ImportError, OSError):  # OSError: WeasyPrint is there, Pango is not
        raise NeedsExtra(say("output.pdf_missing")) from None
    html = clean(render_html(doc))
    # WeasyPrint logs every CSS rule it skips; what it cannot lay out is not the reader's concern
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        return weasyprint.HTML(string=html).write_pdf()
    except Exception as exc:  # noqa: BLE001 - any failure inside the library is one line
        raise OutputError(say("output.pdf_failed", reason=type(exc).__name__)) from None
