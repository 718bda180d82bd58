"""A translation layer over the English content: ``data/<lang>/<kind>.yaml``.

The format (docs/translating.md): each file mirrors its English file, entries keyed by the same
``id`` (``date`` for the changelog; the guide's one record has no key), with the same structure
but only the keys translated; a key left out keeps the English value. A translation may replace
text only: ids, sources, numbers, booleans, list lengths and structure cannot change. Each entry
names the revision of the English it translates (``source_revision``, a short hash that
``python -m lupus_guide.i18n stamp es`` writes).

At run time the layer never fails a command: an entry whose revision is not the English entry's
(stale, or not yet stamped) is left out, so the English shows; anything that does not fit the
English is left out too. ``overlay`` reports all of it as problems, which the tests (and the
``check`` tool) make failures. An entry or fact group may add ``sources_es`` (Spanish pages of
primary publishers): they are cited after its English sources, never instead of them.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

# Keys a translation leaves alone: identifiers, references, dates, enum-like words and names.
FIXED_KEYS = frozenset({
    "id", "therapy", "therapies", "topics", "ids", "stage", "phase", "sle_status", "ln_status",
    "checked", "last_reviewed", "date", "url", "generic_name", "brand_names", "biosimilars",
    "other_names", "default", "set_by_care_team", "added_by_clinic", "step", "for_dose",
    "start_page", "phases",
})
META_KEYS = ("source_revision", "sources_es")
ENTRY_KEYS = {"changes": "date"}  # the key that matches an entry to its English; else "id"
REVISION_LEFT_OUT = frozenset({"sources", "sources_es", "last_reviewed", "checked"})
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def entry_key(stem: str) -> str:
    return ENTRY_KEYS.get(stem, "id")


def revision(entry: Any) -> str:
    """The short hash of an English entry's words that a translation records: any change to
    what a reader reads (not to its sources' check dates) makes translations of it stale."""
    from _blake2 import blake2b

    text = json.dumps(_for_revision(entry), sort_keys=True, ensure_ascii=False, default=str)
    return blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def _for_revision(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _for_revision(v) for k, v in value.items() if k not in REVISION_LEFT_OUT}
    if isinstance(value, list):
        return [_for_revision(v) for v in value]
    return value


def english_entries(stem: str, english: Any, list_key: str | None) -> dict[str, Any]:
    """The English entries by their key (the one record, for a file with no list, as "")."""
    if list_key is None:
        return {"": english} if isinstance(english, dict) else {}
    items = english.get(list_key) if isinstance(english, dict) else None
    key = entry_key(stem)
    return {str(item[key]): item for item in items or []
            if isinstance(item, dict) and key in item}


def translated_entries(stem: str, spanish: Any, list_key: str | None,
                       problems: list[str]) -> dict[str, Any]:
    """The translated entries by key; what is not an entry is a problem."""
    if not isinstance(spanish, dict):
        problems.append(f"{stem}: the file is not a mapping")
        return {}
    if list_key is None:
        return {"": spanish}
    extra = sorted(set(spanish) - {list_key})
    if extra:
        problems.append(f"{stem}: unknown top-level keys {extra} (expected {list_key!r})")
    items = spanish.get(list_key) or []
    if not isinstance(items, list):
        problems.append(f"{stem}.{list_key}: not a list")
        return {}
    key, found = entry_key(stem), {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or key not in item:
            problems.append(f"{stem}.{list_key}[{index}]: an entry needs its {key!r}")
        elif str(item[key]) in found:
            problems.append(f"{stem}: {key} {item[key]!r} is translated twice")
        else:
            found[str(item[key])] = item
    return found


def overlay(stem: str, english: Any, spanish: Any, list_key: str | None,
            lang: str = "es", stamped: bool = True) -> tuple[Any, list[str]]:
    """The English file's data with the translation of each current entry in place, and every
    problem found (a translation that does not fit, is stale or not stamped). ``english`` is
    not changed. ``stamped=False`` (a clinic pack's own translation) takes entries without a
    revision."""
    problems: list[str] = []
    result = copy.deepcopy(english)
    by_key = english_entries(stem, result, list_key)
    for key, entry in translated_entries(stem, spanish, list_key, problems).items():
        where = f"{stem}[{key}]" if key else stem
        if key not in by_key:
            problems.append(f"{where}: no English entry has this {entry_key(stem)}")
            continue
        target = by_key[key]
        recorded = entry.get("source_revision")
        if stamped and recorded != revision(target):
            state = "not stamped" if recorded in (None, "", "TODO") else "stale"
            problems.append(f"{where}: source_revision {recorded!r} is {state} (the English is "
                            f"{revision(target)}; re-check and stamp)")
            continue
        trial = copy.deepcopy(target)
        before = len(problems)
        _merge(trial, entry, where, problems, lang, top=True)
        if len(problems) == before:  # an entry that does not fit is left out whole
            target.clear()
            target.update(trial)
    return result, problems


# Pack text that names things rather than says them: never marked as untranslated.
UNMARKED_KEYS = FIXED_KEYS | {"name", "phone", "after_hours_phone", "address", "lang", "hide",
                              "sources", "source_revision"}


def mark_untranslated(original: Any, merged: Any, mark: str, key: str = "") -> Any:
    """``merged`` with ``mark`` after every text still as it was in ``original`` (a clinic
    pack's text shown in a run of another language, and not translated by the pack)."""
    if key in UNMARKED_KEYS:
        return merged
    if isinstance(merged, dict) and isinstance(original, dict):
        return {k: mark_untranslated(original.get(k), v, mark, k) for k, v in merged.items()}
    if isinstance(merged, list) and isinstance(original, list) and len(merged) == len(original):
        return [mark_untranslated(o, m, mark, key) for o, m in zip(original, merged)]
    if isinstance(merged, str) and merged == original and merged.strip():
        return merged + mark
    return merged


def _merge(english: Any, spanish: Any, where: str, problems: list[str], lang: str,
           top: bool = False) -> None:
    """Put ``spanish`` (a mapping) into ``english`` (a mapping), text only."""
    for key, value in spanish.items():
        path = f"{where}.{key}"
        if key == "source_revision" and top:
            continue
        if key == "sources_es":
            _add_sources(english, value, path, problems, lang)
            continue
        if key not in english:
            problems.append(f"{path}: no such key in the English")
            continue
        current = english[key]
        if key in FIXED_KEYS or key == "sources":
            if value != current:
                problems.append(f"{path}: cannot change in a translation (leave it out)")
            continue
        english[key] = _value(current, value, path, problems, lang)


def _value(current: Any, value: Any, path: str, problems: list[str], lang: str) -> Any:
    if isinstance(current, str):
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{path}: must be text, as the English is")
            return current
        return value
    if isinstance(current, list):
        if not isinstance(value, list) or len(value) != len(current):
            problems.append(f"{path}: must be a list of {len(current)} items, as the English is")
            return current
        return [_value(c, v, f"{path}[{i}]", problems, lang)
                for i, (c, v) in enumerate(zip(current, value))]
    if isinstance(current, dict):
        if not isinstance(value, dict):
            problems.append(f"{path}: must be a mapping, as the English is")
            return current
        _merge(current, value, path, problems, lang)
        return current
    if value != current:
        problems.append(f"{path}: {current!r} is not text and cannot change in a translation")
    return current


def _add_sources(english: dict, value: Any, path: str, problems: list[str], lang: str) -> None:
    """``sources_es``: cited after the English sources of the same entry or fact group."""
    if not isinstance(english.get("sources"), list):
        problems.append(f"{path}: only an entry or fact group with sources can add sources_es")
        return
    if not isinstance(value, list):
        problems.append(f"{path}: must be a list of {{title, url, checked}}")
        return
    for index, source in enumerate(value):
        ok = (isinstance(source, dict) and set(source) == {"title", "url", "checked"}
              and isinstance(source["title"], str) and source["title"].strip()
              and isinstance(source["url"], str) and source["url"].startswith("https://")
              and isinstance(source["checked"], str) and _ISO.match(source["checked"]))
        if not ok:
            problems.append(f"{path}[{index}]: must be {{title, url (https://...), checked "
                            f"(YYYY-MM-DD)}}")
            continue
        english["sources"].append({**source, "lang": lang})
