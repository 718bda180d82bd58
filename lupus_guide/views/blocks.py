"""Pieces several views show: a therapy's JSON record, its side-effect callouts, the clinic's
notes, and the checklist of a stage. Presentation only; views import these, never each other."""

from __future__ import annotations

from lupus_guide.document import Callout
from lupus_guide.views import to_data

STAGES = ("before", "during", "after")
STAGE_TITLES = {
    "before": "Before the infusion",
    "during": "During the infusion",
    "after": "After the infusion",
}


def stage_items(content, therapy, stage: str) -> list:
    """The checklist items of one stage: the general ones, and those of ``therapy`` if given."""
    return [i for i in content.checklists if i.stage == stage
            and (not i.therapies or (therapy is not None and therapy.id in i.therapies))]


def checklist_rows(content, items: list, stage: str) -> list[tuple[str, str]]:
    """(text, detail) rows for check boxes, with the clinic's "what to bring" before an infusion."""
    rows = [(i.text, i.detail) for i in items]
    if stage == "before" and content.clinic is not None:
        rows += [(f"Bring: {thing}", f"Asked by {content.clinic.name}.")
                 for thing in content.clinic.what_to_bring]
    return rows


def therapy_record(therapy) -> dict:
    """A therapy as JSON data: every field, plus all of its sources in one list."""
    record = to_data(therapy)
    record["display_name"] = therapy.display_name
    record["sources"] = to_data(therapy.all_sources())
    return record


def side_effect_callouts(therapy, clinic=None) -> list:
    """The four groups a person must tell apart, with headings and symbols (not colour alone).

    With a clinic pack, its phone numbers stand in the "call your care team" group."""
    common = therapy.common_side_effects
    call_text = therapy.call_care_team.summary
    if clinic is not None:
        call_text = f"{call_text} Call {clinic.phones()}.".strip()
    blocks: list = []
    if therapy.boxed_warning.items:
        blocks.append(Callout("boxed", "Boxed warning (the label's most serious warning)",
                              therapy.boxed_warning.summary, list(therapy.boxed_warning.items)))
    blocks += [
        Callout("common", "Common side effects", common.threshold, list(common.items)),
        Callout("serious", "Serious side effects and warnings",
                therapy.serious_warnings.summary, list(therapy.serious_warnings.items)),
        Callout("call", "Call your care team the same day",
                call_text, list(therapy.call_care_team.items)),
        Callout("emergency", "Emergency: call your local emergency number now (911 in the US)",
                therapy.call_emergency.summary, list(therapy.call_emergency.items)),
    ]
    return blocks


def clinic_notes(content, therapy) -> list:
    """What the active clinic pack says about this therapy, if anything."""
    if content.clinic is None:
        return []
    notes = content.notes_for(therapy.id)
    if therapy.id in content.hidden_therapies:
        not_given = (f"{content.clinic.name} does not give {therapy.generic_name}. "
                     "Ask your care team where you can get it.")
        notes = [not_given, *notes]
    if not notes:
        return []
    return [Callout("info", f"From {content.clinic.name}", "", notes)]
