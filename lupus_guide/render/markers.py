"""Symbols that tell callouts apart without colour, in Unicode and in plain ASCII."""

from __future__ import annotations

MARKERS = {
    # kind: (unicode, ascii)
    "info": ("ℹ", "(i)"),
    "common": ("●", "(*)"),
    "serious": ("▲", "(!)"),
    "boxed": ("■", "[!!]"),
    "call": ("☎", "(call)"),
    "emergency": ("✚", "[911]"),
}


def marker(kind: str, unicode: bool) -> str:
    pair = MARKERS[kind]
    return pair[0] if unicode else pair[1]


def bullet(unicode: bool) -> str:
    return "•" if unicode else "-"


def box(unicode: bool) -> str:
    return "☐" if unicode else "[ ]"
