"""One "did you mean" for every name a person or a content file can get wrong."""

from __future__ import annotations

from collections.abc import Iterable

from lupus_guide.messages import say


def closest(wanted: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name closest to ``wanted``, if any is close enough."""
    import difflib

    found = difflib.get_close_matches(wanted, sorted(set(known)), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(wanted: str, known: Iterable[str], otherwise: str = "",
                 cutoff: float = 0.6, message_id: str = "suggest.did_you_mean") -> str:
    """``Did you mean "name"?`` for the closest known name, else ``otherwise``. Problems in a
    content file ask with ``message_id="problem.did_you_mean"``: ``did you mean 'name'?``."""
    name = closest(wanted, known, cutoff)
    return say(message_id, name=name) if name is not None else otherwise


def as_clause(sentence: str) -> str:
    """A suggestion inside a problem line (one line of clauses): ``; did you mean "name"?``."""
    return f"; {sentence[0].lower()}{sentence[1:]}" if sentence else ""
