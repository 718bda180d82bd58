"""`therapies`, `therapies NAME` and `side-effects`."""

from __future__ import annotations

from lupus_guide.document import Bullets, Fields, Heading, PageBreak, Paragraph, Table
from lupus_guide.find import find_therapy
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, source_rows, to_data
from lupus_guide.views.blocks import (
    SIDE_EFFECT_FIELDS,
    clinic_notes,
    side_effect_callouts,
    therapy_record,
)


def boxed_summary(therapy) -> str:
    """One short line: whether the label has a boxed warning, and how many."""
    box = therapy.boxed_warning
    if not box.items:
        return say("boxed.none")
    return say("boxed.yes", count=len(box.items))


def approved_for(therapy) -> str:
    """One short line: what the FDA approved the therapy for, in lupus (SLE, LN, both, none)."""
    approval = therapy.approval
    sle, ln = approval.sle_status == "approved", approval.ln_status == "approved"
    key = "both" if sle and ln else "sle" if sle else "ln" if ln else (
        "off-label" if "off-label" in (approval.sle_status, approval.ln_status) else "none")
    return say(f"overview.approved.{key}")


@reads("therapies")
def overview(content) -> Result:
    """The side-by-side comparison of every therapy: one short line a cell, so that the table
    fits one screen at 100 columns; the long text is on each therapy's own page."""
    columns = [say(f"overview.column.{n}") for n in ("therapy", "approved", "given", "boxed")]
    rows = []
    for t in content.listed_therapies():
        brands = ", ".join(t.brand_names)
        name = f"{t.generic_name}\n({brands})" if brands else t.generic_name
        given = t.schedule.short or ", ".join(t.routes)
        rows.append([name, approved_for(t), given, boxed_summary(t)])
    doc = new_document(content, say("overview.title"))
    doc.add(
        Heading(say("overview.title")),
        Table(columns, rows),
        Paragraph(say("overview.note")),
    )
    return Result("therapies", [therapy_record(t) for t in content.listed_therapies()], doc)


def _section(title: str, section, lead: str = "") -> list:
    blocks: list = [Heading(title, 2)]
    if lead:
        blocks.append(Paragraph(lead))
    if section.summary:
        blocks.append(Paragraph(section.summary))
    if section.items:
        blocks.append(Bullets(list(section.items)))
    return blocks


@reads("therapies")
def page(content, name: str) -> Result:
    """Everything the guide knows about one therapy."""
    t = find_therapy(content.therapies, name)
    return Result("therapies", therapy_record(t), lambda: _page_document(content, t))


def _page_document(content, t):
    doc = new_document(content, t.display_name)
    also = [*t.biosimilars, *t.other_names]
    facts = [(say("fact.drug_type"), t.drug_class), (say("fact.how_it_works"), t.how_it_works),
             (say("fact.how_given"), ", ".join(t.routes))]
    if also:
        facts.insert(0, (say("fact.also_called"), ", ".join(also)))
    doc.add(Heading(t.display_name), Fields(facts))
    doc.add(*clinic_notes(content, t))
    approval = t.approval
    doc.add(Heading(say("page.approved"), 2),
            Fields([(say("page.sle"), approval.sle), (say("fact.ln"), approval.ln)]))
    if approval.summary:
        doc.add(Paragraph(approval.summary))
    sched = t.schedule
    rows = [(say("fact.usual_schedule"), sched.usual),
            (say("page.first_infusions"), sched.first_infusions),
            (say("page.later_infusions"), sched.later_infusions),
            (say("fact.infusion_time"), sched.infusion_time)]
    doc.add(Heading(say("fact.schedule_heading"), 2), Fields([r for r in rows if r[1]]))
    if sched.summary:
        doc.add(Paragraph(sched.summary))
    if sched.items:
        doc.add(Bullets(list(sched.items)))
    doc.add(*_section(say("page.premedication"), t.premedication))
    doc.add(*_section(say("page.before_starting"), t.before_starting))
    doc.add(Heading(say("page.side_effects"), 2), *side_effect_callouts(t, content.clinic))
    for title, section in ((say("page.pregnancy"), t.pregnancy),
                           (say("page.breastfeeding"), t.breastfeeding),
                           (say("page.monitoring"), t.monitoring)):
        doc.add(*_section(title, section))
    if t.missed_dose:
        doc.add(*_section(say("page.missed_dose"), t.missed_dose))
    doc.add(*_section(say("page.assistance"), t.assistance))
    doc.add(Heading(say("heading.sources"), 2), source_rows(t.all_sources()))
    return doc


@reads("therapies")
def side_effects(content, name: str | None) -> Result:
    """Side effects of one therapy, or of all of them."""
    listed = content.listed_therapies()
    chosen = [find_therapy(content.therapies, name)] if name is not None else listed
    doc = new_document(content, say("side_effects.title"))
    doc.add(Heading(say("side_effects.title") + (f": {chosen[0].display_name}" if name is not None
                                                  else "")))
    data = []
    for index, t in enumerate(chosen):
        if name is None:
            if index:
                doc.add(PageBreak())  # one therapy a page, on paper
            doc.add(Heading(t.display_name, 2))
        doc.add(*side_effect_callouts(t, content.clinic))
        record = {"id": t.id, "generic_name": t.generic_name, "brand_names": list(t.brand_names),
                  "added_by_clinic": t.added_by_clinic}
        if content.clinic is not None:
            record["call_clinic"] = content.clinic.phones()
        for field_name in SIDE_EFFECT_FIELDS:  # most urgent first, as on the page
            record[field_name] = to_data(getattr(t, field_name))
        data.append(record)
    return Result("side-effects", data, doc)
