"""`journal summary`: the page for the next visit. What needs attention stands at the top (every
severe reaction, every symptom the guide lists as a reason to call or to call 911, overdue
follow-ups); then follow-ups, infusions (against the usual schedule when one is given) and every
reaction in full."""

from __future__ import annotations

import datetime as dt

from lupus_guide.document import Callout, Fields, Heading, Paragraph, Table
from lupus_guide.errors import UsageError
from lupus_guide.journal import Entry
from lupus_guide.journal_actions import check_date, in_guide, journal_exists, open_journal
from lupus_guide.messages import say
from lupus_guide.views import Result, new_document, reads, to_data


@reads("therapies", "regimens", "care")
def summary(content, env, *, since: str | None = None, until: str | None = None,
            therapy: str | None = None, start: str | None = None, regimen: str | None = None,
            name: str | None = None) -> Result:
    """A summary for the next visit; with --therapy and --start, the infusions are checked
    against the usual schedule and the next usual dose is named."""
    from lupus_guide.flags import EMERGENCY, in_english, match, signs_for
    from lupus_guide.journal_settings import saved_name

    since, until = check_date(since, "--since"), check_date(until, "--until")
    if start is not None and therapy is None:
        raise UsageError(say("journal.start_needs_therapy"))
    today = dt.date.today()
    entries: list[Entry] = []
    if journal_exists(env):
        with open_journal(env, write=False) as journal:
            entries = journal.entries(since=since, until=until)
    else:
        env.write(f"lupus-guide journal summary: {say('journal.no_journal_yet')}\n", env.stderr)
    name = name if name is not None else saved_name(env)
    infusions = [e for e in entries if e.kind == "infusion"]
    reactions = [e for e in entries if e.kind == "reaction"]
    signs: dict = {}
    english = in_english(content, env)  # the lists are read in English
    known: dict[tuple, list] = {}  # the same symptom is often logged again and again

    def flags_of(entry: Entry):
        key = entry.therapy if in_guide(content, entry.therapy) else None
        symptom = entry.fields.get("symptom", "")
        if (key, symptom) not in known:
            if key not in signs:
                signs[key] = signs_for(english, key)
            known[key, symptom] = match(symptom, signs[key])
        return known[key, symptom]

    flagged = {e.id: flags_of(e) for e in reactions}
    follow_ups = _follow_ups(entries, today.isoformat())
    planned, next_dose = _schedule(content, therapy, start, regimen, infusions, today)
    end = until or today.isoformat()
    period = (since or (entries[0].date if entries else None), end)
    printed = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    attention = _attention(content, reactions, flagged, follow_ups, EMERGENCY)
    data = {"name": name, "since": period[0], "until": period[1], "printed": printed,
            "next_dose": next_dose, "infusions": [to_data(e) for e in infusions],
            "schedule": planned, "reactions": [to_data(e) for e in reactions],
            "flagged": [{"entry": i, "level": f[0].level, "item": f[0].item,
                         "levels": sorted({x.level for x in f})}
                        for i, f in flagged.items() if f],
            "severe": [e.id for e in reactions if e.fields.get("severity") == "severe"],
            "follow_ups": [{**to_data(e), "state": state} for e, state in follow_ups],
            "open_follow_ups": [to_data(e) for e, state in follow_ups if state != "closed"]}

    def document():
        title = say("summary.title")
        doc = new_document(content, title)
        doc.kind = "visit"  # printed: the disclaimer is kept with the last block (no orphan page)
        doc.add(Heading(title))
        facts = [(say("summary.whose"), name)] if name else []
        doc.add(Fields(facts + [
            (say("summary.period"), say("summary.period_value", end=period[1],
                                        start=period[0] or say("summary.period_start"))),
            (say("summary.printed"), printed)]))
        if next_dose:
            doc.add(Paragraph(next_dose["text"]))
        doc.add(Callout("emergency" if attention and attention[0][0] else "call",
                        say("summary.attention"),
                        say("summary.flagged_note") if attention
                        else say("summary.attention_none"),
                        [line for _, line in attention]))
        _add_follow_ups(doc, follow_ups)
        _add_infusions(doc, content, infusions, planned, today,
                       (next_dose or {}).get("starts"))
        _add_reactions(doc, content, reactions, flagged)
        return doc

    return Result("journal summary", data, document)


def _when(entry: Entry) -> str:
    return entry.date + (f" {entry.time}" if entry.time else "")


def therapy_label(content, therapy: str | None) -> str:
    if therapy is None:
        return say("summary.no_therapy")
    return therapy if in_guide(content, therapy) else say("journal.not_in_guide", therapy=therapy)


def _attention(content, reactions, flagged, follow_ups, emergency) -> list[tuple[bool, str]]:
    """(urgent, line): severe and flagged reactions, most urgent first, then overdue follow-ups."""
    lines: list[tuple[int, str, bool, str]] = []
    for entry in reactions:
        flags = flagged.get(entry.id) or []
        severe = entry.fields.get("severity") == "severe"
        if not flags and not severe:
            continue
        values = {"when": _when(entry), "therapy": therapy_label(content, entry.therapy),
                  "symptom": entry.fields.get("symptom", "")}
        if flags:
            first = flags[0]
            label = say("summary.label_emergency" if first.level == emergency
                        else "summary.label_call")
            line = say("summary.attention_flag", **values, label=label, item=first.item,
                       severity=entry.fields.get("severity", say("summary.no_severity")))
        else:
            line = say("summary.attention_severe", **values)
        rank = 0 if severe else 1 if flags[0].level == emergency else 2
        lines.append((rank, entry.date, rank < 2, line))
    lines.sort(key=lambda item: (item[0], item[1]))
    result = [(urgent, line) for _, _, urgent, line in lines]
    result += [(False, say("summary.attention_overdue", date=e.fields.get("follow_up"),
                           about=e.fields.get("about", ""), **{"with": e.fields.get("with", "")}))
               for e, state in follow_ups if state == "overdue"]
    return result


