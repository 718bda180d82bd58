"""Every user-visible string written in the code, by id: headings, labels, status words, error
messages. A second language is a second table, not edits across the package.

Content text (therapies, questions, checklists...) is data and lives in ``data/``; what is here is
the frame around it. ``text(id, **values)`` fills ``{placeholders}`` with ``str.format``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

ENGLISH: dict[str, str] = {
    "suggest.did_you_mean": "Did you mean \"{name}\"?",
    "suggest.did_you_mean_one_of": "Did you mean {names}?",
    "pack.missing": "the clinic pack '{folder}' does not exist.",
    "pack.not_folder": "the clinic pack '{folder}' is not a folder.",
    "pack.give_folder": "Give a folder of YAML files ('lupus-guide pack init DIR' starts one).",
    "pack.unreadable": "the clinic pack '{folder}' cannot be read: {reason}.",
    "frame.footer": "{disclaimer} Content last reviewed {date}.",
    "frame.phone": "Phone {phone}",
    "frame.after_hours": "After hours {phone}",
    "stage.before": "Before the infusion",
    "stage.during": "During the infusion",
    "stage.after": "After the infusion",
    "checklist.bring": "Bring: {thing}",
    "checklist.asked_by": "Asked by {clinic}.",
    "callout.call_clinic": "Call {phones}.",
    "callout.boxed": "Boxed warning (the label's most serious warning)",
    "callout.common": "Common side effects",
    "callout.serious": "Serious side effects and warnings",
    "callout.call": "Call your care team right away",
    "callout.emergency": "Emergency: call your local emergency number now (911 in the US)",
    "clinic.does_not_give": (
        "{clinic} does not give {therapy}. Ask your care team where you can get it."
    ),
    "clinic.from": "From {clinic}",
    "status.approved": "FDA-approved",
    "status.off-label": "off-label in the US",
    "status.not-approved": "not FDA-approved",
    "boxed.none": "None",
    "boxed.yes": "Yes ({count})",
    "overview.column.therapy": "Therapy",
    "overview.column.approved": "FDA-approved for",
    "overview.column.given": "How it is given",
    "overview.column.boxed": "Boxed warning",
    "overview.approved.both": "SLE and LN",
    "overview.approved.sle": "SLE",
    "overview.approved.ln": "LN",
    "overview.approved.off-label": "Off-label",
    "overview.approved.none": "Not approved",
    "overview.title": "Infusion therapies for lupus",
    "overview.note": (
        "SLE = systemic lupus erythematosus. LN = lupus nephritis (lupus in the kidneys). "
        "Schedules are the usual ones on the label; your own schedule comes from your care team. "
        "For one therapy in full: lupus-guide therapies NAME"
    ),
    "fact.drug_type": "Drug type",
    "fact.how_it_works": "How it works",
    "fact.how_given": "How it is given",
    "fact.also_called": "Also called",
    "page.approved": "Approved for lupus?",
    "page.sle": "SLE",
    "fact.ln": "Lupus nephritis",
    "fact.usual_schedule": "Usual schedule",
    "page.first_infusions": "First infusions",
    "page.later_infusions": "Later infusions",
    "fact.infusion_time": "Infusion time",
    "fact.schedule_heading": "The usual schedule on the label",
    "page.premedication": "Medicines before the infusion (premedication)",
    "page.before_starting": "Before you start",
    "page.side_effects": "Side effects and warnings",
    "page.pregnancy": "Pregnancy",
    "page.breastfeeding": "Breastfeeding",
    "page.monitoring": "Tests and check-ups",
    "page.missed_dose": "If an infusion is missed",
    "page.assistance": "Help paying",
    "heading.sources": "Sources",
    "side_effects.title": "Side effects",
    "handout.title": "{name}: what to know",
    "handout.lead": (
        "A guide for you and your family. It explains; it does not decide. Your care team decides"
        " your treatment, your dose and your schedule."
    ),
    "handout.what_it_is": "What it is",
    "handout.approved": "Is it approved for lupus?",
    "handout.sle": "Lupus (SLE)",
    "handout.checklist": "Your checklist",
    "handout.side_effects": "Side effects: what is expected, and when to call",
    "handout.questions": "Questions to ask your care team",
    "frame.last_reviewed": "Content last reviewed {date}.",
    "prepare.title": "Infusion checklist",
    "prepare.one_therapy": (
        "For the items that go with one therapy: lupus-guide prepare --therapy NAME"
    ),
    "clinic.call": "Call",
    "clinic.address": "Address",
    "clinic.hours": "Hours",
    "clinic.parking": "Parking",
    "clinic.your_center": "Your infusion center: {clinic}",
    "prepare.follow_center": (
        "Follow your infusion center's instructions when they differ from this list."
    ),
    "faq.topics": "Topics: {topics}",
    "faq.no_topic": "No FAQ topic named \"{topic}\".",
    "faq.title": "Questions people ask",
    "faq.column.question": "Question",
    "faq.column.topics": "Topics",
    "faq.for_an_answer": "For an answer: lupus-guide faq WORDS (for example: lupus-guide faq eat)",
    "faq.no_match": "No question matches \"{text}\".",
    "faq.no_match_hint": "Try fewer words, or run `lupus-guide faq` to see every question.",
    "faq.answers_for": "Answers for \"{text}\"",
    # search ranking and completion (issue 15)
    "faq.more_questions": "Other questions that may help",
    "faq.more_hint": "For one of these answers: lupus-guide faq with words from its question.",
    "search.no_match": "Nothing in the guide matches \"{text}\".",
    "search.no_match_hint": "Try another word, or `lupus-guide faq` for the list of questions.",
    "search.title": "Search: \"{text}\"",
    "search.heading": "Search results for \"{text}\"",
    "search.column.where": "Where",
    "search.column.what": "What",
    "topics.costs": "Costs and insurance",
    "topics.care": "Long-term care and check-ups",
    "sources.count_one": "{count} source. Each fact in the guide names where it comes from.",
    "sources.count": "{count} sources. Each fact in the guide names where it comes from.",
    "sources.checked": "{url}  (checked {date})",
    "validate.checked_bundled": "Checked the bundled content",
    "validate.checked_pack": "Checked the bundled content and the clinic pack '{pack}'",
    "validate.found_one": "{count} problem found:",
    "validate.found": "{count} problems found:",
    "validate.fix": (
        "Fix each one, then run 'lupus-guide validate' again. The guide for pack authors: "
        "'lupus-guide pack guide'"
    ),
    "validate.none": "No problems found.",
    "paths.no_pack": "none (use --clinic DIR or set LUPUS_GUIDE_CLINIC)",
    "paths.bundled": "Bundled content",
    "paths.pack": "Clinic pack",
    "paths.data": "User data",
    "paths.cache": "Cache",
    "paths.title": "Paths",
    "paths.heading": "Where lupus-guide keeps things",
    "paths.from": "{pack} (from {source})",
    "changes.title": "What changed in the guide",
    "changes.title_since": "What changed in the guide since {date}",
    "changes.none": "No changes.",
    "changes.none_since": "No changes since {date}.",
    "changes.affects": "Affects: {ids}",
    "schedule.care_team": (
        "Your real schedule is set by your care team. These are the usual dates from the label or"
        " guideline, to help you plan; follow the dates your care team gives you."
    ),
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
    "schedule.title": "Infusion dates: {name}",
    "schedule.regimen": "Regimen: {name} ({id})",
    "schedule.care_team_title": "Your care team sets your schedule",
    "schedule.column.dose": "Dose",
    "schedule.column.date": "Date",
    "schedule.column.weekday": "Weekday",
    "schedule.column.phase": "Phase",
    "schedule.no_dates": (
        "The guide shows no dates for this therapy: your care team sets them (the notes below "
        "say why). Ask them for your dates."
    ),
    "schedule.notes": "Notes",
    "schedule.no_dates_to_export": (
        "There are no dates to export for {therapy}: your care team sets them."
    ),
    "journal.title": "Journal",
    "journal.saved": "Saved {kind} entry {id} ({date}).",
    "journal.no_entries": "No entries.",
    "journal.stays_here": "Your journal stays on this computer. Nothing is sent anywhere.",
    "journal.column.entry": "Entry",
    "journal.column.when": "When",
    "journal.column.kind": "Kind",
    "journal.column.therapy": "Therapy",
    "journal.column.details": "Details",
    "journal.no_entry": "There is no journal entry {id}.",
    "journal.see_list": "See `lupus-guide journal list`.",
    "journal.entry_title": "Journal entry {id}",
    "journal.changed": "Changed entry {id}.",
    "journal.deleted": "Deleted entry {id}.",
    "journal.imported_counts": "Imported {added} {entries}{skipped}.",
    "journal.entry_one": "entry",
    "journal.entry_many": "entries",
    "journal.skipped": ", skipped {count} already in the journal",
    "journal.start_needs_therapy": "--start needs --therapy (whose schedule to check against).",
    "summary.title": "Visit summary",
    "summary.infusions": "Infusions ({count})",
    "summary.none_logged": "None logged.",
    "summary.against": "Against the usual schedule",
    "summary.against_note": (
        "Your care team sets your real schedule; this compares what you logged with the usual "
        "dates from the label or guideline."
    ),
    "summary.column.dose": "Dose",
    "summary.column.planned": "Planned",
    "summary.column.logged": "Logged",
    "summary.no_doses_due": "No doses due yet.",
    "summary.no_therapy": "no therapy named",
    "summary.no_severity": "not recorded",
    "summary.reactions": "Reactions ({count})",
    "summary.column.severity": "Severity",
    "summary.column.count": "Count",
    "summary.flagged_note": (
        "Logged symptoms that match the guide's lists for that therapy. Emergency signs need your"
        " local emergency number (911 in the US) at the time, not a note."
    ),
    "summary.none": "None.",
    "input.empty": "The {what} is empty.",
    "input.empty_hint": "Type a word or two, for example: pain",
    "input.too_long": "The {what} is longer than {limit} characters.",
    "input.control": "The {what} contains control characters.",
    "input.not_utf8": "The {what} is not UTF-8 text.",
    "input.not_utf8_hint": "Check the terminal's encoding.",
    "input.not_a_date": "{option} \"{text}\" is not a date.",
    "input.date_hint": "Write it as YYYY-MM-DD, for example 2027-01-15.",
    "input.not_a_time": "--time \"{text}\" is not a time of day.",
    "input.time_hint": "Write it as HH:MM, for example 09:30.",
    "find.see_all": "Run `lupus-guide therapies` to see them all.",
    "find.ambiguous": "\"{name}\" is more than one therapy.",
    "find.none": "No therapy named \"{name}\".",
    "plan.no_schedule": "The guide has no usual schedule for {therapy}.",
    "plan.ask_care_team": "Ask your care team for your dates.",
    "plan.regimens": "Regimens: {ids}",
    "plan.no_regimen": "{therapy} has no regimen \"{regimen}\".",
    "plan.count_range": "--count must be from 1 to {limit}, not {count}.",
    "plan.count_or_until": "Give --count or --until, not both.",
    "plan.continue": (
        "To continue a schedule, give --from-dose N and --last DATE (the date of dose N-1), "
        "without --start."
    ),
    "plan.two_to": "2 to {total}",
    "plan.two_or_more": "2 or more",
    "plan.from_dose_range": "--from-dose must be {limit} for this regimen, not {dose}.",
    "plan.from_dose_within": "--from-dose must be within this regimen, not {dose}.",
    "plan.give_start": "Give --start DATE (the first infusion), or --from-dose N --last DATE.",
    "plan.until_before": "--until {until} is before the first infusion on {first}.",
    "plan.day": "{count} day",
    "plan.days": "{count} days",
    "plan.on_the_day": "on the day",
    "plan.late": "{days} late",
    "plan.early": "{days} early",
    "plan.missed": "missed",
    "plan.not_logged": "not logged yet",
    "journal.option_empty": "--{option} is empty.",
    "journal.option_control": "--{option} contains control characters.",
    "journal.option_text": "--{option} text",
    "journal.nothing_to_change": "Nothing to change.",
    "journal.nothing_to_change_hint": "Give a field to change, e.g. --note TEXT.",
    "journal.cannot_read": "cannot read {file}: {reason}.",
    "journal.not_export": "{file} is not a lupus-guide journal export.",
    "journal.not_export_hint": "Make one with `lupus-guide journal export --format json`.",
    "run.wrote": "wrote {path} ({format})",
    "run.internal_error": "internal error ({kind}). Set LUPUS_GUIDE_DEBUG=1 to see details.",
    "run.wrote_calendar": "wrote {path} (iCalendar, {count} infusions)",
    "journal.delete_no_one_to_ask": (
        "journal delete asks before deleting, and there is no one to ask."
    ),
    "journal.delete_yes": "Add --yes to delete without asking.",
    "journal.delete_confirm": "Delete journal entry {id}?",
    "journal.nothing_deleted": "Nothing was deleted.",
    "output.is_folder": "cannot write {path}: it is a folder.",
    "output.cannot_write": "cannot write {path}: {reason}.",
    "output.stdout_failed": "cannot write to standard output: {reason}.",
    "schedule.past_9999": "These infusion dates would run past the year {year}.",
    "schedule.past_9999_hint": "Check the dates given (--start, --last).",
    "schedule.bad_duration": "--duration must be from 1 to 1440 minutes, not {minutes}.",
    "schedule.tz_needs_time": "--tz needs --time (all-day events have no time zone).",
    "output.read_only": "cannot write {path}: it is read-only.",
    "output.is_journal": "cannot write {path}: it is the journal itself.",
    "pack.set_aside": "warning: the clinic pack '{folder}' cannot be used ({problem}); showing "
                      "the guide without it. 'lupus-guide validate' lists every problem.",
    "ics.not_a_zone": "--tz \"{zone}\" is not a time zone.",
    "ics.zone_hint": "Use a name such as America/Chicago or Europe/London.",
    "ics.calendar_name": "{therapy} infusions",
    "ics.care_team": "Your real schedule is set by your care team.",
    "ics.before_you_go": "Before you go:",
    "ics.call": "Call {phones}",
    "ics.event": "{name} infusion (dose {number}, {phase})",
    "ics.reminder": "Infusion tomorrow: {name}",
    "store.none_yet": "There is no journal yet.",
    "store.none_yet_hint": "Add an entry to start one.",
    "store.newer": (
        "{path} was written by a newer lupus-guide (journal version {version}); it was not "
        "changed."
    ),
    "store.newer_hint": "Update lupus-guide to read it.",
    "store.busy": "The journal {path} is busy in another program.",
    "store.busy_hint": "Try again in a moment.",
    "store.read_only": "The journal {path} is read-only; nothing was changed.",
    "store.damaged": (
        "{path} is not a readable lupus-guide journal (it may be damaged); it was not changed."
    ),
    "store.damaged_hint": "Keep a copy and restore from an export.",
    "store.cannot_open": "The journal {path} cannot be opened ({kind}).",
    "store.cannot_use": "The journal {path} could not be used ({kind}).",
    "problem.safety_replace": "'{id}' carries the guide's safety information (emergency signs, "
                              "fever, 911 or 988): a clinic pack cannot replace it (add a note "
                              "in clinic.yaml instead)",
    "problem.safety_hide": "hide.{stem} names '{id}', which carries the guide's safety "
                           "information (emergency signs, fever, 911 or 988): it cannot be hidden",
    "problem.lookalike": "therapy '{id}': the name '{name}' looks like '{other}', a name of the "
                         "bundled '{bundled}'; a clinic pack cannot add a therapy that could be "
                         "taken for a bundled one (add a note for it in clinic.yaml instead)",
    "import.hint": "Nothing was imported.",
    "import.make_one": "Make one with `lupus-guide journal export --format json`.",
    "import.too_deep": "{file} is nested too deeply to be a journal export.",
    "import.not_json": "{file} is not valid JSON, so not a lupus-guide journal export.",
    "import.cannot_read": "cannot read {file}: {reason}.",
    "import.folder": "{file} is a folder, not a journal export.",
    "import.not_regular": "{file} is not a regular file (a device, a pipe or a socket); "
                          "lupus-guide imports only a file made by `journal export`.",
    "import.too_large": "{file} is larger than {mb} MB, too large for a journal export.",
    "import.not_utf8": "{file} is not UTF-8 text (byte {byte}), so not a journal export.",
    "import.not_export": "{file} is not a lupus-guide journal export ({detail}).",
    "import.at": " (at {where})",
    "import.bad_entry": "{file}: entry {number}: {problem}.",
    "import.same_uuid": "it has the same uuid as entry {number}.",
    "import.unknown_field": "\"{name}\" is not a journal field (one of {fields}).",
    "import.not_one_of": "its {name} is not one of {allowed}.",
    "import.bad_date": "its {what} is not a date written YYYY-MM-DD.",
    "import.bad_time": "its time is not a time of day written HH:MM.",
    "import.bad_uuid": "its uuid is not a UUID.",
    "files.file": "file",
    "files.folder": "folder",
    "files.not_yours": "The journal {what} {path} belongs to another user; it was not used or "
                       "changed.",
    "files.own_folder_hint": "Set LUPUS_GUIDE_HOME to a folder of your own.",
    "files.folder_unusable": "The journal folder {path} cannot be used ({reason}).",
    "files.folder_tightened": "the journal folder {path} was open to other users (mode {mode}); "
                              "it is now 0700 (yours only).",
    "files.folder_shared": "The journal folder {path} can be changed by other users; lupus-guide "
                           "keeps no journal there.",
    "files.folder_unmakeable": "The journal folder {path} cannot be made ({reason}).",
    "files.unusable": "The journal {path} cannot be used ({reason}).",
    "files.link": "The journal {what} {path} is a symbolic link; lupus-guide uses only a journal "
                  "file of its own, and did not change it.",
    "files.link_hint": "Move the file itself there.",
    "files.not_regular": "The journal {what} {path} is not a regular file; it was not used or "
                         "changed.",
    "files.file_tightened": "the journal {path} was open to other users (mode {mode}); it is now "
                            "0600 (yours only).",
    "files.unprivate": "The journal {path} cannot be made private ({reason}).",
    "files.unmakeable": "The journal {path} cannot be made ({reason}).",
    "problem.missing": "file is missing",
    "problem.missing_clinic": (
        "file is missing: a clinic pack names its clinic in clinic.yaml ('lupus-guide pack "
        "init DIR' writes a starter pack)"
    ),
    "problem.no_sources": "{id} cites no sources (at least one is required)",
    "problem.no_guide": "guide.yaml is missing or invalid",
    "problem.replaces_bundled": (
        "therapy {id} is bundled: a clinic pack cannot replace it or its warnings (add a note for"
        " it in clinic.yaml instead)"
    ),
    "problem.changes_order": "changes are not newest first",
    "regimen.phases_but_care_team": "has phases, but says the care team sets it",
    "regimen.no_phases": "has no phases (or say set_by_care_team: true)",
    "regimen.one_interval": "phase {phase} needs exactly one of every_days and every_months",
    "regimen.doses_not_last": "phase {phase} has no number of doses, but is not the last",
    "regimen.needs_doses": "phase {phase} ({name}) needs a number of doses",
    "problem.duplicate_id": "duplicate id {id} (first used on line {line})",
    "file.too_large_bytes": "file is larger than {mb} MB ({size} bytes)",
    "file.is_folder": "is a folder, not a file",
    "file.permission": "cannot be read: permission denied",
    "file.dangling_link": "links to a file that does not exist",
    "file.missing": "does not exist",
    "file.unreadable": "cannot be read: {reason}",
    "file.too_large": "file is larger than {mb} MB",
    "file.binary": "is a binary file, not YAML text",
    "file.not_utf8": "is not UTF-8 text (bad byte at offset {offset})",
    "file.empty": "is empty",
    "file.outside_pack": "links to a file outside the clinic pack folder; copy the file into "
                         "the pack instead",
    "file.not_regular": "is not a regular file (a device, a pipe or a socket)",
    "file.unsafe_character": "text holds a control or invisible character ({code}) that could "
                             "change what a terminal shows; remove it",
    # issue 15, the first screen (branch f15): the start page, `start NAME`, costs NAME, the pager
    "home.title": "lupus-guide: a guide to infusion therapy for lupus (SLE) and lupus nephritis",
    "home.new": "New to infusions? Try `lupus-guide start benlysta` (or any therapy's name).",
    "home.most_need": "What most people need",
    "home.start": "one screen about one therapy: the visit, food, what to bring, when to call",
    "home.prepare": "a checklist for before, during and after an infusion",
    "home.side_effects": "side effects: which are an emergency, when to call, which are common",
    "home.faq": "answers to the questions people ask, e.g. lupus-guide faq eat",
    "home.more": "Every command: lupus-guide --help. One command: lupus-guide help COMMAND.",
    "home.emergency_title": "Emergency",
    "home.emergency": "In an emergency, call 911 now (or your local emergency number).",
    "start.title": "Starting {name}",
    "start.usual": "Usual schedule",
    "start.how_long": "How long",
    "start.at_visit": "At the visit",
    "start.eating": "Eating, drinking",
    "start.bring": "Bring and plan",
    "start.clinic_bring": "{clinic} asks you to bring: {things}.",
    "start.clinic_says": "Your center says",
    "start.call": "Call your care team right away",
    "start.next": "What to run next:\n{commands}",
    "start.what_it_is": "What it is",
    "start.did_you_mean": "\"{name}\" is a therapy, not a command. Try: lupus-guide start {name}",
    "costs.help_paying": "Help paying for {name}",
    "pager.failed": "the pager {pager} could not start; printing directly",
    # issue 14: schedules for every plan (dates the care team gives, short regimen names, alarms)
    "given.not_interval": "--every \"{text}\" is not an interval.",
    "given.interval_hint": "Write a number and a unit, for example 14d, 2w or 6mo.",
    "given.unknown_unit": "--every \"{text}\": \"{unit}\" is not a unit of days, weeks or months.",
    "given.interval_range": (
        "--every \"{text}\" is out of range: use 1 to {days} days, 1 to {weeks} weeks or 1 to "
        "{months} months."
    ),
    "given.too_many": "--dates gives more than {limit} dates.",
    "given.empty_date": "--dates has an empty date (two commas in a row, or one at an end).",
    "given.twice": "--dates gives {date} twice.",
    "given.unsorted": "--dates must be in order: {earlier} is listed after {later}.",
    "given.order_hint": "List each date once, from the first to the last.",
    "given.dates_or_every": "Give --dates or --every, not both.",
    "given.dates_alone": (
        "--dates lists every date: leave out --start, --count, --until and --last."
    ),
    "given.every_needs_start": (
        "--every needs --start DATE (the first infusion), or --from-dose N --last DATE."
    ),
    "given.from_dose_range": "--from-dose must be from 1 to 10000, not {dose}.",
    "plan.regimen_ambiguous": "--regimen \"{regimen}\" fits more than one {therapy} regimen.",
    "schedule.phase.loading": "first doses",
    "schedule.phase.maintenance": "later doses",
    "schedule.phase.course": "the course",
    "schedule.phase.given": "your care team's date",
    "schedule.given_title": "Your dates",
    "schedule.given_note": (
        "These are the dates you gave, from your care team. Follow your care team if a date "
        "changes."
    ),
    "schedule.given_every": "One infusion every {every}.",
    "schedule.every_days": "{count} days",
    "schedule.every_months": "{count} months",
    "schedule.others": "Other usual schedules for {therapy}:",
    "schedule.other": "{name} (--regimen {short})",
    "schedule.pick_other": "To use one, add --regimen and its short name, as shown.",
    "ics.first_dose": "Before your first dose:",
    "ics.event_given": "{name} infusion (dose {number})",
    "schedule.give_dates": (
        "Give their dates: --dates 2027-01-04,2027-01-18, or --every 14d --start DATE."
    ),
    "ics.remind_none_or_time": "--remind \"{text}\" is not a time of day or \"none\".",
    "ics.remind_hint": "Write it as HH:MM, for example 09:00, or none for no reminder.",
    # --- issue 14: the journal's summary, follow-ups and prompts (helper j14) ---------------
    "journal.not_a_field": "--{option} is not a field of a {kind} entry.",
    "journal.fields_of": "A {kind} entry has {options}.",
    "journal.no_follow_up": "Entry {id} is not a call with a follow-up.",
    "journal.no_follow_up_hint": "Give a call a follow-up date with "
                                 "`lupus-guide journal edit ID --follow-up DATE`.",
    "journal.closed": "Closed the follow-up of entry {id} ({date}).",
    "journal.no_journal_yet": "No journal yet. Start one with "
                              "`lupus-guide journal add note \"...\"`.",
    "journal.future_date": "the date {date} is in the future; to plan infusions, use "
                           "`lupus-guide schedule`.",
    "journal.prompt_911": "If this is happening now, call 911 (or your local emergency number).",
    "journal.prompt_call": "The guide says to call your care team about this now, not at your "
                           "next visit{phones}.",
    "journal.prompt_phones": ": {phones}",
    "journal.not_in_guide": "{therapy} (not in the guide)",
    "journal.name_saved": "Saved the name for the summary: {name}.",
    "journal.name_is": "The summary says whose journal it is: {name}.",
    "journal.name_none": "No name saved. Save one with `lupus-guide journal name \"...\"`.",
    "journal.name_forgotten": "Forgot the saved name.",
    "summary.whose": "Journal of",
    "summary.period": "Period",
    "summary.period_value": "{start} to {end}",
    "summary.period_start": "the first entry",
    "summary.printed": "Printed",
    "summary.next_dose": "Next usual dose of {therapy}: dose {dose} on {date} ({regimen}).",
    "summary.next_dose_none": "No next usual dose: {regimen} has no more doses after today.",
    "summary.next_dose_care_team": "Next dose: {regimen} dates are set by your care team.",
    "summary.attention": "Needs attention",
    "summary.attention_none": "No severe reactions, no symptoms the guide lists as a reason to "
                              "call, and no overdue follow-ups.",
    "summary.attention_severe": "{when} {therapy}: {symptom} (severe)",
    "summary.attention_flag": "{when} {therapy}: {symptom} ({severity}) - {label}: {item}",
    "summary.attention_overdue": "Follow-up overdue since {date}: {with} - {about}",
    "summary.label_emergency": "emergency sign",
    "summary.label_call": "call-the-team sign",
    "summary.every_reaction": "Every reaction",
    "summary.counts": "Reactions by therapy and severity",
    "summary.column.symptom": "Symptom",
    "summary.column.note": "Note",
    "summary.column.flag": "The guide says",
    "summary.column.due": "Due",
    "summary.column.with": "With",
    "summary.column.about": "About",
    "summary.column.state": "State",
    "summary.overdue": "OVERDUE",
    "summary.open": "open",
    "summary.closed_on": "closed {date}",
    "summary.follow_ups_all": "Follow-ups ({count} open)",
    "summary.future_infusion": "planned (a future date)",
    "summary.start_in_future": "No doses due yet: the schedule starts on {date}.",
    # issue 15, printed handout and numbered sources (p15)
    "ref.checked": "{title} (checked {date})",
    "ref.none": "Sources are left out of this copy (--sources none). "
                "lupus-guide sources lists them all.",
    "print.page": "Page",
    "print.of": "of",
    "print.reviewed": "Content reviewed {date}",
    "print.patient_name": "Name",
    "print.date": "Date",
    "print.care_team_phone": "Care team phone",
    "print.what_happens": "What will happen",
    "handout.steps_why": "Why each step matters: lupus-guide prepare {id}",
    "handout.your_clinic": "Your infusion center: {clinic}",
    "output.unknown_suffix": "cannot write {suffix} files. Use one of: {suffixes} (or --format).",
    "output.pdf_needs_file": "a PDF is written to a file: add -o FILE.pdf.",
    "output.pdf_missing": "writing PDF needs WeasyPrint: pip install 'lupus-guide[pdf]' "
                          "(or write HTML and print it from a browser).",
    "output.pdf_failed": "WeasyPrint could not make the PDF: {reason}.",
    # issue 16: clinic pack authoring (validate in plain words, ids, pack init, pack guide)
    "place.in": "in {place}",
    "place.item": "item {number}",
    "place.entry": "the entry '{id}'",
    "problem.did_you_mean": "did you mean '{name}'?",
    "yaml.tab": "a tab is used for indenting here; indent with spaces (YAML does not allow tabs)",
    "yaml.colon": "this text holds a colon followed by a space, so YAML reads it as a new key; "
                  "put the text in quotes: {fixed}",
    "yaml.indent": "this line is indented differently from the lines around it; line up the keys "
                   "of one entry under each other, with spaces",
    "yaml.no_colon": "a line here is not 'key: value' and not a list item ('- '); check the "
                     "indenting and the colons",
    "yaml.other": "YAML error: {problem}",
    "yaml.unclosed": "a '{opened}' above is not closed: end the list with '{closer}' (or put "
                     "each item on its own line starting with '- ')",
    "yaml.space_after_colon": "line {line} has no space after the colon, so YAML does not read "
                              "it as a key and its value; write {fixed}",
    "yaml.quote_inside": "a quote mark inside quoted text ends the text early; put text that "
                         "holds \" in single quotes, and text that holds ' in double quotes",
    "yaml.read_as_bool": "'{raw}' was read as {value} (YAML 1.1), not as text; put it in quotes: "
                         "'{raw}'",
    "yaml.read_as_float": "'{raw}' was read as the number {number}, not as text; put it in "
                          "quotes: '{raw}'",
    "yaml.read_as_number": "'{raw}' was read as a number, not as text; put it in quotes: '{raw}'",
    "got.str": "text",
    "got.array": "a list",
    "got.object": "a group of 'key: value' lines",
    "got.int": "a number",
    "got.float": "a number",
    "got.bool": "true or false",
    "got.null": "nothing",
    "problem.choice": "'{value}' is not one of the choices: {choices}",
    "problem.want_list": "a list is expected here: put each item on its own line starting with "
                         "'- '",
    "problem.colon_in_text": "this text holds a colon followed by a space, so YAML read it as "
                             "'key: value'; put the text in quotes: {fixed}",
    "problem.want_text_not_value": "text is expected here, but YAML read {got}; put the value in "
                                   "quotes to keep it as text",
    "problem.want_text": "text is expected here, not {got}; write it after the colon on the same "
                         "line (in quotes if it holds a colon)",
    "problem.space_after_colon": "there is no space after the colon, so YAML read text, not a "
                                 "key and its value; write {fixed}",
    "problem.want_fields": "a group of 'key: value' lines is expected here, not {got}",
    "problem.want_other": "{expected} is expected here, not {got}",
    "problem.want_url": "a web address is expected here: https:// and printable characters only",
    "problem.want_date": "'{value}' is not a date written YYYY-MM-DD, like 2027-01-15",
    "problem.id_lower": "'{value}' is not an id: ids are lower-case letters, digits and hyphens; "
                        "write '{fixed}'",
    "problem.want_id": "'{value}' is not an id: ids are lower-case letters, digits and hyphens, "
                       "like 'bring-book'",
    "problem.empty_text": "this text is empty; write something, or leave the key out",
    "problem.too_few": "this list needs at least {count} item(s)",
    "problem.too_long": "this text is longer than {count} characters",
    "problem.too_many": "this list has more than {count} items",
    "problem.missing_key": "'{key}' is missing: it is required here",
    "problem.missing_keys": "{keys} are missing: they are required here",
    "problem.unknown_key": "unknown key '{key}'",
    "problem.known_keys": "the keys here are: {keys}",
    "problem.unknown_file": "unknown file '{name}': lupus-guide does not read it, so nothing in "
                            "it is used",
    "problem.pack_files": "a clinic pack's files are: {files}",
    "problem.unknown_ref": "'{ref}' is not {kind}",
    "problem.see_ids": "'lupus-guide ids {kind}' lists them all",
    "ref.therapies": "a therapy in the guide or the pack (by id, generic or brand name)",
    "ref.checklists": "the id of a checklist item",
    "ref.faq": "the id of a question (faq)",
    "ref.costs": "the id of a costs topic",
    "ref.care": "the id of a care topic",
    "ref.any": "the id of an entry in the guide",
    "ids.title": "Ids a clinic pack can use",
    "ids.lead": "Hide an entry in clinic.yaml (hide: KIND: [id]), replace one with an entry of "
                "your own with the same id, or add a note for a therapy (notes: - therapy: id). "
                "Entries with the guide's safety information stay as they are.",
    "ids.column.id": "Id",
    "ids.column.title": "Title",
    "ids.column.shown": "Shows up in",
    "ids.column.may": "A pack may",
    "ids.kind.therapies": "Therapies (hide: therapies)",
    "ids.kind.checklists": "Checklist items (hide: checklists)",
    "ids.kind.faq": "Questions (hide: faq)",
    "ids.kind.costs": "Costs and insurance topics (hide: costs)",
    "ids.kind.care": "Long-term care topics (hide: care)",
    "ids.shown.therapies": "therapies, side-effects, handout, schedule, prepare --therapy",
    "ids.shown.checklists": "prepare ({stage})",
    "ids.shown.for_therapies": "for {ids}",
    "ids.shown.faq": "faq",
    "ids.shown.costs": "costs",
    "ids.shown.care": "care",
    "ids.may.hide": "hide",
    "ids.may.replace": "replace",
    "ids.may.note": "add notes",
    "ids.may_nothing": "nothing (safety information)",
    "starter.title": "Started the clinic pack '{folder}'",
    "starter.wrote": "Wrote these files, each with notes on what goes in it:",
    "starter.next": "Next: change the values in clinic.yaml, then check the pack with "
                    "'lupus-guide validate {folder}' and see it as a patient will with "
                    "'lupus-guide prepare --clinic {folder}'. The guide: 'lupus-guide pack guide'.",
    "starter.folder_exists": "'{folder}' already exists; 'pack init' writes a new folder and "
                             "never changes one.",
    "starter.file_exists": "'{folder}' already exists and is not a folder; it was not changed.",
    "starter.is_link": "'{folder}' is a symbolic link; 'pack init' writes a new folder and "
                       "never follows a link.",
    "starter.new_name": "Give a new folder name.",
    "starter.no_parent": "cannot make '{folder}': the folder it goes in does not exist.",
    "starter.cannot_write": "cannot write the clinic pack '{folder}': {reason}.",
    # i18n (issue 17): languages, dates, the renderers' fixed words
    "lang.unknown": "{source} \"{asked}\" is not an installed language.",
    "lang.not_installed": "\"{asked}\" is not an installed language.",
    "lang.installed": "Installed languages: {languages}.",
    "lang.help": "Language of the output: {languages} (or set LUPUS_GUIDE_LANG; else the locale).",
    "lang.pack_text": "[{language} text from the clinic]",
    "lang.name.en": "English",
    "lang.name.es": "Spanish",
    "version.line": "lupus-guide {version} (languages: {languages})",
    "paths.languages": "Languages",
    "render.checked": "(checked {date})",
    "date.long": "{weekday}, {month} {day}, {year}",
    "date.long_no_weekday": "{month} {day}, {year}",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
}

# The active language's templates by id (None: English). Set once per run by ``use``; a
# translation whose English has changed since (or that is missing or fuzzy) is not used.
_active: dict[str, str] | None = None
_active_lang = "en"


def use(lang: str) -> None:
    """Speak ``lang`` from now on (``en``: the table above; another language: its catalogue,
    read now). Called once per run, when its language is known."""
    global _active, _active_lang
    if lang == _active_lang:
        return
    _active_lang = lang
    from lupus_guide.i18n.catalogue import forget, templates

    if lang == "en":
        _active = None
        forget()
        return

    _active = templates(lang, ENGLISH)


def language() -> str:
    """The language ``say`` speaks now."""
    return _active_lang


class Said(Mapping[str, str]):
    """Messages by key (``Said("stage.{}", STAGES)["before"]``), said when asked for: in the
    language of that moment, not in the one spoken when a module was imported."""

    def __init__(self, pattern: str, keys: Iterable[str]) -> None:
        self._pattern, self._keys = pattern, tuple(keys)

    def __getitem__(self, key: str) -> str:
        if key not in self._keys:
            raise KeyError(key)
        return say(self._pattern.format(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def say(message_id: str, /, **values: object) -> str:
    """The message ``message_id`` in the guide's language, with ``values`` filled in."""
    template = ENGLISH[message_id]
    if _active is not None:
        translated = _active.get(message_id)
        if translated is not None:
            try:
                return translated.format(**values) if values else translated
            except (KeyError, IndexError, ValueError):  # a broken translation: the English
                pass
    return template.format(**values) if values else template
