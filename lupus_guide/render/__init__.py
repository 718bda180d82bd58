"""Renderers, chosen at the edge: the same Result becomes table, plain, JSON, Markdown or HTML."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    markdown = "markdown"
    html = "html"


# -o FILE with no --format: the format follows the file's suffix
SUFFIX_FORMATS = {".json": OutputFormat.json, ".md": OutputFormat.markdown,
                  ".markdown": OutputFormat.markdown, ".html": OutputFormat.html,
                  ".htm": OutputFormat.html, ".txt": OutputFormat.plain}


def render(result, fmt: OutputFormat, env, last_reviewed: str, clinic=None) -> str:
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
    if fmt is OutputFormat.html:
        from lupus_guide.render.html import render_html

        return clean(render_html(result.doc(), getattr(env, "lang", "en")))
    if fmt is OutputFormat.plain:
        from lupus_guide.render.plain import render_plain

        return clean(render_plain(result.doc(), env.width, env.unicode))
    from lupus_guide.render.terminal import render_terminal

    return render_terminal(result.doc(), env)
