"""Every place lupus-guide reads or writes, decided in one spot (tests override it with env vars).

- the bundled content: inside the package (``importlib.resources``)
- the clinic pack: ``--clinic DIR``, else ``LUPUS_GUIDE_CLINIC``, else none
- user data and cache: under ``LUPUS_GUIDE_HOME`` when set, else the platform's folders
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "lupus-guide"
CLINIC_ENV = "LUPUS_GUIDE_CLINIC"
HOME_ENV = "LUPUS_GUIDE_HOME"


@dataclass(frozen=True)
class Paths:
    bundled: str
    clinic: Path | None
    clinic_from: str  # "--clinic", "LUPUS_GUIDE_CLINIC" or ""
    data_dir: Path
    cache_dir: Path


def resolve(environ: Mapping[str, str], clinic_option: str | None = None) -> Paths:
    """Where everything lives for this run. Creates nothing."""
    from importlib import resources

    if clinic_option:
        clinic, source = Path(clinic_option).expanduser(), "--clinic"
    elif environ.get(CLINIC_ENV, "").strip():
        clinic, source = Path(environ[CLINIC_ENV].strip()).expanduser(), CLINIC_ENV
    else:
        clinic, source = None, ""
    home = environ.get(HOME_ENV, "").strip()
    if home:
        data_dir, cache_dir = Path(home).expanduser(), Path(home).expanduser() / "cache"
    else:
        import platformdirs

        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache_dir = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    bundled = str(resources.files("lupus_guide").joinpath("data"))
    return Paths(bundled, clinic, source, data_dir, cache_dir)
