"""The versioned JSON envelope: {"schema_version": 1, "command": ..., "data": ...}."""

from __future__ import annotations

SCHEMA_VERSION = 1


def render_json(result, last_reviewed: str) -> str:
    import msgspec

    envelope = {
        "schema_version": SCHEMA_VERSION,
        "command": result.command,
        "content_last_reviewed": last_reviewed,
        "data": result.data,
    }
    return msgspec.json.format(msgspec.json.encode(envelope), indent=2).decode("utf-8") + "\n"
