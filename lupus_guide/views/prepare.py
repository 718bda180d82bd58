"""`prepare`: the before / during / after checklist."""

from __future__ import annotations

from typing import Any

from lupus_guide.document import Callout, Checklist, Fields, Heading, Paragraph
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, to_data
from lupus_guide.views.blocks import (
    STAGE_TITLES,
    STAGES,
    checklist_rows,
    named_therapy,
    stage_items,
)


@reads("checklists")  # and named_therapy's parts with --therapy
def checklist(content, therapy: str | None = None, stage: str | None = None) -> Result:
    """General checklist items, plus the items for one therapy when one is named."""
    chosen = named_therapy(content, therapy) if therapy is not None else None
    stages = [stage] if stage else list(STAGES)
    title = say("prepare.title") + (f": {chosen.display_name}" if chosen else "")
    doc = new_document(content, title)
    doc.kind = "checklist"
    doc.add(Heading(title))
    data: dict[str, Any] = {"therapy": chosen.id if chosen else None, "stages": {}}
    if chosen is not None and chosen.added_by_clinic:
        data["therapy_added_by_clinic"] = True  # its facts are the clinic's, not checked here
    for name in stages:
        items = stage_items(content, chosen, name)
        data["stages"][name] = [to_data(i) for i in items]
        if name == "before" and content.clinic is not None and content.clinic.what_to_bring:
            data["what_to_bring"] = list(content.clinic.what_to_bring)
        doc.add(Heading(STAGE_TITLES[name], 2), Checklist(checklist_rows(content, items, name)))
    if chosen is None:
        doc.add(Paragraph(say("prepare.one_therapy")))
    notes = content.notes_for(None) + (content.notes_for(chosen.id) if chosen else [])
    if notes:
        doc.add(Callout("info", say("clinic.from", clinic=content.clinic.name), "", notes))
        data["clinic_notes"] = notes
    if content.clinic is not None:
        clinic = content.clinic
        details = [(say("clinic.call"), clinic.phones())]
        details += [(label, value) for label, value in (
            (say("clinic.address"), clinic.address), (say("clinic.hours"), clinic.hours),
            (say("clinic.parking"), clinic.parking)) if value]
        doc.add(Heading(say("clinic.your_center", clinic=clinic.name), 2), Fields(details))
    doc.add(Paragraph(say("prepare.follow_center")))
    return Result("prepare", data, doc)
