"""Choosing the language (--lang > LUPUS_GUIDE_LANG > LC_ALL > LC_MESSAGES > LANG > English) and
what a Spanish run prints: the envelope's "lang", <html lang>, dates, the frame's words."""

from __future__ import annotations

import datetime as dt

import pytest

from lupus_guide.cli.table import COMMANDS
from lupus_guide.i18n import UnknownLanguage, choose, installed, normalise


@pytest.mark.parametrize("option, environ, expected", [
    (None, {}, "en"),
    ("es", {}, "es"),
    ("ES", {}, "es"),
    ("en", {"LUPUS_GUIDE_LANG": "es"}, "en"),
    (None, {"LUPUS_GUIDE_LANG": "es", "LC_ALL": "en_US.UTF-8"}, "es"),
    (None, {"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "en"),
    (None, {"LC_MESSAGES": "es_US.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    (None, {"LANG": "es_PR.UTF-8"}, "es"),
    (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # a locale the guide does not speak: English
    (None, {"LANG": "C.UTF-8"}, "en"),
    (None, {"LC_ALL": "", "LANG": "es"}, "es"),  # an empty variable is not set
])
def test_the_language_of_a_run(option, environ, expected):
    assert choose(option, environ) == expected


@pytest.mark.parametrize("option, environ", [("fr", {}), (None, {"LUPUS_GUIDE_LANG": "de_DE"})])
def test_a_language_asked_for_by_name_must_be_installed(option, environ):
    with pytest.raises(UnknownLanguage):
        choose(option, environ)


def test_locale_names_are_read_as_posix_writes_them():
    assert [normalise(c) for c in ("es_US.UTF-8", "es-MX", "ES", "C", "POSIX", "es@euro")] == \
        ["es", "es", "es", "", "", "es"]


def test_spanish_is_installed():
    assert installed() == ("en", "es")


def test_an_unknown_lang_option_is_one_line_and_a_usage_error(cli):
    out = cli("--lang", "fr", "faq")
    assert out.code == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and '"fr"' in out.stderr and "en, es" in out.stderr
    assert cli("faq", "--lang", "klingon").code == 2


def test_an_unknown_lang_variable_is_one_line_and_a_usage_error(cli):
    out = cli("faq", env={"LUPUS_GUIDE_LANG": "fr"})
    assert out.code == 2 and out.stdout == ""
    assert out.stderr == ('lupus-guide faq: LUPUS_GUIDE_LANG "fr" is not an installed language. '
                          "Installed languages: en, es.\n")


def test_an_unsupported_locale_is_english_without_a_word(cli):
    out = cli("paths", "--format", "json", env={"LANG": "fr_FR.UTF-8"})
    assert out.code == 0 and out.stderr == "" and out.json()["lang"] == "en"


def test_the_locale_and_the_variable_choose_spanish(cli):
    assert cli("paths", "--format", "json", env={"LC_ALL": "es_US.UTF-8"}).json()["lang"] == "es"
    assert cli("paths", "--format", "json",
               env={"LUPUS_GUIDE_LANG": "es"}).json()["lang"] == "es"
    assert cli("--lang", "en", "paths", "--format", "json",
               env={"LUPUS_GUIDE_LANG": "es"}).json()["lang"] == "en"


@pytest.mark.parametrize("name", [spec.name for spec in COMMANDS])
def test_every_command_takes_lang(cli, name):
    out = cli(name, "--help")
    assert out.code == 0 and "--lang LANG" in out.stdout


@pytest.mark.parametrize("sub", ["add", "list", "summary", "export"])
def test_every_journal_command_takes_lang(cli, sub):
    assert "--lang LANG" in cli("journal", sub, "--help").stdout


def test_lang_before_or_after_the_command(cli):
    first = cli("--lang", "es", "costs", "--format", "json").json()
    after = cli("costs", "--lang", "es", "--format", "json").json()
    assert first["lang"] == after["lang"] == "es"


def _shape(value):
    """Keys and types; a list as the kinds of thing it holds (a Spanish page may cite more
    sources than the English one: its Spanish ones, marked "lang", beside the English)."""
    if isinstance(value, dict):  # a Spanish source says so ("lang": "es"); an English one not
        return {key: _shape(v) for key, v in value.items()
                if not (key == "lang" and "url" in value)}
    if isinstance(value, list):
        kinds = {repr(_shape(v)): _shape(v) for v in value}
        return [kinds[k] for k in sorted(kinds)]
    return type(value).__name__


@pytest.mark.parametrize("args", [("therapies",), ("faq",), ("prepare",), ("sources",),
                                  ("schedule", "belimumab", "--start", "2027-01-04"),
                                  ("side-effects", "rituximab"), ("paths",)])
def test_json_keys_and_ids_are_the_same_in_every_language(cli, args):
    en = cli(*args, "--format", "json").json()
    es = cli("--lang", "es", *args, "--format", "json").json()
    assert (en.pop("lang"), es.pop("lang")) == ("en", "es")
    assert _shape(en) == _shape(es)
    if isinstance(en["data"], list) and any(d.get("id") for d in en["data"]):
        assert [d.get("id") for d in en["data"]] == [d.get("id") for d in es["data"]]


def test_html_says_its_language(cli):
    assert '<html lang="es">' in cli("--lang", "es", "faq", "--format", "html").stdout
    assert '<html lang="en">' in cli("faq", "--format", "html").stdout


def test_paths_and_version_say_which_languages_are_installed(cli):
    assert cli("paths", "--format", "json").json()["data"]["languages"] == ["en", "es"]
    assert "Idiomas: en, es" in cli("--lang", "es", "paths", "--format", "plain").stdout
    assert cli("--lang", "es", "--version").stdout == "lupus-guide 0.1.0 (idiomas: en, es)\n"


def test_dates_in_spanish_prose_and_iso_in_data(cli):
    from lupus_guide import messages
    from lupus_guide.i18n.dates import prose_date

    assert prose_date("2027-01-04") == "2027-01-04"  # English keeps the ISO date it had
    assert prose_date(dt.date(2027, 1, 4), weekday=True, long=True) == "Monday, January 4, 2027"
    messages.use("es")
    try:
        assert prose_date(dt.date(2027, 1, 4), weekday=True) == "lunes, 4 de enero de 2027"
        assert prose_date("2026-12-03") == "3 de diciembre de 2026"
        assert prose_date("not a date") == "not a date"
    finally:
        messages.use("en")
    out = cli("--lang", "es", "schedule", "belimumab", "--start", "2027-01-04", "--format", "json")
    assert out.json()["data"]["doses"][0] | {"phase": None} == {
        "number": 1, "date": "2027-01-04", "weekday": "lunes", "phase": None}
    page = cli("--lang", "es", "costs", "--format", "plain").stdout
    assert "Contenido revisado por última vez el 3 de diciembre de 2026." in page


def test_the_frame_of_a_spanish_page_is_spanish(cli):
    page = cli("--lang", "es", "therapies", "rituximab", "--format", "plain").stdout
    for words in ("RECUADRO DE ADVERTENCIA", "EFECTOS SECUNDARIOS COMUNES",
                  "LLAME A SU EQUIPO DE ATENCIÓN MÉDICA DE INMEDIATO", "Fuentes",
                  "(revisada el "):
        assert words in page
    for words in ("[!!] BOXED WARNING", "(*) COMMON SIDE EFFECTS", "(checked 20"):
        assert words not in page  # the frame's words; the content is English until translated
