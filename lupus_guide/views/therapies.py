"""`therapies`, `therapies NAME` and `side-effects`."""

from __future__ import annotations

from lupus_guide.document import Bullets, Fields, Heading, PageBreak, Paragraph, Table
from lupus_guide.find import find_therapy
from lupus_guide.messages import Said, say
from lupus_guide.views import Result, new_document, reads, source_rows, to_data
from lupus_guide.views.blocks import clinic_notes, side_effect_callouts, therapy_record

STATUS_LABEL = Said("status.{}", ("approved", "off-label", "not-approved"))


def boxed_summary(therapy) -> str:
    box = therapy.boxed_warning
    if not box.items:
        return say("boxed.none")
    return box.short or say("boxed.yes", count=len(box.items), id=therapy.id)


def approval_summary(therapy) -> str:
    approval = therapy.approval
    return say("approval.summary", sle=STATUS_LABEL[approval.sle_status],
               ln=STATUS_LABEL[approval.ln_status])


def how_given(therapy) -> str:
    parts = [", ".join(therapy.routes), therapy.schedule.usual]
    if therapy.schedule.infusion_time:
        parts.append(say("given.infusion_time", time=therapy.schedule.infusion_time))
    return "\n".join(parts)


@reads("therapies")
def overview(content) -> Result:
    """The side-by-side comparison of every therapy."""
    columns = [say(f"overview.column.{n}") for n in ("therapy", "works", "approved", "given",
                                                      "common", "boxed")]
    rows = []
    for t in content.listed_therapies():
        # One short line each, so a narrow name column never breaks a word.
        name = "\n".join([t.generic_name, *(f"({brand})" for brand in t.brand_names)])
        if t.biosimilars:
            name += f"\n{say('overview.biosimilars')}\n" + "\n".join(
                b.split(" (")[0] for b in t.biosimilars)
        # An empty cell could read as "none": say where the answer is instead.
        common = (", ".join(t.common_side_effects.items[:4])
                  or say("overview.common_not_listed", id=t.id))
        rows.append([name, t.how_it_works, approval_summary(t), how_given(t), common,
                     boxed_summary(t)])
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
        for field_name in ("boxed_warning", "common_side_effects", "serious_warnings",
                           "call_care_team", "call_emergency"):
            record[field_name] = to_data(getattr(t, field_name))
        data.append(record)
    return Result("side-effects", data, doc)
