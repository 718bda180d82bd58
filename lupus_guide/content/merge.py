"""Layers together: a clinic pack over the bundled content, and the references between entries.

An entry of a pack with the id of a bundled one replaces it where its kind allows
(``kinds.Kind.pack_may_replace``), new entries are added, and ``clinic.yaml`` names the clinic and
the entries it hides. A pack may add therapies, never replace a bundled one: its medical facts and
warnings stay as sourced. A hidden therapy leaves the lists, not the content (its page and its
warnings stay reachable).
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from lupus_guide import models
from lupus_guide.content.kinds import KINDS, LIST_STEMS
from lupus_guide.content.layers import LayerData
from lupus_guide.messages import say
from lupus_guide.problems import Problem
from lupus_guide.suggest import did_you_mean


def merge_layers(data: list[LayerData]) -> tuple[models.Content | None, list[Problem]]:
    """Merge checked layers into one Content; also return the problems of how they fit."""
    base = data[0]
    problems: list[Problem] = []
    resolve_therapy_names(data)
    lists = {stem: list(base.lists.get(stem, [])) for stem in LIST_STEMS}
    clinic = None
    for layer_data in data[1:]:
        if layer_data.clinic is not None:
            clinic = layer_data.clinic
        for kind in KINDS:
            items = layer_data.lists.get(kind.stem, [])
            named = items or any(stem == kind.stem for stem, _ in layer_data.lines)
            if kind.list_key is None or not named:
                continue
            if kind.pack_may_replace:
                problems += _safety_replacements(layer_data, kind.stem, lists[kind.stem], items)
                guarded = {item.id for item in lists[kind.stem] if carries_safety(item)}
                items = [item for item in items if item.id not in guarded]
            else:
                problems += _replacements(layer_data, kind.stem, lists[kind.stem])
                bundled = {item.id for item in lists[kind.stem]}
                items = [item for item in items if item.id not in bundled]
            if kind.stem == "therapies" and items:
                items = [msgspec.structs.replace(t, added_by_clinic=True) for t in items]
                problems += lookalike_problems(layer_data, lists["therapies"], items)
            lists[kind.stem] = _replace_by_id(lists[kind.stem], items)
    if base.guide is None:
        problems.append(Problem(base.layer.label("guide"), say("problem.no_guide")))
        return None, problems
    hidden = clinic.hide if clinic else models.Hidden()
    kept = {kind.stem: lists[kind.stem] for kind in KINDS if kind.list_key}
    for kind in KINDS:
        if kind.hideable and kind.stem != "therapies":  # a hidden therapy stays (see above)
            hides = set(getattr(hidden, kind.stem))
            guarded = {item.id for item in base.lists.get(kind.stem, []) if carries_safety(item)}
            problems += _safety_hides(data, kind.stem, sorted(hides & guarded))
            hides -= guarded
            kept[kind.stem] = [item for item in kept[kind.stem] if item.id not in hides]
    content = models.Content(guide=base.guide, clinic=clinic,
                             hidden_therapies=frozenset(hidden.therapies), **kept)
    problems += reference_problems(content, lists, data)
    return content, problems


_SAFETY = re.compile(r"\b(911|988|emergency|fever|100\.4)\b", re.IGNORECASE)


def carries_safety(entry) -> bool:
    """Whether a bundled entry says something about safety (emergency signs, a fever, 911, 988):
    such an entry a clinic pack can neither replace nor hide, only add notes beside."""
    texts = [getattr(entry, name, "") for name in ("text", "detail", "question", "answer",
                                                   "title", "summary")]
    texts += list(getattr(entry, "items", []) or []) + list(getattr(entry, "notes", []) or [])
    return any(isinstance(text, str) and _SAFETY.search(text) for text in texts)


def _safety_replacements(layer_data: LayerData, stem: str, bundled_items: list,
                         items: list) -> list[Problem]:
    guarded = {item.id for item in bundled_items if carries_safety(item)}
    return [Problem(layer_data.layer.label(stem), say("problem.safety_replace", id=item.id),
                    layer_data.lines.get((stem, item.id)))
            for item in items if item.id in guarded]


def _safety_hides(data: list[LayerData], stem: str, ids: list[str]) -> list[Problem]:
    owner = next((d for d in reversed(data) if d.clinic is not None), None)
    if owner is None:
        return [Problem("clinic.yaml", say("problem.safety_hide", stem=stem, id=i)) for i in ids]
    listed = list(getattr(owner.clinic.hide, stem))
    positions = owner.positions.get("clinic", {})
    problems = []
    for item_id in ids:
        path = f"$.hide.{stem}[{listed.index(item_id)}]"
        line, column = positions.get(path, (None, None))
        problems.append(Problem(owner.layer.label("clinic"),
                                say("problem.safety_hide", stem=stem, id=item_id), line, column,
                                path))
    return problems


def lookalike_problems(layer_data: LayerData, bundled: list, added: list) -> list[Problem]:
    """A pack's therapy named like a bundled one (the same name, or one that only looks the same:
    letters from another alphabet, invisible characters, spacing) would stand in for it: refused."""
    from lupus_guide.find import therapy_names
    from lupus_guide.lookalike import skeleton

    taken = {skeleton(name): (therapy.id, name) for therapy in bundled
             for name in therapy_names(therapy)}
    problems = []
    for therapy in added:
        for name in therapy_names(therapy):
            owner = taken.get(skeleton(name))
            if owner is not None and skeleton(name):
                problems.append(Problem(
                    layer_data.layer.label("therapies"),
                    say("problem.lookalike", id=therapy.id, name=name, other=owner[1],
                        bundled=owner[0]),
                    layer_data.lines.get(("therapies", therapy.id))))
                break
    return problems


def _replacements(layer_data: LayerData, stem: str, bundled_items: list) -> list[Problem]:
    """A pack's entries that would replace bundled ones its kind does not let it replace (the
    ids it names, even in an entry that did not pass its checks)."""
    bundled = {item.id for item in bundled_items}
    named = {item_id for (s, item_id) in layer_data.lines if s == stem}
    named |= {item.id for item in layer_data.lists.get(stem, [])}
    return [Problem(layer_data.layer.label(stem),
                    say("problem.replaces_bundled", id=repr(item_id)),
                    layer_data.lines.get((stem, item_id)))
            for item_id in sorted(named & bundled)]


def _replace_by_id(earlier: list, later: list) -> list:
    by_id = {item.id: item for item in earlier}
    by_id.update({item.id: item for item in later})
    return list(by_id.values())


def resolve_therapy_names(data: list[LayerData]) -> None:
    """A clinic pack may name a therapy the way people do (``therapy: benlysta``, ``hide:
    therapies: [cytoxan]``): each reference in a pack that is not an id but is one therapy's
    generic, brand or biosimilar name becomes that therapy's id, in place."""
    from lupus_guide.find import ids_by_name, normal_name

    therapies = [t for d in data for t in d.lists.get("therapies", [])]
    if len(data) < 2 or not therapies:
        return
    ids = {t.id for t in therapies}
    by_name = ids_by_name(therapies)

    def fix(ref):
        if ref is None or ref in ids:
            return ref
        # an id cannot hold a space: "benlysta-sc" finds "Benlysta SC"
        return by_name.get(normal_name(ref), by_name.get(normal_name(ref.replace("-", " ")), ref))

    replace = msgspec.structs.replace
    for layer_data in data[1:]:
        clinic = layer_data.clinic
        if clinic is not None:
            hide = replace(clinic.hide, therapies=[fix(ref) for ref in clinic.hide.therapies])
            notes = [replace(note, therapy=fix(note.therapy)) for note in clinic.notes]
            layer_data.clinic = replace(clinic, hide=hide, notes=notes)
        for stem in ("checklists", "faq"):
            if stem in layer_data.lists:
                layer_data.lists[stem] = [replace(item, therapies=[fix(r) for r in item.therapies])
                                          for item in layer_data.lists[stem]]
        if "regimens" in layer_data.lists:
            layer_data.lists["regimens"] = [replace(r, therapy=fix(r.therapy))
                                            for r in layer_data.lists["regimens"]]


