"""What the translation tools do (``python -m lupus_guide.i18n``), as functions tests call.

Never used by a command: these read every file, with PyYAML's composer for positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lupus_guide.i18n import catalogue_path

PO_HEADER = """Project-Id-Version: lupus-guide
Language: {lang}
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit
X-Generator: python -m lupus_guide.i18n update-po"""
DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")


def update_po(lang: str, path: Path | None = None) -> str:
    """Bring ``lang``'s catalogue up to messages.py (and Typer's words): every message id once,
    in the table's order, with its English as msgid. A translation whose English changed is kept
    and marked fuzzy (with the old English in a comment); a new id gets an empty msgstr; an id
    that is gone is dropped. Returns a one-line summary."""
    from lupus_guide.i18n.catalogue import CLICK_CONTEXT, CLICK_STRINGS, HELP_CONTEXT
    from lupus_guide.i18n.po import Entry, read, write
    from lupus_guide.messages import ENGLISH

    by_text = (CLICK_CONTEXT, HELP_CONTEXT)  # contexts whose entries are known by their English
    path = path or catalogue_path(lang)
    old = {(f"{entry.context}:{entry.msgid}" if entry.context in by_text else entry.context):
           entry for entry in read(path)} if path.exists() else {}
    wanted = [(key, key, text) for key, text in ENGLISH.items()]
    wanted += [(CLICK_CONTEXT, f"{CLICK_CONTEXT}:{text}", text) for text in CLICK_STRINGS]
    wanted += [(HELP_CONTEXT, f"{HELP_CONTEXT}:{text}", text) for text in help_strings()]
    entries, counts = [], {"new": 0, "fuzzy": 0}
    for context, key, english in wanted:
        before = old.get(key)
        if before is None:
            entries.append(Entry(context, english, ""))
            counts["new"] += 1
        elif before.msgid != english:
            note = tuple(c for c in before.comments if not c.startswith("was: "))
            entries.append(Entry(context, english, before.msgstr, True,
                                 (*note, "was: " + before.msgid.replace("\n", " "))))
            counts["fuzzy"] += 1
        else:
            entries.append(before)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write(entries, PO_HEADER.format(lang=lang)), encoding="utf-8")
    return (f"{path}: {len(entries)} messages, {counts['new']} new, {counts['fuzzy']} marked "
            f"fuzzy, {sum(1 for e in entries if not e.msgstr)} untranslated")


def help_strings() -> list[str]:
    """Every help text of the command line, in English, each once: the program's and each
    command's docstring, every option's help, and the command table's summaries."""
    import typer

    from lupus_guide.cli import app
    from lupus_guide.cli.group import load_command
    from lupus_guide.cli.table import COMMANDS
    from lupus_guide.messages import use

    use("en")
    found: dict[str, None] = {"Show this message and exit.": None}  # Click's --help option

    def collect(command) -> None:
        for text in [command.help, *(getattr(p, "help", None) for p in command.params)]:
            if text:
                found.setdefault(text)
        if type(command).__name__ != "LazyGroup":
            for sub in getattr(command, "commands", {}).values():
                collect(sub)

    collect(typer.main.get_command(app))
    for spec in COMMANDS:
        found.setdefault(spec.summary)
        collect(load_command(spec.name))
    return list(found)


# --- the content's translation layer ---------------------------------------------------------

def data_root() -> Path:
    from lupus_guide.paths import bundled_root

    return Path(str(bundled_root()))


def layer_files(lang: str, root: Path | None = None) -> Iterator[tuple[str, Path, Path]]:
    """(stem, English file, translation file) for each content kind that has a translation."""
    from lupus_guide.content.kinds import BUNDLE_STEMS

    root = root or data_root()
    for stem in BUNDLE_STEMS:
        translation = root / lang / f"{stem}.yaml"
        if translation.is_file():
            yield stem, root / f"{stem}.yaml", translation


def _load(path: Path) -> Any:
    import yaml

    from lupus_guide.content.yamlsafe import GuideLoader

    return yaml.load(path.read_text(encoding="utf-8"), Loader=GuideLoader)  # noqa: S506


def pairs(lang: str, root: Path | None = None) -> Iterator[tuple[str, Any, Any]]:
    """(stem, English data, translated data) for each translated content kind."""
    for stem, english, translation in layer_files(lang, root):
        yield stem, _load(english), _load(translation)


def check_layer(lang: str, root: Path | None = None) -> list[str]:
    """Every problem of the translation layer: entries that do not fit the English, stale or
    unstamped revisions, numbers missing from a translated text."""
    from lupus_guide.content.kinds import LIST_KEYS
    from lupus_guide.i18n.layer import overlay

    problems: list[str] = []
    for stem, english, spanish in pairs(lang, root):
        problems += overlay(stem, english, spanish, LIST_KEYS.get(stem), lang)[1]
        problems += number_problems(stem, english, spanish)
    return problems


