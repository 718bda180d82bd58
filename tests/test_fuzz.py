"""The whole command line, fuzzed (issue 13): every command of the command table, with its own
options and arguments filled from unicode text, dates, times, numbers, paths inside a temporary
folder and hostile strings, in a fuzzed environment (COLUMNS, LANG, NO_COLOR, TERM).

Whatever the input, lupus-guide must: exit with a code of README's table other than 1 (1 is an
internal error); never print a traceback; never put a control, bidi or zero-width character on
stdout or stderr (``safetext.UNSAFE``; the renderer's own SGR colour codes only with
``--color always``) nor in a file it writes with ``-o`` or ``--ics``; and never change a file
outside the temporary folder (the repository, the user's folders) nor leave a temporary file
behind.

``LUPUS_GUIDE_FUZZ`` sets the number of examples (2,000 by default, as in CI; 20,000 on demand).
The run is derandomized, so CI sees the same inputs every time. Deselect with ``-m "not fuzz"``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lupus_guide.safetext import UNSAFE

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("LUPUS_GUIDE_FUZZ", "2000"))
# Process runs cost ~0.2 s each: a small share of the budget, for what only a process has (argv
# bytes that are not UTF-8, the interpreter's own stream encodings).
PROCESS_EXAMPLES = max(10, EXAMPLES // 200)
REPO = Path(__file__).resolve().parent.parent
SGR = re.compile(r"\x1b\[[0-9;]*m")
EXIT_CODES = {0, 2, 3, 4, 5, 6}  # README's table, less 1 (internal error) and 130 (Ctrl-C)
FUZZ_SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much,
                              HealthCheck.function_scoped_fixture],
}


# --- the commands, read from the command table -----------------------------------------------

@dataclass(frozen=True)
class Param:
    name: str
    option: str | None  # "--format"; None for an argument
    kind: str  # text, int, choice, flag
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]  # ("journal", "add", "note")
    params: tuple[Param, ...]


def _params(command) -> tuple[Param, ...]:
    params = []
    for param in command.params:
        if param.name == "help" or not param.opts:
            continue
        is_option = param.param_type_name == "option"
        choices = tuple(getattr(param.type, "choices", ()) or ())
        if is_option and getattr(param, "is_flag", False):
            kind = "flag"
        elif choices:
            kind = "choice"
        elif "int" in param.type.name.lower():
            kind = "int"
        else:
            kind = "text"
        option = max(param.opts, key=len) if is_option else None
        params.append(Param(param.name, option, kind, choices, bool(param.required)))
    return tuple(params)


def _walk(words: tuple[str, ...], command) -> list[Command]:
    children = getattr(command, "commands", None)
    if children is None:
        return [Command(words, _params(command))]
    found = [Command(words, ())]  # a group alone: its help
    for name in sorted(children):
        found += _walk((*words, name), children[name])
    return found


def all_commands() -> list[Command]:
    """Every command and group, from the static command table (no list written here)."""
    from lupus_guide.cli.group import load_command
    from lupus_guide.cli.table import COMMANDS

    found = [Command((), ())]
    for spec in COMMANDS:
        found += _walk((spec.name,), load_command(spec.name))
    return found


COMMAND_LIST = all_commands()


# --- the values -------------------------------------------------------------------------------

WORDS = ["rituximab", "Rituxan", "belimumab", "Benlysta", "anifrolumab", "cyclophosphamide",
         "cyclophosphamide-nih", "belimumab-iv", "rituxіmab", "RITUXIMAB", "pain", "hepatitis",
         "insurance", "before", "during", "after", "infusion", "note", "call", "mild", "eat", "-",
         "--", "-x", "--nope", " ", "", "0", "1", "a" * 201, "insurer", "clinic"]
HOSTILE = ["\x1b[2J", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
           "\u202eevil", "zero\u200bwidth", "\x9b31m", "back\x08\x08\x08", "\r911", "\u2066x\u2069",
           "\ufeffbom", "\x7f", "\udcff\udcfe", "tab\there", "line\nbreak", "\u0085next"]
DATES = ["9999-12-31", "9999-12-01", "0001-01-01", "2027-02-30", "2027-1-4", "20270104",
         "2027-W01-1", "2027-01-04T09:00", " 2027-01-04 ", "99999-01-01", "-2027-01-04", "today"]
TIMES = ["09:30", "24:00", "23:59", "99999999999999999999:00", "09:99999999999999999999", "9",
         "9:5", "09:30:00", "-1:00", "٠٩:٣٠", "1_0:00", "+9:00", ":"]
ZONES = ["America/Chicago", "Europe/London", "UTC", "America", "Etc", "Etc/", "../../etc/passwd",
         "/etc/localtime", "Factory", "posixrules", "Nowhere/Land", "x" * 300, ""]
COLUMNS = ["80", "20", "1", "0", "-5", "²", "٨٠", "1e3", " 90 ", "99999999", "9" * 30, "", "abc",
           "120"]
LANGS = [("C.UTF-8", "utf-8"), ("en_US.UTF-8", "utf-8"), ("C", "utf-8"), ("POSIX", "utf-8"),
         ("en_US.ISO-8859-1", "latin-1"), ("ascii-terminal", "ascii"), ("", "utf-8")]
# Click writes UTF-8 to a stream that says ASCII (taking it for a misconfigured locale); on
# latin-1 every byte decodes, and UTF-8 shown as latin-1 would show as C1 controls: caught.
DECODE = {"ascii": "utf-8"}
TERMS = [None, "dumb", "xterm-256color", "vt100", "", "\x1b[2J"]

texts = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40),
    st.lists(st.sampled_from(WORDS + HOSTILE), min_size=1, max_size=4).map(" ".join),
    # what the interpreter makes of argv bytes that are not UTF-8
    st.binary(min_size=1, max_size=8).map(lambda b: b.replace(b"\x00", b"?")
                                          .decode("utf-8", "surrogateescape")),
)
dates = st.one_of(st.dates().map(lambda d: d.isoformat()),
                  st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.isoformat()),
                  st.sampled_from(DATES), texts)
times = st.one_of(st.times().map(lambda t: t.strftime("%H:%M")), st.sampled_from(TIMES),
                  st.from_regex(r"-?[0-9]{1,25}:-?[0-9]{1,25}", fullmatch=True), texts)
numbers = st.one_of(st.integers(-5, 600), st.integers(),
                    st.sampled_from([2**63 - 1, 2**63, -(2**63) - 1, 10**30])).map(str)


@dataclass(frozen=True)
class Place:
    """Paths inside the temporary folder, made once for the whole run."""

    root: Path

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def home(self) -> Path:
        return self.root / "home"


def make_place(root: Path) -> Place:
    place = Place(root)
    work = place.work
    (work / "folder").mkdir(parents=True)
    place.home.mkdir()
    (root / "userhome").mkdir()
    (work / "readonly.txt").write_text("keep me\n")
    (work / "readonly.txt").chmod(0o444)
    (work / "file.txt").write_text("a file\n")
    (work / "link-to-file").symlink_to(work / "file.txt")
    (work / "dangling").symlink_to(work / "nowhere" / "x")
    (work / "not-a-pack").write_text("x: 1\n")
    (work / "empty-pack").mkdir()
    shutil.copytree(REPO / "examples" / "clinic-pack", work / "pack")
    shutil.copytree(REPO / "examples" / "clinic-pack", work / os.fsdecode(b"pack-\xff\xfe"))
    broken = work / "broken-pack"
    shutil.copytree(REPO / "examples" / "clinic-pack", broken)
    with open(broken / "clinic.yaml", "a", encoding="utf-8") as handle:
        handle.write("\nphone: [unclosed\n")
    (work / "garbage.json").write_bytes(bytes(range(256)) * 4)
    (work / "empty.json").write_text("")
    (work / "list.json").write_text("[]")
    (work / "wrong.json").write_text(json.dumps([{"kind": "nope", "date": "x"}, 3, None]))
    (work / "export.json").write_text(json.dumps({"schema_version": 1, "data": [
        {"kind": "note", "date": "2027-01-04", "fields": {"text": "from an export"}},
        {"kind": "infusion", "date": "2027-01-05", "time": "09:30", "therapy": "belimumab",
         "fields": {"dose": "10 mg/kg"}},
    ]}))
    return place


def path_values(place: Place) -> list[str]:
    work = place.work
    names = ["out.txt", "out.html", "out.md", "out.json", "out.csv", "out.ics", "out", "folder",
             "folder/", "readonly.txt", "link-to-file", "dangling", "missing/deeper/out.txt",
             "a" * 300, os.fsdecode(b"\xff\xfe.txt"), "file.txt", "pack", "empty-pack",
             "broken-pack", "not-a-pack", os.fsdecode(b"pack-\xff\xfe"), "garbage.json",
             "empty.json", "list.json", "wrong.json", "export.json", "\u202eevil.txt"]
    return ([str(work / name) for name in names]
            + ["-", "", str(REPO / "examples" / "clinic-pack"), str(REPO / "tests" / "packs"),
               "/dev/null", "~", "~nosuchuser-lupus", str(place.home / "journal.sqlite3")])


def safe_names():
    """Random file names inside the work folder: no separators, never . or .."""
    alphabet = st.characters(exclude_categories=("Cs",), exclude_characters="\x00/")
    return st.text(alphabet, min_size=1, max_size=30).filter(lambda name: name not in (".", ".."))


def value_for(param: Param, place: Place):
    name = param.name
    if param.kind == "choice":
        return mostly(st.sampled_from(param.choices).flatmap(
            lambda c: st.sampled_from([c, c.upper(), c.title()])), texts, one_in=12)
    if param.kind == "int":
        return mostly(numbers, texts)
    if name in ("clinic", "folder"):
        packs = [str(place.work / "pack"), str(REPO / "examples" / "clinic-pack"),
                 str(place.work / os.fsdecode(b"pack-\xff\xfe"))]
        return mostly(st.sampled_from(packs), st.one_of(
            st.sampled_from(path_values(place)), safe_names().map(lambda n: str(place.work / n))),
            one_in=3)
    if name in ("output", "ics", "file"):
        return mostly(st.sampled_from(path_values(place)),
                      safe_names().map(lambda n: str(place.work / n)), one_in=4)
    if name in ("start", "until", "since", "last", "follow_up", "date"):
        return dates
    if name in ("at", "time"):
        return times
    if name == "tz":
        return st.one_of(st.sampled_from(ZONES), texts)
    if name in ("name", "therapy", "regimen", "topic", "kind", "text") or "therap" in name:
        return mostly(st.sampled_from(WORDS), texts, one_in=3)
    return texts


def mostly(good, bad, one_in: int = 6):
    """``good``, except one draw in ``one_in`` from ``bad``: command lines that are mostly valid
    reach the code past the option parser."""
    return st.integers(1, one_in).flatmap(lambda n: bad if n == 1 else good)


RARER = {"clinic": 4, "output": 3, "ics": 3}
SLOW = {"validate"}  # reads every file thoroughly, never the cache: ~10 times a command's cost
BY_FIRST_WORD: dict[str, list[Command]] = {}
for _command in COMMAND_LIST:
    BY_FIRST_WORD.setdefault(_command.words[0] if _command.words else "", []).append(_command)

FIRST_WORDS = [word for word in sorted(BY_FIRST_WORD) for _ in range(1 if word in SLOW else 3)]


@st.composite
def command_lines(draw, place: Place) -> tuple[list[str], bool]:
    """An argv for one command, and whether it asks for colour (--color always). The first word
    is drawn evenly from the command table (the slow ones a third as often), then one of its
    subcommands."""
    first = draw(st.sampled_from(FIRST_WORDS))
    command = draw(st.sampled_from(BY_FIRST_WORD[first]))
    options: list[list[str]] = []
    arguments: list[str] = []
    for param in command.params:
        # every option half the time; a clinic pack and -o less often (each costs a load or a
        # write, and one bad value hides the rest of the command line)
        if not param.required and draw(st.integers(1, RARER.get(param.name, 2))) > 1:
            continue
        if param.kind == "flag":
            options.append([param.option])
            continue
        value = draw(value_for(param, place))
        if param.option is None:
            arguments.append(value)
        elif draw(st.integers(0, 4)) == 0:
            options.append([f"{param.option}={value}"])
        else:
            options.append([param.option, value])
    options = draw(st.permutations(options))
    extra = draw(mostly(st.just([]), st.lists(st.one_of(
        st.sampled_from(["--help", "-h", "--version", "--nope", "-x", "extra"]), texts),
        min_size=1, max_size=2), one_in=10))
    tail = (["--", *arguments] if any(a.startswith("-") for a in arguments) else arguments)
    argv = [*command.words, *(token for option in options for token in option), *extra, *tail]
    colour = any(o[0] == "--color" and o[1].lower() == "always" for o in options if len(o) == 2)
    colour = colour or any(o[0].lower() == "--color=always" for o in options)
    return argv, colour


@st.composite
def environments(draw, place: Place) -> tuple[dict[str, str | None], str]:
    lang, charset = draw(st.sampled_from(LANGS))
    env: dict[str, str | None] = {
        "COLUMNS": draw(st.one_of(st.none(), st.sampled_from(COLUMNS))),
        "LANG": lang or None,
        "NO_COLOR": draw(st.sampled_from([None, "", "1"])),
        "TERM": draw(st.sampled_from(TERMS)),
        "LUPUS_GUIDE_CLINIC": draw(st.one_of(
            st.none(), st.none(), st.none(), st.sampled_from(
                [str(place.work / "pack"), str(place.work / "broken-pack"),
                 str(place.work / "missing"), "", "   "]))),
    }
    return env, charset


# --- what must not change ---------------------------------------------------------------------

def snapshot(*roots: Path, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file under ``roots`` (not .git, caches or ``skip``): its size and modification time."""
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in (".git", "__pycache__", ".pytest_cache",
                                                    ".hypothesis", ".mypy_cache", ".ruff_cache")
                       and Path(folder, d) not in skip]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                except FileNotFoundError:
                    continue
                seen[path] = (info.st_size, info.st_mtime_ns)
    return seen


