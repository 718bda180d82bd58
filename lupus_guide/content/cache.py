"""A cache of checked content, so that a command starts without parsing any YAML.

The cache file holds a key and the merged ``Content``, in MessagePack (msgspec): plain data that
cannot run code when loaded, decoded against the content models, so a corrupt file fails to decode
and is rebuilt. The key is a BLAKE2b-256 hash of every byte of every content file of every layer,
the program's version and its models: change any of them and the cache is stale, and rebuilt.

A cache decides what the guide says about safety, so it is trusted only when it is the user's own
and private: the folder and the file belong to the user and nobody else can write to them, the file
is a regular file reached without following a link, and it is no larger than ``MAX_CACHE_BYTES``.
Anything else is ignored (and never written to): the content is read from the YAML instead.
"""

from __future__ import annotations

import functools
import os
import stat

# hashlib's BLAKE2b without importing hashlib, which loads OpenSSL (about 4 ms at every start).
from _blake2 import blake2b
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from lupus_guide import __version__, models
from lupus_guide.content.kinds import LIST_STEMS, stems_for
from lupus_guide.content.layers import MAX_FILE_BYTES, read_at_most

FORMAT = 2
T = TypeVar("T")
MAX_CACHE_BYTES = 32 * 1024 * 1024
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
    digest = blake2b(f"{FORMAT}:{__version__}".encode(), digest_size=32)
    languages = {layer.lang for layer in layers} - {"en"}
    for lang in sorted(languages):  # its catalogue's words mark a pack's untranslated text
        from lupus_guide.i18n import catalogue_path

        if not _add_file(digest, catalogue_path(lang)):
            return None
    with open(models.__file__, "rb") as source:  # the models decide what a cache can hold
        digest.update(source.read())
    for layer in layers:
        # os.fsencode: a folder name that is not UTF-8 is kept as its bytes, not an error
        digest.update(b"\0layer:" + layer.kind.encode() + b":" + os.fsencode(str(layer.root))
                      + b":" + layer.lang.encode())
        for stem in stems_for(layer.kind):
            entry = layer.root.joinpath(f"{stem}.yaml")
            digest.update(f"\0{stem}\0".encode())
            translatable = layer.lang != "en" or layer.kind == "clinic"
            if translatable and not _add_file(digest, layer.translation(stem)):
                return None
            try:
                if getattr(entry, "is_symlink", lambda: False)():
                    return None  # the loader decides about links (and says what is wrong)
                if not entry.is_file():
                    if entry.is_dir() or os.path.lexists(str(entry)):
                        return None
                    digest.update(b"<absent>")
                    continue
                if hasattr(entry, "stat") and entry.stat().st_size > MAX_FILE_BYTES:
                    return None
                digest.update(entry.read_bytes())
            except OSError:
                return None
    return digest.hexdigest()


def _add_file(digest, entry) -> bool:
    """Hash a translation file's bytes (or its absence); False when it cannot be read."""
    try:
        if getattr(entry, "is_symlink", lambda: False)() or entry.is_dir():
            return False
        if not entry.is_file():
            digest.update(b"<absent>")
            return True
        if hasattr(entry, "stat") and entry.stat().st_size > MAX_FILE_BYTES:
            return False
        digest.update(entry.read_bytes())
    except OSError:
        return False
    return True


def _file(cache_dir: Path, layers) -> Path:
    # one file per set of layers and language: English and Spanish runs do not evict each other
    where = b"|".join(layer.kind.encode() + b":" + os.fsencode(str(layer.root))
                      + (b":" + layer.lang.encode() if layer.lang != "en" else b"")
                      for layer in layers)
    return Path(cache_dir) / f"content-{blake2b(where, digest_size=8).hexdigest()}.msgpack"


def _mine_and_private(info: os.stat_result) -> bool:
    """Owned by this user, and writable by nobody else."""
    getuid = getattr(os, "getuid", None)  # no owners to compare on Windows
    owned = getuid is None or info.st_uid == getuid()
    return owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_folder(cache_dir: Path, create: bool = False) -> bool:
    """Whether ``cache_dir`` is a real folder of this user's that nobody else can write to; with
    ``create``, it is made first (0700) when missing. A folder it did not make is never changed."""
    try:
        if create and not os.path.lexists(cache_dir):
            os.makedirs(cache_dir, mode=0o700)
        info = os.lstat(cache_dir)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(info.st_mode) and _mine_and_private(info)


