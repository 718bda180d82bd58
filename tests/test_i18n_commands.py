"""Every command in every format with --lang es: it runs, it says its language, and the frame
around the content is Spanish (the content itself stays English until data/es translates it)."""

from __future__ import annotations

import pytest

from lupus_guide.cli.table import COMMANDS

ARGS = {
    "therapies": ["belimumab"], "faq": ["comer"], "prepare": ["--therapy", "rituximab"],
    "side-effects": ["rituximab"], "costs": [], "care": [], "search": ["hepatitis"],
    "sources": [], "changes": [], "handout": ["rituximab"],
    "schedule": ["belimumab", "--start", "2027-01-04"], "validate": [], "paths": [],
    "journal": ["list"], "start": ["benlysta"], "ids": ["checklists"], "pack": ["guide"],
    "help": [],
}
FORMATS = ["table", "plain", "json", "markdown", "html"]
# a Spanish word of each command's frame, in its human output
FRAME = {"therapies": "Fuentes", "faq": ("Ninguna pregunta", "Respuestas para"),
         "prepare": "Antes de la infusión",
         "side-effects": "Efectos secundarios", "costs": "Costos y seguro médico",
         "care": "Cuidado a largo plazo", "search": "Resultados de la búsqueda",
         "sources": "fuentes", "changes": "Qué cambió", "handout": "lo que debe saber",
         "schedule": "Fechas de infusión", "validate": "No se encontraron problemas",
         "paths": "Idiomas", "journal": "Todavía no hay diario",
         "start": "Cómo empezar con", "ids": "Ids que puede usar", "help": "911",
         # the pack authors' guide (docs/clinic-packs.md) is written in English only
         "pack": "Writing a clinic pack"}


def test_the_table_of_arguments_names_every_command():
    assert set(ARGS) == {spec.name for spec in COMMANDS}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(ARGS))
def test_every_command_in_every_format_in_spanish(cli, name, fmt):
    out = cli("--lang", "es", name, *ARGS[name], "--format", fmt, "--color", "never")
    text = out.stdout + out.stderr
    # 3: nothing matched; 6: no journal yet (said in Spanish, as any error)
    assert out.code in (0, 3, 6), text
    assert "Traceback" not in text
    if fmt == "json" and out.code == 0:
        assert out.json()["lang"] == "es"
    elif fmt != "json":
        words = FRAME[name] if isinstance(FRAME[name], tuple) else (FRAME[name],)
        assert any(w.casefold() in text.casefold() for w in words), text[:400]
    if fmt == "html" and out.stdout:
        assert '<html lang="es">' in out.stdout
