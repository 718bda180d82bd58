"""The versioned JSON envelope: {"schema_version": 1, "command": ..., "lang": ..., "data": ...}.
Keys and ids are the same in every language; only text values change."""

from __future__ import annotations

SCHEMA_VERSION = 1


def render_json(result, last_reviewed: str, clinic=None, lang: str = "en") -> str:
    import msgspec

    envelope = {"schema_version": SCHEMA_VERSION, "command": result.command, "lang": lang}
    if last_reviewed:  # commands that show guide content say how fresh it is
        envelope["content_last_reviewed"] = last_reviewed
    envelope["data"] = result.data
    if clinic is not None:
        envelope["clinic"] = msgspec.to_builtins(clinic)
    try:
        encoded = msgspec.json.encode(envelope)
    except UnicodeEncodeError:
        # A lone surrogate: the bytes of a file name that are not UTF-8. The standard library
        # keeps it, and escape_json then writes it as a \udcXX escape, which JSON allows.
        import json

        return json.dumps(msgspec.to_builtins(envelope), indent=2, ensure_ascii=False) + "\n"
    return msgspec.json.format(encoded, indent=2).decode("utf-8") + "\n"
