"""`handout NAME`: one printable document about one therapy, for a patient and family."""

from __future__ import annotations

from lupus_guide.document import Checklist, Fields, Heading, Paragraph
from lupus_guide.find import find_therapy
from lupus_guide.i18n.dates import prose_date
from lupus_guide.messages import say
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
        title = say("handout.title", name=t.display_name)
        doc = new_document(content, title)
        doc.add(Heading(title),
                Paragraph(say("handout.lead")),
                Heading(say("handout.what_it_is"), 2),
                Fields([(say("fact.drug_type"), t.drug_class),
                        (say("fact.how_it_works"), t.how_it_works),
                        (say("fact.how_given"), ", ".join(t.routes))]),
                Heading(say("handout.approved"), 2),
                Fields([(say("handout.sle"), t.approval.sle), (say("fact.ln"), t.approval.ln)]),
                Heading(say("fact.schedule_heading"), 2),
                Fields([(label, value) for label, value in (
                    (say("fact.usual_schedule"), t.schedule.usual),
                    (say("fact.infusion_time"), t.schedule.infusion_time)) if value]))
        if t.schedule.summary:
            doc.add(Paragraph(t.schedule.summary))
        doc.add(*clinic_notes(content, t))
        doc.add(Heading(say("handout.checklist"), 2))
        for stage, items in stages.items():
            doc.add(Heading(STAGE_TITLES[stage], 3),
                    Checklist(checklist_rows(content, items, stage)))
        doc.add(Heading(say("handout.side_effects"), 2),
                *side_effect_callouts(t, content.clinic))
        if questions:
            doc.add(Heading(say("handout.questions"), 2),
                    *[Paragraph(" ".join(p.split())) for p in questions.answer.split("\n\n")
                      if p.strip()])
        cited = [*t.all_sources(), *(s for items in stages.values() for i in items
                                     for s in i.sources)]
        if questions:
            cited += questions.sources
        doc.add(Heading(say("heading.sources"), 2), source_rows(unique_sources(cited)),
                Paragraph(say("frame.last_reviewed",
                              date=prose_date(content.guide.last_reviewed))))
        return doc

    return Result("handout", data, document)
