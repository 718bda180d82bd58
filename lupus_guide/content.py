"""Find, load, validate and layer the guide's YAML content.

The bundled content ships inside the package (``lupus_guide/data``) and is read with
the import system (``paths.bundled_root``: importlib.resources' answer, without its import cost),
never by a path relative to the repository. A clinic pack (a folder of YAML files) layers over it: an entry with the
same id replaces the bundled one, new entries are added, and ``clinic.yaml`` names the clinic and
the entries it hides. A pack may add therapies and notes, but never replace a bundled therapy: its
medical facts and warnings stay as sourced.

``load_content`` stops at the first problem (the fast path every command takes);
``check_layers`` finds every problem (what ``lupus-guide validate`` prints).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lupus_guide._imports import msgspec
from lupus_guide.errors import ContentError
from lupus_guide.problems import Problem

CONTENT_FILES = ("guide", "therapies", "checklists", "faq", "costs", "care", "regimens")
MAX_FILE_BYTES = 5 * 1024 * 1024  # a larger content file is refused without being read
PACK_FILES = ("clinic", "therapies", "checklists", "faq", "costs", "care", "regimens")
LIST_KEYS = {"therapies": "therapies", "checklists": "items", "faq": "entries",
             "costs": "topics", "care": "topics", "regimens": "regimens"}


class Layer(msgspec.Struct, frozen=True):
    """One folder of content files: the bundled data, or a clinic pack."""

    name: str
    root: Any  # a Traversable: a pathlib.Path, or importlib.resources' view of the package
    kind: str = "bundled"  # "bundled" or "clinic"

    def label(self, stem: str) -> str:
        if self.kind == "clinic":
            return str(Path(str(self.root)) / f"{stem}.yaml")
        return f"{self.name}:{stem}.yaml"


class LayerData(msgspec.Struct):
    """What one layer holds after checking: valid entries, and every problem found."""

    layer: Layer
    guide: Any = None
    clinic: Any = None
    lists: dict[str, list] = msgspec.field(default_factory=dict)
    lines: dict[tuple[str, str], int] = msgspec.field(default_factory=dict)  # (stem, id) -> line
    # stem -> {JSON path: (line, column)}, kept by the thorough check (validate)
    positions: dict[str, dict] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)


def bundled_layer() -> Layer:
    from lupus_guide.paths import bundled_root

    return Layer("bundled", bundled_root())


def clinic_layer(path: str | Path) -> Layer:
    """A clinic pack folder as a layer; ContentError if it is not a readable folder."""
    folder = Path(path).expanduser()
    try:
        if not folder.is_dir():
            what = "does not exist" if not folder.exists() else "is not a folder"
            raise ContentError(f"clinic pack {folder} {what}.",
                               "Give --clinic a folder of YAML files (see docs/clinic-packs.md).")
    except OSError as exc:
        raise ContentError(f"clinic pack {folder} cannot be read: {exc.strerror}.") from None
    return Layer("clinic", folder, kind="clinic")


def default_layers(clinic: str | Path | None = None) -> list[Layer]:
    layers = [bundled_layer()]
    if clinic:
        layers.append(clinic_layer(clinic))
    return layers


def load_content(layers: list[Layer] | None = None, cache_dir: Path | None = None,
                 parts: frozenset[str] | None = None):
    """Load, validate and merge every layer; raise ContentError on the first problem.

    With ``cache_dir``, a checked result is kept there (see ``cache.py``) and used again while
    every file of every layer is byte for byte the same: no YAML is parsed on that path. ``parts``
    names the lists a command needs (of therapies, checklists, faq, costs, care; None: all), so
    a cached load can skip the rest.
    """
    layers = layers if layers is not None else [bundled_layer()]
    if cache_dir is None:
        return _load(layers)
    from lupus_guide import cache

    key = cache.fingerprint(layers, PACK_FILES, CONTENT_FILES)
    content = cache.read(cache_dir, layers, key, parts) if key else None
    if content is None:
        content = _load(layers)
        if key:
            cache.write(cache_dir, layers, key, content)
    return content


def _load(layers: list[Layer]):
    data = [read_layer(layer, thorough=False) for layer in layers]
    for layer_data in data:
        if layer_data.problems:
            raise ContentError(layer_data.problems[0].text())
    content, problems = merge_layers(data)
    if problems:
        raise ContentError(problems[0].text())
    return content


def check_layers(layers: list[Layer]) -> list[Problem]:
    """Every problem in every layer and in how they fit together."""
    data = [read_layer(layer, thorough=True) for layer in layers]
    return [p for d in data for p in d.problems] + merge_layers(data)[1]


# --- one layer ---------------------------------------------------------------------------------

def read_layer(layer: Layer, *, thorough: bool) -> LayerData:
    """Read and check each file of a layer. Fast unless a file has a problem (or ``thorough``)."""
    from lupus_guide.yamlsafe import parse, read_text

    result = LayerData(layer)
    stems = PACK_FILES if layer.kind == "clinic" else CONTENT_FILES
    for stem in stems:
        label = layer.label(stem)
        entry = layer.root.joinpath(f"{stem}.yaml")
        try:
            present = _exists(entry)
            if not present:
                if layer.kind == "bundled":
                    result.problems.append(Problem(label, "file is missing"))
                elif stem == "clinic":
                    result.problems.append(Problem(
                        label, "file is missing: a clinic pack names its clinic in clinic.yaml "
                               "(see examples/clinic-pack/clinic.yaml)"))
                continue
            text = read_text(entry, label)
            parsed = parse(text, label, locate=thorough)
        except ValueError as exc:
            result.problems.append(_problem_from_text(label, str(exc)))
            continue
        if thorough or not _convert_fast(result, stem, parsed.data):
            from lupus_guide.validation import check_file

            if not thorough:
                parsed = parse(text, label, locate=True)
            check_file(result, stem, label, parsed)
    if layer.kind == "bundled":
        result.problems += _missing_sources(result)
    return result


def _exists(entry) -> bool:
    try:
        return entry.is_file() or entry.is_dir() or (hasattr(entry, "is_symlink") and entry.is_symlink())
    except OSError:
        return True  # let reading it say what is wrong (a symlink loop, say)


def _problem_from_text(label: str, text: str) -> Problem:
    match = re.match(r"^(\d+):(\d+): (.*)$", text, re.DOTALL)
    if match:
        return Problem(label, match.group(3), int(match.group(1)), int(match.group(2)))
    return Problem(label, text)


def file_model(stem: str):
    from lupus_guide import models

    return {
        "guide": models.GuideInfo,
        "clinic": models.ClinicFile,
        "therapies": models.TherapiesFile,
        "checklists": models.ChecklistsFile,
        "faq": models.FaqFile,
        "costs": models.TopicsFile,
        "care": models.TopicsFile,
        "regimens": models.RegimensFile,
    }[stem]


def store_file(result: LayerData, stem: str, value) -> None:
    if stem in LIST_KEYS:
        result.lists[stem] = list(getattr(value, LIST_KEYS[stem]))
    else:
        setattr(result, stem, value)


def _convert_fast(result: LayerData, stem: str, data: Any) -> bool:
    import msgspec

    try:
        value = msgspec.convert(data, file_model(stem))
    except msgspec.ValidationError:
        return False
    if stem in LIST_KEYS:
        ids = [item.id for item in getattr(value, LIST_KEYS[stem])]
        if len(ids) != len(set(ids)):
            return False  # the thorough pass says which, and where
    store_file(result, stem, value)
    return True


def _missing_sources(result: LayerData) -> list[Problem]:
    """The bundled content must cite a source for every entry (a clinic's own items need not)."""
    problems = []
    for stem in ("checklists", "faq", "costs", "care"):
        for item in result.lists.get(stem, []):
            if not item.sources:
                line = result.lines.get((stem, item.id))
                problems.append(Problem(result.layer.label(stem),
                                        f"{item.id!r} cites no sources (at least one is required)",
                                        line, None, f"$.{LIST_KEYS[stem]}[id={item.id}].sources"))
    return problems


# --- layers together ---------------------------------------------------------------------------

def merge_layers(data: list[LayerData]):
    """Merge checked layers into one Content; also return the problems of how they fit."""
    from lupus_guide import models

    base = data[0]
    problems: list[Problem] = []
    lists = {stem: list(base.lists.get(stem, [])) for stem in LIST_KEYS}
    clinic = None
    for layer_data in data[1:]:
        if layer_data.clinic is not None:
            clinic = layer_data.clinic
        bundled_therapies = {t.id for t in lists["therapies"]}
        named = {item_id for (stem, item_id) in layer_data.lines if stem == "therapies"}
        named |= {t.id for t in layer_data.lists.get("therapies", [])}
        for therapy_id in sorted(named & bundled_therapies):
            problems.append(Problem(
                layer_data.layer.label("therapies"),
                f"therapy {therapy_id!r} is bundled: a clinic pack cannot replace it or its "
                "warnings (add a note for it in clinic.yaml instead)",
                layer_data.lines.get(("therapies", therapy_id))))
        for stem, items in layer_data.lists.items():
            if stem == "therapies":
                items = [t for t in items if t.id not in bundled_therapies]
            lists[stem] = _replace_by_id(lists[stem], items)
    if base.guide is None:
        problems.append(Problem(base.layer.label("guide"), "guide.yaml is missing or invalid"))
        return None, problems
    hidden = clinic.hide if clinic else models.Hidden()
    content = models.Content(
        guide=base.guide,
        therapies=lists["therapies"],
        checklists=[i for i in lists["checklists"] if i.id not in hidden.checklists],
        faq=[e for e in lists["faq"] if e.id not in hidden.faq],
        costs=[t for t in lists["costs"] if t.id not in hidden.costs],
        care=[t for t in lists["care"] if t.id not in hidden.care],
        regimens=lists["regimens"],
        clinic=clinic,
        hidden_therapies=frozenset(hidden.therapies),
    )
    problems += reference_problems(content, lists, data)
    return content, problems


def _replace_by_id(earlier: list, later: list) -> list:
    by_id = {item.id: item for item in earlier}
    by_id.update({item.id: item for item in later})
    return list(by_id.values())


def reference_problems(content, lists: dict | None = None,
                       data: list[LayerData] | None = None) -> list[Problem]:
    """References to ids that do not exist (duplicate ids are found per file, when read)."""
    data = data or []
    lines = {(d.layer.label(stem), item_id): line
             for d in data for (stem, item_id), line in d.lines.items()}
    problems: list[Problem] = []

    def add(label: str, message: str, item_id: str = "", where: tuple | None = None) -> None:
        line, column = where or (lines.get((label, item_id)), None)
        problems.append(Problem(label, message, line, column))

    groups = {"therapies": content.therapies, "checklists": content.checklists, "faq": content.faq,
              "costs": content.costs, "care": content.care}
    therapy_ids = {t.id for t in content.therapies}
    for regimen in content.regimens:
        if regimen.therapy not in therapy_ids:
            label = _label_of(data, "regimens", regimen.id) or "regimens.yaml"
            add(label, f"regimen {regimen.id!r} names unknown therapy {regimen.therapy!r}"
                       f"{_suggest(regimen.therapy, therapy_ids)}", regimen.id)
        problem = regimen_problem(regimen)
        if problem:
            add(_label_of(data, "regimens", regimen.id) or "regimens.yaml",
                f"regimen {regimen.id!r}: {problem}", regimen.id)
    for name in ("checklists", "faq"):
        for item in groups[name]:
            for ref in item.therapies:
                if ref not in therapy_ids:
                    label = _label_of(data, name, item.id) or f"{name}.yaml"
                    add(label, f"{item.id!r} names unknown therapy {ref!r}"
                               f"{_suggest(ref, therapy_ids)}", item.id)
    if content.clinic is not None:
        label = _label_of(data, "clinic", None) or "clinic.yaml"
        where = next((d.positions.get("clinic", {}) for d in data if d.clinic is not None), {})
        every_id = {name: {i.id for i in (lists or groups)[name]} for name in groups}
        for name in groups:
            for index, ref in enumerate(getattr(content.clinic.hide, name)):
                if ref not in every_id[name]:
                    add(label, f"hide.{name} names unknown id {ref!r}"
                               f"{_suggest(ref, every_id[name])}",
                        where=where.get(f"$.hide.{name}[{index}]"))
        for index, note in enumerate(content.clinic.notes):
            if note.therapy is not None and note.therapy not in therapy_ids:
                add(label, f"a note names unknown therapy {note.therapy!r}"
                           f"{_suggest(note.therapy, therapy_ids)}",
                    where=where.get(f"$.notes[{index}].therapy"))
    return problems


def regimen_problem(regimen) -> str:
    """What makes a regimen impossible to plan from, or "" (the shape itself is the model's job)."""
    if regimen.set_by_care_team:
        return "has phases, but says the care team sets it" if regimen.phases else ""
    if not regimen.phases:
        return "has no phases (or say set_by_care_team: true)"
    for index, phase in enumerate(regimen.phases):
        if (phase.every_days is None) == (phase.every_months is None):
            return f"phase {index + 1} needs exactly one of every_days and every_months"
        if phase.doses is None and index != len(regimen.phases) - 1:
            return f"phase {index + 1} has no number of doses, but is not the last"
        if phase.doses is None and phase.phase != "maintenance":
            return f"phase {index + 1} ({phase.phase}) needs a number of doses"
    return ""


def _label_of(data: list[LayerData], stem: str, item_id: str | None) -> str | None:
    for layer_data in reversed(data):
        if stem == "clinic" and layer_data.clinic is not None:
            return layer_data.layer.label("clinic")
        if any(i.id == item_id for i in layer_data.lists.get(stem, [])):
            return layer_data.layer.label(stem)
    return None


def _suggest(wanted: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else ""
