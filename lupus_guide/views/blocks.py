"""Pieces several views show: a therapy's JSON record, its side-effect callouts, the clinic's
notes, and the checklist of a stage. Presentation only; views import these, never each other."""

from __future__ import annotations

from lupus_guide.document import Callout
from lupus_guide.find import find_therapy
from lupus_guide.messages import Said, say
from lupus_guide.views import reads, to_data

STAGES = ("before", "during", "after")
STAGE_TITLES = Said("stage.{}", STAGES)


def stage_items(content, therapy, stage: str) -> list:
    """The checklist items of one stage: the general ones, and those of ``therapy`` if given."""
    return [i for i in content.checklists if i.stage == stage
            and (not i.therapies or (therapy is not None and therapy.id in i.therapies))]


def checklist_rows(content, items: list, stage: str) -> list[tuple[str, str]]:
    """(text, detail) rows for check boxes, with the clinic's "what to bring" before an infusion."""
    rows = [(i.text, i.detail) for i in items]
    if stage == "before" and content.clinic is not None:
        asked_by = say("checklist.asked_by", clinic=content.clinic.name)
        rows += [(say("checklist.bring", thing=thing), asked_by)
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
        call_text = f"{call_text} {say('callout.call_clinic', phones=clinic.phones())}".strip()
    blocks: list = []
    if therapy.boxed_warning.items:
        blocks.append(Callout("boxed", say("callout.boxed"),
                              therapy.boxed_warning.summary, list(therapy.boxed_warning.items)))
    blocks += [
        Callout("common", say("callout.common"), common.threshold, list(common.items)),
        Callout("serious", say("callout.serious"),
                therapy.serious_warnings.summary, list(therapy.serious_warnings.items)),
        Callout("call", say("callout.call"),
                call_text, list(therapy.call_care_team.items)),
        Callout("emergency", say("callout.emergency"),
                therapy.call_emergency.summary, list(therapy.call_emergency.items)),
    ]
    return blocks


def clinic_notes(content, therapy) -> list:
    """What the active clinic pack says about this therapy, if anything."""
    if content.clinic is None:
        return []
    notes = content.notes_for(therapy.id)
    if therapy.id in content.hidden_therapies:
        not_given = say("clinic.does_not_give", clinic=content.clinic.name,
                        therapy=therapy.generic_name)
        notes = [not_given, *notes]
    if not notes:
        return []
    return [Callout("info", say("clinic.from", clinic=content.clinic.name), "", notes)]


@reads("therapies")
def named_therapy(content, name: str):
    """The therapy a --therapy option names. A view that takes such an option reads the therapies
    only when it is given: the command adds this function to the views it names to the runner."""
    return find_therapy(content.therapies, name)
