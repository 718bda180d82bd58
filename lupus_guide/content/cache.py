"""A cache of checked content, so that a command starts without parsing any YAML.

The cache file holds a key and the merged ``Content``, in MessagePack (msgspec): plain data that
cannot run code when loaded, decoded against the content models, so a corrupt file fails to decode
and is rebuilt. The key is a hash of every byte of every content file of every layer, the program's
version and its models: change any of them and the cache is stale, and rebuilt, never trusted.
"""

from __future__ import annotations

import functools
from pathlib import Path

import msgspec

from lupus_guide import __version__, models
from lupus_guide.content.kinds import LIST_STEMS, stems_for
from lupus_guide.content.layers import MAX_FILE_BYTES

FORMAT = 1
PARTS = LIST_STEMS  # the lists of entries a command may leave undecoded


class CacheFile(msgspec.Struct):
    key: str
    content: models.Content


class NotLoaded(list):
    """Stands for a part of the content a command said it does not need: any use is a bug, and
    says so loudly rather than showing an empty list."""

    def __init__(self, part: str) -> None:
        super().__init__()
        self.part = part

    def _refuse(self, *args, **kwargs):
        raise RuntimeError(f"content part {self.part!r} was not loaded for this command")

    __iter__ = __len__ = __getitem__ = __bool__ = __contains__ = _refuse


def fingerprint(layers) -> str | None:
    """A hash of everything the content depends on, or None when a file cannot be read
    (the loader will then say what is wrong)."""
    digest = _Digest(f"{FORMAT}:{__version__}".encode())
    with open(models.__file__, "rb") as source:  # the models decide what a cache can hold
        digest.update(source.read())
    for layer in layers:
        digest.update(f"\0layer:{layer.kind}:{layer.root}".encode())
        for stem in stems_for(layer.kind):
            entry = layer.root.joinpath(f"{stem}.yaml")
            digest.update(f"\0{stem}\0".encode())
            try:
                if not entry.is_file():
                    if entry.is_dir() or getattr(entry, "is_symlink", lambda: False)():
                        return None
                    digest.update(b"<absent>")
                    continue
                if hasattr(entry, "stat") and entry.stat().st_size > MAX_FILE_BYTES:
                    return None
                digest.update(entry.read_bytes())
            except OSError:
                return None
    return digest.hexdigest()


class _Digest:
    """CRC-32 and Adler-32 of everything, with its length: a 64-bit content hash that costs no
    hashlib import (a few ms at every start). It guards against stale content, not attackers:
    what a cache holds was itself checked before it was written."""

    def __init__(self, data: bytes = b"") -> None:
        self.crc, self.adler, self.length = 0, 1, 0
        self.update(data)

    def update(self, data: bytes) -> None:
        import zlib

        self.crc = zlib.crc32(data, self.crc)
        self.adler = zlib.adler32(data, self.adler)
        self.length += len(data)

    def hexdigest(self) -> str:
        return f"{self.crc:08x}{self.adler:08x}-{self.length:x}"


def _file(cache_dir: Path, layers) -> Path:
    import zlib

    where = "|".join(f"{layer.kind}:{layer.root}" for layer in layers)
    return Path(cache_dir) / f"content-{zlib.crc32(where.encode()):08x}.msgpack"


def read(cache_dir: Path, layers, key: str, parts: frozenset[str] | None = None):
    """The cached content for ``key``, or None (missing, stale or corrupt).

    With ``parts``, only those of the big lists are decoded (the rest are skipped unread and stand
    as ``NotLoaded``): a command that shows the costs need not decode every therapy."""
    try:
        data = _file(cache_dir, layers).read_bytes()
        cached = msgspec.msgpack.decode(data, type=_view(parts))
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    if cached.key != key:
        return None
    if parts is None:
        return cached.content
    fields = {name: getattr(cached.content, name) for name in cached.content.__struct_fields__}
    fields |= {part: NotLoaded(part) for part in PARTS if part not in parts}
    return models.Content(**fields)


@functools.cache
def _view(parts: frozenset[str] | None):
    """The type to decode a cache file as: all of it, or the guide, the clinic and ``parts``."""
    if parts is None:
        return CacheFile
    import typing

    hints = typing.get_type_hints(models.Content, include_extras=True)
    keep = [name for name in models.Content.__struct_fields__ if name not in PARTS or name in parts]
    view = msgspec.defstruct("ContentView", [(name, hints[name]) for name in keep], kw_only=True)
    return msgspec.defstruct("CacheView", [("key", str), ("content", view)])


def write(cache_dir: Path, layers, key: str, content) -> None:
    """Keep ``content`` for next time: written to a temporary file, then renamed into place.
    A cache that cannot be written is no error: the next run parses the YAML again."""
    from lupus_guide.errors import OutputError
    from lupus_guide.output import write_atomically

    target = _file(cache_dir, layers)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(target, msgspec.msgpack.encode(CacheFile(key, content)))
    except (OSError, OutputError):
        pass
