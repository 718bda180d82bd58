"""Import hygiene that keeps start-up fast, checked with sys.modules (never with a clock)."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import contextlib, io, json, sys
from lupus_guide.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def modules_after(home, *args) -> set[str]:
    env = dict(os.environ, LUPUS_GUIDE_HOME=str(home))
    env.pop("LUPUS_GUIDE_CLINIC", None)
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=env, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] in (0, None), (args, done.stderr)
    return set(report["modules"])


def imported(modules: set[str], package: str) -> bool:
    return package in modules or any(m.startswith(package + ".") for m in modules)


@pytest.fixture(scope="module")
def warm_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    modules_after(home, "therapies", "--format", "json")  # builds the content cache
    return home


def test_importing_the_cli_does_no_work(tmp_path):
    code = "import sys, lupus_guide.cli; print(' '.join(sorted(sys.modules)))"
    modules = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout.split())
    for heavy in ("yaml", "rich", "msgspec", "platformdirs", "importlib.resources", "hashlib"):
        assert not imported(modules, heavy), heavy


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["faq", "--help"]])
def test_help_and_version_import_no_content_and_no_rich(warm_home, args):
    modules = modules_after(warm_home, *args)
    for heavy in ("yaml", "rich", "markdown_it", "msgspec"):
        assert not imported(modules, heavy), (args, heavy)


@pytest.mark.parametrize("args", [["therapies"], ["therapies", "belimumab"], ["faq", "pain"],
                                  ["prepare"], ["side-effects"], ["costs"], ["care"],
                                  ["search", "fever"], ["sources"], ["paths"],
                                  ["handout", "rituximab"],
                                  ["schedule", "belimumab", "--start", "2027-01-04"]])
def test_json_output_imports_neither_rich_nor_yaml_once_cached(warm_home, args):
    modules = modules_after(warm_home, *args, "--format", "json")
    for heavy in ("rich", "yaml", "hashlib", "importlib.resources", "platformdirs",
                  "typing_extensions", "icalendar"):
        assert not imported(modules, heavy), (args, heavy)


@pytest.mark.parametrize("args", [["therapies"], ["side-effects", "rituximab"], ["prepare"]])
def test_coloured_table_output_uses_rich_styles_not_its_console(warm_home, args):
    modules = modules_after(warm_home, *args, "--color", "always")
    assert imported(modules, "rich.style")
    for heavy in ("rich.console", "rich.table", "rich.markdown", "markdown_it", "yaml"):
        assert not imported(modules, heavy), heavy


def test_uncoloured_table_output_needs_no_rich(warm_home):
    assert not imported(modules_after(warm_home, "therapies", "--color", "never"), "rich")


def test_first_run_builds_from_yaml(tmp_path):
    assert imported(modules_after(tmp_path, "faq", "--format", "json"), "yaml")


def test_validate_reads_the_yaml_every_time(warm_home):
    # validate runs the thorough check, never answered from the cache (test_cache.py: cold = warm)
    modules = modules_after(warm_home, "validate", "--format", "json")
    assert imported(modules, "yaml")
    assert not imported(modules, "rich")


def test_a_cached_load_imports_no_checking_merging_or_walking(warm_home):
    modules = modules_after(warm_home, "therapies", "--format", "json")
    for module in ("lupus_guide.content.merge", "lupus_guide.content.validation",
                   "lupus_guide.content.passages", "lupus_guide.content.yamlsafe"):
        assert module not in modules, module


def test_the_content_package_names_resolve():
    import lupus_guide.content as content

    for name in content.__all__:
        assert getattr(content, name) is not None, name
