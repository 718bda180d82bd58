"""Typed content models. Every YAML file is converted into these and validated on load.

Text fields are typed ``str`` so that YAML 1.1 surprises (``no`` read as ``False``,
``1.10`` read as a float) fail validation instead of printing the wrong thing.

No postponed annotations here: msgspec reads each model's field types when it first decodes one,
and evaluating them from strings at every start cost about 1 ms.
"""

import datetime as dt
from typing import Annotated, Literal

import msgspec

Slug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, msgspec.Meta(min_length=1)]
Url = Annotated[str, msgspec.Meta(pattern=r"^https://[!-~]+$")]  # printable ASCII only
IsoDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Stage = Literal["before", "during", "after"]
# Where a checklist item also shows on `lupus-guide start NAME`, the first screen of a therapy.
StartSection = Literal["visit", "eating", "bring", "call"]
ForDose = Literal["first", "every"]  # a calendar lists "first" items on dose 1, "every" on each
ADDED_BY_CLINIC = "[added by the clinic; not checked by lupus-guide]"
Status = Literal["approved", "off-label", "not-approved"]


class Source(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Where a fact comes from, and when we last checked it. ``lang``: the language of a page
    cited beside the English sources (a translation's ``sources_es``); "" for the English."""

    title: Text
    url: Url
    checked: IsoDate
    lang: str = ""


Sources = Annotated[list[Source], msgspec.Meta(min_length=1)]


class Section(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One group of facts: a summary, a list of items, and at least one source."""

    summary: str = ""
    items: list[Text] = []
    sources: Sources


class Approval(Section, kw_only=True):
    sle_status: Status
    ln_status: Status
    sle: Text
    ln: Text


class Schedule(Section, kw_only=True):
    usual: Text
    short: str = ""  # a few words for the comparison table, e.g. "IV every 4 weeks · 30 min"
    first_infusions: str = ""
    later_infusions: str = ""
    infusion_time: str = ""


class SideEffects(Section, kw_only=True):
    threshold: Text


class BoxedWarning(Section, kw_only=True):
    """The label's boxed warning. ``items: []`` means the label has none."""

    short: str = ""


class Therapy(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Slug
    generic_name: Text
    brand_names: list[Text] = []
    biosimilars: list[Text] = []
    other_names: list[Text] = []
    drug_class: Text
    how_it_works: Text
    routes: Annotated[list[Text], msgspec.Meta(min_length=1)]
    approval: Approval
    schedule: Schedule
    premedication: Section
    before_starting: Section
    common_side_effects: SideEffects
    serious_warnings: Section
    boxed_warning: BoxedWarning
    call_care_team: Section
    call_emergency: Section
    pregnancy: Section
    breastfeeding: Section
    monitoring: Section
    missed_dose: Section | None = None
    assistance: Section
    last_reviewed: IsoDate
    # Set when a clinic pack adds the therapy (whatever the pack's file says): its facts come from
    # the clinic, not from the guide's sourced content, and every page says so.
    added_by_clinic: bool = False

    @property
    def display_name(self) -> str:
        brands = ", ".join(self.brand_names)
        name = f"{self.generic_name} ({brands})" if brands else self.generic_name
        return f"{name} {ADDED_BY_CLINIC}" if self.added_by_clinic else name

    def sections(self) -> list[tuple[str, Section]]:
        """Every fact group of this therapy, by field name, in reading order."""
        found = []
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if isinstance(value, Section):
                found.append((name, value))
        return found

    def all_sources(self) -> list[Source]:
        """Every source this therapy cites, each once, in first-cited order."""
        return unique_sources(src for _, sec in self.sections() for src in sec.sources)


class ChecklistItem(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Slug
    stage: Stage
    text: Text
    detail: str = ""
    # "do": something the person does (paper gives it a check box); "know": what will happen or
    # what to know, done by the care team or by no one (paper lists it without a box).
    step: Literal["do", "know"] = "do"
    therapies: list[Slug] = []
    start_page: StartSection | None = None  # also on the first screen (`start NAME`), there
    for_dose: ForDose | None = None  # which calendar events carry it: dose 1 only, or every dose
    sources: list[Source] = []  # required in the bundled content; a clinic's own items may omit it


class FaqEntry(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Slug
    question: Text
    answer: Text
    topics: list[Slug] = []
    therapies: list[Slug] = []
    sources: list[Source] = []  # required in the bundled content


class Topic(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Slug
    title: Text
    summary: str = ""
    items: list[Text] = []
    sources: list[Source] = []  # required in the bundled content


Phase = Literal["loading", "maintenance", "course"]
Count = Annotated[int, msgspec.Meta(ge=1, le=100)]
Days = Annotated[int, msgspec.Meta(ge=1, le=366)]
Months = Annotated[int, msgspec.Meta(ge=1, le=24)]


class RegimenPhase(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Doses at one interval: ``doses`` of them, or (for maintenance, last) as many as needed."""

    phase: Phase
    doses: Count | None = None
    every_days: Days | None = None
    every_months: Months | None = None  # "monthly" in a guideline: the same day each month


class Regimen(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A therapy's usual schedule, as data, with its sources. ``set_by_care_team`` regimens have
    no phases: the label or guideline leaves the dates to the care team."""

    id: Slug
    therapy: Slug
    name: Text
    default: bool = False
    set_by_care_team: bool = False
    phases: list[RegimenPhase] = []
    notes: list[Text] = []
    sources: Sources


class Change(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One dated review of the content: what it was, why, what changed, and the ids it touched."""

    date: IsoDate
    title: Text
    why: Text
    items: Annotated[list[Text], msgspec.Meta(min_length=1)]
    ids: list[Slug] = []


class GuideInfo(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: Text
    last_reviewed: IsoDate
    disclaimer: Text


class TherapiesFile(msgspec.Struct, forbid_unknown_fields=True):
    therapies: list[Therapy]


class ChecklistsFile(msgspec.Struct, forbid_unknown_fields=True):
    items: list[ChecklistItem]


class FaqFile(msgspec.Struct, forbid_unknown_fields=True):
    entries: list[FaqEntry]


class TopicsFile(msgspec.Struct, forbid_unknown_fields=True):
    topics: list[Topic]


class RegimensFile(msgspec.Struct, forbid_unknown_fields=True):
    regimens: list[Regimen]


class ChangesFile(msgspec.Struct, forbid_unknown_fields=True):
    changes: list[Change]


# A pack hides entries by id; no real pack needs more than this many of one kind, and a bound
# keeps checking a hostile one quick.
HideList = Annotated[list[Slug], msgspec.Meta(max_length=500)]


class Hidden(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Entries a clinic pack hides, by id. A hidden therapy leaves the lists, not its warnings."""

    therapies: HideList = []
    faq: HideList = []
    checklists: HideList = []
    costs: HideList = []
    care: HideList = []


class ClinicNote(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A clinic's own note: for one therapy, or (with no therapy) for every infusion."""

    text: Text
    therapy: Slug | None = None


class ClinicFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``clinic.yaml`` of a clinic pack: who the clinic is, and what it hides or adds."""

    name: Text
    phone: Text
    after_hours_phone: str = ""
    address: str = ""
    hours: str = ""
    parking: str = ""
    what_to_bring: list[Text] = []
    # the language the pack is written in; its texts are marked as such in runs of another
    # language, unless the pack translates them (<pack>/<lang>/<file>.yaml)
    lang: Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2}$")] = "en"
    hide: Hidden = msgspec.field(default_factory=Hidden)
    notes: list[ClinicNote] = []

    def phones(self) -> str:
        """``Name: phone (after hours: phone)``, for every "call your care team" section."""
        line = f"{self.name}: {self.phone}"
        after = f" (after hours: {self.after_hours_phone})" if self.after_hours_phone else ""
        return line + after


class Content(msgspec.Struct, kw_only=True):
    """All of the guide's content, validated and cross-checked."""

    guide: GuideInfo
    therapies: list[Therapy]
    checklists: list[ChecklistItem]
    faq: list[FaqEntry]
    costs: list[Topic]
    care: list[Topic]
    regimens: list[Regimen] = []
    changes: list[Change] = []
    clinic: ClinicFile | None = None
    hidden_therapies: frozenset[str] = frozenset()

    def listed_therapies(self) -> list[Therapy]:
        """The therapies lists show: all of them, less those the clinic pack hides."""
        return [t for t in self.therapies if t.id not in self.hidden_therapies]

    def notes_for(self, therapy_id: str | None) -> list[str]:
        """The clinic's notes for one therapy (or, with None, its notes for every infusion)."""
        if self.clinic is None:
            return []
        return [n.text for n in self.clinic.notes if n.therapy == therapy_id]


def unique_sources(sources) -> list[Source]:
    """Sources in first-seen order, each (title, url) once."""
    seen: dict[tuple[str, str], Source] = {}
    for src in sources:
        seen.setdefault((src.title, src.url), src)
    return list(seen.values())


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
