"""One command's run: load the content -> build the result -> render it -> emit it, and the one
place where what went wrong becomes an exit code and a line on stderr."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import typer

from lupus_guide.cli.options import Shared
from lupus_guide.cli.streams import quiet_stdout
from lupus_guide.errors import ExitCode, OutputError
from lupus_guide.messages import say
from lupus_guide.render import OutputFormat


class Job(NamedTuple):
    """What one command does, apart from its options.

    ``build(content, env)`` makes the Result (``content`` is None without ``needs_content``).
    ``views`` are the view functions ``build`` calls: only the content parts they declare they
    read are decoded from the cache (none named: every part). ``text_for`` turns a Result into
    text where no renderer fits (CSV). ``private`` output holds health data: a file written with
    -o is created 0600, whatever the umask."""

    command: str
    build: Callable[[Any, Any], Any]
    views: tuple[Callable[..., Any], ...] = ()
    default_format: OutputFormat = OutputFormat.table
    text_for: Callable[[Any], str] | None = None
    needs_content: bool = True
    private: bool = False
    text_format: str = "csv"  # the name of what ``text_for`` makes, for "wrote FILE (csv)"


def run(job: Job, shared: Shared) -> None:
    """Run ``job`` with the shared options; leave with the job's exit code."""
    from lupus_guide.context import Env

    to_file = shared.output not in (None, "-")
    env = Env(color_option="never" if to_file else shared.color.value,
              clinic_option=shared.clinic,
              pager_option=not (to_file or _strict_option["no_pager"]))
    try:
        # A job that writes its own text (a CSV export) chose its format from the suffix.
        fmt = (job.default_format if job.text_for is not None
               else output_format(shared, job.default_format))
        env.lang = language(env)
        code = _emit(job, env, fmt, shared.output if to_file else None)
    except BaseException as exc:  # noqa: BLE001 - the one mapping, below
        code = exit_code_for(exc, job.command, env)
    if code:
        raise typer.Exit(code)


def language(env) -> str:
    """The run's language (--lang > LUPUS_GUIDE_LANG > the locale > English), now spoken by
    ``say``; a language asked for by name that is not installed is a usage error."""
    from lupus_guide.cli.options import given_lang
    from lupus_guide.errors import UsageError
    from lupus_guide.i18n import UnknownLanguage, choose, installed
    from lupus_guide.messages import use

    try:
        lang = choose(given_lang(), env.environ)
    except UnknownLanguage as exc:
        raise UsageError(say("lang.unknown", source=exc.source, asked=exc.asked),
                         say("lang.installed", languages=", ".join(installed()))) from None
    use(lang)
    return lang


def output_format(shared: Shared, default: OutputFormat) -> OutputFormat:
    """--format, else (with -o FILE) FILE's suffix (plain text for none; a UsageError for one the
    program cannot write), else the command's default."""
    if shared.fmt is not None:
        return shared.fmt
    if shared.output in (None, "-"):
        return default
    from lupus_guide.render import suffix_format

    return suffix_format(shared.output) or OutputFormat.plain


def _emit(job: Job, env, fmt: OutputFormat, path: str | None) -> int:
    from lupus_guide.render import render

    content = None
    if fmt is OutputFormat.pdf and path is None:
        from lupus_guide.errors import UsageError

        raise UsageError(say("output.pdf_needs_file"))
    if job.needs_content:
        from lupus_guide.views import parts_read_by

        content = _load(job, env, parts_read_by(*job.views) if job.views else None)
    result = job.build(content, env)
    text: str | bytes
    if job.text_for is not None:
        from lupus_guide.safetext import clean_crlf  # CSV rows end in CR LF (RFC 4180)

        text = clean_crlf(job.text_for(result))
    elif content is not None:
        text = render(result, fmt, env, content.guide.last_reviewed, content.clinic)
    else:
        text = render(result, fmt, env, "", None)
    if path is not None:
        from lupus_guide.output import write_atomically

        write_atomically(path, text, private=job.private, protected=_journal_files(env))
        wrote = say("run.wrote", path=path,
                    format=job.text_format if job.text_for is not None else fmt.value)
        env.write(f"lupus-guide {job.command}: {wrote}\n", env.stderr)
    else:
        assert isinstance(text, str)  # a PDF is only ever written to a file (above)
        try:
            env.show(text)  # through a pager when long, on a terminal
            env.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk, a closed stream
            raise OutputError(say("output.stdout_failed",
                                  reason=exc.strerror or type(exc).__name__)) from None
    return int(result.exit_code)


def exit_code_for(exc: BaseException, command: str, env) -> int:
    """The exit code for what went wrong, after one line on stderr saying it (no traceback for
    what was expected; none by default for the rest either: health data must not leak)."""
    import os

    from lupus_guide.errors import GuideError

    if isinstance(exc, typer.Exit):
        return int(exc.exit_code)
    if isinstance(exc, GuideError):
        env.write(f"lupus-guide {command}: {exc.line()}\n", env.stderr)
        return int(exc.code)
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`lupus-guide faq | head -1`): stop quietly.
        quiet_stdout()
        return ExitCode.OK
    if not isinstance(exc, Exception) or os.environ.get("LUPUS_GUIDE_DEBUG"):
        raise exc
    env.write(f"lupus-guide {command}: {say('run.internal_error', kind=type(exc).__name__)}\n",
              env.stderr)
    return ExitCode.ERROR


def _journal_files(env) -> list:
    """The journal's own files: never a target for -o."""
    from lupus_guide.journal import journal_path

    database = journal_path(env.paths().data_dir)
    return [database, *(database.with_name(database.name + end) for end in ("-wal", "-shm"))]


def _load(job: Job, env, parts):
    """The content, with the clinic pack when it can be used. A pack that cannot be (missing,
    unreadable or invalid) never hides the guide's safety information: the command goes on with
    the bundled guide and says so in one line on stderr, unless ``--strict`` (a clinic's kiosk
    check) or LUPUS_GUIDE_STRICT asks for a hard failure. ``validate`` does not come here."""
    from lupus_guide.content import bundled_layer, default_layers, load_content
    from lupus_guide.errors import ContentError

    paths = env.paths()
    try:
        return load_content(default_layers(paths.clinic, env.lang), cache_dir=paths.cache_dir,
                            parts=parts)
    except ContentError as exc:
        if not paths.clinic or strict(env):
            raise
        content = load_content([bundled_layer(env.lang)], cache_dir=paths.cache_dir, parts=parts)
        warning = say("pack.set_aside", folder=paths.clinic, problem=exc.line())
        env.write(f"lupus-guide {job.command}: {warning}\n", env.stderr)
        return content


# set by the top-level callback (and --no-pager by each command) for each command line
_strict_option = {"given": False, "no_pager": False}


def ask_no_pager(given: bool) -> None:
    """Record --no-pager for the command that runs next (`lupus-guide --no-pager COMMAND` or
    `lupus-guide COMMAND --no-pager`)."""
    _strict_option["no_pager"] = _strict_option["no_pager"] or given


def ask_strict(given: bool) -> None:
    """Record ``lupus-guide --strict`` for the command that runs next (the top-level callback
    runs once per command line, before the command)."""
    _strict_option["given"] = given
    _strict_option["no_pager"] = False


def strict(env) -> bool:
    """Whether a clinic pack that cannot be used is a hard failure: ``lupus-guide --strict`` or
    LUPUS_GUIDE_STRICT=1."""
    return _strict_option["given"] or env.environ.get("LUPUS_GUIDE_STRICT", "") not in ("", "0")
