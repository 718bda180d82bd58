"""PDF output: `-o FILE.pdf` / `--format pdf` with WeasyPrint (the optional extra
lupus-guide[pdf]), and the rule that a file's suffix names a format the program can write.

The WeasyPrint tests are skipped where it is not installed (under CI it must be: `.ci/run`
installs the extra); the others run everywhere."""

import builtins
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from lupus_guide.errors import ExitCode

CLINIC = yaml.safe_load(Path("examples/clinic-pack/clinic.yaml").read_text(encoding="utf-8"))


def weasyprint_or_skip():
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have WeasyPrint (.ci/run installs lupus-guide[pdf]): {exc}")
        pytest.skip(f"WeasyPrint is not installed here ({type(exc).__name__})")
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed here")


def pdf_pages(pdf: Path) -> tuple[list[str], str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()], size


@pytest.mark.parametrize(("args", "paper"), [
    (["handout", "rituximab", "--clinic", "examples/clinic-pack", "-o"], "letter"),
    (["handout", "belimumab", "--paper", "a4", "--format", "pdf", "-o"], "a4"),
], ids=["rituximab-clinic-letter", "belimumab-a4"])
def test_weasyprint_writes_a_real_pdf_of_two_to_four_pages(cli, tmp_path, args, paper):
    weasyprint_or_skip()
    target = tmp_path / ("handout.pdf" if paper == "letter" else "handout-a4.out")
    outcome = cli(*args, str(target))
    assert outcome.code == 0, outcome.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    pages, size = pdf_pages(target)
    assert 2 <= len(pages) <= 4 and paper in size.lower()
    for number, page in enumerate(pages, 1):  # counters and the running header on every page
        assert f"Page {number} of {len(pages)}" in page and "Content last reviewed" in page
        if "--clinic" in args:
            assert CLINIC["phone"] in page and CLINIC["name"] in page
    everything = " ".join(pages)
    if "--clinic" in args:
        assert " ".join(CLINIC["parking"].split()) in everything
        assert CLINIC["notes"][0]["text"] in everything


def test_pdf_without_weasyprint_is_one_line_and_a_named_exit_code(cli, tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    target = tmp_path / "handout.pdf"
    outcome = cli("handout", "rituximab", "-o", str(target))
    assert outcome.code == ExitCode.NEEDS_EXTRA == 7
    assert "pip install 'lupus-guide[pdf]'" in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert not target.exists()  # never plain text in a file named .pdf


def test_pdf_needs_a_file(cli):
    outcome = cli("handout", "rituximab", "--format", "pdf")
    assert outcome.code == ExitCode.USAGE and "-o FILE.pdf" in outcome.stderr
    assert outcome.stdout == ""


@pytest.mark.parametrize("name", ["handout.docx", "handout.PDFX", "notes.rtf"])
def test_a_suffix_the_program_cannot_write_is_refused_with_the_list(cli, tmp_path, name):
    from lupus_guide.render import SUFFIX_FORMATS

    target = tmp_path / name
    outcome = cli("handout", "rituximab", "-o", str(target))
    assert outcome.code == ExitCode.USAGE
    assert all(suffix in outcome.stderr for suffix in SUFFIX_FORMATS)
    assert not target.exists()


def test_journal_export_refuses_an_unknown_suffix_too(cli, tmp_path):
    target = tmp_path / "journal.doc"
    outcome = cli("journal", "export", "-o", str(target))
    assert outcome.code == ExitCode.USAGE and ".doc" in outcome.stderr
    assert not target.exists()


@pytest.mark.parametrize(("name", "start"), [("h.html", "<!DOCTYPE html>"), ("h.md", "# "),
                                             ("h.txt", "rituximab"), ("notes", "rituximab")])
def test_known_suffixes_and_no_suffix_still_write(cli, tmp_path, name, start):
    target = tmp_path / name
    assert cli("handout", "rituximab", "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("pack", [[], ["--clinic", "examples/clinic-pack"]],
                         ids=["bundled", "clinic"])
@pytest.mark.parametrize("therapy", ["belimumab", "anifrolumab", "rituximab", "obinutuzumab",
                                     "cyclophosphamide", "methylprednisolone"])
def test_spanish_handouts_stay_within_four_pages(cli, tmp_path, therapy, pack):
    """Spanish runs longer than English: its handouts must still print on 2 to 4 pages, each
    with the Spanish frame (issue 17)."""
    weasyprint_or_skip()
    target = tmp_path / "folleto.pdf"
    outcome = cli("--lang", "es", "handout", therapy, *pack, "-o", str(target))
    assert outcome.code == 0, outcome.stderr
    pages, _ = pdf_pages(target)
    assert 2 <= len(pages) <= 4, (therapy, pack, len(pages))
    for number, page in enumerate(pages, 1):
        assert f"Página {number} de {len(pages)}" in page
