"""How search reads one language: words folded (case and accents), stop words left out, words cut
to their stem, and words that mean the same thing to a reader.

Each language's word lists are data (``data/search/<lang>.txt``): stop words, words never cut
(two senses kept apart: "fasting" is not "fast") and groups of words with the same meaning.
Words are folded before anything else, so a word typed with or without accents finds the same
entries. English words are then cut by a light rule set below (plurals, -ing, -ed, -ly, a final e);
Spanish ones by Snowball's Spanish stemmer (the ``snowballstemmer`` package), imported only when
Spanish is read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

LANGUAGES = ("en", "es")
FORMAT = 2  # bump when the rules below change: cached search indexes are then rebuilt

_WORD = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiouy")


def fold(text: str) -> str:
    """Lower case without accents: "Vacunación" -> "vacunacion", "naïve" -> "naive"."""
    text = text.casefold()
    if text.isascii():
        return text
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Analyzer:
    """One language's way of turning text into search terms."""

    def __init__(self, lang: str, source: str, stem: Callable[[str], str]) -> None:
        self.lang = lang
        sections = _sections(source)
        self.stop_words = frozenset(fold(w) for w in sections.get("stop words", []))
        self.keep_whole = frozenset(fold(w) for w in sections.get("keep whole", []))
        self._stem = stem
        self._terms: dict[str, str | None] = {}
        self.signature = _signature(f"{FORMAT}:{lang}:{source}")
        self._groups = sections.get("same meaning", [])

    @functools.cached_property
    def same_meaning(self) -> dict[str, frozenset[str]]:
        """Each term -> the other terms of the same meaning (worked out when first asked: a
        search index keeps them, so a command that reads one need not)."""
        return _group_map([{t for w in line.split() for t in self.terms(w)}
                           for line in self._groups])

    def term(self, word: str) -> str | None:
        """The search term for one word, or None for a stop word."""
        found = self._terms.get(word, "")
        if found != "":
            return found
        folded = fold(word)
        if folded in self.stop_words:
            result = None
        elif folded in self.keep_whole or folded.isdigit():
            result = folded
        else:
            result = self._stem(folded)
        self._terms[word] = result
        return result

    def terms(self, text: str) -> list[str]:
        """The search terms of ``text``, in order, stop words left out."""
        found = (self.term(word) for word in _WORD.findall(text))
        return [term for term in found if term]

    def alternatives(self, term: str) -> frozenset[str]:
        """The other terms with the same meaning as ``term``."""
        return self.same_meaning.get(term, frozenset())


def _sections(source: str) -> dict[str, list[str]]:
    """A word list file's sections: "[name]" lines start one; "#" lines are comments."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        else:
            current.append(line)
    sections["stop words"] = [w for line in sections.get("stop words", []) for w in line.split()]
    sections["keep whole"] = [w for line in sections.get("keep whole", []) for w in line.split()]
    return sections


def _group_map(groups: list[set[str]]) -> dict[str, frozenset[str]]:
    """Each term -> every other term of the groups it is in."""
    found: dict[str, set[str]] = {}
    for group in groups:
        for term in group:
            found.setdefault(term, set()).update(group - {term})
    return {term: frozenset(others) for term, others in found.items() if others}


def _signature(text: str) -> str:
    from _blake2 import blake2b  # as cache.py: hashlib would load OpenSSL

    return blake2b(text.encode(), digest_size=8).hexdigest()


def english_stem(word: str) -> str:
    """A light English stemmer: plurals, -ing, -ed, -ly and a final e, so that "eating" and
    "eat", "vaccines" and "vaccine", "drive" and "driving" meet. It never cuts -er or -est:
    "faster" stays "faster", apart from "fast" and from "eat"."""
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, shortest in (("ing", 3), ("ed", 3), ("ly", 4)):
        if word.endswith(suffix) and not word.endswith("eed"):
            base = word[: -len(suffix)]
            if len(base) >= shortest and _VOWELS.intersection(base):
                if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                    base = base[:-1]  # "planning" -> "plan", but "swelling" -> "swell"
                word = base
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _spanish_stemmer() -> Callable[[str], str]:
    # the package's __init__ imports every language's stemmer: only Spanish readers pay for it
    from snowballstemmer.spanish_stemmer import SpanishStemmer  # type: ignore[import-untyped]

    stem: Callable[[str], str] = SpanishStemmer().stemWord
    return stem


@functools.cache
def analyzer(lang: str = "en") -> Analyzer:
    """The analyzer for ``lang`` (one of ``LANGUAGES``), its word lists read once."""
    if lang not in LANGUAGES:
        raise ValueError(f"no search analyzer for language {lang!r}")
    from lupus_guide.paths import bundled_root

    source = bundled_root().joinpath("search", f"{lang}.txt").read_text(encoding="utf-8")
    return Analyzer(lang, source, english_stem if lang == "en" else _spanish_stemmer())
