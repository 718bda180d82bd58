"""Every user-visible string written in the code, by id: headings, labels, status words, error
messages. A second language is a second table, not edits across the package.

Content text (therapies, questions, checklists...) is data and lives in ``data/``; what is here is
the frame around it. ``text(id, **values)`` fills ``{placeholders}`` with ``str.format``.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # did you mean: the one shape of every suggestion
    "suggest.did_you_mean": 'Did you mean "{name}"?',
    "suggest.did_you_mean_one_of": "Did you mean {names}?",
    # clinic packs and content files
    "pack.missing": "clinic pack {folder} does not exist.",
    "pack.not_folder": "clinic pack {folder} is not a folder.",
    "pack.give_folder": "Give --clinic a folder of YAML files (see docs/clinic-packs.md).",
    "pack.unreadable": "clinic pack {folder} cannot be read: {reason}.",
}


def text(message_id: str, /, **values: object) -> str:
    """The message ``message_id`` in the guide's language, with ``values`` filled in."""
    template = ENGLISH[message_id]
    return template.format(**values) if values else template
