"""Renderers, chosen at the edge: the same Result becomes table, plain, JSON, Markdown or HTML."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


# -o FILE with no --format: the format follows the file's suffix. The one table of the suffixes
# the program writes; any other suffix is refused (a file named .pdf must hold a PDF).
SUFFIX_FORMATS = {".json": OutputFormat.json, ".md": OutputFormat.markdown,
                  ".markdown": OutputFormat.markdown, ".html": OutputFormat.html,
                  ".htm": OutputFormat.html, ".txt": OutputFormat.plain, ".pdf": OutputFormat.pdf}


def suffix_format(path: str, others: tuple[str, ...] = ()) -> OutputFormat | None:
    """The format FILE's suffix names; None for a file with no suffix (or one in ``others``, a
    command's own suffixes, like ``.csv``). Any other suffix is a UsageError that lists the
    suffixes the program can write."""
    import os

    from lupus_guide.errors import UsageError
    from lupus_guide.messages import say

    suffix = os.path.splitext(os.path.basename(path))[1].lower()
    if not suffix or suffix in others:
        return None
    if suffix not in SUFFIX_FORMATS:
        known = ", ".join([*SUFFIX_FORMATS, *others])
        raise UsageError(say("output.unknown_suffix", suffix=suffix, suffixes=known))
    return SUFFIX_FORMATS[suffix]


def render(result, fmt: OutputFormat, env, last_reviewed: str, clinic=None) -> str | bytes:
    """The text for ``result`` in format ``fmt``; each renderer module is imported only if used.

    Whatever the format, the text carries nothing a terminal would act on (``safetext``): JSON
    writes such characters as escapes, the terminal renderer cleans its text before colouring it,
    and the other formats are cleaned here."""
    from lupus_guide.safetext import clean, escape_json

    if fmt is OutputFormat.json:
        from lupus_guide.render.json import render_json

        return escape_json(render_json(result, last_reviewed, clinic,
                                       getattr(env, "lang", "en")))
    if fmt is OutputFormat.markdown:
        from lupus_guide.render.markdown import render_markdown

        return clean(render_markdown(result.doc()))
    if fmt is OutputFormat.pdf:
        from lupus_guide.render.pdf import render_pdf

        return render_pdf(result.doc())
    if fmt is OutputFormat.html:
        from lupus_guide.render.html import render_html

        return clean(render_html(result.doc(), getattr(env, "lang", "en")))
    if fmt is OutputFormat.plain:
        from lupus_guide.render.plain import render_plain

        return clean(render_plain(result.doc(), env.width, env.unicode))
    from lupus_guide.render.terminal import render_terminal

    return render_terminal(result.doc(), env)