def real_user_folders() -> list[Path]:
    home = Path(os.path.expanduser("~"))
    return [home / ".cache" / "lupus-guide", home / ".local" / "share" / "lupus-guide"]


def differences(before: dict, after: dict) -> list[str]:
    return sorted(path for path in before.keys() | after.keys()
                  if before.get(path) != after.get(path))


def leftover_temporaries(place: Place) -> list[str]:
    return sorted(str(p) for p in place.root.rglob(".*.tmp"))


# --- checking one run ---------------------------------------------------------------------------

def check_outcome(argv: list[str], code: int, stdout: str, stderr: str, colour: bool) -> None:
    shown = f"argv={argv!r}\nexit={code}\nstdout={stdout[-2000:]!r}\nstderr={stderr[-2000:]!r}"
    assert code in EXIT_CODES, shown
    assert "Traceback" not in stdout and "Traceback" not in stderr, shown
    assert "internal error" not in stderr, shown
    if colour:
        stdout = SGR.sub("", stdout)
    assert not UNSAFE.search(stdout), shown
    assert not UNSAFE.search(stderr), shown


def written_targets(argv: list[str]) -> list[Path]:
    """The files -o and --ics name (the last of each, as Click takes it)."""
    named: dict[str, str] = {}
    for index, token in enumerate(argv):
        if token == "--":
            break
        for option, key in (("-o", "o"), ("--output", "o"), ("--ics", "ics")):
            if token == option and index + 1 < len(argv):
                named[key] = argv[index + 1]
            elif token.startswith(option + "=") and option.startswith("--"):
                named[key] = token.split("=", 1)[1]
    return [Path(value) for value in named.values() if value not in ("", "-")]


