"""Find a therapy by any name a person might type: generic, brand, biosimilar or other."""

from __future__ import annotations

import re

from lupus_guide.errors import NotFound
from lupus_guide.inputs import clean_query, printable
from lupus_guide.messages import say


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def therapy_names(therapy) -> list[str]:
    """Every name a person might type for a therapy: id, generic, brands, biosimilars, others.

    A name written with a note in brackets is found without the note ("Cytoxan (older US brand
    name)" as "Cytoxan"), and by what is in the brackets when that is itself a name, one word
    ("Truxima (rituximab-abbs)" as "Truxima" and "rituximab-abbs"). Names listed together before
    one note ("Endoxan, Endoxana, Procytox (brand names outside the US)") are found one by one."""
    names = [therapy.id, therapy.generic_name]
    for written in (*therapy.brand_names, *therapy.biosimilars, *therapy.other_names):
        names.extend(name_parts(written))
    return names


def ids_by_name(therapies) -> dict[str, str]:
    """Each name (normalised: case and spacing) that one therapy alone goes by -> its id; the
    first therapy given wins a name (the bundled ones come first). What lets a clinic pack write
    ``therapy: benlysta`` or ``hide: therapies: [cytoxan]``."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for therapy in therapies:
        for name in therapy_names(therapy):
            key = _normal(name)
            if found.get(key, therapy.id) != therapy.id:
                shared.add(key)
            found.setdefault(key, therapy.id)
    return {key: therapy_id for key, therapy_id in found.items() if key not in shared}


def normal_name(name: str) -> str:
    """A name as ``ids_by_name`` keys it."""
    return _normal(name)


_NOTE = re.compile(r"\(([^()]*)\)")


def name_parts(written: str) -> list[str]:
    """The names in one name as the content writes it, without notes (see ``therapy_names``)."""
    notes = _NOTE.findall(written)
    bare = _NOTE.sub(",", written)
    parts = [part.strip() for part in bare.split(",") if part.strip()]
    parts += [note.strip() for note in notes if note.strip() and len(note.split()) == 1]
    return parts


def find_therapy(therapies, name: str):
    """The therapy known by ``name`` (case-insensitive), or NotFound with a suggestion."""
    from lupus_guide.suggest import closest

    wanted = _normal(clean_query(name, "therapy name"))
    by_name: dict[str, tuple[str, object]] = {}
    shared: dict[str, list] = {}  # names more than one therapy goes by, e.g. "anti-CD20"
    for therapy in therapies:
        for alias in therapy_names(therapy):
            key = _normal(alias)
            owners = shared.setdefault(key, [])
            if therapy not in owners:
                owners.append(therapy)
            by_name.setdefault(key, (alias, therapy))
    owners = shared.get(wanted, [])
    bundled = [t for t in owners if not getattr(t, "added_by_clinic", False)]
    if len(owners) > 1 and len(bundled) == 1:
        return bundled[0]  # a bundled therapy's name always finds it, whatever a pack adds
    if len(owners) > 1:
        choices = " or ".join(f'"{t.id}"' for t in shared[wanted])
        raise NotFound(say("find.ambiguous", name=printable(name)),
                       say("suggest.did_you_mean_one_of", names=choices))
    if wanted in by_name:
        return owners[0] if owners else by_name[wanted][1]
    close = closest(wanted, by_name)
    hint = (say("suggest.did_you_mean", name=by_name[close][0]) if close is not None
            else say("find.see_all"))
    raise NotFound(say("find.none", name=printable(name)), hint)
