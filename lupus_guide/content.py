"""Find, load, validate and layer the guide's YAML content.

The bundled content ships inside the package (``lupus_guide/data``) and is read with
``importlib.resources``. Layers are merged in order: an entry in a later layer replaces the
entry with the same id in an earlier one, and new entries are appended.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from lupus_guide.errors import ContentError

CONTENT_FILES = ("guide", "therapies", "checklists", "faq", "costs", "care")
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Layer:
    """One folder of content files, e.g. the bundled data."""

    name: str
    root: Traversable


def bundled_layer() -> Layer:
    return Layer("bundled", resources.files("lupus_guide").joinpath("data"))


def load_content(layers: list[Layer] | None = None):
    """Load, validate and merge every layer; raise ContentError on the first problem."""
    from lupus_guide import models

    layers = layers if layers is not None else [bundled_layer()]
    merged: dict[str, Any] = {}
    for layer in layers:
        for stem in CONTENT_FILES:
            entry = layer.root.joinpath(f"{stem}.yaml")
            if entry.is_file():
                label = f"{layer.name}:{stem}.yaml"
                parsed = _convert(read_yaml(entry, label), _file_model(stem), label)
                merged[stem] = _merge(merged.get(stem), parsed)
    missing = [stem for stem in CONTENT_FILES if stem not in merged]
    if missing:
        raise ContentError(f"content files missing: {', '.join(s + '.yaml' for s in missing)}")
    content = models.Content(
        guide=merged["guide"],
        therapies=merged["therapies"].therapies,
        checklists=merged["checklists"].items,
        faq=merged["faq"].entries,
        costs=merged["costs"].topics,
        care=merged["care"].topics,
    )
    problems = reference_problems(content)
    if problems:
        raise ContentError(problems[0])
    return content


def _file_model(stem: str):
    from lupus_guide import models

    return {
        "guide": models.GuideInfo,
        "therapies": models.TherapiesFile,
        "checklists": models.ChecklistsFile,
        "faq": models.FaqFile,
        "costs": models.TopicsFile,
        "care": models.TopicsFile,
    }[stem]


def _convert(data: Any, model, label: str):
    import msgspec

    try:
        return msgspec.convert(data, model)
    except msgspec.ValidationError as exc:
        raise ContentError(f"{label}: {exc}") from None


def _merge(earlier, later):
    """Later entries replace earlier ones with the same id; new ones are appended."""
    if earlier is None:
        return later
    import msgspec

    fields = earlier.__struct_fields__
    if len(fields) != 1 or not isinstance(getattr(earlier, fields[0]), list):
        return later
    key = fields[0]
    by_id = {item.id: item for item in getattr(earlier, key)}
    by_id.update({item.id: item for item in getattr(later, key)})
    return msgspec.structs.replace(earlier, **{key: list(by_id.values())})


def read_yaml(entry: Traversable, label: str) -> Any:
    """Parse one YAML file safely: no Python tags, dates stay text, size is bounded."""
    import yaml

    from lupus_guide.yamlsafe import GuideLoader

    data = entry.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise ContentError(f"{label}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(f"{label}: not UTF-8 text (byte {exc.start})") from None
    try:
        return yaml.load(text, Loader=GuideLoader)  # noqa: S506 - GuideLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(f"{label}{where}: YAML error: {problem}") from None


def reference_problems(content) -> list[str]:
    """Duplicate ids and references to therapies that do not exist."""
    problems: list[str] = []
    groups = {
        "therapies": content.therapies,
        "checklists": content.checklists,
        "faq": content.faq,
        "costs": content.costs,
        "care": content.care,
    }
    for name, items in groups.items():
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                problems.append(f"{name}.yaml: duplicate id {item.id!r}")
            seen.add(item.id)
    therapy_ids = {t.id for t in content.therapies}
    for name in ("checklists", "faq"):
        for item in groups[name]:
            for ref in item.therapies:
                if ref not in therapy_ids:
                    problems.append(f"{name}.yaml: {item.id!r} names unknown therapy {ref!r}")
    return problems
