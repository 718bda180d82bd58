"""Text search over the content, best first: BM25F over each entry's title, tags and body.

A word counts for more the rarer it is in the content searched (its inverse document frequency)
and the shorter the field it is found in; a word repeated in one entry counts less each time.
Words are read by a per-language ``analysis.Analyzer`` (stop words, stems, words of the same
meaning). A therapy's names (generic, brands, other names) count as one meaning, from the content.
A query word the content never uses is tried as the start of longer words ("hepat").

The index (each term's weighted frequency in each entry) depends on the content alone: it is built
once and kept beside the content cache (``content.cache.derived``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import msgspec

from lupus_guide.analysis import Analyzer, analyzer
from lupus_guide.inputs import clean_query

FIELD_WEIGHTS = (5.0, 2.0, 1.0)  # title (a question, a heading), tags (topics, names), body
FIELD_B = (0.5, 0.5, 0.75)  # how much a long field weakens each word in it
K1 = 2.0  # how fast repeating a word stops adding to the score
SYNONYM_WEIGHT = 0.8  # a word of the same meaning counts a little less than the word typed
PREFIX_WEIGHT = 0.5  # a longer word starting with an unknown word typed
PAIR_WEIGHT = 0.5  # two words side by side as typed, on top of each word's own score
NAME_TERMS = 2  # a therapy name of at most this many words stands for the therapy
INDEX_FORMAT = 3  # bump when how an index is built changes: kept indexes are then rebuilt


class Index(msgspec.Struct, array_like=True):
    """What search needs of the content: every entry's key, each term's weighted frequency in
    each entry, and the terms of the same meaning as a term (the word lists' and each therapy's
    names)."""

    keys: list[str]
    postings: dict[str, list[float]]  # term -> entry number, weighted frequency, entry, ...
    meanings: dict[str, list[str]]
    signature: str = ""


class Hit(msgspec.Struct):
    """One search result: what kind of thing, its id and title, where it lives, and a score."""

    kind: str
    id: str
    title: str
    where: str
    score: float
    snippet: str
    item: Any


def terms(text: str, lang: str = "en") -> list[str]:
    """Search terms of a text: folded words, stop words dropped, stemmed."""
    return analyzer(lang).terms(text)


def build_index(entries: Iterable[tuple[str, tuple[str, str, str]]], name_groups: list[list[str]],
                words: Analyzer) -> Index:
    """The index of ``entries``: (key, (title, tags, body)) each. ``name_groups``: each
    therapy's names."""
    keys: list[str] = []
    counted: list[list[dict[str, int]]] = []  # per entry, per field: term -> count
    for key, fields in entries:
        keys.append(key)
        per_field = []
        for number, text in enumerate(fields):
            found = words.terms(text)
            if number == 0:  # a title's pairs of words count in the title too
                found = found + _pairs(found)
            counts: dict[str, int] = {}
            for term in found:
                counts[term] = counts.get(term, 0) + 1
            per_field.append(counts)
        counted.append(per_field)
    lengths = [[sum(n for t, n in c.items() if " " not in t) for c in doc] for doc in counted]
    average = [max(1.0, sum(doc[i] for doc in lengths) / max(1, len(lengths)))
               for i in range(len(FIELD_WEIGHTS))]
    postings: dict[str, list[float]] = {}
    for number, doc in enumerate(counted):
        weighted: dict[str, float] = {}
        for i, counts in enumerate(doc):
            norm = 1 - FIELD_B[i] + FIELD_B[i] * lengths[number][i] / average[i]
            for term, count in counts.items():
                weighted[term] = weighted.get(term, 0.0) + FIELD_WEIGHTS[i] * count / norm
        for term, frequency in weighted.items():
            postings.setdefault(term, []).extend((number, round(frequency, 3)))
    meanings = {term: set(others) for term, others in words.same_meaning.items()}
    for term, others in _name_map(name_groups, words).items():
        meanings.setdefault(term, set()).update(others)
    return Index(keys, postings, {t: sorted(o) for t, o in meanings.items() if t in postings
                                  or any(other in postings for other in o)}, words.signature)


