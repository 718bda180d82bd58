"""The command line: ``main(argv) -> int`` and the console script.

Commands live in ``commands/<family>.py`` and are listed, with a one-line summary, in ``table.py``;
the top-level group (``group.py``) imports a command's module only when that command runs, so
`--help`, `--version` and completion import none. ``options.py`` defines the shared options once;
``runner.py`` runs one command (load -> build -> render -> emit) and maps failures to exit codes.
"""

from __future__ import annotations

from typing import Annotated

import typer

from lupus_guide import __version__
from lupus_guide.cli.group import LazyGroup
from lupus_guide.cli.options import NoPagerOpt
from lupus_guide.errors import ExitCode

app = typer.Typer(
    name="lupus-guide",
    cls=LazyGroup,
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help from Click: Rich-formatted help imports rich.markdown and markdown_it on every
    # --help (50-70 ms), for the same words.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from lupus_guide.i18n import installed
        from lupus_guide.messages import say

        print(say("version.line", version=__version__, languages=", ".join(installed())))
        raise typer.Exit()


VersionOpt = Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Fail (exit 4) when the clinic pack cannot be used, instead of showing the "
                     "guide without it (or set LUPUS_GUIDE_STRICT=1).")]


@app.callback()
def guide(ctx: typer.Context, version: VersionOpt = False, strict: StrictOpt = False,
          no_pager: NoPagerOpt = False) -> None:
    """An offline guide to infusion therapy for lupus (SLE) and lupus nephritis.

    New to infusions? Start with: lupus-guide start benlysta
    """
    from lupus_guide.cli.runner import ask_no_pager, ask_strict

    ask_strict(strict)
    ask_no_pager(no_pager)
    if ctx.invoked_subcommand is None:  # no words: the start page
        print_home()
        raise typer.Exit()


def print_home() -> None:
    """The start page, as plain text as wide as the screen (no content, no renderer: it shows
    as fast as --help)."""
    import os
    import sys

    from lupus_guide.cli.streams import is_terminal
    from lupus_guide.home import home_text
    from lupus_guide.screen import terminal_columns

    terminal = sys.stdout if is_terminal(sys.stdout) else None
    sys.stdout.write(home_text(min(terminal_columns(os.environ, terminal), 100)))


def main(argv: list[str] | None = None) -> int:
    """Run one command line; return its exit code. Click's usage errors become one line on stderr
    instead of a boxed panel."""
    import sys

    from lupus_guide.cli.streams import help_width, quiet_stdout, tell, tolerant_stdout

    tolerant_stdout()
    _speak_from_environment()
    try:
        code = typer.main.get_command(app).main(
            args=sys.argv[1:] if argv is None else argv, prog_name="lupus-guide",
            standalone_mode=False, terminal_width=help_width())
        sys.stdout.flush()  # --help and --version: a full disk shows here, not after the exit
    except typer.TyperException as exc:  # Click's usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "lupus-guide"
        tell(f"{command}: {exc.format_message()} (see `{command} --help`)\n")
        return ExitCode.USAGE
    except typer.Abort:
        return ExitCode.INTERRUPTED
    except SystemExit as exc:
        # Click meets a closed pipe (`lupus-guide --help | head -1`) with sys.exit(1): the reader
        # went away, which is no error.
        if not isinstance(exc.__context__, BrokenPipeError):
            raise
        quiet_stdout()
        return ExitCode.OK
    except BrokenPipeError:
        quiet_stdout()
        return ExitCode.OK
    except OSError as exc:  # before any command ran, only --help or --version writes anything
        quiet_stdout()
        from lupus_guide.messages import say

        reason = exc.strerror or type(exc).__name__
        tell(f"lupus-guide: {say('output.stdout_failed', reason=reason)}\n")
        return ExitCode.CANNOT_WRITE
    return int(code or 0)


def _speak_from_environment() -> None:
    """`--help` and usage errors in the language LUPUS_GUIDE_LANG or the locale asks for (an
    uninstalled one is said when a command runs; `--lang` may still change it)."""
    import os

    from lupus_guide.i18n import UnknownLanguage, choose
    from lupus_guide.messages import use

    try:
        lang = choose(None, os.environ)
    except UnknownLanguage:
        lang = "en"
    use(lang)


def entry_point() -> None:
    """The console script and ``python -m lupus_guide``: run, flush, and leave at once.

    Tearing down the interpreter (clearing every module Typer imported, a last garbage collection)
    costs more than the guide's own work, so once the output is flushed the process ends with
    ``os._exit``. Nothing is lost: files are written atomically and closed before a command
    returns, the journal commits and closes its database inside the command, and the guide
    registers no exit handlers. Under a tracer, a profiler or coverage the usual exit runs, so
    they can write what they measured."""
    import os
    import sys

    if sys.stdout is None or sys.stderr is None:  # started with a standard stream closed
        from lupus_guide.cli.streams import ClosedStream

        sys.stdout = sys.stdout or ClosedStream()
        sys.stderr = sys.stderr or open(os.devnull, "w")  # noqa: SIM115 - lives to os._exit
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        sys.exit(code)
    os._exit(code)
