"""The top-level command group, loading each command only when it is used: Click's documented
"lazily loading subcommands" recipe (``list_commands``, ``get_command``, ``format_commands``) on
Typer's ``TyperGroup``. `--help` lists the commands from the static table in ``table.py``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from lupus_guide.cli.table import BY_NAME, COMMANDS


class _Commands(MutableMapping):
    """The group's commands by name: every name from the table, each built on first use. Typer's
    "did you mean" reads the names from here without building any command."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in BY_NAME:
                raise KeyError(name)
            self._built[name] = load_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter([*BY_NAME, *(n for n in self._built if n not in BY_NAME)])

    def __len__(self) -> int:
        return len(set(BY_NAME) | set(self._built))


class LazyGroup(TyperGroup):
    """`lupus-guide`: its commands come from the table, each imported when it is named."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands()
        with_lang_option(self)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        localise(self)
        super().format_help(ctx, formatter)

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        from lupus_guide.cli.options import forget_lang

        if parent is None:  # a new command line
            forget_lang()
        return super().make_context(info_name, args, parent=parent, **extra)

    def list_commands(self, ctx: Any) -> list[str]:
        return [spec.name for spec in COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of `--help`, from the table: the same words the commands' own help
        gives (Click's short help of each summary), with no command imported."""
        from lupus_guide.messages import language

        summary = (lambda text: text) if language() == "en" else _help_text
        outlines = [(spec.name, TyperCommand(name=spec.name, help=summary(spec.summary)))
                    for spec in COMMANDS]
        limit = formatter.width - 6 - max(len(name) for name, _ in outlines)
        rows = [(name, command.get_short_help_str(limit)) for name, command in outlines]
        with formatter.section("Commands" if language() == "en" else _word("Commands")):
            formatter.write_dl(rows)


def load_command(name: str) -> Any:
    """The Click command for ``name``: its module imported, only that command built."""
    from lupus_guide._imports import hide_typing_extensions_from_msgspec

    hide_typing_extensions_from_msgspec()  # audited: a start-up cost only (see _imports.py)
    module = importlib.import_module(BY_NAME[name].module)
    target = module.COMMANDS[name]
    if isinstance(target, typer.Typer):  # a group of commands (journal)
        return with_lang_option(typer.main.get_command(target))
    one = typer.Typer(add_completion=False, rich_markup_mode=None)
    one.command(name)(target)
    return with_lang_option(typer.main.get_command(one))


def localise(command: Any) -> None:
    """``command``'s help texts in the run's language (English: as written)."""
    from lupus_guide.messages import language

    if language() != "en":
        from lupus_guide.i18n.catalogue import localise_help

        localise_help(command)


def _word(english: str) -> str:
    from lupus_guide.i18n.catalogue import framework_word

    return framework_word(english)


def _help_text(english: str) -> str:
    from lupus_guide.i18n.catalogue import help_text

    return help_text(english)


def _help_in_the_runs_language(command: Any) -> None:
    """Put ``command``'s help in the run's language when --help is formatted: by then every
    --lang has been read, and Click has made its --help option."""
    english_format_help = command.format_help

    def format_help(ctx: Any, formatter: Any) -> None:
        localise(command)
        english_format_help(ctx, formatter)

    command.format_help = format_help


def with_lang_option(command: Any) -> Any:
    """``command`` (and, for a group, each of its commands) with the shared ``--lang`` option."""
    from lupus_guide.cli.options import lang_option

    if not any(getattr(param, "name", None) == "lang" for param in command.params):
        command.params.append(lang_option())
    if not isinstance(command, LazyGroup):
        _help_in_the_runs_language(command)
    if not isinstance(command, LazyGroup):  # the top-level group's commands get it when built
        for sub in getattr(command, "commands", {}).values():
            with_lang_option(sub)
    return command
