"""Every place lupus-guide reads or writes, decided in one spot (tests override it with env vars).

- the bundled content: inside the package (``bundled_root``)
- the clinic pack: ``--clinic DIR``, else ``LUPUS_GUIDE_CLINIC``, else none
- user data and cache: under ``LUPUS_GUIDE_HOME`` when set, else the platform's folders
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import msgspec

APP_NAME = "lupus-guide"
CLINIC_ENV = "LUPUS_GUIDE_CLINIC"
HOME_ENV = "LUPUS_GUIDE_HOME"


class Paths(msgspec.Struct, frozen=True):
    bundled: str
    clinic: Path | None
    clinic_from: str  # "--clinic", "LUPUS_GUIDE_CLINIC" or ""
    data_dir: Path
    cache_dir: Path


def resolve(environ: Mapping[str, str], clinic_option: str | None = None) -> Paths:
    """Where everything lives for this run. Creates nothing."""
    if clinic_option:
        clinic, source = expand(clinic_option), "--clinic"
    elif environ.get(CLINIC_ENV, "").strip():
        clinic, source = expand(environ[CLINIC_ENV].strip()), CLINIC_ENV
    else:
        clinic, source = None, ""
    home = environ.get(HOME_ENV, "").strip()
    if home:
        data_dir, cache_dir = expand(home), expand(home) / "cache"
    else:
        data_dir, cache_dir = _user_dirs(environ)
    return Paths(str(bundled_root()), clinic, source, data_dir, cache_dir)


def expand(path: str) -> Path:
    """``path`` with ``~`` or ``~user`` expanded. With no such user, the folder named so in the
    working folder, as a shell leaves it (absolute, so nothing expands it again): a folder that
    does not exist, said as such, rather than an internal error."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        import os

        try:
            return Path(os.path.abspath(path))
        except OSError:  # the working folder is gone
            return Path(path)


def bundled_root():
    """The package's ``data`` folder, found through the import system, never the repository.

    For a package installed as a folder (a wheel, an editable install) this is the folder next to
    the package's modules, which is what ``importlib.resources.files`` returns too; asking it
    directly spares every start the import of importlib.resources (and tempfile, random...).
    A package that is not a plain folder (inside a zip) is read through importlib.resources."""
    import lupus_guide

    locations = list(getattr(lupus_guide.__spec__, "submodule_search_locations", None) or [])
    if locations and Path(locations[0], "data").is_dir():
        return Path(locations[0], "data")
    from importlib import resources

    return resources.files("lupus_guide").joinpath("data")


def _user_dirs(environ: Mapping[str, str]) -> tuple[Path, Path]:
    """The platform's user data and cache folders. On Linux these are the XDG folders, worked out
    here as platformdirs does (its import costs a few ms at every start); elsewhere,
    platformdirs."""
    import sys

    if sys.platform.startswith("linux"):
        home = Path.home()
        data = environ.get("XDG_DATA_HOME", "").strip() or str(home / ".local" / "share")
        cache = environ.get("XDG_CACHE_HOME", "").strip() or str(home / ".cache")
        return Path(data) / APP_NAME, Path(cache) / APP_NAME
    import platformdirs

    return (Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))
