"""`prepare`: the before / during / after checklist."""

from __future__ import annotations

from typing import Any

from lupus_guide.document import Callout, Fields, Heading, Paragraph
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, to_data
from lupus_guide.views.blocks import (
    STAGE_TITLES,
    STAGES,
    clinic_instructions,
    named_therapy,
    stage_items,
    step_blocks,
)


@reads("checklists")  # and named_therapy's parts with --therapy
def checklist(content, therapy: str | None = None, stage: str | None = None) -> Result:
    """General checklist items, plus the items for one therapy when one is named."""
    chosen = named_therapy(content, therapy) if therapy is not None else None
    stages = [stage] if stage else list(STAGES)
    title = say("prepare.title") + (f": {chosen.display_name}" if chosen else "")
    doc = new_document(content, title)
    doc.kind = "checklist"
    doc.add(Heading(title), _form_lines(content))
    data: dict[str, Any] = {"therapy": chosen.id if chosen else None, "stages": {}}
    if chosen is not None and chosen.added_by_clinic:
        data["therapy_added_by_clinic"] = True  # its facts are the clinic's, not checked here
    for name in stages:
        items = stage_items(content, chosen, name)
        data["stages"][name] = [to_data(i) for i in items]
        if name == "before" and content.clinic is not None and content.clinic.what_to_bring:
            data["what_to_bring"] = list(content.clinic.what_to_bring)
        doc.add(Heading(STAGE_TITLES[name], 2), *step_blocks(content, items, name))
    if chosen is None:
        doc.add(Paragraph(say("prepare.one_therapy")))
    notes = content.notes_for(None) + (content.notes_for(chosen.id) if chosen else [])
    if notes:
        doc.add(Callout("info", say("clinic.from", clinic=content.clinic.name), "", notes))
        data["clinic_notes"] = notes
    if content.clinic is not None:
        doc.add(Heading(say("clinic.your_center", clinic=content.clinic.name), 2),
                Fields(clinic_instructions(content)))
    doc.add(Paragraph(say("prepare.follow_center")))
    return Result("prepare", data, doc)


def _form_lines(content) -> Fields:
    """Lines to write the person's name, the date and the care team's phone on (the phone filled
    in from the clinic pack when there is one)."""
    phone = content.clinic.phones() if content.clinic is not None else ""
    return Fields([(say("print.patient_name"), ""), (say("print.date"), ""),
                   (say("print.care_team_phone"), phone)], blanks=True)