def modified(paths: list[Path]) -> dict[Path, int | None]:
    times: dict[Path, int | None] = {}
    for path in paths:
        try:
            info = os.stat(path)
            times[path] = info.st_mtime_ns if stat.S_ISREG(info.st_mode) else None
        except (OSError, ValueError):
            times[path] = None
    return times


def check_written_files(argv: list[str], before: dict[Path, int | None]) -> None:
    """A file the command wrote (Markdown, HTML, JSON, CSV, plain text, iCalendar) is UTF-8 and
    carries no character a terminal would act on (iCalendar's CR LF line ends aside); a PDF is
    a whole PDF (its text is in its binary streams)."""
    for path, mtime in modified(list(before)).items():
        if mtime is None or mtime == before[path]:
            continue
        data = path.read_bytes()
        if data.startswith(b"%PDF-"):
            assert b"%%EOF" in data[-1024:], f"{path} written by argv={argv!r} is a cut-off PDF"
            continue
        text = data.decode("utf-8").replace("\r\n", "\n")
        found = UNSAFE.search(text)
        assert not found, f"{path} written by argv={argv!r} carries {found!r}"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """The temporary folder: in memory where there is a tmpfs (every journal write is fsync'ed:
    on a disk that alone would take a third of the time budget)."""
    import tempfile

    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        root = Path(tempfile.mkdtemp(prefix="lupus-guide-fuzz-", dir=shm))
    else:
        root = tmp_path_factory.mktemp("fuzz")
    yield make_place(root)
    for folder, _, _ in os.walk(root):  # readonly.txt, and what a command made read-only
        os.chmod(folder, 0o700)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fuzz_env(place, monkeypatch):
    """The run's fixed environment: the user's folders, HOME and the working folder all inside
    the temporary folder."""
    monkeypatch.chdir(place.work)
    monkeypatch.setenv("LUPUS_GUIDE_HOME", str(place.home))
    monkeypatch.setenv("HOME", str(place.root / "userhome"))
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "LUPUS_GUIDE_DEBUG", "XDG_DATA_HOME",
                 "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    return place, watched(place)