def _follow_ups(entries: list[Entry], today: str) -> list[tuple[Entry, str]]:
    """Calls with a follow-up: overdue first, then open ones, then those closed, each by date."""
    found = []
    for entry in entries:
        due = entry.fields.get("follow_up")
        if entry.kind != "call" or not due:
            continue
        state = "closed" if entry.fields.get("done") else "overdue" if due < today else "open"
        found.append((entry, state))
    order = {"overdue": 0, "open": 1, "closed": 2}
    return sorted(found, key=lambda pair: (order[pair[1]], pair[0].fields["follow_up"]))


def _add_follow_ups(doc, follow_ups) -> None:
    open_count = sum(1 for _, state in follow_ups if state != "closed")
    doc.add(Heading(say("summary.follow_ups_all", count=open_count), 2))
    if not follow_ups:
        doc.add(Paragraph(say("summary.none")))
        return
    states = {"overdue": say("summary.overdue"), "open": say("summary.open")}
    doc.add(Table([say("journal.column.entry"), say("summary.column.due"),
                   say("summary.column.with"), say("summary.column.about"),
                   say("summary.column.state")],
                  [[str(e.id), e.fields["follow_up"],
                    " ".join(filter(None, (e.fields.get("with", ""), e.fields.get("person", ""),
                                           e.fields.get("phone", "")))),
                    e.fields.get("about", ""),
                    states.get(state) or say("summary.closed_on", date=e.fields.get("done"))]
                   for e, state in follow_ups]))


def _schedule(content, therapy, start, regimen, infusions, today: dt.date):
    """The planned doses up to today against those logged, and the next usual dose."""
    if start is None or therapy is None:
        return None, None
    from lupus_guide.inputs import parse_date
    from lupus_guide.planning import against_schedule, plan_request

    first = parse_date(start, "--start")
    found, chosen, doses = plan_request(content, therapy, regimen=regimen, start=start,
                                        until=max(first, today + dt.timedelta(days=400))
                                        .isoformat())
    if chosen.set_by_care_team:
        text = say("summary.next_dose_care_team", regimen=chosen.name)
        return [], {"text": text, "date": None, "dose": None}
    upcoming = next((d for d in doses if d.date >= today), None)
    next_dose = ({"text": say("summary.next_dose", therapy=found.generic_name,
                              dose=upcoming.number, date=upcoming.date.isoformat(),
                              regimen=chosen.name),
                  "date": upcoming.date.isoformat(), "dose": upcoming.number}
                 if upcoming else {"text": say("summary.next_dose_none", regimen=chosen.name),
                                   "date": None, "dose": None})
    if first > today:  # a schedule that starts later: nothing is due yet
        return [], {**next_dose, "starts": first.isoformat()}
    past = [e for e in infusions if e.date <= today.isoformat()]  # a planned one is not late
    return against_schedule(content, therapy, start, regimen, past, today), next_dose


def _add_infusions(doc, content, infusions, planned, today: dt.date,
                   starts: str | None) -> None:
    doc.add(Heading(say("summary.infusions", count=len(infusions)), 2))
    if infusions:
        doc.add(Table([say("journal.column.when"), say("journal.column.therapy"),
                       say("journal.column.details")],
                      [[_when(e), therapy_label(content, e.therapy),
                        "; ".join(filter(None, (e.fields.get("dose", ""), e.fields.get("site", ""),
                                                e.fields.get("note", ""),
                                                say("summary.future_infusion")
                                                if e.date > today.isoformat() else "")))]
                       for e in infusions]))
    else:
        doc.add(Paragraph(say("summary.none_logged")))
    if planned is None:
        return
    doc.add(Heading(say("summary.against"), 2), Paragraph(say("summary.against_note")))
    if planned:
        doc.add(Table([say("summary.column.dose"), say("summary.column.planned"),
                       say("summary.column.logged"), ""],
                      [[str(r["dose"]), r["planned"], r["logged"] or "-", r["status"]]
                       for r in planned]))
    else:
        doc.add(Paragraph(say("summary.start_in_future", date=starts) if starts
                          else say("summary.no_doses_due")))


def _add_reactions(doc, content, reactions, flagged) -> None:
    doc.add(Heading(say("summary.reactions", count=len(reactions)), 2))
    if not reactions:
        doc.add(Paragraph(say("summary.none_logged")))
        return
    labels = {"emergency": say("summary.label_emergency"), "call": say("summary.label_call")}
    doc.add(Table([say("journal.column.when"),
                   say("journal.column.therapy"), say("summary.column.symptom"),
                   say("summary.column.severity"), say("summary.column.note"),
                   say("summary.column.flag")],
                  [[_when(e), therapy_label(content, e.therapy),
                    e.fields.get("symptom", ""),
                    e.fields.get("severity", say("summary.no_severity")),
                    e.fields.get("note", ""),
                    labels[flagged[e.id][0].level] if flagged.get(e.id) else ""]
                   for e in reactions], title=say("summary.every_reaction")))
    counts: dict[tuple[str, str], int] = {}
    for entry in reactions:
        key = (therapy_label(content, entry.therapy),
               entry.fields.get("severity", say("summary.no_severity")))
        counts[key] = counts.get(key, 0) + 1
    doc.add(Heading(say("summary.counts"), 3))
    doc.add(Table([say("journal.column.therapy"), say("summary.column.severity"),
                   say("summary.column.count")],
                  [[t, s, str(n)] for (t, s), n in sorted(counts.items())]))
