"""The guide's content: one table of kinds (``kinds``), layers (bundled < clinic pack), safe YAML
reading (``yamlsafe``), the thorough check (``validation``), merging (``merge``), the MessagePack
cache (``cache``) and ``walk``, every patient-facing passage with its sources.

The names most callers need are here; the modules below import one another, never this one.
"""

from lupus_guide.content.layers import Layer, bundled_layer, clinic_layer, default_layers
from lupus_guide.content.loader import check_layers, load_content
from lupus_guide.content.walk import Passage, walk

__all__ = ["Layer", "Passage", "bundled_layer", "check_layers", "clinic_layer", "default_layers",
           "load_content", "walk"]
