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
    """The text for ``result`` in format ``fmt``; each renderer module is imported only if used."""
    if fmt is OutputFormat.json:
        from lupus_guide.render.json import render_json

        return render_json(result, last_reviewed, clinic)
    if fmt is OutputFormat.markdown:
        from lupus_guide.render.markdown import render_markdown

        return render_markdown(result.doc())
    if fmt is OutputFormat.html:
        from lupus_guide.render.html import render_html

        return render_html(result.doc())
    if fmt is OutputFormat.plain:
        from lupus_guide.render.plain import render_plain

        return render_plain(result.doc(), env.width, env.unicode)
    from lupus_guide.render.terminal import render_terminal

    return render_terminal(result.doc(), env)