def translated_texts(stem: str, english: Any, spanish: Any) -> Iterator[tuple[str, str, str]]:
    """(where, English text, translated text) for every text a translation replaces."""
    from lupus_guide.content.kinds import LIST_KEYS
    from lupus_guide.i18n.layer import FIXED_KEYS, english_entries, translated_entries

    list_key = LIST_KEYS.get(stem)
    by_key = english_entries(stem, english, list_key)
    for key, entry in translated_entries(stem, spanish, list_key, []).items():
        if key in by_key:
            yield from _texts(f"{stem}[{key}]" if key else stem, by_key[key], entry, FIXED_KEYS)


def _texts(where: str, en: Any, es: Any, fixed: frozenset) -> Iterator[tuple[str, str, str]]:
    if isinstance(es, dict) and isinstance(en, dict):
        for key, value in es.items():
            if key in en and key not in fixed and key not in ("sources", "source_revision"):
                yield from _texts(f"{where}.{key}", en[key], value, fixed)
    elif isinstance(es, list) and isinstance(en, list):
        for index, (a, b) in enumerate(zip(en, es)):
            yield from _texts(f"{where}[{index}]", a, b, fixed)
    elif isinstance(es, str) and isinstance(en, str):
        yield where, en, es


def number_problems(stem: str, english: Any, spanish: Any) -> list[str]:
    """Every digit group of an English text (a dose, a temperature, a phone number, a date's
    day and year) must be in its translation, written the same way."""
    problems = []
    for where, en, es in translated_texts(stem, english, spanish):
        for number in DIGITS.findall(en):
            if number not in es:
                problems.append(f"{where}: the number {number!r} of the English is missing")
    return problems


def coverage(lang: str, root: Path | None = None) -> list[str]:
    """What is not translated: whole entries, and the texts of translated entries left English.
    A kind with no translation file at all is one line."""
    from lupus_guide.content.kinds import BUNDLE_STEMS, LIST_KEYS
    from lupus_guide.i18n.layer import FIXED_KEYS, english_entries, translated_entries

    root = root or data_root()
    missing: list[str] = []
    for stem in BUNDLE_STEMS:
        english = _load(root / f"{stem}.yaml")
        translation = root / lang / f"{stem}.yaml"
        if not translation.is_file():
            missing.append(f"{stem}: no {lang}/{stem}.yaml")
            continue
        list_key = LIST_KEYS.get(stem)
        done = translated_entries(stem, _load(translation), list_key, [])
        for key, entry in english_entries(stem, english, list_key).items():
            where = f"{stem}[{key}]" if key else stem
            if key not in done:
                missing.append(f"{where}: not translated")
                continue
            missing += [f"{path}: left in English" for path in
                        _untranslated(where, entry, done[key], FIXED_KEYS)]
    return missing


def _untranslated(where: str, en: Any, es: Any, fixed: frozenset) -> Iterator[str]:
    if isinstance(en, dict):
        for key, value in en.items():
            if key in fixed or key in ("sources", "last_reviewed"):
                continue
            if not isinstance(es, dict) or key not in es:
                if _has_text(value):
                    yield f"{where}.{key}"
                continue
            yield from _untranslated(f"{where}.{key}", value, es[key], fixed)
    elif isinstance(en, list) and isinstance(es, list):
        for index, (a, b) in enumerate(zip(en, es)):
            yield from _untranslated(f"{where}[{index}]", a, b, fixed)


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    if isinstance(value, dict):
        return any(_has_text(v) for k, v in value.items() if k != "sources")
    return False


def stamp(lang: str, recheck: list[str] | tuple[str, ...] = (), root: Path | None = None
          ) -> list[str]:
    """Write ``source_revision`` into the translation files: for every entry that has ``TODO``
    (or none, or an empty one), and for the stale entries named in ``recheck`` (their
    translation re-checked against the changed English). Other stale entries are listed, not
    stamped: stamping says a person checked the translation. The files are edited in place,
    line by line, so the translators' layout and comments stay."""
    from lupus_guide.content.kinds import LIST_KEYS
    from lupus_guide.i18n.layer import english_entries, revision

    report: list[str] = []
    for stem, english_file, translation in layer_files(lang, root):
        list_key = LIST_KEYS.get(stem)
        by_key = english_entries(stem, _load(english_file), list_key)
        text = translation.read_text(encoding="utf-8")
        edits = []
        for key, node, value_node in _entry_nodes(text, stem, list_key):
            where = f"{stem}[{key}]" if key else stem
            if key not in by_key:
                report.append(f"{where}: no English entry; not stamped")
                continue
            current = revision(by_key[key])
            recorded = value_node.value if value_node is not None else None
            if recorded == current:
                continue
            if recorded not in (None, "", "TODO") and key not in recheck:
                report.append(f"{where}: stale ({recorded} -> {current}); re-check it, then "
                              f"stamp with --recheck {key}")
                continue
            edits.append((node, value_node, current))
            report.append(f"{where}: stamped {current}")
        if edits:
            translation.write_text(_apply(text, edits), encoding="utf-8")
    return report


