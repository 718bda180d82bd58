"""The README tells the truth about the code: its command table and its code layout."""

import re
from pathlib import Path

import lupus_guide
from lupus_guide.cli.table import COMMANDS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
PACKAGE = Path(lupus_guide.__file__).parent


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else len(README)]


def test_the_command_table_lists_every_command_and_no_other():
    rows = re.findall(r"^\| `lupus-guide ([a-z-]+)", _section("Commands"), re.MULTILINE)
    assert sorted(set(rows)) == sorted(spec.name for spec in COMMANDS)


def _layout_entries() -> set[str]:
    """Paths the code layout block names, relative to the package (``cli/runner.py``,
    ``views/``)."""
    block = _section("Code layout").split("```")[1]
    found, parents = set(), {}
    for line in block.splitlines():
        match = re.match(r"^( *)([\w.]+(?:\.py|/))\s", line + " ")
        if not match or match.group(2) in ("lupus_guide/", "tests/"):
            continue
        depth = len(match.group(1)) // 2
        parents[depth] = match.group(2)
        found.add("".join(parents[d] for d in range(1, depth)) + match.group(2))
    return found


def _package_entries() -> set[str]:
    """Every module of the package and every sub-package, as the layout would name them."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.name in ("__main__.py", "__init__.py"):  # a folder's entry describes it
            continue
        found.add("/".join(relative.parts[:-1]) + "/" if len(relative.parts) > 1 else "")
        found.add(relative.as_posix())
    found.discard("")
    return found


def test_the_code_layout_names_only_what_exists():
    entries = _layout_entries()
    assert entries, "no code layout block"
    assert entries <= _package_entries() | {"cli/__init__.py"}, entries - _package_entries()


def test_every_module_is_in_the_code_layout():
    entries = _layout_entries()
    for entry in _package_entries():
        folder = entry.rsplit("/", 1)[0] + "/" if "/" in entry.rstrip("/") else None
        described = (entry in entries
                     or (folder is not None and folder in entries
                         and not any(e.startswith(folder) and e != folder for e in entries)))
        assert described, f"{entry} is not in the README's code layout"
