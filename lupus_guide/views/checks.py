"""`validate` and `paths`: what a clinic pack author runs to find mistakes and files."""

from __future__ import annotations

from lupus_guide.document import Bullets, Document, Fields, Heading, Paragraph
from lupus_guide.errors import ExitCode
from lupus_guide.messages import say
from lupus_guide.views import Result


def validate(env, folder: str | None) -> Result:
    """Every problem in the bundled content and a clinic pack (DIR, else the active one)."""
    from lupus_guide.content import bundled_layer, clinic_layer
    from lupus_guide.paths import expand

    paths = env.paths()
    target = expand(folder) if folder is not None else paths.clinic
    layers = [bundled_layer()]
    if target is not None:
        layers.append(clinic_layer(target))
    problems = _problems(layers, paths.cache_dir)
    title = (say("validate.checked_pack", pack=layers[1].root) if target
             else say("validate.checked_bundled"))
    doc = Document(title=title)
    doc.add(Heading(title))
    if problems:
        found = say("validate.found_one" if len(problems) == 1 else "validate.found",
                    count=len(problems))
        doc.add(Paragraph(found), Bullets([p.text() for p in problems]),
                Paragraph(say("validate.fix")))
    else:
        doc.add(Paragraph(say("validate.none")))
    data = {"ok": not problems, "checked": [str(layer.root) for layer in layers],
            "problems": [p.to_dict() for p in problems]}
    return Result("validate", data, doc, ExitCode.CONTENT if problems else ExitCode.OK)


def _problems(layers, cache_dir) -> list:
    """Every problem in these layers, from the thorough check of every file: never from the
    cache, whose fast load accepts what the thorough check flags (a YAML 1.1 `yes`, say)."""
    from lupus_guide.content import check_layers, load_content

    problems = check_layers(layers)
    if not problems:
        load_content(layers, cache_dir=cache_dir)  # keep it for the next command
    return problems


def paths(env) -> Result:
    """Where the bundled content, the active clinic pack, the cache and user data live."""
    found = env.paths()
    clinic = (say("paths.from", pack=found.clinic, source=found.clinic_from) if found.clinic else
              say("paths.no_pack"))
    from lupus_guide.i18n import installed

    languages = list(installed())
    rows = [(say("paths.bundled"), found.bundled), (say("paths.pack"), clinic),
            (say("paths.data"), str(found.data_dir)), (say("paths.cache"), str(found.cache_dir)),
            (say("paths.languages"), ", ".join(languages))]
    doc = Document(title=say("paths.title"))
    doc.add(Heading(say("paths.heading")), Fields(rows))
    data = {"bundled": found.bundled, "clinic": str(found.clinic) if found.clinic else None,
            "clinic_from": found.clinic_from or None, "data_dir": str(found.data_dir),
            "cache_dir": str(found.cache_dir), "languages": languages}
    return Result("paths", data, doc)
