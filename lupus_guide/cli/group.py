"""The top-level command group, loading each command only when it is used: Click's documented
"lazily loading subcommands" recipe (``list_commands``, ``get_command``, ``format_commands``) on
Typer's ``TyperGroup``. `--help` lists the commands from the static table in ``table.py``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
from typer._click.formatting import HelpFormatter, wrap_text
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


NARROW = 60  # below this many columns of help, each option's text goes under its name


class NarrowFormatter(HelpFormatter):
    """Click's help layout, except on a narrow screen: there each option or command stands on
    its own line with its text below it, instead of a column of two-word lines that overflows
    (Click never makes the text column narrower than 10 characters)."""

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if self.width >= NARROW:
            super().write_dl(rows, col_max, col_spacing)
            return
        indent = " " * self.current_indent
        text_width = max(10, self.width - self.current_indent - 4)
        for first, second in rows:
            self.write(f"{indent}{first}\n")
            for line in wrap_text(second, text_width, preserve_paragraphs=True).splitlines():
                self.write(f"{indent}    {line}\n" if line else "\n")


class GuideContext(typer.Context):
    formatter_class = NarrowFormatter


class LazyGroup(TyperGroup):
    """`lupus-guide`: its commands come from the table, each imported when it is named."""

    context_class = GuideContext

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

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """A command by name; a first word that names a therapy (`lupus-guide benlysta`) is
        answered with the command that starts there: `lupus-guide start benlysta`."""
        try:
            return super().resolve_command(ctx, args)
        except typer.BadParameter:
            raise
        except Exception as exc:  # Click's UsageError: no such command
            word = args[0] if args else ""
            if not hasattr(exc, "message") or not word or word.startswith("-"):
                raise
            from lupus_guide.cli.commands.start import therapy_called
            from lupus_guide.messages import say

            name = therapy_called(word)
            if name is not None:
                exc.message = say("start.did_you_mean", name=name)
            raise

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
        return with_lang_option(_narrow_aware(typer.main.get_command(target)))
    one = typer.Typer(add_completion=False, rich_markup_mode=None)
    one.command(name)(target)
    return with_lang_option(_narrow_aware(typer.main.get_command(one)))


def _narrow_aware(command: Any) -> Any:
    """``command`` and its subcommands, their help laid out by ``NarrowFormatter``, each that
    runs taking ``--no-pager`` (defined once in ``options.py``)."""
    command.context_class = GuideContext
    subcommands = getattr(command, "commands", None)
    if subcommands is not None:
        for sub in subcommands.values():
            _narrow_aware(sub)
        return command
    from lupus_guide.cli.options import no_pager_flag
    from lupus_guide.cli.runner import ask_no_pager

    params = command.params
    at = next((i for i, p in enumerate(params) if "--help" in getattr(p, "opts", ())), len(params))
    params.insert(at, no_pager_flag())
    callback = command.callback

    def with_pager_choice(*args: Any, no_pager: bool = False, **kwargs: Any) -> Any:
        ask_no_pager(no_pager)
        return callback(*args, **kwargs)

    command.callback = with_pager_choice
    return command


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
