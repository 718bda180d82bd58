"""The thorough check of one content file, run when a file fails to load (or by `validate`):
YAML 1.1 surprises, unknown keys with a "did you mean", every schema error with its line and
column, and duplicate ids. The fast path in ``loader.py`` only asks whether a file is valid."""

from __future__ import annotations

import re
from typing import Any

from lupus_guide.content.kinds import BY_STEM, LIST_KEYS
from lupus_guide.content.layers import LayerData
from lupus_guide.messages import say
from lupus_guide.problems import Problem
from lupus_guide.suggest import did_you_mean

_ERROR_PATH = re.compile(r"^(?P<message>.*?)(?: - at `(?P<path>\$[^`]*)`)?$", re.DOTALL)


def check_file(result: LayerData, stem: str, label: str, parsed) -> None:
    """Every problem in one file: surprises, unknown keys, then every schema error."""
    import msgspec
    import msgspec.structs

    problems = list(parsed.surprises)
    result.positions[stem] = parsed.positions
    model = BY_STEM[stem].model
    unknown = unknown_keys(parsed.data, model, "$", label, parsed.positions)
    flagged = [p.path for p in problems + unknown]
    # said at the mapping the key is in: "in 'hide': unknown key 'faqs'"
    problems += [msgspec.structs.replace(p, path=p.path[:p.path.rfind(".")] or "$")
                 for p in unknown]
    for path, message in schema_problems(parsed.data, model, "$"):
        if any(path == f or path.startswith((f + ".", f + "[")) for f in flagged):
            continue  # already said more plainly
        line, column = _position(parsed.positions, path)
        problems.append(Problem(label, message, line, column, path))
    key = LIST_KEYS.get(stem)
    data = parsed.data
    if key and isinstance(data, dict) and isinstance(data.get(key), list):
        item_type = _hints(model)[key].__args__[0]
        problems += _duplicate_ids(data[key], key, label, parsed.positions)
        kept = []
        for index, item in enumerate(data[key]):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                line = _position(parsed.positions, f"$.{key}[{index}]")[0]
                result.lines.setdefault((stem, item["id"]), line)
                result.entry_paths.setdefault((stem, item["id"]), f"$.{key}[{index}]")
            saved = salvage(item, item_type)
            if saved is not None:
                kept.append(saved)
        result.lists[stem] = kept
    elif not problems:
        result.store(stem, msgspec.convert(data, model))
    elif stem in ("clinic", "guide"):
        saved = salvage(data, model)  # so its references are checked in the same pass
        if saved is not None:
            result.store(stem, saved)
    result.problems += problems


def salvage(value: Any, model) -> Any:
    """``value`` as ``model`` even when part of it is wrong, so that one pass of ``validate``
    also checks the references in it: a wrong optional field is left out, a wrong list keeps its
    good items, a wrong required text stands in as "?". None when it cannot be saved (no
    ``id``, not a mapping). Only for finding more problems: a file with problems is never used."""
    import msgspec
    import msgspec.structs

    try:
        return msgspec.convert(value, model)
    except msgspec.ValidationError:
        pass
    if not (isinstance(model, type) and issubclass(model, msgspec.Struct)
            and isinstance(value, dict)):
        return None
    hints = _hints(model)
    kept: dict[str, Any] = {}
    for info in msgspec.structs.fields(model):
        field_type = hints[info.name]
        saved = _salvage_field(value[info.name], field_type) if info.name in value else None
        if saved is None and info.required:
            saved = _stand_in(field_type)
            if saved is None:
                return None
        if saved is not None:
            kept[info.name] = saved
    try:
        return msgspec.convert(kept, model)
    except msgspec.ValidationError:
        return None


def _salvage_field(value: Any, field_type) -> Any:
    import msgspec

    try:
        msgspec.convert(value, field_type)
        return value
    except msgspec.ValidationError:
        pass
    item_type = _list_item(field_type)
    if item_type is not None and isinstance(value, list):
        good = []
        for item in value:
            try:
                good.append(msgspec.to_builtins(msgspec.convert(item, item_type)))
            except msgspec.ValidationError:
                continue
        try:
            msgspec.convert(good, field_type)
            return good
        except msgspec.ValidationError:
            return None
    inner = salvage(value, _struct_of(field_type))
    return msgspec.to_builtins(inner) if inner is not None else None


def _struct_of(field_type):
    import typing

    while typing.get_origin(field_type) is typing.Annotated:
        field_type = typing.get_args(field_type)[0]
    return field_type


def _stand_in(field_type) -> Any:
    """A placeholder for a required field that is wrong: "?" for text, the first choice of a
    choice; None for anything else (an id, a list of sources)."""
    import typing

    import msgspec

    base = _struct_of(field_type)
    if typing.get_origin(base) is typing.Literal:
        return typing.get_args(base)[0]
    try:
        return msgspec.convert("?", field_type)
    except msgspec.ValidationError:
        return None


