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
from pathlib import Path

import msgspec

from lupus_guide import __version__, models
from lupus_guide.content.kinds import LIST_STEMS, stems_for
from lupus_guide.content.layers import MAX_FILE_BYTES, read_at_most

FORMAT = 2
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
    from lupus_guide.errors import OutputError
    from lupus_guide.output import write_atomically

    if not _private_folder(cache_dir, create=True):
        return
    target = _file(cache_dir, layers)
    try:
        if not stat.S_ISREG(os.lstat(target).st_mode):
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        write_atomically(target, msgspec.msgpack.encode(CacheFile(key, content)), private=True)
    except (OSError, OutputError):
        pass