def _name_map(name_groups: list[list[str]], words: Analyzer) -> dict[str, list[str]]:
    """Each term of a therapy's short names -> the terms of its other names; a term more than
    one therapy shares (a drug class) stands for none."""
    groups = []
    for names in name_groups:
        found = set()
        for name in names:
            name_terms = words.terms(name)
            if 0 < len(name_terms) <= NAME_TERMS:
                found.update(name_terms)
        groups.append(found)
    shared = {t for i, g in enumerate(groups) for t in g
              if any(t in other for other in groups[i + 1:])}
    result: dict[str, list[str]] = {}
    for group in groups:
        group = group - shared
        for term in group:
            result[term] = sorted(group - {term})
    return result


def _pairs(found: list[str]) -> list[str]:
    """Each two terms next to each other, as one term ("long infusion"): words that stand
    together in the question and in an entry say more than the same words far apart."""
    return [f"{a} {b}" for a, b in zip(found, found[1:]) if a != b]


def score(index: Index, query: str, words: Analyzer,
          allowed: set[str] | None = None) -> dict[str, float]:
    """Each matching entry's key -> its score for ``query`` (entries outside ``allowed`` left
    out)."""
    typed = words.terms(query)
    wanted = list(dict.fromkeys(typed))
    if not wanted:
        return {}
    scores: dict[int, float] = {}
    matched: dict[int, int] = {}
    for term in wanted:
        for number, value in _best(index, _meanings(index, term)).items():
            scores[number] = scores.get(number, 0.0) + value
            matched[number] = matched.get(number, 0) + 1
    for pair in dict.fromkeys(_pairs(typed)):
        if pair in index.postings:
            for number, value in _best(index, [(pair, 1.0)]).items():
                scores[number] = scores.get(number, 0.0) + PAIR_WEIGHT * value
    found = {}
    for number, value in scores.items():
        key = index.keys[number]
        if allowed is None or key in allowed:
            # an entry matching every meaning asked for beats one matching some of them often
            found[key] = value * (matched.get(number, 0) / len(wanted)) ** 0.5
    return found


