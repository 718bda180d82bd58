"""Shell completion of therapy names, FAQ topics and regimen names, read from the cached content.

Typer calls these as its ``autocompletion`` functions while the shell asks
(``lupus-guide --install-completion``). They read the content as a command does, through the cache,
decoding only the therapies, the FAQ and the regimens: no YAML, Rich or renderer is imported once
the cache is warm. A clinic pack given with ``--clinic`` (or LUPUS_GUIDE_CLINIC) adds its names.
Completion never fails loudly: a problem means no suggestions.
"""

from __future__ import annotations

from typing import Any

PARTS = frozenset({"therapies", "faq", "regimens"})


def _content(ctx: Any):
    """The content with the clinic pack named so far on the command line, or None."""
    from lupus_guide.content import bundled_layer, default_layers, load_content
    from lupus_guide.context import Env

    clinic = (getattr(ctx, "params", None) or {}).get("clinic")
    try:
        paths = Env(clinic_option=clinic).paths()
        try:
            return load_content(default_layers(paths.clinic), cache_dir=paths.cache_dir,
                                parts=PARTS)
        except Exception:  # noqa: BLE001 - an unusable pack: the bundled guide's names
            return load_content([bundled_layer()], cache_dir=paths.cache_dir, parts=PARTS)
    except Exception:  # noqa: BLE001 - completion must never print a traceback
        return None


def matching(choices: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    """The (value, help) choices whose value starts with ``incomplete`` in any case or accent,
    each once, starting as typed ("ben" -> "benlysta", "Ben" -> "Benlysta") so that shells that
    filter by case keep it."""
    from lupus_guide.analysis import fold

    typed = fold(incomplete)
    seen: set[str] = set()
    found = []
    for value, help_text in choices:
        key = fold(value)
        if key in seen or not key.startswith(typed):
            continue
        seen.add(key)
        shown = value
        if not value.startswith(incomplete) and value.lower().startswith(incomplete.lower()):
            shown = value.lower() if incomplete.islower() else incomplete + value[len(incomplete):]
        found.append((shown, help_text))
    return found


def therapy_names(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Every name a person might type for a therapy (generic, brand, biosimilar, other names, the
    id), with the therapy it names; names with a space are left out (a shell would split them)."""
    from lupus_guide.find import therapy_names as names_of

    content = _content(ctx)
    if content is None:
        return []
    choices = [(name, therapy.generic_name) for therapy in content.therapies
               for name in names_of(therapy) if name and " " not in name]
    return matching(choices, incomplete)


def faq_topics(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The FAQ's topics, with how many questions each has."""
    content = _content(ctx)
    if content is None:
        return []
    counts: dict[str, int] = {}
    for entry in content.faq:
        for topic in entry.topics:
            counts[topic] = counts.get(topic, 0) + 1
    return matching([(t, str(n)) for t, n in sorted(counts.items())], incomplete)


def regimen_names(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The regimens' ids with their names; only the named therapy's, and by their short names
    too, when one was given."""
    from lupus_guide.find import find_therapy

    content = _content(ctx)
    if content is None:
        return []
    from lupus_guide.planning import short_name

    regimens = list(content.regimens)
    params = getattr(ctx, "params", None) or {}
    for word in [params.get("name"), params.get("therapy"), *_words_typed()]:
        if not word or word.startswith("-"):
            continue
        try:
            therapy_id = find_therapy(content.therapies, word).id
        except Exception:  # noqa: BLE001 - not a therapy's name: try the next word
            continue
        own = [r for r in regimens if r.therapy == therapy_id]
        if own:  # the therapy is named: its regimens' short names ("nih") too
            return matching([(short_name(r), r.name) for r in own]
                            + [(r.id, r.name) for r in own], incomplete)
        break
    return matching([(r.id, r.name) for r in regimens], incomplete)


def _words_typed() -> list[str]:
    """The command line being completed, as the shell hands it over. Click leaves the arguments
    before an option still waiting for its value unparsed (`schedule NAME --regimen <TAB>`), and
    Typer passes no words to a completion function, so they are read here."""
    import os
    import shlex

    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        return shlex.split(line)[1:]
    except ValueError:  # an unclosed quote
        return line.split()[1:]