def watched(place: Place) -> dict[str, tuple[int, int]]:
    return snapshot(REPO, *real_user_folders(), skip=(place.root,))


@settings(max_examples=EXAMPLES, **FUZZ_SETTINGS)
@given(data=st.data())
def test_any_command_line_in_process(fuzz_env, data):
    place, before = fuzz_env
    argv, colour = data.draw(command_lines(place), label="argv")
    env, charset = data.draw(environments(place), label="env")
    from lupus_guide.cli import main

    targets = modified(written_targets(argv))
    runner = CliRunner(charset=charset)
    with runner.isolation(env=env) as (out, err, _):
        code = main(list(argv))
        sys.stdout.flush()
        sys.stderr.flush()
        stdout = out.getvalue().decode(DECODE.get(charset, charset))
        stderr = err.getvalue().decode(DECODE.get(charset, charset))
    check_outcome(argv, code, stdout, stderr, colour)
    check_written_files(argv, targets)
    assert leftover_temporaries(place) == [], argv
    if data.draw(st.integers(0, 19), label="check files") == 0 or code not in (2, 3):
        changed = differences(before, watched(place))
        assert not changed, f"files outside the temporary folder changed: {changed}, argv={argv!r}"


# --- as a process: argv bytes that are not UTF-8, the interpreter's own streams -----------------

