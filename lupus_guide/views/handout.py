"""`handout NAME`: one printable document about one therapy, for a patient and family."""

from __future__ import annotations

from lupus_guide.document import Checklist, Fields, Heading, Paragraph
from lupus_guide.find import find_therapy
from lupus_guide.models import unique_sources
from lupus_guide.views import Result, new_document, reads, source_rows, to_data
from lupus_guide.views.blocks import (
    STAGE_TITLES,
    STAGES,
    checklist_rows,
    clinic_notes,
    side_effect_callouts,
    stage_items,
    therapy_record,
)

QUESTIONS_ENTRY = "questions-before-starting"  # the FAQ entry with questions to ask


@reads("therapies", "checklists", "faq")
def handout(content, name: str) -> Result:
    """What the therapy is, its usual schedule, the checklist, side effects, questions, sources."""
    t = find_therapy(content.therapies, name)
    stages = {stage: stage_items(content, t, stage) for stage in STAGES}
    questions = next((e for e in content.faq if e.id == QUESTIONS_ENTRY), None)
    data = {"therapy": therapy_record(t),
            "checklist": {stage: [to_data(i) for i in items] for stage, items in stages.items()},
            "questions": to_data(questions) if questions else None,
            "content_last_reviewed": content.guide.last_reviewed}

    def document():
        title = f"{t.display_name}: what to know"
        doc = new_document(content, title)
        doc.add(Heading(title),
                Paragraph("A guide for you and your family. It explains; it does not decide. "
                          "Your care team decides your treatment, your dose and your schedule."),
                Heading("What it is", 2),
                Fields([("Drug type", t.drug_class), ("How it works", t.how_it_works),
                        ("How it is given", ", ".join(t.routes))]),
                Heading("Is it approved for lupus?", 2),
                Fields([("Lupus (SLE)", t.approval.sle), ("Lupus nephritis", t.approval.ln)]),
                Heading("The usual schedule on the label", 2),
                Fields([(label, value) for label, value in (
                    ("Usual schedule", t.schedule.usual),
                    ("Infusion time", t.schedule.infusion_time)) if value]))
        if t.schedule.summary:
            doc.add(Paragraph(t.schedule.summary))
        doc.add(*clinic_notes(content, t))
        doc.add(Heading("Your checklist", 2))
        for stage, items in stages.items():
            doc.add(Heading(STAGE_TITLES[stage], 3),
                    Checklist(checklist_rows(content, items, stage)))
        doc.add(Heading("Side effects: what is expected, and when to call", 2),
                *side_effect_callouts(t, content.clinic))
        if questions:
            doc.add(Heading("Questions to ask your care team", 2),
                    *[Paragraph(" ".join(p.split())) for p in questions.answer.split("\n\n")
                      if p.strip()])
        cited = [*t.all_sources(), *(s for items in stages.values() for i in items
                                     for s in i.sources)]
        if questions:
            cited += questions.sources
        doc.add(Heading("Sources", 2), source_rows(unique_sources(cited)),
                Paragraph(f"Content last reviewed {content.guide.last_reviewed}."))
        return doc

    return Result("handout", data, document)