def reference_problems(content: models.Content, lists: dict | None = None,
                       data: list[LayerData] | None = None) -> list[Problem]:
    """References to ids that do not exist (duplicate ids are found per file, when read), each
    at the line and column of the reference, with the closest id or name as a suggestion."""
    from lupus_guide.content.validation import _position

    data = data or []
    problems: list[Problem] = []

    def add(stem: str, item_id: str | None, tail: str, message: str) -> None:
        for layer_data in reversed(data):
            if stem == "clinic" and layer_data.clinic is not None:
                path = "$" + tail
            elif (stem, item_id) in layer_data.entry_paths:
                path = layer_data.entry_paths[(stem, str(item_id))] + tail
            else:
                continue
            line, column = _position(layer_data.positions.get(stem, {}), path)
            problems.append(Problem(layer_data.layer.label(stem), message, line, column, path))
            return
        # the fast load keeps no positions: the file, at least
        owner = next((d for d in reversed(data)
                      if any(i.id == item_id for i in d.lists.get(stem, []))), None)
        problems.append(Problem(owner.layer.label(stem) if owner else f"{stem}.yaml", message))

    groups: dict[str, list[Any]] = {
        "therapies": content.therapies, "checklists": content.checklists, "faq": content.faq,
        "costs": content.costs, "care": content.care}
    therapy_ids = {t.id for t in content.therapies}

    def unknown_therapy(ref: str) -> str:
        return say("problem.unknown_ref", ref=ref, kind=say("ref.therapies")) + "; " + (
            _therapy_hint(ref, content.therapies) or say("problem.see_ids", kind="therapies"))

    for regimen in content.regimens:
        if regimen.therapy not in therapy_ids:
            add("regimens", regimen.id, ".therapy", unknown_therapy(regimen.therapy))
        problem = regimen_problem(regimen)
        if problem:
            add("regimens", regimen.id, "", f"regimen '{regimen.id}': {problem}")
    for name in ("checklists", "faq"):
        for item in groups[name]:
            for position, ref in enumerate(item.therapies):
                if ref not in therapy_ids:
                    add(name, item.id, f".therapies[{position}]", unknown_therapy(ref))
    problems += _change_problems(content, data, lists)
    if content.clinic is not None:
        every_id = {name: {i.id for i in (lists or groups)[name]} for name in groups}
        for name in groups:
            seen: set[str] = set()
            for index, ref in enumerate(getattr(content.clinic.hide, name)):
                if ref in every_id[name] or ref in seen:
                    continue
                seen.add(ref)  # each unknown id said once, each looked up once
                hint = (_therapy_hint(ref, content.therapies) if name == "therapies" else
                        did_you_mean(ref, every_id[name], "", 0.6, "problem.did_you_mean"))
                add("clinic", None, f".hide.{name}[{index}]",
                    say("problem.unknown_ref", ref=ref, kind=say(f"ref.{name}")) + "; "
                    + (hint or say("problem.see_ids", kind=name)))
        for index, note in enumerate(content.clinic.notes):
            if note.therapy is not None and note.therapy not in therapy_ids:
                add("clinic", None, f".notes[{index}].therapy", unknown_therapy(note.therapy))
    return problems


