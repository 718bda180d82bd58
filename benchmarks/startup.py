"""Start-up benchmark: each command's median wall time as a ratio to a bare `python -c pass`,
run interleaved with it, plus peak memory, in-process content load time, and a 2 MB clinic pack.

    python benchmarks/startup.py            # 15 rounds
    python benchmarks/startup.py --runs 40  # steadier numbers
    python benchmarks/startup.py --lang es  # every command with --lang es

Standard library only. Exits 1 when a target is missed. Timings vary from machine to machine and
from run to run: they belong in this report, never in test assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAST = 7.0  # --help, --version and every --format json: at most 7x python -c pass
TABLE = 9.0  # human output of the main reading commands: at most 9x
PACK = 10.0  # any command with a 2 MB clinic pack, after its first run: at most 10x
RSS_MIB = 22.0  # peak memory of the table commands
LOAD_MS = 2.0  # loading the bundled content in-process (from the cache)
JOURNAL_EXTRA_MS = 50  # journal list/summary over 100,000 entries: the table budget plus 50 ms

JSON_COMMANDS = [
    ["therapies"], ["therapies", "belimumab"], ["faq"], ["faq", "pain"], ["prepare"],
    ["side-effects"], ["costs"], ["care"], ["search", "hepatitis"], ["sources"], ["validate"],
    ["paths"], ["handout", "rituximab"], ["schedule", "belimumab", "--start", "2027-01-04"],
]
TABLE_COMMANDS = [
    ["therapies"], ["therapies", "belimumab"], ["faq", "pain"],
    ["prepare", "--therapy", "rituximab"],
    ["side-effects"],
    # the printable formats are human output too
    ["handout", "rituximab"], ["prepare", "--therapy", "rituximab", "--format", "html"],
    ["therapies", "--format", "markdown"],
]


def command_line() -> list[str]:
    """The installed console script next to this Python, else `python -m lupus_guide`."""
    script = Path(sys.executable).with_name("lupus-guide")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lupus_guide"]


def compile_package() -> None:
    """Make sure the package has its bytecode cache, as `pip install` leaves it: without it every
    start compiles every module again (about 3x slower), which measures the wrong thing."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("lupus_guide")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("lupus_guide is not installed: pip install . first")
    compileall.compile_dir(spec.submodule_search_locations[0], quiet=1)


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(cases: list[tuple[str, list[str], float | tuple[float, float]]], runs: int,
            env: dict[str, str]):
    """Interleave every case with `python -c pass`, round after round. A target is a ratio, or a
    ratio plus milliseconds, turned into a ratio with the median of the interleaved baseline."""
    baseline = [sys.executable, "-c", "pass"]
    for _, argv, _ in cases:  # warm the page cache and the content cache
        run_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    rss: dict[str, float] = {}
    bare: list[float] = []
    for _ in range(runs):
        for name, argv, _ in cases:
            bare.append(run_once(baseline, env)[0])
            seconds, peak = run_once(argv, env)
            times[name].append(seconds)
            rss[name] = max(rss.get(name, 0.0), peak)
    base = statistics.median(bare)
    rows = []
    for name, _, target in cases:
        ratio = statistics.median(times[name]) / base
        if isinstance(target, tuple):  # (ratio, extra milliseconds)
            target = target[0] + target[1] / 1000 / base
        rows.append((name, ratio, target, rss[name]))
    return base, rows


def content_load_ms(env: dict[str, str], interpreters: int = 5) -> float:
    """Median in-process time of load_content() from a warm cache (fingerprint included): 40 loads
    in each of a few fresh interpreters, so that one busy moment of the machine does not decide."""
    code = (
        "import os, time\n"
        "from lupus_guide.content import load_content\n"
        "from lupus_guide.paths import resolve\n"
        "cache = resolve(os.environ).cache_dir\n"
        "load_content(cache_dir=cache)\n"
        "t = []\n"
        "for _ in range(40):\n"
        "    s = time.perf_counter(); load_content(cache_dir=cache)\n"
        "    t.append(time.perf_counter() - s)\n"
        "print(*(x * 1000 for x in t))\n"
    )
    times = []
    for _ in range(interpreters):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, check=True)
        times += [float(line) for line in done.stdout.split()]
    return statistics.median(times)


JOURNAL_MAKER = """
import datetime as dt, sys
from pathlib import Path
from lupus_guide.journal import Entry, Journal, journal_path
entries, first = int(sys.argv[2]), dt.date(2024, 1, 1)
kinds = ["infusion", "reaction", "call", "note"]
batch = [Entry(kind=kinds[n % 4], date=(first + dt.timedelta(days=n * 1100 // entries)).isoformat(),
               therapy="belimumab" if n % 4 < 2 else None,
               fields={"note": f"entry {n}"} if n % 4 != 1
               else {"symptom": "rash", "severity": "mild"})
         for n in range(entries)]
with Journal.open(journal_path(Path(sys.argv[1]))) as journal:
    journal.add_many(batch)
print((first + dt.timedelta(days=1100 - 30)).isoformat())
"""


