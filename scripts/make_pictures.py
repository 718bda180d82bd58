"""Regenerate the README's pictures: docs/images/therapies.svg (the comparison table as a terminal
shows it, drawn by Rich's SVG export) and docs/images/handout-page1.png (page 1 of a printed
handout: headless Chromium prints the HTML to PDF, pdftoppm turns the page into a PNG).

    python scripts/make_pictures.py      # needs chromium and poppler-utils for the PNG
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
CLI = [sys.executable, "-m", "lupus_guide"]


def therapies_svg() -> Path:
    from rich.console import Console
    from rich.text import Text

    env = dict(os.environ, COLUMNS="120", LUPUS_GUIDE_HOME=tempfile.mkdtemp())
    env.pop("LUPUS_GUIDE_CLINIC", None)
    ansi = subprocess.run([*CLI, "therapies", "--color", "always"], capture_output=True,
                          text=True, env=env, check=True).stdout
    target = IMAGES / "therapies.svg"
    with open(os.devnull, "w") as nowhere:
        console = Console(record=True, width=120, file=nowhere, force_terminal=True)
        console.print(Text.from_ansi(ansi))
        console.save_svg(str(target), title="lupus-guide therapies")
    return target


def handout_png() -> Path:
    if not (shutil.which("chromium") and shutil.which("pdftoppm")):
        raise SystemExit("needs chromium and pdftoppm (Debian: chromium poppler-utils)")
    work = Path(tempfile.mkdtemp())
    html = work / "handout.html"
    env = dict(os.environ, LUPUS_GUIDE_HOME=str(work / "home"))
    subprocess.run([*CLI, "handout", "rituximab", "--clinic", str(ROOT / "examples/clinic-pack"),
                    "-o", str(html)], check=True, env=env, capture_output=True)
    pdf = work / "handout.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={work / 'profile'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(IMAGES / "handout-page1")], check=True, timeout=60)
    shutil.rmtree(work, ignore_errors=True)
    return IMAGES / "handout-page1.png"


if __name__ == "__main__":
    IMAGES.mkdir(parents=True, exist_ok=True)
    print(therapies_svg())
    print(handout_png())