def _therapy_hint(ref: str, therapies: list) -> str:
    """``did you mean 'belimumab'?`` for the therapy whose id or any name is closest to ``ref``."""
    from lupus_guide.find import ids_by_name, normal_name
    from lupus_guide.suggest import closest

    by_name = ids_by_name(therapies)
    by_name.update({t.id: t.id for t in therapies})
    close = closest(normal_name(ref), by_name)
    return say("problem.did_you_mean", name=by_name[close]) if close is not None else ""


def _change_problems(content: models.Content, data: list[LayerData],
                     lists: dict | None = None) -> list[Problem]:
    """Each change names ids of entries that exist (hidden by a pack or not), and the changes
    are newest first."""
    known = {item.id for stem in ("therapies", "faq", "checklists", "care", "costs", "regimens")
             for item in (lists or {}).get(stem, getattr(content, stem))}
    label = next((d.layer.label("changes") for d in data if d.layer.kind == "bundled"),
                 "changes.yaml")
    positions = next((d.positions.get("changes", {}) for d in data if d.layer.kind == "bundled"),
                     {})
    problems = []
    for index, change in enumerate(content.changes):
        for position, ref in enumerate(change.ids):
            if ref not in known:
                line, column = positions.get(f"$.changes[{index}].ids[{position}]", (None, None))
                hint = did_you_mean(ref, known, "", 0.6, "problem.did_you_mean")
                problems.append(Problem(label, say("problem.unknown_ref", ref=ref,
                                                   kind=say("ref.any")) + (f"; {hint}" if hint
                                                                           else ""),
                                        line, column, f"$.changes[{index}].ids[{position}]"))
    dates = [change.date for change in content.changes]
    if dates != sorted(dates, reverse=True):
        problems.append(Problem(label, say("problem.changes_order"), None, None, "$.changes"))
    return problems


def regimen_problem(regimen: models.Regimen) -> str:
    """What makes a regimen impossible to plan from, or "" (the shape itself is the model's job)."""
    if regimen.set_by_care_team:
        return say("regimen.phases_but_care_team") if regimen.phases else ""
    if not regimen.phases:
        return say("regimen.no_phases")
    for index, phase in enumerate(regimen.phases):
        if (phase.every_days is None) == (phase.every_months is None):
            return say("regimen.one_interval", phase=index + 1)
        if phase.doses is None and index != len(regimen.phases) - 1:
            return say("regimen.doses_not_last", phase=index + 1)
        if phase.doses is None and phase.phase != "maintenance":
            return say("regimen.needs_doses", phase=index + 1, name=phase.phase)
    return ""
