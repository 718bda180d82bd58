"""A clinic pack in the run's language or not: its own translation (<pack>/<lang>/*.yaml), and
a clear mark on any pack text left in the pack's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parent.parent / "examples" / "clinic-pack"
MARK_ES = "[texto de la clínica en inglés]"
MARK_EN = "[Spanish text from the clinic]"


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    shutil.copytree(EXAMPLE, folder)
    return folder


def clinic(cli, folder, *lang):
    out = cli(*lang, "prepare", "--clinic", str(folder), "--format", "json")
    assert out.code == 0, out.stderr
    return out.json()["clinic"]


def test_an_english_pack_in_a_spanish_run_is_marked_as_english(cli, pack):
    record = clinic(cli, pack, "--lang", "es")
    assert record["parking"].endswith(MARK_ES)
    assert all(item.endswith(MARK_ES) for item in record["what_to_bring"])
    assert record["name"] == "Riverside Infusion Center" and record["phone"] == "555-0100"
    page = cli("--lang", "es", "prepare", "--clinic", str(pack), "--format", "plain").stdout
    assert f"Traiga: A sweater or small blanket {MARK_ES}" in page
    assert MARK_ES not in cli("prepare", "--clinic", str(pack), "--format", "plain").stdout


def test_a_pack_translates_its_own_text(cli, pack):
    (pack / "es").mkdir()
    (pack / "es" / "clinic.yaml").write_text(
        'parking: "Estacionamiento gratis en el Garaje B."\n'
        'what_to_bring: ["Su identificación con foto y su tarjeta del seguro médico", '
        '"Una lista de todas sus medicinas, con las dosis", "Un suéter o una manta pequeña"]\n',
        encoding="utf-8")
    record = clinic(cli, pack, "--lang", "es")
    assert record["parking"] == "Estacionamiento gratis en el Garaje B."
    assert record["what_to_bring"][2] == "Un suéter o una manta pequeña"
    assert record["hours"].endswith(MARK_ES)  # not translated by the pack: marked
    assert clinic(cli, pack)["parking"].startswith("Free parking")  # English runs: as written


def test_a_spanish_pack_is_marked_in_english_runs_only(cli, pack):
    text = (pack / "clinic.yaml").read_text(encoding="utf-8")
    (pack / "clinic.yaml").write_text("lang: es\n" + text.replace(
        "Free parking in Garage B. Bring your ticket to the front desk to have it stamped.",
        "Estacionamiento gratis en el Garaje B."), encoding="utf-8")
    assert clinic(cli, pack, "--lang", "es")["parking"] == "Estacionamiento gratis en el Garaje B."
    assert clinic(cli, pack)["parking"] == f"Estacionamiento gratis en el Garaje B. {MARK_EN}"


def test_the_pack_language_must_be_a_language_code(cli, pack):
    text = (pack / "clinic.yaml").read_text(encoding="utf-8")
    (pack / "clinic.yaml").write_text("lang: Spanish\n" + text, encoding="utf-8")
    out = cli("validate", str(pack), "--format", "json")
    assert out.code == 4
    assert [p["path"] for p in out.json()["data"]["problems"]] == ["$.lang"]
