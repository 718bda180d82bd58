"""The guide's languages: which are installed, and which one a run speaks.

English is the language the guide is written in; another language is installed when its message
catalogue ships in the package (``locale/<lang>/LC_MESSAGES/lupus_guide.po``). A run's language is
``--lang``, else ``LUPUS_GUIDE_LANG``, else the POSIX locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``), else English. A language asked for by name (``--lang``, ``LUPUS_GUIDE_LANG``) that is
not installed is an error, never a silent fallback; a locale the guide does not speak is English.

Nothing here is read at import time: a run in English never opens a catalogue or a translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

ENGLISH = "en"
LANG_ENV = "LUPUS_GUIDE_LANG"
LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")
DOMAIN = "lupus_guide"
# A language's own name, for `paths` and `--version` (and the error that lists them).
NAMES = {"en": "English", "es": "español"}


class UnknownLanguage(ValueError):
    """A language asked for by name that is not installed."""

    def __init__(self, asked: str, source: str) -> None:
        super().__init__(asked)
        self.asked = asked
        self.source = source


def locale_dir() -> Path:
    """The package's ``locale`` folder (beside its modules, like ``data``)."""
    return Path(__file__).resolve().parent.parent / "locale"


def catalogue_path(lang: str) -> Path:
    return locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def installed() -> tuple[str, ...]:
    """English, then every language whose catalogue ships with the package, sorted."""
    try:
        found = sorted(name for name in _listdir(locale_dir())
                       if name != ENGLISH and catalogue_path(name).is_file())
    except OSError:
        found = []
    return (ENGLISH, *found)


def _listdir(folder: Path) -> list[str]:
    import os

    return os.listdir(folder)


def normalise(code: str) -> str:
    """``es``, ``ES``, ``es_US.UTF-8``, ``es-MX`` -> ``es``; ``C``, ``POSIX`` -> ``""``."""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "" if base in ("c", "posix") else base


def choose(option: str | None, environ: Mapping[str, str]) -> str:
    """The language of one run: ``--lang`` > LUPUS_GUIDE_LANG > LC_ALL > LC_MESSAGES > LANG >
    English. Raises UnknownLanguage for a language asked for by name that is not installed."""
    for asked, source in ((option, "--lang"), (environ.get(LANG_ENV), LANG_ENV)):
        if asked and asked.strip():
            lang = normalise(asked)
            if lang == ENGLISH:
                return ENGLISH
            if lang not in installed():
                raise UnknownLanguage(asked.strip(), source)
            return lang
    return from_locale(environ)


def from_locale(environ: Mapping[str, str]) -> str:
    """The POSIX locale's language when the guide speaks it, else English. As POSIX has it, the
    first of LC_ALL, LC_MESSAGES, LANG that is set decides."""
    for name in LOCALE_ENVS:
        value = environ.get(name, "").strip()
        if value:
            lang = normalise(value)
            if lang == ENGLISH or not lang:
                return ENGLISH
            return lang if lang in installed() else ENGLISH
    return ENGLISH
