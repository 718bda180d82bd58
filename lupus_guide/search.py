"""Text search over the content: words, crude stems, synonyms, weighted fields, best first."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import msgspec

from lupus_guide.find import therapy_names
from lupus_guide.inputs import clean_query

STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "before", "after", "can", "do", "does", "for",
    "from", "how", "i", "if", "in", "is", "it", "my", "of", "on", "or", "should", "the", "to",
    "what", "when", "where", "which", "who", "will", "with", "you", "your",
})

# Words people type for the same thing. A synonym counts a little less than the word itself.
SYNONYM_GROUPS = (
    ("pain", "hurt", "sore", "ache", "painful"),
    ("eat", "food", "meal", "fast", "fasting", "breakfast"),
    ("drive", "driving", "ride", "car"),
    ("insurance", "insurer", "coverage", "payer"),
    ("cost", "price", "pay", "money", "afford"),
    ("pregnant", "pregnancy", "baby"),
    ("shot", "vaccine", "vaccines", "vaccination"),
    ("skip", "miss", "missed"),
    ("work", "job"),
)
SYNONYM_WEIGHT = 0.8


@functools.lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    for suffix in ("ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Search terms of a text: lowercase words, stop words dropped, crudely stemmed."""
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in STOPWORDS]


@functools.cache
def _synonym_map() -> dict[str, frozenset[str]]:
    """Each synonym's stem -> the stems of the other words in its groups."""
    found: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        stems = {_stem(word) for word in group}
        for stem in stems:
            found.setdefault(stem, set()).update(stems - {stem})
    return {stem: frozenset(others) for stem, others in found.items()}


def _synonyms(term: str) -> frozenset[str]:
    return _synonym_map().get(term, frozenset())


def _term_score(term: str, words: set[str]) -> float:
    """How well one query term matches a field: exact 1, prefix 0.5, synonym 0.8."""
    best = _direct_score(term, words)
    if best < 1.0:
        for alternative in _synonyms(term):
            best = max(best, SYNONYM_WEIGHT * _direct_score(alternative, words))
    return best


def _direct_score(term: str, words: set[str]) -> float:
    if term in words:
        return 1.0
    if len(term) >= 4 and any(w.startswith(term) or (len(w) >= 4 and term.startswith(w))
                              for w in words):
        return 0.5
    return 0.0


class Hit(msgspec.Struct):
    """One search result: what kind of thing, its id and title, where it lives, and a score."""

    kind: str
    id: str
    title: str
    where: str
    score: float
    snippet: str
    item: Any


def score_fields(query: str, fields: Iterable[tuple[str, float]]) -> float:
    """Weighted score of a query against (text, weight) fields; 0 when nothing matches."""
    wanted = _query_terms(query)
    if not wanted:
        return 0.0
    folded = [(text.casefold(), weight) for text, weight in fields]
    if not any(key in text for key in _clues(wanted) for text, _ in folded):
        return 0.0  # no word of these fields can match: skip splitting them into words
    split = [(set(terms(text)), text, weight) for text, weight in folded]
    total, matched = 0.0, 0
    for term in wanted:
        best = max((_term_score(term, words) * weight for words, _, weight in split), default=0.0)
        matched += best > 0
        total += best
    if matched == 0:
        return 0.0
    phrase = query.casefold().strip()
    if len(wanted) > 1 and any(phrase in text for _, text, _ in split):
        total += 2.0
    return total * matched / len(wanted)


@functools.lru_cache(maxsize=64)
def _query_terms(query: str) -> tuple[str, ...]:
    """A query's terms, worked out once for all the fields it is scored against."""
    return tuple(terms(query))


@functools.lru_cache(maxsize=64)
def _clues(wanted: tuple[str, ...]) -> frozenset[str]:
    """Substrings at least one of which a text must hold for any word of it to match a term:
    the term itself, or its first four letters where prefixes count, for every synonym too."""
    keys = set()
    for term in wanted:
        for candidate in (term, *_synonyms(term)):
            keys.add(candidate[:4] if len(candidate) >= 4 else candidate)
    return frozenset(keys)


def rank(hits: list[Hit]) -> list[Hit]:
    return sorted((h for h in hits if h.score > 0), key=lambda h: (-h.score, h.kind, h.id))


def search_faq(entries, query: str) -> list[Hit]:
    """FAQ entries matching ``query``, best first."""
    query = clean_query(query)
    hits = []
    for entry in entries:
        fields = [(entry.question, 3.0), (" ".join(entry.topics), 2.0), (entry.answer, 1.0)]
        hits.append(
            Hit("faq", entry.id, entry.question, "FAQ", score_fields(query, fields), entry.answer,
                entry)
        )
    return rank(hits)


def search_all(content, query: str) -> list[Hit]:
    """Therapies, FAQ, checklists, costs and care topics matching ``query``, best first."""
    from lupus_guide.content.passages import therapy_passages

    query = clean_query(query)
    hits = search_faq(content.faq, query)
    bodies: dict[tuple[str, str], list[str]] = {}  # (therapy, fact group) -> its words
    therapies = {t.id: t for t in content.therapies}
    for passage in (p for t in content.therapies for p in therapy_passages(t)):
        part = passage.field.partition(".")[2]
        if part == "summary" or part.startswith("items["):
            bodies.setdefault((passage.id, passage.group), []).append(passage.text)
    names = {t.id: " ".join(therapy_names(t)) for t in content.therapies}
    for (therapy_id, group), words in bodies.items():
        therapy = therapies[therapy_id]
        section = getattr(therapy, group)
        label = group.replace("_", " ")
        fields = [(names[therapy_id], 1.5), (label, 1.0), (" ".join(words), 1.0)]
        score = score_fields(query, fields)
        if score > 0:  # a Hit, its place and its snippet only for what matched
            snippet = section.summary or "; ".join(section.items)
            hits.append(Hit("therapy", therapy.id, therapy.display_name,
                            f"therapies {therapy.id} › {label}", score, snippet, therapy))
    for item in content.checklists:
        fields = [(item.text, 2.0), (item.detail, 1.0), (" ".join(item.therapies), 1.0)]
        score = score_fields(query, fields)
        if score > 0:
            hits.append(Hit("checklist", item.id, item.text, f"prepare › {item.stage}", score,
                            item.detail, item))
    for kind, topics in (("costs", content.costs), ("care", content.care)):
        for topic in topics:
            fields = [(topic.title, 3.0), (topic.summary, 1.0), (" ".join(topic.items), 1.0)]
            score = score_fields(query, fields)
            if score > 0:
                hits.append(Hit(kind, topic.id, topic.title, kind, score, topic.summary, topic))
    return _best_per_place(rank(hits))


def _best_per_place(hits: list[Hit]) -> list[Hit]:
    """Keep at most two sections per therapy so one therapy cannot flood the results."""
    seen: dict[tuple[str, str], int] = {}
    kept = []
    for hit in hits:
        key = (hit.kind, hit.id)
        seen[key] = seen.get(key, 0) + 1
        if hit.kind != "therapy" or seen[key] <= 2:
            kept.append(hit)
    return kept
