"""The guide's content: one table of kinds (``kinds``), layers (bundled < clinic pack), safe YAML
reading (``yamlsafe``), the thorough check (``validation``), merging (``merge``), the MessagePack
cache (``cache``) and ``passages.walk``, every patient-facing passage with its sources.

The names most callers need are here, each imported when first asked for (a command that reads
from the cache never imports the merging, checking or walking code); the modules below import
one another, never this one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lupus_guide.content.layers import Layer, bundled_layer, clinic_layer, default_layers
    from lupus_guide.content.loader import check_layers, load_content
    from lupus_guide.content.passages import Passage, walk

_HOMES = {"Layer": "layers", "bundled_layer": "layers", "clinic_layer": "layers",
          "default_layers": "layers", "check_layers": "loader", "load_content": "loader",
          "Passage": "passages", "walk": "passages"}

__all__ = ["Layer", "Passage", "bundled_layer", "check_layers", "clinic_layer", "default_layers",
           "load_content", "walk"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"lupus_guide.content.{_HOMES[name]}"), name)
