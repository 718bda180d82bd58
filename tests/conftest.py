"""Shared fixtures: a pinned terminal (width 80, no colour) and a way to run the CLI."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from lupus_guide.cli import main
from lupus_guide.content import load_content


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch, tmp_path_factory):
    """The suite must not depend on the terminal it runs in, nor touch the user's folders."""
    for name in ("NO_COLOR", "FORCE_COLOR", "LUPUS_GUIDE_DEBUG", "CLICOLOR_FORCE",
                 "LUPUS_GUIDE_CLINIC", "TERM_PROGRAM", "VTE_VERSION", "WT_SESSION",
                 "KITTY_WINDOW_ID", "WEZTERM_PANE", "LUPUS_GUIDE_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English, whatever the machine's locale
    from lupus_guide.messages import use

    use("en")  # a test that ran in another language leaves none behind
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(tmp_path_factory.getbasetemp() / "home"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli():
    """Run ``lupus-guide ARGS`` in-process, the way the console script does."""

    def invoke(*args: str, env: dict | None = None) -> Outcome:
        runner = CliRunner()
        with runner.isolation(env=env) as (out, err, _):
            code = main(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
        return Outcome(code, stdout, stderr)

    return invoke


@pytest.fixture(scope="session")
def content():
    return load_content()