def _read_private(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a private regular file of this user's, read without
    following a link and no more than ``MAX_CACHE_BYTES``; None otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) and _mine_and_private(info)
                and info.st_size <= MAX_CACHE_BYTES):
            return None
        data = read_at_most(fd, MAX_CACHE_BYTES)
        return data if len(data) <= MAX_CACHE_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read(cache_dir: Path, layers, key: str, parts: frozenset[str] | None = None):
    """The cached content for ``key``, or None (missing, stale or corrupt).

    With ``parts``, only those of the big lists are decoded (the rest are skipped unread and stand
    as ``NotLoaded``): a command that shows the costs need not decode every therapy."""
    if not _private_folder(cache_dir):
        return None
    data = _read_private(_file(cache_dir, layers))
    if data is None:
        return None
    try:
        cached = msgspec.msgpack.decode(data, type=_view(parts))
    except (msgspec.DecodeError, msgspec.ValidationError):
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
    """Keep ``content`` for next time, in a private folder only, through the one atomic writer
    (a new 0600 temporary file renamed into place). Nothing is renamed over a link, a FIFO, a
    device or a folder. A cache that cannot be written is no error: the next run parses the YAML
    again."""
    _write_private(cache_dir, _file(cache_dir, layers),
                   lambda: msgspec.msgpack.encode(CacheFile(key, content)))


def _write_private(cache_dir: Path, target: Path, encode) -> None:
    from lupus_guide.errors import OutputError
    from lupus_guide.output import write_atomically

    if not _private_folder(cache_dir, create=True):
        return
    try:
        if not stat.S_ISREG(os.lstat(target).st_mode):
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        write_atomically(target, encode(), private=True)
    except (OSError, OutputError):
        pass


# What was worked out from a loaded content (a search index), by the content's id; the content
# itself is held so that its id is never reused while this process runs.
_ORIGINS: dict[int, tuple[Any, Path, Any, str]] = {}
_DERIVED: dict[tuple[int, str, str], tuple[Any, Any]] = {}


def remember(content, cache_dir: Path, layers, key: str) -> None:
    """Note where ``content`` is cached, so that what is worked out from it can be kept beside."""
    _ORIGINS[id(content)] = (content, cache_dir, layers, key)


def whole(content):
    """``content`` with every part, when it was read from the cache leaving some out (read again,
    all of it); else ``content`` itself."""
    origin = _ORIGINS.get(id(content))
    if origin is None or origin[0] is not content:
        return content
    _, cache_dir, layers, key = origin
    return read(cache_dir, layers, key) or content


def derived(content, name: str, signature: str, build: Callable[[], T], kind: Any) -> T:
    """``build()``, worked out from ``content`` alone (a search index; ``kind``, its type): once
    per process, and kept in a private file beside the content's cache, trusted as the cache is,
    for the next runs while the content and ``signature`` (how it is worked out) stay the same."""
    memo = _DERIVED.get((id(content), name, signature))
    if memo is not None and memo[0] is content:
        return memo[1]
    origin = _ORIGINS.get(id(content))
    where = None
    if origin is not None and origin[0] is content:
        _, cache_dir, layers, key = origin
        where = (cache_dir, _file(cache_dir, layers).with_suffix(f".{name}.msgpack"),
                 f"{key}:{signature}")
    kept = _read_derived(*where, kind) if where else None
    value = build() if kept is None else kept
    if where and kept is None:
        stored = _derived_type(kind)(where[2], value)
        _write_private(where[0], where[1], lambda: msgspec.msgpack.encode(stored))
    _DERIVED[(id(content), name, signature)] = (content, value)
    return value


def _read_derived(cache_dir: Path, target: Path, key: str, kind: Any) -> Any:
    data = _read_private(target) if _private_folder(cache_dir) else None
    if data is None:
        return None
    try:
        stored = msgspec.msgpack.decode(data, type=_derived_type(kind))
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return stored.value if stored.key == key else None


@functools.cache
def _derived_type(kind: Any) -> Any:
    return msgspec.defstruct("Derived", [("key", str), ("value", kind)], array_like=True)
