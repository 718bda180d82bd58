"""Load the guide's content: read each layer's files, check them, merge the layers.

``load_content`` stops at the first problem (the fast path every command takes, through the cache
when it is given one); ``check_layers`` finds every problem (what ``lupus-guide validate`` prints)
and never looks at the cache.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lupus_guide import models
from lupus_guide.content.kinds import BY_STEM, KINDS, LIST_KEYS, stems_for
from lupus_guide.content.layers import Layer, LayerData, bundled_layer
from lupus_guide.errors import ContentError
from lupus_guide.messages import ENGLISH, say
from lupus_guide.problems import Problem


def load_content(layers: list[Layer] | None = None, cache_dir: Path | None = None,
                 parts: frozenset[str] | None = None) -> models.Content:
    """Load, validate and merge every layer; raise ContentError on the first problem.

    With ``cache_dir``, a checked result is kept there (see ``cache.py``) and used again while
    every file of every layer is byte for byte the same: no YAML is parsed on that path. ``parts``
    names the lists a command needs (``kinds.LIST_STEMS``; None: all), so a cached load can skip
    the rest.
    """
    layers = layers if layers is not None else [bundled_layer()]
    if cache_dir is None:
        return _load(layers)
    from lupus_guide.content import cache

    key = cache.fingerprint(layers)
    content = cache.read(cache_dir, layers, key, parts) if key else None
    if content is None:
        content = _load(layers)
        if key:
            cache.write(cache_dir, layers, key, content)
    if key:
        cache.remember(content, cache_dir, layers, key)
    return content


def _load(layers: list[Layer]) -> models.Content:
    from lupus_guide.content.merge import merge_layers

    data = [read_layer(layer, thorough=False) for layer in layers]
    for layer_data in data:
        if layer_data.problems:
            raise ContentError(layer_data.problems[0].text())
    content, problems = merge_layers(data)
    if problems or content is None:
        raise ContentError(problems[0].text())
    return content


def check_layers(layers: list[Layer]) -> list[Problem]:
    """Every problem in every layer and in how they fit together (the cache is not used)."""
    from lupus_guide.content.merge import merge_layers

    data = [read_layer(layer, thorough=True) for layer in layers]
    problems = [p for d in data for p in d.problems] + merge_layers(data)[1]
    problems += [p for layer in layers if layer.kind == "clinic" for p in unknown_files(layer)]
    return sorted(problems, key=Problem.sort_key)


def unknown_files(layer: Layer) -> list[Problem]:
    """Files in a pack that lupus-guide does not read: a YAML file by another name
    (``checklist.yaml``, ``FAQ.yaml``, ``clinic.yml``), or a file named like a pack file with
    another ending. Its entries would never show, so ``validate`` says so, with the likely name."""
    import os

    from lupus_guide.content.kinds import PACK_STEMS
    from lupus_guide.suggest import closest

    known = {f"{stem}.yaml" for stem in PACK_STEMS}
    try:
        names = sorted(entry.name for entry in os.scandir(layer.root))
    except OSError:
        return []  # reading the pack's files says what is wrong
    problems = []
    for name in names:
        if name in known or name.startswith("."):
            continue
        stem = name.split(".", 1)[0].casefold()
        likely = closest(stem, PACK_STEMS, 0.6)
        ending = os.path.splitext(name)[1].casefold()
        if ending not in (".yaml", ".yml") and (ending not in ("", ".txt")
                                                or closest(stem, PACK_STEMS, 0.8) is None):
            continue  # a README, a picture, an editor's backup: not meant as content
        hint = (say("problem.did_you_mean", name=f"{likely}.yaml") if likely else
                say("problem.pack_files", files=", ".join(sorted(known))))
        problems.append(Problem(str(Path(str(layer.root)) / name),
                                f"{say('problem.unknown_file', name=name)}; {hint}"))
    return problems


def read_layer(layer: Layer, *, thorough: bool) -> LayerData:
    """Read and check each file of a layer. Fast unless a file has a problem (or ``thorough``)."""
    from lupus_guide.content.yamlsafe import parse, read_text

    result = LayerData(layer)
    written_in = "en"  # a clinic pack's own language (clinic.yaml: lang), read first
    for stem in stems_for(layer.kind):
        label = layer.label(stem)
        entry = layer.root.joinpath(f"{stem}.yaml")
        try:
            if not _exists(entry):
                if layer.kind == "bundled":
                    result.problems.append(Problem(label, say("problem.missing")))
                elif stem == "clinic":
                    result.problems.append(Problem(label, say("problem.missing_clinic")))
                continue
            text = read_text(entry, label)
            parsed = parse(text, label, locate=thorough)
        except ValueError as exc:
            result.problems.append(_problem_from_text(label, str(exc)))
            continue
        if layer.kind == "clinic":
            from lupus_guide.content.validation import fold_therapy_names

            fold_therapy_names(stem, parsed.data)
        if stem == "clinic" and isinstance(parsed.data, dict):
            written_in = str(parsed.data.get("lang") or "en")
        if not thorough and (layer.lang != "en" or layer.kind == "clinic"):
            parsed.data = translated(layer, stem, parsed.data, written_in)
        if thorough or not _convert_fast(result, stem, parsed.data):
            from lupus_guide.content.validation import check_file, fold_therapy_names

            if not thorough:
                parsed = parse(text, label, locate=True)
                if layer.kind == "clinic":
                    fold_therapy_names(stem, parsed.data)
            check_file(result, stem, label, parsed)
    if layer.kind == "bundled":
        result.problems += _missing_sources(result)
    return result


def translated(layer: Layer, stem: str, data: Any, written_in: str = "en") -> Any:
    """``data`` (one file, parsed) with the layer's translation over it (``i18n/layer.py``):
    for the bundled content, its current, fitting entries; for a clinic pack written in another
    language than the run's, its translation (``<pack>/<lang>/<stem>.yaml``, no revisions) and
    a mark on every pack text left in the pack's language. A translation file that is missing,
    cannot be read or does not fit never fails a run: what it does not translate stays as is."""
    from lupus_guide.content.yamlsafe import parse, read_text
    from lupus_guide.i18n.layer import mark_untranslated, overlay

    is_pack = layer.kind == "clinic"
    if is_pack and written_in == layer.lang:
        return data
    merged = data
    entry = layer.translation(stem)
    if _exists(entry):
        label = f"{layer.label(stem)} ({layer.lang})"
        try:
            spanish = parse(read_text(entry, label), label).data
            merged = overlay(stem, data, spanish, LIST_KEYS.get(stem), layer.lang,
                             stamped=not is_pack)[0]
        except ValueError:
            pass
    if is_pack:
        language = (say(f"lang.name.{written_in}") if f"lang.name.{written_in}" in ENGLISH
                    else written_in)
        merged = mark_untranslated(data, merged, " " + say("lang.pack_text", language=language))
    return merged


def _exists(entry: Any) -> bool:
    """Whether a content file is there at all: a FIFO, a device or a dangling link counts (and
    reading it says what is wrong), not only a regular file."""
    import os

    try:
        if isinstance(entry, Path):
            return os.path.lexists(entry)
        return bool(entry.is_file() or entry.is_dir())
    except OSError:
        return True  # let reading it say what is wrong (a symlink loop, say)


def _problem_from_text(label: str, text: str) -> Problem:
    match = re.match(r"^(\d+):(\d+): (.*)$", text, re.DOTALL)
    if match:
        return Problem(label, match.group(3), int(match.group(1)), int(match.group(2)))
    return Problem(label, text)


def _convert_fast(result: LayerData, stem: str, data: Any) -> bool:
    import msgspec

    try:
        value: Any = msgspec.convert(data, BY_STEM[stem].model)
    except msgspec.ValidationError:
        return False
    if stem in LIST_KEYS:
        ids = [getattr(item, "id", None) for item in getattr(value, LIST_KEYS[stem])]
        ids = [item_id for item_id in ids if item_id is not None]
        if len(ids) != len(set(ids)):
            return False  # the thorough pass says which, and where
    result.store(stem, value)
    return True


def _missing_sources(result: LayerData) -> list[Problem]:
    """The bundled content cites a source for every entry (a clinic's own items need not); where
    the model itself requires sources (a therapy's sections, a regimen), it has said so already."""
    problems = []
    for kind in KINDS:
        if not kind.needs_sources or kind.list_key is None:
            continue
        for item in result.lists.get(kind.stem, []):
            if getattr(item, "sources", None) == []:
                line = result.lines.get((kind.stem, item.id))
                problems.append(Problem(result.layer.label(kind.stem),
                                        say("problem.no_sources", id=repr(item.id)),
                                        line, None,
                                        f"$.{kind.list_key}[id={item.id}].sources"))
    return problems
