"""The journal's small settings file (``settings.json`` in the user data folder, 0600): whose
journal it is, for the visit summary's header. Written through ``output.py``'s atomic writer."""

from __future__ import annotations

import json
from pathlib import Path

FILE_NAME = "settings.json"
MAX_BYTES = 4096  # a name, not a document


def settings_path(env) -> Path:
    return Path(env.paths().data_dir) / FILE_NAME


def saved_name(env) -> str | None:
    """The name saved with `journal name`, or None (a missing or unreadable file is no name)."""
    from lupus_guide.inputs import printable

    path = settings_path(env)
    try:
        with open(path, "rb") as file:
            data = json.loads(file.read(MAX_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    return printable(name, 80) if isinstance(name, str) and name.strip() else None


def save_name(env, name: str | None) -> None:
    """Keep ``name`` (None forgets it) in the settings file, 0600."""
    from lupus_guide.output import write_atomically

    path = settings_path(env)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = {"name": name} if name else {}
    write_atomically(path, json.dumps(data, ensure_ascii=False) + "\n", private=True)
