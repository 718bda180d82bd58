"""The journal's folder and file, checked before SQLite opens them.

The journal holds health data, so it lives in a folder and a file of this user's own: a folder
lupus-guide makes is made 0700, the file 0600. A folder or journal owned by someone else, a
journal that is a symbolic link or not a regular file, and a folder others can write to that is
not lupus-guide's own are refused. A folder lupus-guide did not make (``LUPUS_GUIDE_HOME=/tmp``,
a home folder) is never changed; the journal file, and a folder holding nothing but lupus-guide's
own files, are tightened to 0600/0700 when looser, with a warning when a journal was exposed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from lupus_guide.errors import ExitCode, GuideError
from lupus_guide.messages import say

Warn = Callable[[str], None]
# SQLite's files beside the journal: write-ahead log, shared memory, rollback journal
SIDE_ENDINGS = ("-wal", "-shm", "-journal")
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
POSIX = os.name == "posix"  # elsewhere there are no modes to check or tighten


class JournalError(GuideError):
    code = ExitCode.JOURNAL


def _uid() -> int | None:
    """The user whose files these must be (None where there are no owners to compare)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def _check_owner(info: os.stat_result, path: Path, what: str) -> None:
    uid = _uid()
    if uid is not None and info.st_uid != uid:
        raise JournalError(say("files.not_yours", what=say(f"files.{what}"), path=path),
                           say("files.own_folder_hint"))


def prepare_folder(journal: Path, *, create: bool, warn: Warn) -> bool:
    """Whether the journal's folder is there and fit to hold it (made 0700 first with
    ``create``); raises JournalError when it is someone else's or others can change it."""
    folder = journal.parent
    if not POSIX:  # no owners or modes to check; folders cannot be opened like files
        if folder.is_dir():
            return True
        return _make_folder(journal, warn) if create else False
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | CLOEXEC)
    except FileNotFoundError:
        if not create:
            return False
        return _make_folder(journal, warn)
    except OSError as exc:
        raise JournalError(say("files.folder_unusable", path=folder,
                               reason=exc.strerror)) from None
    try:
        info = os.fstat(fd)
        _check_owner(info, folder, "folder")
        mode = stat.S_IMODE(info.st_mode)
        if not mode & 0o077:
            return True
        if _lupus_guides_own(folder, journal.name, mode):
            os.fchmod(fd, 0o700)
            if os.path.lexists(journal):
                warn(say("files.folder_tightened", path=folder, mode=f"{mode:04o}"))
        elif mode & 0o022:
            raise JournalError(say("files.folder_shared", path=folder),
                               say("files.own_folder_hint"))
        return True
    finally:
        os.close(fd)


def _make_folder(journal: Path, warn: Warn) -> bool:
    folder = journal.parent
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)  # like mkdir -p: default permissions
        os.mkdir(folder, 0o700)
    except FileExistsError:  # made meanwhile by another lupus-guide, or by someone else
        return prepare_folder(journal, create=False, warn=warn)
    except OSError as exc:
        raise JournalError(say("files.folder_unmakeable", path=folder,
                               reason=exc.strerror)) from None
    if POSIX:
        os.chmod(folder, 0o700)  # made just now by this program: the umask may have taken too much
    return True


def _lupus_guides_own(folder: Path, name: str, mode: int) -> bool:
    """A folder that holds nothing but lupus-guide's files (the journal, its cache) is taken as
    lupus-guide's own; a shared one (sticky, like /tmp) or one holding anything else is not."""
    if mode & stat.S_ISVTX:
        return False
    own = {name, *(name + end for end in SIDE_ENDINGS), "cache"}
    try:
        with os.scandir(folder) as found:
            return all(item.name in own for item in found)
    except OSError:
        return False


def check_files(journal: Path, warn: Warn) -> bool:
    """Whether the journal file is there; raises JournalError when it, or a file SQLite keeps
    beside it, is a link, not a regular file, or someone else's. A looser file is made 0600."""
    exists = _check_file(journal, warn, "file")
    for end in SIDE_ENDINGS:
        _check_file(journal.with_name(journal.name + end), None, "file")
    return exists


def _check_file(path: Path, warn: Warn | None, what: str) -> bool:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise JournalError(say("files.unusable", path=path, reason=exc.strerror)) from None
    if stat.S_ISLNK(info.st_mode):
        raise JournalError(say("files.link", what=say(f"files.{what}"), path=path),
                           say("files.link_hint"))
    if not stat.S_ISREG(info.st_mode):
        raise JournalError(say("files.not_regular", what=say(f"files.{what}"), path=path))
    _check_owner(info, path, what)
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077 and POSIX:
        _tighten(path, info)
        if warn is not None:
            warn(say("files.file_tightened", path=path, mode=f"{mode:04o}"))
    return True


def _tighten(path: Path, seen: os.stat_result) -> None:
    """chmod 0600 the very file that was checked (never through a link swapped in meanwhile)."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC)
    except OSError as exc:
        raise JournalError(say("files.unprivate", path=path, reason=exc.strerror)) from None
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) == (seen.st_dev, seen.st_ino):
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def create_file(journal: Path) -> None:
    """A new, empty journal file, 0600 before SQLite writes a byte. Another lupus-guide making it
    at the same moment is no error."""
    try:
        fd = os.open(journal, os.O_CREAT | os.O_EXCL | os.O_WRONLY | NOFOLLOW | CLOEXEC,
                     0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalError(say("files.unmakeable", path=journal, reason=exc.strerror)) from None
    try:
        if POSIX:
            os.fchmod(fd, 0o600)  # the umask may have taken the owner's bits too
    finally:
        os.close(fd)
