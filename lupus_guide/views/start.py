"""`start NAME`: the first screen for one therapy, for someone about to have it.

Everything on it is the guide's content: the therapy's own lines (what it is, its usual schedule
and infusion time, its emergency signs) and the checklist items that say where they belong on
this page (``start_page``), with the clinic pack's numbers, notes and "what to bring" when one is
active. It fits one 100 x 40 screen; the rest is one command away."""

from __future__ import annotations

import re

from lupus_guide.document import Callout, Fields, Heading, Paragraph
from lupus_guide.find import find_therapy
from lupus_guide.messages import say
from lupus_guide.models import unique_sources
from lupus_guide.views import Result, new_document, reads, to_data
from lupus_guide.views.blocks import stage_items

NEXT_COMMANDS = ("prepare", "side-effects", "schedule", "handout")
_PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,40}")


def name_to_show(typed: str, therapy) -> str:
    """The therapy's name for the commands to run next: as the person typed it when that is one
    plain word (``benlysta``), else the guide's id."""
    word = typed.strip().casefold()
    return word if _PLAIN_NAME.fullmatch(word) else therapy.id


def _items(content, therapy, section: str) -> list:
    """The checklist items for ``section`` of this page: general ones and the therapy's own."""
    return [item for stage in ("before", "during", "after")
            for item in stage_items(content, therapy, stage) if item.start_page == section]


def _sentences(items, with_detail: bool = False) -> str:
    parts = [f"{i.text} {i.detail}".strip() if with_detail else i.text for i in items]
    return " ".join(parts)


@reads("therapies", "checklists")
def start(content, name: str) -> Result:
    """One screen about one therapy: what it is, the visit, eating, what to bring, when to call
    (911 first), and what to run next."""
    t = find_therapy(content.therapies, name)
    shown = name_to_show(name, t)
    sections = {section: _items(content, t, section)
                for section in ("visit", "eating", "bring", "call")}
    clinic = content.clinic
    notes = content.notes_for(None) + content.notes_for(t.id)
    if clinic is not None and t.id in content.hidden_therapies:
        notes.insert(0, say("clinic.does_not_give", clinic=clinic.name, therapy=t.generic_name))
    commands = [f"lupus-guide {command} {shown}" for command in NEXT_COMMANDS]
    used = [t.schedule, t.call_emergency]
    cited = unique_sources([*(s for section in used for s in section.sources),
                            *(s for items in sections.values() for i in items
                              for s in i.sources)])
    data = {
        "therapy": t.id, "display_name": t.display_name, "added_by_clinic": t.added_by_clinic,
        "what_it_is": t.how_it_works,
        "visit": {"usual_schedule": t.schedule.usual, "infusion_time": t.schedule.infusion_time,
                  "steps": [i.text for i in sections["visit"]]},
        "eating_and_drinking": [{"text": i.text, "detail": i.detail} for i in sections["eating"]],
        "bring": [i.text for i in sections["bring"]],
        "call_emergency": to_data(t.call_emergency),
        "call_care_team": [i.text for i in sections["call"]],
        "next": commands,
        "sources": to_data(cited),
    }
    if clinic is not None:
        data["clinic"] = {"name": clinic.name, "phones": clinic.phones(),
                          "what_to_bring": list(clinic.what_to_bring), "notes": notes}
    return Result("start", data,
                  lambda: _document(content, t, sections, notes, commands))


def _document(content, t, sections: dict, notes: list[str], commands: list[str]):
    clinic = content.clinic
    title = say("start.title", name=t.display_name)
    doc = new_document(content, title)
    bring = _sentences(sections["bring"])
    if clinic is not None and clinic.what_to_bring:
        things = "; ".join(clinic.what_to_bring)
        bring = f"{bring} {say('start.clinic_bring', clinic=clinic.name, things=things)}".strip()
    rows = [(say("start.what_it_is"), t.how_it_works),
            (say("start.usual"), t.schedule.usual),
            (say("start.how_long"), t.schedule.infusion_time),
            (say("start.at_visit"), _sentences(sections["visit"])),
            (say("start.eating"), _sentences(sections["eating"], with_detail=True)),
            (say("start.bring"), bring)]
    if notes:
        rows.append((say("start.clinic_says"), " ".join(notes)))
    doc.add(Heading(title), Fields([(label, value) for label, value in rows if value]))
    doc.add(Callout("emergency", say("callout.emergency"), " ".join(t.call_emergency.items)))
    call = _sentences(sections["call"])
    if clinic is not None:
        call = f"{call} {say('callout.call_clinic', phones=clinic.phones())}".strip()
    doc.add(Callout("call", say("start.call"), call))
    pairs = [" · ".join(commands[i:i + 2]) for i in range(0, len(commands), 2)]
    doc.add(Paragraph(say("start.next", commands="\n".join(pairs))))
    return doc
