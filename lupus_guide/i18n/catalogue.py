"""A language's message catalogue, as ``say`` uses it, and the Click framework's own words.

``templates(lang)`` reads ``locale/<lang>/LC_MESSAGES/lupus_guide.po`` (see ``po.py`` for why the
``.po`` itself) and keeps each translation that can be trusted: not fuzzy, not empty, translating
the English text ``messages.py`` has now. Anything else stays English at run time (and fails
``tests/test_i18n_catalogue.py``). Entries with the context ``click`` translate the framework's
own words ("Options", "Commands", "required"...).
"""

from __future__ import annotations

import string

CLICK_CONTEXT = "click"
# The framework's words a person meets in `--help` and in usage errors, where it asks gettext for
# them: Typer's ``typer.core`` calls ``gettext.gettext`` as ``_`` (its bundled Click writes its
# words, "Usage:" and the usage errors among them, as plain strings, out of reach).
CLICK_STRINGS = (
    "Options", "Arguments", "Commands", "default: {default}", "required", "env var: {var}",
    "(dynamic)", "Aborted!", "Missing command.", "No such command {name!r}.",
)
_click_table: dict[str, str] = {}


def templates(lang: str) -> dict[str, str]:
    """The usable translations of ``lang``'s catalogue, by message id; also installs its
    translations of Click's words."""
    from lupus_guide.i18n import catalogue_path
    from lupus_guide.i18n.po import translations
    from lupus_guide.messages import ENGLISH

    try:
        entries = translations(catalogue_path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, str] = {}
    _click_table.clear()
    for context, msgid, msgstr in entries:
        if not msgstr:
            continue
        if context == CLICK_CONTEXT:
            _click_table[msgid] = msgstr
        elif ENGLISH.get(context) == msgid:
            found[context] = msgstr
    _translate_click()
    return found


def forget() -> None:
    """Back to English: the framework's words too."""
    _click_table.clear()


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template fills in."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _click_gettext(message: str) -> str:
    return _click_table.get(message, message)


def _translate_click() -> None:
    """Click asks ``gettext.gettext`` (imported as ``_`` in each module) for its words; this run's
    catalogue answers instead, (``typer.core`` is imported before any run starts)."""
    import sys

    module = sys.modules.get("typer.core")
    if module is not None and callable(getattr(module, "_", None)):
        setattr(module, "_", _click_gettext)  # noqa: B010 - mypy does not see typer.core._
