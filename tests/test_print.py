"""Printed output as a person sees it: headless Chromium prints the HTML to PDF, pdftotext and
pdfinfo read it back. These run in CI (`.ci/run` installs chromium and poppler-utils); on a machine
without them they are skipped, except under CI, where a missing browser is a failure.

Each HTML file is printed once (``printed`` keeps what it read), and the tests share the prints:
Chromium starts once per file, never twice for the same page."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from content_ids import THERAPY_IDS as THERAPIES

TOOLS = ("chromium", "pdftotext", "pdfinfo")
PACK = ["--clinic", "examples/clinic-pack"]
PACKS = pytest.mark.parametrize("pack", [[], PACK], ids=["bundled", "clinic"])
CLINIC = yaml.safe_load(Path("examples/clinic-pack/clinic.yaml").read_text(encoding="utf-8"))
CLINIC_ITEMS = yaml.safe_load(Path("examples/clinic-pack/checklists.yaml").read_text(
    encoding="utf-8"))["items"]


def flat(text: str) -> str:
    return " ".join(text.split())


def read_pdf(pdf: Path) -> tuple[list[str], int, str]:
    """The text of each page, the number of pages, and pdfinfo's page size line."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    return [page for page in text.split("\f") if page.strip()], pages, size


def chromium_pdf(html_file: Path, profile: Path) -> Path:
    """Headless Chromium prints ``html_file`` to a PDF beside it (its own header and footer left
    on: the page's margins must leave them no room)."""
    pdf = html_file.with_suffix(".pdf")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html_file.as_uri()],
        capture_output=True, timeout=120, check=False)
    assert pdf.exists() and pdf.stat().st_size > 0, f"Chromium printed no PDF of {html_file}"
    return pdf


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """``printed(cli, *args)``: the pages Chromium prints of ``lupus-guide *args -o FILE.html``.
    The browser's own header and footer are left on: the page's margins must leave them no
    room, so the file:/// path never prints."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"not installed here: {', '.join(missing)}")
    work = tmp_path_factory.mktemp("print")
    done: dict[tuple[str, ...], tuple[list[str], int, str]] = {}

    def print_of(cli, *args: str):
        if args not in done:
            html_file = work / f"page-{len(done)}.html"
            assert cli(*args, "-o", str(html_file)).code == 0, args
            done[args] = read_pdf(chromium_pdf(html_file, work / "profile"))
        return done[args]

    return print_of


@pytest.mark.parametrize("therapy", THERAPIES)
@PACKS
def test_handout_prints_on_two_to_four_pages_each_with_the_frame(cli, printed, therapy, pack):
    pages, count, size = printed(cli, "handout", therapy, *pack)
    assert 2 <= count <= 4, (therapy, pack, count)
    assert "letter" in size.lower()
    for number, page in enumerate(pages, 1):
        words = flat(page)
        assert f"Page {number} of {count}" in words, (therapy, number)
        assert "Educational only" in words and "Content last reviewed" in words
        assert "file://" not in words
        if pack:  # the clinic's name and phone on every sheet
            assert CLINIC["name"] in words and CLINIC["phone"] in words, (therapy, number)


@pytest.mark.parametrize("therapy", THERAPIES)
@PACKS
def test_spanish_handout_prints_on_two_to_four_pages(cli, printed, therapy, pack):
    """Spanish runs longer than English; printed from the browser it still fits (issue 17)."""
    pages, count, _ = printed(cli, "--lang", "es", "handout", therapy, *pack)
    assert 2 <= count <= 4, (therapy, pack, count)
    for number, page in enumerate(pages, 1):
        assert f"Página {number} de {count}" in flat(page), (therapy, number)


@pytest.mark.parametrize("therapy", THERAPIES)
def test_handout_prints_every_section_and_the_clinics_instructions(cli, printed, therapy):
    pages, _, _ = printed(cli, "handout", therapy, *PACK)
    words = flat(" ".join(pages))
    for part in ("what to know", "What it is", "Is it approved for lupus?",
                 "The usual schedule on the label", "Your checklist", "Before the infusion",
                 "During the infusion", "After the infusion", "Call your care team right away",
                 "Emergency: call your local emergency number", "911",
                 "Questions to ask your care team", "Sources", "[1]", "Content last reviewed",
                 CLINIC["hours"], CLINIC["parking"], *CLINIC["what_to_bring"]):
        assert flat(part) in words, (therapy, part)
    for note in CLINIC["notes"]:
        if note.get("therapy") in (None, therapy):
            assert flat(note["text"]) in words, (therapy, note)
    for item in CLINIC_ITEMS:  # the clinic's own steps, with their reasons
        assert flat(item["text"]) in words and flat(item["detail"]) in words, (therapy, item)


def test_printed_handout_follows_the_paper_size(cli, printed):
    pages, count, size = printed(cli, "handout", "rituximab", *PACK, "--paper", "a4")
    assert "a4" in size.lower() and 2 <= count <= 4
    assert all(CLINIC["phone"] in page for page in pages)


def test_boxed_warning_is_printed_where_the_label_has_one(cli, printed):
    words = flat(" ".join(printed(cli, "handout", "rituximab")[0]))
    assert "Boxed warning" in words and "Hepatitis B" in words and "PML" in words


@pytest.mark.parametrize("therapy", THERAPIES)
@PACKS
def test_prepare_checklist_fits_on_one_page_with_every_item_and_clinic_note(cli, printed,
                                                                            therapy, pack):
    pages, count, _ = printed(cli, "prepare", "--therapy", therapy, *pack)
    assert count == 1, (therapy, pack, count)
    words = flat(pages[0])
    data = cli("prepare", "--therapy", therapy, *pack, "--format", "json").json()["data"]
    texts = [item["text"] for items in data["stages"].values() for item in items]
    texts += [f"Bring: {thing}" for thing in data.get("what_to_bring", [])]
    texts += data.get("clinic_notes", [])
    assert len(texts) >= 20
    for text_ in texts:  # every item and every note of the clinic is on the page, word for word
        assert flat(text_) in words, text_
    assert "Name" in words and "Date" in words and "Care team phone" in words
    if pack:
        assert flat(CLINIC["hours"]) in words and flat(CLINIC["parking"]) in words
        assert CLINIC["phone"] in words and "file://" not in words
        assert all(flat(item["detail"]) in words for item in CLINIC_ITEMS)