def _best(index: Index, meanings: list[tuple[str, float]]) -> dict[int, float]:
    """Each entry's score for one meaning, carried by one or more terms: as one term whose
    frequency is the weighted sum of theirs, as rare as the most common of them."""
    total = len(index.keys)
    frequencies: dict[int, float] = {}
    most = 0
    for term, weight in meanings:
        postings = index.postings[term]
        most = max(most, len(postings) // 2)
        for number, frequency in zip(postings[::2], postings[1::2]):
            frequencies[int(number)] = frequencies.get(int(number), 0.0) + weight * frequency
    idf = math.log(1 + (total - most + 0.5) / (most + 0.5))
    return {number: idf * f * (K1 + 1) / (f + K1) for number, f in frequencies.items()}


def _meanings(index: Index, term: str) -> list[tuple[str, float]]:
    """The terms to look up for one query term, with how much each counts."""
    found: dict[str, float] = {}
    if term in index.postings:
        found[term] = 1.0
    elif len(term) >= 4:
        for known in index.postings:
            if known.startswith(term) and " " not in known:
                found[known] = PREFIX_WEIGHT
    for other in index.meanings.get(term, ()):
        if other in index.postings and other not in found:
            found[other] = SYNONYM_WEIGHT
    return list(found.items())


def rank(hits: list[Hit]) -> list[Hit]:
    return sorted((h for h in hits if h.score > 0), key=lambda h: (-h.score, h.kind, h.id))


def short_list(hits: list[Hit], share: float, most: int) -> list[Hit]:
    """The best ``most`` hits scoring at least ``share`` of the best one's score."""
    if not hits:
        return hits
    floor = hits[0].score * share
    return [h for h in hits if h.score >= floor][:most]


# --- the FAQ --------------------------------------------------------------------------------


def _names_by_id(content) -> dict[str, list[str]]:
    """Every therapy's names by id (the therapies read from the cache if a command left them out:
    only when an index is built)."""
    from lupus_guide.content.cache import NotLoaded, whole
    from lupus_guide.find import therapy_names

    if isinstance(content.therapies, NotLoaded):
        content = whole(content)
        if isinstance(content.therapies, NotLoaded):
            return {}
    return {t.id: therapy_names(t) for t in content.therapies}


def faq_index(content, lang: str = "en") -> Index:
    """The index of the FAQ: question, topics and therapy names, answer."""
    from lupus_guide.content.cache import derived

    words = analyzer(lang)

    def build() -> Index:
        names = _names_by_id(content)
        entries = ((e.id, (e.question,
                           " ".join([*e.topics, *(n for t in e.therapies
                                                  for n in names.get(t, [t]))]),
                           e.answer)) for e in content.faq)
        return build_index(entries, list(names.values()), words)

    return derived(content, f"search-faq-{lang}", f"{INDEX_FORMAT}:{words.signature}", build,
                   Index)


def search_faq(content, query: str, entries=None, lang: str = "en") -> list[Hit]:
    """FAQ entries matching ``query``, best first; only ``entries`` when given."""
    query = clean_query(query)
    entries = list(content.faq if entries is None else entries)
    by_id = {e.id: e for e in entries}
    found = score(faq_index(content, lang), query, analyzer(lang), set(by_id))
    return rank([Hit("faq", key, by_id[key].question, "FAQ", value, by_id[key].answer,
                     by_id[key]) for key, value in found.items()])


# --- the whole guide ------------------------------------------------------------------------


def all_index(content, lang: str = "en") -> Index:
    """The index of everything ``search`` looks at."""
    from lupus_guide.content.cache import derived

    words = analyzer(lang)
    return derived(content, f"search-all-{lang}", f"{INDEX_FORMAT}:{words.signature}",
                   lambda: build_index(_everything(content), list(_names_by_id(content).values()),
                                       words), Index)


def _everything(content) -> Iterable[tuple[str, tuple[str, str, str]]]:
    names = _names_by_id(content)
    for e in content.faq:
        yield f"faq:{e.id}", (e.question, " ".join([*e.topics, *e.therapies]), e.answer)
    for t in content.therapies:
        for group, section in t.sections():
            yield (f"therapy:{t.id}:{group}",
                   (group.replace("_", " "), " ".join(names[t.id]),
                    " ".join([section.summary, *section.items])))
    for item in content.checklists:
        tags = " ".join([item.stage, *(n for t in item.therapies for n in names.get(t, [t]))])
        yield f"checklist:{item.id}", (item.text, tags, item.detail)
    for kind, topics in (("costs", content.costs), ("care", content.care)):
        for topic in topics:
            yield f"{kind}:{topic.id}", (topic.title, kind, " ".join([topic.summary,
                                                                      *topic.items]))


def search_all(content, query: str, lang: str = "en") -> list[Hit]:
    """Therapies, FAQ, checklists, costs and care topics matching ``query``, best first."""
    query = clean_query(query)
    found = score(all_index(content, lang), query, analyzer(lang))
    hits = [_hit(content, key, value) for key, value in found.items()]
    return _best_per_place(rank(hits))


def _hit(content, key: str, value: float) -> Hit:
    kind, _, rest = key.partition(":")
    if kind == "therapy":
        therapy_id, _, group = rest.partition(":")
        therapy = next(t for t in content.therapies if t.id == therapy_id)
        section = getattr(therapy, group)
        return Hit("therapy", therapy.id, therapy.display_name,
                   f"therapies {therapy.id} › {group.replace('_', ' ')}", value,
                   section.summary or "; ".join(section.items), therapy)
    if kind == "faq":
        entry = next(e for e in content.faq if e.id == rest)
        return Hit("faq", entry.id, entry.question, "FAQ", value, entry.answer, entry)
    if kind == "checklist":
        item = next(i for i in content.checklists if i.id == rest)
        return Hit("checklist", item.id, item.text, f"prepare › {item.stage}", value, item.detail,
                   item)
    topic = next(t for t in getattr(content, kind) if t.id == rest)
    return Hit(kind, topic.id, topic.title, kind, value, topic.summary, topic)


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
