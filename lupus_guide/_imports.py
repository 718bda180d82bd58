"""One start-up cost that is not ours to remove, kept out of the way.

msgspec imports ``typing_extensions`` whenever it is installed (it is, as a dependency of
icalendar), only to support TypedDict features the guide does not use; on Python 3.11 that import
costs about 3 ms at every start, a quarter of a bare Python start. msgspec works without it (it
falls back to ``typing``). So before the command line builds a command it installs a finder that
answers "not installed" when msgspec itself asks for typing_extensions; every other import of it
(icalendar's, for --ics) works as usual. Every module imports msgspec the usual way, so type
checkers see it, and nothing here is needed for the guide to work: only to start sooner.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec


class _HideTypingExtensionsFromMsgspec:
    def find_spec(self, name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name == "typing_extensions" and _asked_by_msgspec():
            raise ModuleNotFoundError(name)
        return None  # every other module: the usual finders


def _asked_by_msgspec() -> bool:
    frame = sys._getframe(1)
    while frame is not None:
        if str(frame.f_globals.get("__name__", "")).startswith("msgspec"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def hide_typing_extensions_from_msgspec() -> None:
    """Install the finder (once)."""
    if not any(isinstance(f, _HideTypingExtensionsFromMsgspec) for f in sys.meta_path):
        sys.meta_path.insert(0, _HideTypingExtensionsFromMsgspec())
