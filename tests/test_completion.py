"""Shell completion (issue 15): therapy names, FAQ topics and regimen names from the cached
content, without importing what a completion does not need."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lupus_guide.cli import complete
from lupus_guide.find import therapy_names

PACK = Path(__file__).resolve().parent.parent / "examples" / "clinic-pack"


class FakeContext:
    def __init__(self, **params):
        self.params = params


def values(found):
    return [value for value, _ in found]


def test_every_name_a_person_might_type_is_offered(content):
    offered = {v.casefold() for v in values(complete.therapy_names(FakeContext(), ""))}
    for therapy in content.therapies:
        for name in therapy_names(therapy):
            if " " not in name:
                assert name.casefold() in offered, name
    assert {"benlysta", "belimumab", "truxima", "solu-medrol"} <= offered


def test_names_start_as_typed_and_say_which_therapy(content):
    found = dict(complete.therapy_names(FakeContext(), "ben"))
    assert found == {"benlysta": "belimumab"}
    assert values(complete.therapy_names(FakeContext(), "Ben")) == ["Benlysta"]
    assert "Rituxan" in values(complete.therapy_names(FakeContext(), "RITUX".title()))
    assert complete.therapy_names(FakeContext(), "zzz") == []


def test_names_with_a_space_are_left_to_type():
    assert all(" " not in v for v in values(complete.therapy_names(FakeContext(), "")))


def test_faq_topics(content):
    found = values(complete.faq_topics(FakeContext(), "ins"))
    assert found == ["insurance"]
    every = values(complete.faq_topics(FakeContext(), ""))
    assert every == sorted({t for e in content.faq for t in e.topics})


def test_a_clinic_packs_topics_are_offered_with_its_clinic():
    assert "parking" not in values(complete.faq_topics(FakeContext(), "par"))
    assert "parking" in values(complete.faq_topics(FakeContext(clinic=str(PACK)), "par"))


def test_an_unusable_clinic_pack_still_completes_the_guides_names(tmp_path):
    found = values(complete.therapy_names(FakeContext(clinic=str(tmp_path / "missing")), "ri"))
    assert "rituximab" in found


def test_regimens_of_the_named_therapy(content, monkeypatch):
    monkeypatch.setenv("COMP_WORDS", "lupus-guide schedule cyclophosphamide --regimen")
    found = values(complete.regimen_names(FakeContext(), ""))
    own = {r.id for r in content.regimens if r.therapy == "cyclophosphamide"}
    assert own and set(found) == own | {r.removeprefix("cyclophosphamide-") for r in own}
    monkeypatch.setenv("COMP_WORDS", "lupus-guide schedule --regimen")
    assert set(values(complete.regimen_names(FakeContext(), ""))) == {
        r.id for r in content.regimens}
    monkeypatch.delenv("COMP_WORDS")
    found = values(complete.regimen_names(FakeContext(therapy="Benlysta"), "bel"))
    assert found and all(r.startswith("belimumab") for r in found)
    assert "sc-ln" in values(complete.regimen_names(FakeContext(therapy="Benlysta"), "sc"))


PROBE = """
import contextlib, io, json, sys
from lupus_guide.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    try:
        main([])
    except SystemExit:
        pass
print(json.dumps({"out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def completed(home, words, cword):
    env = dict(os.environ, LUPUS_GUIDE_HOME=str(home), _LUPUS_GUIDE_COMPLETE="complete_bash",
               COMP_WORDS=words, COMP_CWORD=str(cword))
    env.pop("LUPUS_GUIDE_CLINIC", None)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                          check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["out"].split(), set(report["modules"])


@pytest.fixture(scope="module")
def warm_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    completed(home, "lupus-guide therapies ", 2)  # builds the content cache
    return home


@pytest.mark.parametrize(("words", "cword", "expected"), [
    ("lupus-guide therapies ben", 2, "benlysta"),
    ("lupus-guide handout Gaz", 2, "Gazyva"),
    ("lupus-guide side-effects saph", 2, "saphnelo"),
    ("lupus-guide prepare --therapy cyt", 3, "cytoxan"),
    ("lupus-guide faq --topic vacc", 3, "vaccines"),
    ("lupus-guide schedule belimumab --regimen", 4, "belimumab-iv"),
])
def test_the_shell_gets_the_names(warm_home, words, cword, expected):
    found, _ = completed(warm_home, words, cword)
    assert expected in found


def test_completion_imports_no_yaml_rich_or_renderers(warm_home):
    _, modules = completed(warm_home, "lupus-guide therapies ben", 2)
    for heavy in ("yaml", "rich", "markdown_it", "icalendar", "hashlib", "platformdirs",
                  "lupus_guide.views", "lupus_guide.search", "lupus_guide.content.merge",
                  "lupus_guide.content.validation"):
        assert not any(m == heavy or m.startswith(heavy + ".") for m in modules), heavy
    # the option types name the output formats (lupus_guide.render); no renderer is imported
    assert not any(m.startswith("lupus_guide.render.") for m in modules)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shells_script_as_the_readme_says(shell):
    env = dict(os.environ, _LUPUS_GUIDE_COMPLETE=f"source_{shell}")
    done = subprocess.run([sys.executable, "-m", "lupus_guide"], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert "lupus-guide" in done.stdout and "_LUPUS_GUIDE_COMPLETE" in done.stdout