raw_words = st.one_of(
    st.binary(min_size=1, max_size=12).map(lambda b: b.replace(b"\x00", b"")).filter(bool),
    st.sampled_from([b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\xe2\x80\xae", b"\x1b[2J", b"\x9b",
                     b"rituximab\xff", b"--format=\xff", b"--tz=\xff"]),
    st.sampled_from(WORDS).map(lambda w: w.encode("utf-8", "surrogateescape")),
)


@st.composite
def raw_command_lines(draw) -> list[bytes]:
    command = draw(st.sampled_from([c for c in COMMAND_LIST if c.params]))
    words = [w.encode() for w in command.words]
    options = []
    for param in command.params:
        if param.option is None or param.kind == "flag" or draw(st.booleans()):
            continue
        options += [param.option.encode(), draw(raw_words)]
    arguments = [draw(raw_words) for p in command.params if p.option is None]
    tail = [b"--", *arguments] if any(a.startswith(b"-") for a in arguments) else arguments
    return [*words, *options, *tail]


@functools.cache
def stream_encoding(lang: str) -> str:
    """What Python's standard output encodes with under ``LANG=lang`` here (a locale that is not
    installed falls back to C, which Python takes as UTF-8)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE")}
    return subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
                          capture_output=True, text=True, env={**environ, "LANG": lang,
                                                               "PYTHONIOENCODING": ""},
                          check=True).stdout.strip()


@settings(max_examples=PROCESS_EXAMPLES, **FUZZ_SETTINGS)
@given(argv=raw_command_lines(), lang=st.sampled_from(["C.UTF-8", "C", "en_US.ISO-8859-1"]))
def test_argv_that_is_not_utf8_in_a_process(fuzz_env, argv, lang):
    place, _ = fuzz_env
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE", "COLUMNS")}
    environ.update(LANG=lang, PYTHONIOENCODING="", LUPUS_GUIDE_HOME=str(place.home))
    done = subprocess.run([os.fsencode(sys.executable), b"-m", b"lupus_guide", *argv],
                          capture_output=True, env=environ, cwd=place.work, check=False,
                          timeout=120, stdin=subprocess.DEVNULL)
    encoding = stream_encoding(lang)
    stdout = done.stdout.decode(encoding)  # strict: nothing undecodable reaches the terminal
    stderr = done.stderr.decode(encoding)
    check_outcome([os.fsdecode(a) for a in argv], done.returncode, stdout, stderr, False)
    assert leftover_temporaries(place) == [], argv
