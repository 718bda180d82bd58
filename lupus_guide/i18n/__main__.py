"""Tools for translators and the lead (run from a checkout):

    python -m lupus_guide.i18n update-po es   # the catalogue from messages.py: new English
                                              # added, changed English marked fuzzy, gone removed
    python -m lupus_guide.i18n stamp es       # stamp source_revision of entries marked TODO
    python -m lupus_guide.i18n stamp es --recheck ID...  # re-stamp stale entries, re-checked
    python -m lupus_guide.i18n check es       # every problem of the translation layer
    python -m lupus_guide.i18n coverage es    # what is not translated yet

Exit 0 when all is well, 1 when problems remain, 2 for a bad command line.
"""

from __future__ import annotations

import sys

from lupus_guide.i18n.tools import check_layer, coverage, stamp, update_po

USAGE = __doc__ or ""


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("update-po", "stamp", "check", "coverage"):
        print(USAGE, file=sys.stderr)
        return 2
    command, lang, rest = argv[0], argv[1], argv[2:]
    if command == "update-po":
        print(update_po(lang))
        return 0
    if command == "stamp":
        recheck = rest[1:] if rest[:1] == ["--recheck"] else []
        for line in stamp(lang, recheck):
            print(line)
        return 0
    if command == "check":
        problems = check_layer(lang)
        for line in problems:
            print(line)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    missing = coverage(lang)
    for line in missing:
        print(line)
    print(f"{len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
