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
    """The four groups a person must tell apart, with headings and symbols (not colour alone),
    most urgent first: emergency signs (911), when to call the care team, then the boxed warning
    and serious side effects, then the common ones.

    With a clinic pack, its phone numbers stand in the "call your care team" group."""
    common = therapy.common_side_effects
    call_text = therapy.call_care_team.summary
    if clinic is not None:
        call_text = f"{call_text} {say('callout.call_clinic', phones=clinic.phones())}".strip()
    blocks: list = [
        Callout("emergency", say("callout.emergency"),
                therapy.call_emergency.summary, list(therapy.call_emergency.items)),
        Callout("call", say("callout.call"),
                call_text, list(therapy.call_care_team.items)),
    ]
    if therapy.boxed_warning.items:
        blocks.append(Callout("boxed", say("callout.boxed"),
                              therapy.boxed_warning.summary, list(therapy.boxed_warning.items)))
    blocks += [
        Callout("serious", say("callout.serious"),
                therapy.serious_warnings.summary, list(therapy.serious_warnings.items)),
        Callout("common", say("callout.common"), common.threshold, list(common.items)),
    ]
    return blocks


# The side-effect groups in the order every format shows them: most urgent first.
SIDE_EFFECT_FIELDS = ("call_emergency", "call_care_team", "boxed_warning", "serious_warnings",
                      "common_side_effects")


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


def clinic_instructions(content) -> list[tuple[str, str]]:
    """The active clinic's phones, address, hours and parking, as label: value rows."""
    clinic = content.clinic
    if clinic is None:
        return []
    rows = [(say("clinic.call"), clinic.phones())]
    rows += [(label, value) for label, value in (
        (say("clinic.address"), clinic.address), (say("clinic.hours"), clinic.hours),
        (say("clinic.parking"), clinic.parking)) if value]
    return rows


def step_blocks(content, items: list, stage: str, details: bool = True) -> list:
    """One stage on paper: check boxes for what the person does, then (without boxes) what will
    happen. ``details=False`` leaves out the reasons, except the clinic's own words (its items,
    which cite no sources, and what it asks people to bring): those always print."""
    from lupus_guide.document import Checklist, Heading

    does = [i for i in items if i.step == "do"]
    rows = checklist_rows(content, does, stage)
    theirs = {n for n, item in enumerate(does) if not item.sources}
    theirs |= set(range(len(does), len(rows)))  # the clinic's "bring" rows
    if not details:
        rows = [(text, detail if n in theirs else "") for n, (text, detail) in enumerate(rows)]
    blocks: list = [Checklist(rows, kept=sorted(n for n in theirs if rows[n][1]))] if rows else []
    known = [(i.text, i.detail if details else "") for i in items if i.step == "know"]
    if known:
        blocks += [Heading(say("print.what_happens"), 4), Checklist(known, boxes=False)]
    return blocks
