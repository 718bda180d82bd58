"""A language's message catalogue, as ``say`` uses it, and the Click framework's own words.

``templates(lang)`` reads ``locale/<lang>/LC_MESSAGES/lupus_guide.po`` (see ``po.py`` for why the
``.po`` itself) and keeps each translation that can be trusted: not fuzzy, not empty, translating
the English text ``messages.py`` has now. Anything else stays English at run time (and fails
``tests/test_i18n_catalogue.py``). Entries with the context ``click`` translate the framework's
own words ("Options", "Commands", "required"...).
"""

from __future__ import annotations

CLICK_CONTEXT = "click"
# The framework's words a person meets in `--help` and in usage errors, where it asks gettext for
# them: Typer's ``typer.core`` calls ``gettext.gettext`` as ``_`` (its bundled Click writes its
# words, "Usage:" and the usage errors among them, as plain strings, out of reach).
CLICK_STRINGS = (
    "Options", "Arguments", "Commands", "default: {default}", "required", "env var: {var}",
    "(dynamic)", "Aborted!", "Missing command.", "No such command {name!r}.",
)
HELP_CONTEXT = "help"  # a command's or an option's help text, by its English
_click_table: dict[str, str] = {}
_help_table: dict[str, str] = {}


def templates(lang: str, english: dict[str, str]) -> dict[str, str]:
    """The usable translations of ``lang``'s catalogue, by message id (a translation is usable
    while its English is still ``english``'s); also installs its translations of Click's words.
    The caller (``messages``) passes its own table, so this module never imports it."""
    from lupus_guide.i18n import catalogue_path
    from lupus_guide.i18n.po import translations

    try:
        entries = translations(catalogue_path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, str] = {}
    forget()
    for context, msgid, msgstr in entries:
        if not msgstr:
            continue
        if context == CLICK_CONTEXT:
            _click_table[msgid] = msgstr
        elif context == HELP_CONTEXT:
            _help_table[msgid] = msgstr
        elif english.get(context) == msgid:
            found[context] = msgstr
    _translate_click()
    return found


def forget() -> None:
    """Back to English: the framework's words and the help texts too."""
    _click_table.clear()
    _help_table.clear()


def help_text(english: str) -> str:
    """A help text (a command's docstring, an option's help) in the run's language."""
    return _help_table.get(english, english)


def localise_help(command) -> None:
    """Put ``command``'s help, and its options' and (for a group) its commands' help, in the
    run's language, where the catalogue has them (Click reads them when it formats --help)."""
    if not _help_table:
        return
    if command.help:
        command.help = help_text(command.help)
    params = [*command.params, getattr(command, "_help_option", None)]
    for param in params:
        if param is not None and getattr(param, "help", None):
            param.help = help_text(param.help)
    if not hasattr(command, "list_commands"):
        return
    for sub in getattr(command, "commands", {}).values() if _is_plain(command) else ():
        localise_help(sub)


def _is_plain(group) -> bool:
    """A Typer group whose commands are all built (journal), not the lazy top-level group."""
    return type(group).__name__ != "LazyGroup"


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template fills in."""
    import string

    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def framework_word(message: str) -> str:
    """One of the framework's words (CLICK_STRINGS) in the run's language."""
    return _click_table.get(message, message)


_click_gettext = framework_word


def _translate_click() -> None:
    """Click asks ``gettext.gettext`` (imported as ``_`` in each module) for its words; this run's
    catalogue answers instead, (``typer.core`` is imported before any run starts)."""
    import sys

    module = sys.modules.get("typer.core")
    if module is not None and callable(getattr(module, "_", None)):
        setattr(module, "_", _click_gettext)  # noqa: B010 - mypy does not see typer.core._
