"""Names that look alike: the key under which a clinic pack's therapy names are compared with the
bundled ones, so that a pack cannot add a therapy that could be taken for a bundled one.

``skeleton`` is a name reduced to what a reader sees: Unicode compatibility forms folded (NFKC:
full-width letters, ligatures), case folded, invisible format characters (zero-width spaces and
joiners, bidi controls) dropped, letters from other scripts that look like Latin ones replaced by
the Latin letter (the Cyrillic "і" in "rituxіmab"), and spaces and punctuation dropped.

The look-alike letters come from ``confusable_homoglyphs``, a maintained package (MIT) built from
Unicode's confusables data. The older ``confusables`` package compares two strings directly, but is
unmaintained since 2021 and ships no licence; Unicode's own skeleton (UTS #39) needs that data file
shipped and kept up to date by hand. Its import (about 0.1 s) happens only when a pack that adds
therapies is read from its YAML, never on a cached start.
"""

from __future__ import annotations

import unicodedata


def skeleton(name: str) -> str:
    """``name`` as a reader would see it (see the module); equal skeletons look alike."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    # before and after case folding: "Β" (Greek capital beta) looks like "B", its small "β" does not
    text = _latin_lookalikes(_latin_lookalikes(text).casefold())
    return "".join(ch for ch in text if ch.isalnum())


def _latin_lookalikes(text: str) -> str:
    """``text`` with each letter that looks like a Latin (ASCII) one replaced by it."""
    from confusable_homoglyphs import confusables  # type: ignore[import-untyped]

    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or []
    swaps = {}
    for hit in found:
        latin = next((h["c"] for h in hit["homoglyphs"] if h["c"].isascii()), None)
        if latin is not None:
            swaps[hit["character"]] = latin
    return "".join(swaps.get(ch, ch) for ch in text)
