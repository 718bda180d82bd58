"""The kinds of content, in one table: which file holds each, the model that checks it, and what
a clinic pack may do with it. Loading, merging, caching, validation and `paths` read this table;
adding a kind of content is one model in ``models.py``, one row here, and its documentation.
"""

from __future__ import annotations

from typing import NamedTuple

from lupus_guide import models


class Kind(NamedTuple):
    stem: str  # data/<stem>.yaml, and the field of models.Content that holds it
    model: type  # the model of the whole file
    list_key: str | None  # the key of the file's list of entries; None: the file is one record
    in_bundle: bool  # the bundled content has (and needs) this file
    in_pack: bool  # a clinic pack may have this file
    hideable: bool  # a clinic pack may hide entries by id (clinic.yaml: hide.<stem>)
    needs_sources: bool  # every bundled entry cites a source
    pack_may_replace: bool  # a pack entry with a bundled entry's id replaces it (else: a problem)


KINDS: tuple[Kind, ...] = (
    Kind("guide", models.GuideInfo, None, True, False, False, False, False),
    Kind("clinic", models.ClinicFile, None, False, True, False, False, False),
    Kind("therapies", models.TherapiesFile, "therapies", True, True, True, True, False),
    Kind("checklists", models.ChecklistsFile, "items", True, True, True, True, True),
    Kind("faq", models.FaqFile, "entries", True, True, True, True, True),
    Kind("costs", models.TopicsFile, "topics", True, True, True, True, True),
    Kind("care", models.TopicsFile, "topics", True, True, True, True, True),
    Kind("regimens", models.RegimensFile, "regimens", True, True, False, True, True),
    Kind("changes", models.ChangesFile, "changes", True, False, False, False, False),
)

BY_STEM = {kind.stem: kind for kind in KINDS}
BUNDLE_STEMS = tuple(kind.stem for kind in KINDS if kind.in_bundle)
PACK_STEMS = tuple(kind.stem for kind in KINDS if kind.in_pack)
# the lists of entries: what a command may leave undecoded when it reads from the cache
LIST_STEMS = tuple(kind.stem for kind in KINDS if kind.list_key)
LIST_KEYS = {kind.stem: kind.list_key for kind in KINDS if kind.list_key}


def stems_for(layer_kind: str) -> tuple[str, ...]:
    """The files a layer holds: the bundled content's, or a clinic pack's."""
    return PACK_STEMS if layer_kind == "clinic" else BUNDLE_STEMS
