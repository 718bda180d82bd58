"""The versioned JSON envelope: {"schema_version": 1, "command": ..., "data": ...}."""

from __future__ import annotations

SCHEMA_VERSION = 1


def render_json(result, last_reviewed: str, clinic=None) -> str:
    import msgspec

    envelope = {"schema_version": SCHEMA_VERSION, "command": result.command}
    if last_reviewed:  # commands that show guide content say how fresh it is
        envelope["content_last_reviewed"] = last_reviewed
    envelope["data"] = result.data
    if clinic is not None:
        envelope["clinic"] = msgspec.to_builtins(clinic)
    return msgspec.json.format(msgspec.json.encode(envelope), indent=2).decode("utf-8") + "\n"
