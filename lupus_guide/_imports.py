"""One start-up cost that is not ours to remove, kept out of the way.

msgspec imports ``typing_extensions`` whenever it is installed (it is, as a dependency of
icalendar), only to support TypedDict features the guide does not use; on Python 3.11 that import
costs about 3 ms at every start, a quarter of a bare Python start. msgspec works without it — it
falls back to ``typing`` — so msgspec is imported here, once, with typing_extensions hidden, and
every module of the guide takes it from here (``from lupus_guide._imports import msgspec``).
Nothing is cached: a later ``import typing_extensions`` (icalendar's, for --ics) works as usual.
"""

from __future__ import annotations

import sys


class _HideTypingExtensions:
    def find_spec(self, name, path=None, target=None):
        if name == "typing_extensions":
            raise ModuleNotFoundError(name)


def _import_msgspec():
    if "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        import msgspec

        return msgspec
    hider = _HideTypingExtensions()
    sys.meta_path.insert(0, hider)
    try:
        import msgspec
    finally:
        sys.meta_path.remove(hider)
    return msgspec


msgspec = _import_msgspec()
