"""Layers of content: the bundled data, and a clinic pack over it. What one layer holds once read.

The bundled content ships inside the package (``lupus_guide/data``) and is read with the import
system (``paths.bundled_root``: importlib.resources' answer, without its import cost), never by a
path relative to the repository. A clinic pack is a folder of YAML files layered over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from lupus_guide.content.kinds import LIST_KEYS
from lupus_guide.errors import ContentError
from lupus_guide.problems import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # a larger content file is refused without being read


def read_at_most(fd: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes from the open file ``fd``: one more than allowed says "too
    large" whatever ``stat`` claimed (a device, or a file that grew meanwhile)."""
    import os

    chunks, left = [], limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class Layer(msgspec.Struct, frozen=True):
    """One folder of content files: the bundled data, or a clinic pack."""

    name: str
    root: Any  # a Traversable: a pathlib.Path, or importlib.resources' view of the package
    kind: str = "bundled"  # "bundled" or "clinic"
    # the language read: "en", or one whose translation layer (<root>/<lang>/<stem>.yaml, see
    # i18n/layer.py) is put over the English where it has an entry
    lang: str = "en"

    def translation(self, stem: str) -> Any:
        """Where this layer's translation of ``stem`` would be (``<root>/<lang>/<stem>.yaml``)."""
        return self.root.joinpath(self.lang, f"{stem}.yaml")

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
    lines: dict[tuple[str, str], int | None] = msgspec.field(default_factory=dict)  # (stem, id)
    entry_paths: dict[tuple[str, str], str] = msgspec.field(default_factory=dict)  # -> $.items[3]
    # stem -> {JSON path: (line, column)}, kept by the thorough check (validate)
    positions: dict[str, dict] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)

    def store(self, stem: str, value: Any) -> None:
        """Keep one checked file: its list of entries, or (guide, clinic) the record itself."""
        if stem in LIST_KEYS:
            self.lists[stem] = list(getattr(value, LIST_KEYS[stem]))
        else:
            setattr(self, stem, value)


def bundled_layer(lang: str = "en") -> Layer:
    from lupus_guide.paths import bundled_root

    return Layer("bundled", bundled_root(), lang=lang)


def clinic_layer(path: str | Path, lang: str = "en") -> Layer:
    """A clinic pack folder as a layer; ContentError if it is not a readable folder."""
    from lupus_guide.messages import say

    folder = Path(path).expanduser()
    try:
        if not folder.is_dir():
            what = "missing" if not folder.exists() else "not_folder"
            raise ContentError(say(f"pack.{what}", folder=folder), say("pack.give_folder"))
    except OSError as exc:
        raise ContentError(say("pack.unreadable", folder=folder, reason=exc.strerror)) from None
    return Layer("clinic", folder, kind="clinic", lang=lang)


def default_layers(clinic: str | Path | None = None, lang: str = "en") -> list[Layer]:
    """The bundled content, and the clinic pack over it when there is one, in ``lang``."""
    layers = [bundled_layer(lang)]
    if clinic:
        layers.append(clinic_layer(clinic, lang))
    return layers
