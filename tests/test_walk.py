"""content.walk: every patient-facing passage of the content, with its sources."""

import msgspec
import msgspec.inspect as mi

from lupus_guide.content import walk
from lupus_guide.models import Source

# Names and routes are labels a person looks up, not passages to read; ids, dates, addresses and
# status words are typed as patterns or choices and never reach this test.
LABELS = {"brand_names", "biosimilars", "other_names", "routes"}


def _words(value, info, found):
    """Every free-text string under ``value`` (a Text field: no pattern, not a choice)."""
    if isinstance(info, mi.StructType):
        if info.cls is Source:
            return
        for field in info.fields:
            if field.name not in LABELS:
                _words(getattr(value, field.name), field.type, found)
    elif isinstance(info, mi.ListType):
        for item in value:
            _words(item, info.item_type, found)
    elif isinstance(info, mi.UnionType):
        for option in info.types:
            if isinstance(option, mi.StructType) and isinstance(value, option.cls):
                _words(value, option, found)
    elif isinstance(info, mi.StrType) and info.pattern is None and value:
        found.add(value)


def test_walk_yields_every_words_field_of_the_content(content):
    found: set[str] = set()
    for kind in ("therapies", "checklists", "faq", "costs", "care", "regimens", "changes"):
        for entry in getattr(content, kind):
            _words(entry, mi.type_info(type(entry)), found)
    walked = {passage.text for passage in walk(content)}
    assert found - walked == set()


def test_every_passage_of_a_kind_that_needs_sources_cites_one(content):
    from lupus_guide.content.kinds import BY_STEM

    for passage in walk(content):
        kind = BY_STEM.get(passage.kind)
        facts = passage.kind == "therapies" and "." not in passage.field
        if kind is not None and kind.needs_sources and not facts:
            assert passage.sources, (passage.kind, passage.id, passage.field)


def test_passages_know_their_group(content):
    groups = {(p.id, p.group) for p in walk(content) if p.kind == "therapies"}
    for therapy in content.therapies:
        for name, _ in therapy.sections():
            assert (therapy.id, name) in groups
    assert msgspec.json.encode([p.field for p in walk(content)])  # fields are plain strings
