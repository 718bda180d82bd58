"""Numbered references, as every renderer shows them: a citation mark ("[1, 3]") and the list at
the end, in full (title, link, date checked) or short (publisher and a short form of the link)."""

from __future__ import annotations

from lupus_guide.messages import say

SHORT_LINK = 36  # characters: a short link names the site and the page, not the whole path
PUBLISHER = 40  # a title's part before its first colon is its publisher when it is this short


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted numbers as (first, last) runs: 1, 2, 3, 7 -> (1, 3), (7, 7)."""
    found: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if found and n == found[-1][1] + 1:
            found[-1] = (found[-1][0], n)
        else:
            found.append((n, n))
    return found


def run_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}, {last}" if last == first + 1 \
        else f"{first}–{last}"


def cite_mark(numbers: list[int]) -> str:
    """``[1, 3–6]``, or nothing for no numbers."""
    return f"[{', '.join(run_text(*run) for run in runs(numbers))}]" if numbers else ""


def short_link(url: str) -> str:
    """The site and the end of the path: ``rituxan.com/…/first-rituxan-infusion.html``."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    whole = host + path
    if len(whole) <= SHORT_LINK:
        return whole
    last = path.rsplit("/", 1)[-1]
    if len(last) > SHORT_LINK - len(host) - 3:
        last = last[: max(8, SHORT_LINK - len(host) - 4)] + "…"
    return f"{host}/…/{last}" if last else host


def publisher(title: str, url: str) -> str:
    """Who published a source: the start of its title ("FDALabel (FDA): …"); for a title with no
    such start, the title, cut short (the short link beside it names the site)."""
    head, colon, _ = title.partition(":")
    if colon and 0 < len(head.strip()) <= PUBLISHER:
        return head.strip()
    return title if len(title) <= PUBLISHER else title[: PUBLISHER - 1].rstrip() + "…"


def numbered(sources: list[tuple[str, str, str]], form: str) -> list[tuple[str, str, str]]:
    """(number, words, url) for each source, the words in ``form`` (full or short); the url is
    shown whole in full form and as ``short_link`` in short form."""
    rows = []
    for number, (title, url, checked) in enumerate(sources, 1):
        if form == "short":
            rows.append((f"[{number}]", publisher(title, url), url))
        else:
            from lupus_guide.i18n.dates import prose_date

            rows.append((f"[{number}]", say("ref.checked", title=title, date=prose_date(checked)),
                         url))
    return rows
