"""Printed output as a person sees it: headless Chromium prints the HTML to PDF, pdftotext reads
it back. These run in CI (`.ci/run` installs chromium and poppler-utils); on a machine without
them they are skipped, except under CI, where a missing browser is a failure."""

import os
import shutil
import subprocess

import pytest
from content_ids import THERAPY_IDS as THERAPIES

TOOLS = ("chromium", "pdftotext", "pdfinfo")


@pytest.fixture(scope="module")
def printer(tmp_path_factory):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"not installed here: {', '.join(missing)}")
    work = tmp_path_factory.mktemp("print")

    def to_pdf(html_file):
        pdf = html_file.with_suffix(".pdf")
        profile = work / f"profile-{html_file.stem}"
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
             html_file.as_uri()],
            capture_output=True, timeout=120, check=False)
        assert pdf.exists() and pdf.stat().st_size > 0, f"Chromium printed no PDF of {html_file}"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True, timeout=60, check=True).stdout
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60,
                              check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        size = next(line for line in info.splitlines() if line.startswith("Page size:"))
        return text, pages, size

    return work, to_pdf


@pytest.mark.parametrize("therapy", THERAPIES)
def test_printed_handout_has_every_section(cli, printer, therapy):
    work, to_pdf = printer
    html_file = work / f"handout-{therapy}.html"
    assert cli("handout", therapy, "--clinic", "examples/clinic-pack",
               "-o", str(html_file)).code == 0
    text, _pages, size = to_pdf(html_file)
    flat = " ".join(text.split())
    for words in ("Riverside Infusion Center", "555-0100", "what to know", "What it is",
                  "Is it approved for lupus?", "The usual schedule on the label", "Your checklist",
                  "Before the infusion", "During the infusion", "After the infusion",
                  "Call your care team right away", "Emergency: call your local emergency number",
                  "911", "Questions to ask your care team", "Sources", "https://",
                  "Content last reviewed"):
        assert words in flat, (therapy, words)
    assert "letter" in size.lower()


def test_boxed_warning_is_printed_where_the_label_has_one(cli, printer):
    work, to_pdf = printer
    html_file = work / "handout-rituximab-boxed.html"
    cli("handout", "rituximab", "-o", str(html_file))
    flat = " ".join(to_pdf(html_file)[0].split())
    assert "Boxed warning" in flat and "Hepatitis B" in flat and "PML" in flat


@pytest.mark.parametrize("therapy", THERAPIES)
@pytest.mark.parametrize("pack", [[], ["--clinic", "examples/clinic-pack"]],
                         ids=["bundled", "clinic"])
def test_prepare_checklist_fits_on_one_letter_page(cli, printer, therapy, pack):
    work, to_pdf = printer
    html_file = work / f"prepare-{therapy}-{len(pack)}.html"
    assert cli("prepare", "--therapy", therapy, *pack, "-o", str(html_file)).code == 0
    text, pages, _ = to_pdf(html_file)
    assert pages == 1, (therapy, pack, pages)
    flat = " ".join(text.split())
    data = cli("prepare", "--therapy", therapy, *pack, "--format", "json").json()["data"]
    texts = [item["text"] for items in data["stages"].values() for item in items]
    texts += [f"Bring: {thing}" for thing in data.get("what_to_bring", [])]
    assert len(texts) >= 20
    for text_ in texts:  # every item is on the page, word for word
        assert " ".join(text_.split()) in flat, text_
