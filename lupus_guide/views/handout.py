"""`handout NAME`: one printable document about one therapy, for a patient and family.

On paper it is two to four pages: the clinic's own instructions, what the therapy is, the steps
(without their reasons: ``prepare NAME`` has them), the side effects with when to call, questions
with room to write, and numbered references to the sources of what it shows."""

from __future__ import annotations

import re

from lupus_guide.document import Callout, Fields, Heading, Paragraph, SourceForm
from lupus_guide.find import find_therapy
from lupus_guide.messages import say
from lupus_guide.views import References, Result, new_document, reads, to_data
from lupus_guide.views.blocks import (
    STAGE_TITLES,
    STAGES,
    clinic_instructions,
    clinic_notes,
    side_effect_callouts,
    stage_items,
    step_blocks,
    therapy_record,
)

QUESTIONS_ENTRY = "questions-before-starting"  # the FAQ entry with questions to ask
SIDE_EFFECT_GROUPS = ("boxed_warning", "common_side_effects", "serious_warnings",
                      "call_care_team", "call_emergency")


@reads("therapies", "checklists", "faq")
def handout(content, name: str, sources: SourceForm = "short", paper: str = "letter") -> Result:
    """What the therapy is, its usual schedule, the checklist, side effects, questions, sources."""
    t = find_therapy(content.therapies, name)
    stages = {stage: stage_items(content, t, stage) for stage in STAGES}
    questions = next((e for e in content.faq if e.id == QUESTIONS_ENTRY), None)
    refs = References(sources)
    cites = _citations(content, t, stages, questions, refs)
    data = {"therapy": therapy_record(t),
            "checklist": {stage: [to_data(i) for i in items] for stage, items in stages.items()},
            "questions": to_data(questions) if questions else None,
            "sources": to_data(refs.sources),
            "content_last_reviewed": content.guide.last_reviewed}

    def document():
        title = say("handout.title", name=t.display_name)
        doc = new_document(content, title, t.display_name)
        doc.kind, doc.paper = "handout", paper
        doc.add(Heading(title), Paragraph(say("handout.lead")))
        doc.add(*_clinic_blocks(content, t))
        doc.add(*_facts(t, cites))
        doc.add(Heading(say("handout.checklist"), 2))
        for stage, items in stages.items():
            doc.add(Heading(STAGE_TITLES[stage], 3, cites[stage]),
                    *step_blocks(content, items, stage, details=False))
        doc.add(Paragraph(say("handout.steps_why", id=t.id)))
        doc.add(Heading(say("handout.side_effects"), 2, cites["side_effects"]),
                *side_effect_callouts(t, content.clinic))
        if questions:
            doc.add(*_questions(questions.answer, cites["questions"]))
        doc.add(*refs.blocks())
        return doc

    return Result("handout", data, document)


def _citations(content, t, stages, questions, refs) -> dict[str, list[int]]:
    """The reference numbers of each part of the handout, numbered in reading order."""
    cites = {"approval": refs.cite(t.approval.sources), "schedule": refs.cite(t.schedule.sources)}
    pages = product_pages(content)
    for stage, items in stages.items():
        cites[stage] = refs.cite(s for i in items for s in item_sources(i, t, pages))
    cites["side_effects"] = refs.cite(s for group in SIDE_EFFECT_GROUPS
                                      for s in getattr(t, group).sources)
    cites["questions"] = refs.cite(questions.sources if questions else [])
    return cites


def product_pages(content) -> dict[str, str]:
    """Sources that are one product's own pages: cited by exactly one therapy (url -> its id)."""
    citing: dict[str, set[str]] = {}
    for therapy in content.therapies:
        for src in therapy.all_sources():
            citing.setdefault(src.url, set()).add(therapy.id)
    return {url: next(iter(ids)) for url, ids in citing.items() if len(ids) == 1}


def item_sources(item, therapy, pages: dict[str, str]) -> list:
    """What a checklist item cites in the handout of ``therapy``: a general item leaves out the
    pages of other products (a Benlysta page in a rituximab handout) when it cites something
    else too; an item that cites nothing else keeps what it cites."""
    if item.therapies:
        return list(item.sources)
    kept = [s for s in item.sources if pages.get(s.url, therapy.id) == therapy.id]
    return kept or list(item.sources)


def _clinic_blocks(content, t) -> list:
    """The clinic's own instructions: how to reach it, hours, parking, its notes."""
    rows = clinic_instructions(content)
    if not rows:
        return []
    blocks: list = [Heading(say("handout.your_clinic", clinic=content.clinic.name), 2),
                    Fields(rows)]
    notes = [*content.notes_for(None), *(item for callout in clinic_notes(content, t)
                                         for item in callout.items)]
    if notes:
        blocks.append(Callout("info", say("clinic.from", clinic=content.clinic.name), "", notes))
    return blocks


def _facts(t, cites) -> list:
    blocks = [Heading(say("handout.what_it_is"), 2),
              Fields([(say("fact.drug_type"), t.drug_class),
                      (say("fact.how_it_works"), t.how_it_works),
                      (say("fact.how_given"), ", ".join(t.routes))]),
              Heading(say("handout.approved"), 2, cites["approval"]),
              Fields([(say("handout.sle"), t.approval.sle), (say("fact.ln"), t.approval.ln)]),
              Heading(say("fact.schedule_heading"), 2, cites["schedule"]),
              Fields([(label, value) for label, value in (
                  (say("fact.usual_schedule"), t.schedule.usual),
                  (say("fact.infusion_time"), t.schedule.infusion_time)) if value])]
    if t.schedule.summary:
        blocks.append(Paragraph(t.schedule.summary))
    return blocks


def _questions(answer: str, cites: list[int]) -> list:
    """The questions in the answer (its sentences that end in "?") as a list with room to write,
    after the rest of its words."""
    from lupus_guide.document import Bullets

    sentences = re.split(r"(?<=[.?!:])\s+", " ".join(answer.split()))
    asked = [s for s in sentences if s.endswith("?")]
    told = " ".join(s for s in sentences if not s.endswith("?"))
    blocks: list = [Heading(say("handout.questions"), 2, cites)]
    if told:
        blocks.append(Paragraph(told))
    if asked:
        blocks.append(Bullets(asked, write_in=True))
    return blocks