def fold_therapy_names(stem: str, data: Any) -> None:
    """A pack names therapies as people write them: ``therapy: Benlysta``, ``therapies: [Gazyva]``.
    Such references are read without case (in place), as the command line reads a therapy's
    name, so that ``merge.resolve_therapy_names`` finds the therapy whose name it is."""

    def fold(value: Any) -> Any:
        if isinstance(value, str) and value != value.casefold():
            return value.casefold()
        return value

    if not isinstance(data, dict):
        return
    if stem == "clinic":
        hide = data.get("hide")
        if isinstance(hide, dict) and isinstance(hide.get("therapies"), list):
            hide["therapies"] = [fold(ref) for ref in hide["therapies"]]
        entries, field = data.get("notes"), "therapy"
    elif stem in ("checklists", "faq", "regimens"):
        entries = data.get(LIST_KEYS[stem])
        field = "therapy" if stem == "regimens" else "therapies"
    else:
        return
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and field in entry:
            value = entry[field]
            entry[field] = [fold(ref) for ref in value] if isinstance(value, list) else fold(value)


def _duplicate_ids(items: list, key: str, label: str, positions: dict) -> list[Problem]:
    first_seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in first_seen:
            line, column = _position(positions, f"$.{key}[{index}].id")
            first = _position(positions, f"$.{key}[{first_seen[item_id]}].id")[0]
            message = say("problem.duplicate_id", id=repr(item_id), line=first)
            problems.append(Problem(label, message, line, column, f"$.{key}[{index}].id"))
        first_seen.setdefault(item_id, index)
    return problems


def schema_problems(value: Any, model, path: str) -> list[tuple[str, str]]:
    """Every schema error under ``path``, not just the first: structs field by field, lists
    item by item, and msgspec's own message for the rest. Unknown keys are left to
    ``unknown_keys``."""
    import msgspec

    try:
        msgspec.convert(value, model)
        return []
    except msgspec.ValidationError as exc:
        error = exc
    found: list[tuple[str, str]] = []
    if isinstance(model, type) and issubclass(model, msgspec.Struct) and isinstance(value, dict):
        import msgspec.structs

        hints = _hints(model)
        missing = []
        for info in msgspec.structs.fields(model):
            if info.name in value:
                found += schema_problems(value[info.name], hints[info.name], f"{path}.{info.name}")
            elif info.required:
                missing.append(info.name)
        if missing:
            found.insert(0, (path, say("problem.missing_key", key=missing[0]) if len(missing) == 1
                             else say("problem.missing_keys", keys=", ".join(
                                 f"'{key}'" for key in missing))))
        if found:
            return found
    item_type = _list_item(model)
    if item_type is not None and isinstance(value, list):
        for index, item in enumerate(value):
            found += schema_problems(item, item_type, f"{path}[{index}]")
        if found:
            return found
    match = _ERROR_PATH.match(str(error))
    inner = ((match.group("path") if match else None) or "$")[1:]
    message = match.group("message") if match else str(error)
    if "unknown field" in message:
        return []
    from lupus_guide.content.explain import schema_message

    plain = schema_message(message, None if inner else model, None if inner else value)
    return [(path + inner, plain)]


def _hints(model) -> dict:
    import typing

    return typing.get_type_hints(model, include_extras=True)


def _list_item(model):
    import typing

    base = typing.get_origin(model)
    if base is typing.Annotated:
        model = typing.get_args(model)[0]
        base = typing.get_origin(model)
    return typing.get_args(model)[0] if base is list else None


def _position(positions: dict, path: str) -> tuple[int | None, int | None]:
    """The line and column of ``path``, or of the nearest enclosing value that has one."""
    while path:
        if path in positions:
            return positions[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
    return positions.get("$", (None, None))


def unknown_keys(data: Any, model, path: str, label: str, positions: dict) -> list[Problem]:
    """Keys no model field has, each with a "did you mean" when one is close."""
    import msgspec.inspect

    return _unknown(data, msgspec.inspect.type_info(model), path, label, positions)


def _unknown(data, info, path, label, positions) -> list[Problem]:
    import msgspec.inspect as mi

    found: list[Problem] = []
    if isinstance(info, mi.UnionType):
        structs = [t for t in info.types if isinstance(t, (mi.StructType, mi.ListType))]
        for t in structs:
            if isinstance(t, mi.StructType) == isinstance(data, dict):
                return _unknown(data, t, path, label, positions)
        return found
    if isinstance(info, mi.StructType) and isinstance(data, dict):
        fields = {f.name: f.type for f in info.fields}
        for key, value in data.items():
            key_path = f"{path}.{key}"
            if key not in fields:
                known = ", ".join(f"'{name}'" for name in fields)
                hint = did_you_mean(str(key), fields, say("problem.known_keys", keys=known),
                                    0.6, "problem.did_you_mean")
                line, column = _position(positions, key_path)
                found.append(Problem(label, say("problem.unknown_key", key=key) + f"; {hint}",
                                     line, column, key_path))
            else:
                found += _unknown(value, fields[key], key_path, label, positions)
    elif isinstance(info, mi.ListType) and isinstance(data, list):
        for index, item in enumerate(data):
            found += _unknown(item, info.item_type, f"{path}[{index}]", label, positions)
    return found