def _entry_nodes(text: str, stem: str, list_key: str | None):
    """(key, entry mapping node, source_revision value node or None) for each entry."""
    import yaml

    from lupus_guide.i18n.layer import entry_key

    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return
    entries = [root]
    if list_key is not None:
        entries = []
        for key_node, value_node in root.value:
            if key_node.value == list_key and isinstance(value_node, yaml.SequenceNode):
                entries = [n for n in value_node.value if isinstance(n, yaml.MappingNode)]
    name = entry_key(stem)
    for node in entries:
        fields = {k.value: v for k, v in node.value}
        if list_key is not None and name not in fields:
            continue
        key = fields[name].value if list_key is not None else ""
        yield str(key), node, fields.get("source_revision")


def _apply(text: str, edits) -> str:
    """The text with each revision written: the value replaced, or a line added after the key
    line (after ``id:``; at the top for a file that is one record)."""
    lines = text.splitlines(keepends=True)
    for node, value_node, current in sorted(edits, key=lambda e: -e[0].start_mark.line):
        if value_node is not None:
            row = value_node.start_mark.line
            line = lines[row]
            start, end = value_node.start_mark.column, value_node.end_mark.column
            lines[row] = line[:start] + current + line[end:]
        else:
            first_key = node.value[0][0]
            row, column = first_key.start_mark.line, first_key.start_mark.column
            lines.insert(row + 1 if column else row,
                         " " * column + f"source_revision: {current}\n")
    return "".join(lines)


# --- the glossary (docs/glossary-es.md) --------------------------------------------------------

def glossary(path: Path) -> list[tuple[list[str], list[str], list[str]]]:
    """The glossary table: (English terms, Spanish terms to use, rejected variants) per row.
    A variant with a note in parentheses other than "(alone)" is left to the reviewer."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        english = _terms(cells[0], r",|/")
        spanish = _terms(cells[1], r";|/|,| o ")
        rejected = [v.strip() for v in cells[2].split(",") if v.strip()]
        rows.append((english, spanish, [v for v in rejected
                                        if "(" not in v or v.endswith("(alone)")]))
    return rows


def _terms(cell: str, separators: str) -> list[str]:
    cell = re.sub(r"\((?:of doses|for the medicine)\)", "", cell)
    found = []
    for part in re.split(separators, cell):
        words = re.sub(r"\"([^\"]*)\"( alone is fine)?", r"\1", part)
        found += [t.strip() for t in re.split(r"[()]", words) if t.strip()]
    return found


def fold(text: str) -> str:
    """Lower case without accents: "Riñón" -> "rinon"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def spanish_pattern(term: str) -> re.Pattern:
    """A Spanish term in any number and gender: "aprobado por la FDA" also finds "aprobadas por
    la FDA"; "riñón" finds "riñones"."""
    words = []
    for word in fold(term).split():
        if word[-1] in "oa" and len(word) > 3:
            words.append(re.escape(word[:-1]) + "[oa]s?")
        elif word.isalpha() and len(word) > 3:
            words.append(re.escape(word) + "(?:es|s)?")
        else:
            words.append(re.escape(word))
    return re.compile(r"\b" + r"\s+".join(words) + r"\b")


def english_pattern(term: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(term.casefold()).replace(r"\ ", r"[\s-]+") + r"s?\b")


def rejected_in(text: str, variant: str, use: list[str]) -> bool:
    """Whether ``text`` (Spanish) holds a rejected variant: an all-capitals one (LEG) as
    written, others in any case and accents; "(alone)": unless a term to use is there too."""
    alone = variant.endswith("(alone)")
    word = variant.removesuffix("(alone)").strip()
    if word.isupper():
        found = re.search(r"\b" + re.escape(word) + r"\b", text) is not None
    else:
        found = re.search(r"\b" + re.escape(fold(word)) + r"\b", fold(text)) is not None
    if found and alone:
        return not any(spanish_pattern(term).search(fold(text)) for term in use)
    return found
