import re
import subprocess
import sys

import pytest

from lupus_guide import __version__
from lupus_guide.cli.table import COMMANDS as TABLE

COMMANDS = ["start", "therapies", "faq", "prepare", "side-effects", "costs", "care", "search",
            "sources", "changes", "handout", "schedule", "validate", "paths", "ids", "help"]


def test_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.stdout.strip() == f"lupus-guide {__version__} (languages: en, es)"


@pytest.mark.parametrize("args", [[], ["help"]])
def test_no_arguments_shows_the_start_page(cli, args):
    result = cli(*args)
    assert result.code == 0
    flat = " ".join(result.stdout.split())
    assert "New to infusions? Try `lupus-guide start benlysta`" in flat
    for command in ("start NAME", "prepare NAME", "side-effects NAME", "faq WORDS"):
        assert f"lupus-guide {command}" in flat
    assert "call 911" in flat
    assert "lupus-guide --help" in flat  # the whole list is one step away


def test_every_command_is_registered_and_has_help_with_an_example(cli):
    from lupus_guide.cli.group import load_command

    assert {spec.name for spec in TABLE} == {*COMMANDS, "journal", "pack"}
    for spec in TABLE:  # each command is defined by the module the table names
        assert load_command(spec.name) is not None, spec.name
    for command in COMMANDS:
        result = cli(command, "--help")
        assert result.code == 0, command
        assert f"lupus-guide {command}" in result.stdout, command


def _whole_app_says(*args: str) -> tuple[str, str]:
    """What the app prints for ``args`` with every command loaded and listed by Click itself
    (each command's own help), not from the table."""
    import typer
    from typer.core import TyperGroup
    from typer.testing import CliRunner

    from lupus_guide.cli import app

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    loaded = {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}
    whole = TyperGroup(name=group.name, commands=loaded, params=group.params, help=group.help,
                       callback=group.callback, invoke_without_command=True,
                       context_settings=group.context_settings, rich_markup_mode=None)
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            whole.main(list(args), prog_name="lupus-guide", standalone_mode=False)
        except typer.TyperException as exc:
            print(exc.format_message(), file=sys.stderr)
        except typer.Exit:
            pass
        sys.stdout.flush()
        sys.stderr.flush()
        return out.getvalue().decode(), err.getvalue().decode()


@pytest.mark.parametrize("args", [["--help"], ["-h"]])
def test_top_level_help_from_the_table_is_the_whole_apps(cli, args):
    # --help and no words list the commands from the table (no command module imported)
    result = cli(*args)
    assert result.code == 0
    assert result.stdout == _whole_app_says(*args)[0]
    assert "journal" in result.stdout


def test_a_mistyped_command_reads_as_the_whole_app_would_say_it(cli):
    result = cli("therapeis", "--format", "json")
    assert result.code == 2
    assert _whole_app_says("therapeis", "--format", "json")[1].strip() in result.stderr
    assert "Did you mean 'therapies'?" in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["--", "therapies", "belimumab"], "Benlysta"),
    (["--version", "therapies"], f"lupus-guide {__version__} (languages: en, es)"),
    (["-h", "journal"], "Commands:"),
])
def test_a_command_after_another_word_still_runs_the_real_command(cli, args, expected):
    # no outline command can run: a word naming a command brings the real ones
    result = cli(*args)
    assert result.code == 0, result.stderr
    assert expected in result.stdout


def test_every_command_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text()
    for command in COMMANDS:
        assert f"lupus-guide {command}" in readme, command


@pytest.mark.parametrize("args", [["therapies", "--format", "xml"], ["therapies", "--bogus"],
                                  ["search"], ["prepare", "--stage", "later"], ["nonsense"]])
def test_bad_command_line_is_one_line_on_stderr(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("words", "expected"), [
    ("lupus-guide the", {"therapies"}),
    ("lupus-guide journal a", {"add"}),
    ("lupus-guide therapies --fo", {"--format"}),
])
def test_shell_completion_sees_every_command_and_option(words, expected):
    import os

    env = dict(os.environ, _LUPUS_GUIDE_COMPLETE="complete_bash", COMP_WORDS=words,
               COMP_CWORD=str(len(words.split()) - 1))
    done = subprocess.run([sys.executable, "-m", "lupus_guide"], env=env, check=False,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert set(done.stdout.split()) == expected


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "lupus_guide", "--version"],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"lupus-guide {__version__} (languages: en, es)"


@pytest.mark.parametrize("command", [["therapies"], ["therapies", "rituximab"], ["faq"],
                                     ["faq", "pain"], ["prepare"], ["side-effects"], ["costs"],
                                     ["care"], ["search", "hepatitis"], ["sources"],
                                     ["handout", "belimumab"]])
def test_every_command_in_every_format(cli, command):
    for fmt in ("table", "plain", "json", "markdown", "html"):
        result = cli(*command, "--format", fmt)
        assert result.code == 0, (command, fmt, result.stderr)
        assert result.stdout.strip()
        if fmt == "json":
            envelope = result.json()
            assert envelope["schema_version"] == 1
            assert envelope["command"] == command[0]
            assert envelope["data"]
        elif fmt == "html":
            assert result.stdout.startswith("<!DOCTYPE html>")
            footer = result.stdout.split("<footer", 1)[1].split(">", 1)[1]
            assert re.match(r"Educational only.* last reviewed \d{4}-\d{2}-\d{2}\.</footer>",
                            footer)
        else:
            flat = " ".join(result.stdout.split()).replace("\\", "").strip("*")
            assert re.search(r"Educational only.* last reviewed \d{4}-\d{2}-\d{2}\.\*?$", flat)


def _leaf_commands():
    """(path, Click command) for every command that runs, journal's included."""
    from lupus_guide.cli.group import load_command

    found = []

    def visit(path, command):
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                visit(f"{path} {name}", sub)
        else:
            found.append((path, command))

    for spec in TABLE:
        visit(spec.name, load_command(spec.name))
    return found


def test_the_table_summary_is_each_commands_own_first_paragraph():
    from lupus_guide.cli.group import load_command

    for spec in TABLE:
        own = " ".join((load_command(spec.name).help or "").split("\n\n")[0].split())
        assert own == " ".join(spec.summary.split()), spec.name


@pytest.mark.parametrize(("path", "command"), _leaf_commands(), ids=lambda v: str(v))
def test_every_command_takes_the_shared_options_the_same_way(path, command):
    options = {name: param for param in command.params for name in param.opts}
    for name, short in (("--format", "-f"), ("--output", "-o"), ("--color", None),
                        ("--clinic", None)):
        assert name in options, (path, name)
        if short:
            assert short in options and options[short] is options[name], (path, short)
    from lupus_guide.cli.options import ClinicOpt, ColorOpt, OutputOpt

    for alias, name in ((OutputOpt, "--output"), (ColorOpt, "--color"), (ClinicOpt, "--clinic")):
        assert options[name].help == alias.__metadata__[0].help, (path, name)