def make_journal(home: Path, entries: int = 100_000) -> str:
    """A journal of ``entries`` entries over about three years, made in another process (so this
    one stays small: children inherit its memory until they exec); returns a date a month before
    the last entry, for `--since`."""
    done = subprocess.run([sys.executable, "-c", JOURNAL_MAKER, str(home), str(entries)],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def make_pack(folder: Path, megabytes: float = 2.0) -> Path:
    """A clinic pack of about ``megabytes`` MB: a clinic, many FAQ entries and checklist items."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clinic.yaml").write_text('name: "Benchmark Clinic"\nphone: "555-0100"\n')
    answer = "Plain words about the clinic, repeated to make the pack large. " * 12
    faq, items, size, n = ["entries:"], ["items:"], 0, 0
    while size < megabytes * 1_000_000:
        faq.append(f'  - id: bench-q{n}\n    question: "Question number {n}?"\n'
                   f'    answer: "{answer}"\n    topics: [bench]')
        items.append(f'  - id: bench-item{n}\n    stage: before\n    text: "Item {n}: {answer}"')
        size += len(faq[-1]) + len(items[-1])
        n += 1
    (folder / "faq.yaml").write_text("\n".join(faq) + "\n")
    (folder / "checklists.yaml").write_text("\n".join(items) + "\n")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds per command (default 15)")
    parser.add_argument("--lang", help="run every command with --lang LANG (e.g. es)")
    args = parser.parse_args()
    cli = command_line() + (["--lang", args.lang] if args.lang else [])
    compile_package()
    work = Path(tempfile.mkdtemp(prefix="lupus-guide-bench-"))
    env = dict(os.environ, LUPUS_GUIDE_HOME=str(work / "home"), COLUMNS="100")
    env.pop("LUPUS_GUIDE_CLINIC", None)
    try:
        pack = make_pack(work / "pack")
        cases = [("--help", [*cli, "--help"], FAST), ("--version", [*cli, "--version"], FAST)]
        cases += [(" ".join(c) + " --format json", [*cli, *c, "--format", "json"], FAST)
                  for c in JSON_COMMANDS]
        cases += [(" ".join(c), [*cli, *c], TABLE) for c in TABLE_COMMANDS]
        # output is not a terminal here, so the runs above print without colour: measure the
        # coloured path too, as a person at a terminal gets it
        cases += [(" ".join(c) + " --color always", [*cli, *c, "--color", "always"], TABLE)
                  for c in (["therapies"], ["side-effects"])]
        cases += [("faq pain --clinic <2 MB pack>",
                   [*cli, "faq", "pain", "--clinic", str(pack)], PACK),
                  ("prepare --clinic <2 MB pack> --format json",
                   [*cli, "prepare", "--clinic", str(pack), "--format", "json"], PACK)]
        since = make_journal(work / "home")
        # the table budget plus 50 ms, turned into a ratio with the baseline measured alongside
        journal = (TABLE, JOURNAL_EXTRA_MS)
        cases += [("journal list --since <month> (100,000 entries)",
                   [*cli, "journal", "list", "--since", since], journal),
                  ("journal summary --since <month> (100,000 entries)",
                   [*cli, "journal", "summary", "--since", since], journal)]
        base, rows = measure(cases, args.runs, env)
        load = content_load_ms(env)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    misses = 0
    print(f"python -c pass: {base * 1000:.1f} ms (median of {args.runs * len(rows)})")
    print(f"{'command':56} {'ratio':>6} {'target':>7} {'peak RSS':>9}  met")
    for name, ratio, target, rss in rows:
        rss_ok = target != TABLE or rss <= RSS_MIB
        ok = ratio <= target and rss_ok
        misses += not ok
        rss_note = f"{rss:6.1f} MiB" + ("" if rss_ok else f" > {RSS_MIB:.0f}")
        print(f"{name:56} {ratio:5.1f}x {target:5.1f}x {rss_note:>9}  {'yes' if ok else 'NO'}")
    load_ok = load <= LOAD_MS
    misses += not load_ok
    print(f"{'load bundled content in-process':56} {load:5.2f} ms (target {LOAD_MS} ms)"
          f"  {'yes' if load_ok else 'NO'}")
    print("every target met" if not misses else f"{misses} target(s) missed")
    return 0 if not misses else 1


if __name__ == "__main__":
    sys.exit(main())
