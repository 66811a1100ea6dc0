"""The hostile-input corpus (issue 12): every case goes through `ccm check --format json` beside a valid state file.

Each case must give exit 1 (a fault) or 0 (accepted), never an internal error (exit 3) or a traceback; a
fault gives a documented finding code (in `CODES`) naming the file, and its line where it has one; and the
other file is still checked (its own finding is there). A tag never runs code: the tags below would create a
file or run a command if they were ever constructed (`test_the_payloads_are_live` proves it with PyYAML's
unsafe loader), and the file never appears.

Cases are built for each kind of record file: a state (states/esp.yaml), a practice
(practices/aut-example.yaml), the settings (settings.yaml) and the work plan (workplan.yaml). Each kind has a
valid base text; a fault is appended to it, replaces one of its lines, or replaces the whole file, and the
expected line is counted from the base. Bytes that matter live in tests/data/hostile/ (README there).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.codes import CODES
from ccm_stockpile.findings import Severity
from tests.conftest import entry, make_state

runner = CliRunner()
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
CANARY = "CANARY"  # replaced by a path in the test's folder: the file a payload would create
DEEP = 20_000  # nesting levels of the deep cases
LARGE = 10 * 1024 * 1024  # bytes of the 10 MB cases

# The companion: a valid state whose one finding (R105, a warning) proves it was still checked.
COMPANION = json.dumps(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 1, actual_use=None)]), indent=2)


@dataclass(frozen=True)
class Kind:
    """A kind of record file: where it goes, a valid text of it, and its lines to break."""

    name: str
    path: str
    base: str
    duplicate: str  # a line repeating a key of the base
    unknown: str  # a misspelt key, and the words of its hint
    unknown_hint: str
    quoted: tuple[int, str]  # a line of the base with a number written as quoted text
    lower_iso3: tuple[int, str]  # a line of the base with a lower-case ISO3 code
    non_latin: tuple[int, str]  # a line of the base with text in non-Latin scripts (accepted)
    counted: bool  # whether `summary.files` counts it

    @property
    def lines(self) -> int:
        return self.base.count("\n")


STATE = Kind(
    name="state",
    path="states/esp.yaml",
    base=(
        "iso3: ESP\n"
        "name: Spain\n"
        "status: party\n"
        "signed: 2008-12-03\n"
        "consent: {date: 2009-06-17, type: ratification}\n"
        "entry_into_force: 2010-08-01\n"
        "stockpile: {status: destroyed, completed: 2009-03-31}\n"
        "retention:\n"
        "  - year: 2024\n"
        "    report: reported\n"
        "    held: {munitions: 1, submunitions: 1}\n"
        "    planned_use: training\n"
        "    actual_use: training\n"
        "    by_type: [{type: M42, lots: [L1], munitions: 1, submunitions: 1}]\n"
        '    sources: [{url: "https://example.org/report"}]\n'
    ),
    duplicate="name: Kingdom of Spain\n",
    unknown="retianed: []\n",
    unknown_hint="did you mean `retention`?",
    quoted=(9, '  - year: "2024"\n'),
    lower_iso3=(1, "iso3: esp\n"),
    non_latin=(2, 'name: "Испания · 西班牙 · إسبانيا · स्पेन"\n'),
    counted=True,
)
PRACTICE = Kind(
    name="practice",
    path="practices/aut-example.yaml",
    base=(
        "id: aut-example\n"
        "title: Austria destroys its stockpile at a national plant\n"
        "method: disassembly_recycling\n"
        "states: [AUT]\n"
        "quantity: {munitions: 100, submunitions: 2000}\n"
        "costs:\n"
        "  - {amount: 5000, currency: EUR, year: 2009, whole_quantity: true}\n"
        "sources:\n"
        "  - url: https://example.org/practice\n"
        '    quote: "100 cluster munitions and 2,000 submunitions for EUR 5,000"\n'
    ),
    duplicate="title: Again\n",
    unknown="titel: x\n",
    unknown_hint="did you mean `title`?",
    quoted=(5, 'quantity: {munitions: "100", submunitions: 2000}\n'),
    lower_iso3=(4, "states: [aut]\n"),
    non_latin=(2, 'title: "Австрия · 奥地利 · النمسا · ऑस्ट्रिया"\n'),
    counted=True,
)
SETTINGS = Kind(
    name="settings",
    path="settings.yaml",
    base=(
        "coordinators:\n"
        "  - state: AUT\n"
        "isu:\n"
        "  name: CCM Implementation Support Unit\n"
        "thresholds:\n"
        "  unchanged_years: 3\n"
        "  largest_holders: 3\n"
        "letters:\n"
        "  reply_days: 60\n"
    ),
    duplicate="isu: {name: Again}\n",
    unknown="tresholds: {}\n",
    unknown_hint="did you mean `thresholds`?",
    quoted=(6, '  unchanged_years: "3"\n'),
    lower_iso3=(2, "  - state: aut\n"),
    non_latin=(4, '  name: "وحدة دعم التنفيذ · 执行支助股"\n'),
    counted=False,
)
WORKPLAN = Kind(
    name="workplan",
    path="workplan.yaml",
    base=(
        "title: Work Plan 2024-2025 on Enhancing Implementation of Article 3\n"
        "period: 2024-2025\n"
        "objectives:\n"
        "  - id: b\n"
        "    text: Create a database of best practices.\n"
        "strategies:\n"
        "  - id: a\n"
        "    text: Engage bilaterally.\n"
        "    states: [AUT]\n"
        "timeline:\n"
        "  - id: practices\n"
        "    quarter: 2024-Q4\n"
        "    text: Collect practices.\n"
        "    measure: practices\n"
        "    target: 5\n"
    ),
    duplicate="period: 2025\n",
    unknown="timelines: []\n",
    unknown_hint="did you mean `timeline`?",
    quoted=(15, '    target: "5"\n'),
    lower_iso3=(9, "    states: [aut]\n"),
    non_latin=(1, 'title: "工作计划 2024-2025 · خطة العمل"\n'),
    counted=False,
)
KINDS = (STATE, PRACTICE, SETTINGS, WORKPLAN)

Content = bytes | Callable[[Path], None]  # the file's bytes, or what makes the entry at the given path


@dataclass(frozen=True)
class Case:
    """One hostile input: the entry it puts in the data folder and what `ccm check` must say of it."""

    id: str
    path: str  # relative to the data folder
    content: Content
    code: str | None  # None: accepted (no error-level finding for the file)
    line: int | None = None  # where the finding must point (None for the accepted cases)
    words: str = ""  # in the finding's message
    counted: bool = True


def replace_line(text: str, number: int, line: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[number - 1] = line
    return "".join(lines)


def payload(tag: str) -> str:
    return f"zz: {tag}\n"


# Tags that would run code if constructed: each creates CANARY (or runs a command that does).
CODE_TAGS = {
    "os.system": f'!!python/object/apply:os.system ["touch {CANARY}"]',
    "builtins.open": f'!!python/object/apply:builtins.open ["{CANARY}", "w"]',
    "subprocess.call": f'!!python/object/apply:subprocess.call [["touch", "{CANARY}"]]',
    "os.mkdir": f'!!python/object/apply:os.mkdir ["{CANARY}"]',
}
# Tags that construct objects without side effects: still refused.
OBJECT_TAGS = {
    "python/object": "!!python/object:argparse.Namespace {a: 1}",
    "python/name": "!!python/name:os.system",
    "python/module": "!!python/module:os",
    "python/tuple": "!!python/tuple [1, 2]",
    "python/bytes": "!!python/bytes aGk=",
    "set": "!!set {a, b}",
    "omap": "!!omap [a: 1]",
    "local tag": "!custom ESP",
}
BILLION_LAUGHS = 'lol0: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{i + 1}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def appended_faults(kind: Kind) -> list[Case]:
    """Faults added after a valid base: each at the line after it."""
    n = kind.lines

    def case(name: str, text: str | bytes, code: str | None, line: int | None, words: str = "") -> Case:
        tail = text if isinstance(text, bytes) else text.encode("utf-8")
        return Case(f"{kind.name}: {name}", kind.path, kind.base.encode() + tail, code, line, words, kind.counted)

    return [
        case("unclosed quote", 'zz: "open\n', "E001", n + 1, "quote"),
        case("tab indentation", "zz:\n\tq: 1\n", "E001", n + 2, "indent with spaces, not tabs"),
        case("mixed tabs and spaces", "zz:\n  a: 1\n \tb: 2\n", "E001", n + 3, "tab"),
        case("duplicate key", kind.duplicate, "E003", n + 1, "given twice"),
        case("misspelt key", kind.unknown, "E002", n + 1, kind.unknown_hint),
        case("several documents", "---\nzz: 1\n", "E001", n + 1, "one record per file"),
        case("a key that is a list", "? [a, b]\n: 1\n", "E001", n + 1, "a key must be plain text"),
        case("a key that is a mapping", "{a: 1}: 1\n", "E001", n + 1, "a key must be plain text"),
        case("billion laughs", BILLION_LAUGHS, "E001", n + 1, "aliases"),
        case("scalar alias", "za: &x 5\nzb: *x\n", "E001", n + 1, "aliases"),
        case("merge key", "za: &x {a: 1}\nzb:\n  <<: *x\n", "E001", n + 1, "aliases"),
        case(f"flow nesting {DEEP} deep", "zz: " + "[" * DEEP + "]" * DEEP + "\n", "E001", n + 1, "nesting"),
        case(f"flow mappings {DEEP} deep", "zz: " + "{a: " * DEEP + "1" + "}" * DEEP + "\n", "E001", n + 1, "nesting"),
        case(f"block nesting {DEEP} deep", "zz:\n" + "- " * DEEP + "x\n", "E001", n + 2, "nesting"),
        case("block mappings 100 deep", "".join(" " * i + f"k{i}:\n" for i in range(100)), "E001", n + 42, "nesting"),
        case("python/object/apply:os.system tag", payload(CODE_TAGS["os.system"]), "E001", n + 1, "tag"),
        case("not UTF-8", "zz: Espa\xf1a\n".encode("latin-1"), "E001", n + 1, "UTF-8"),
        case("NUL byte", "zz: a\x00b\n", "E001", n + 1, "#x0000"),
        case("lone surrogate escape", 'zz: "\\ud800"\n', "E001", n + 1, "not valid YAML"),
        case("lone surrogate bytes", b"zz: \xed\xa0\x80\n", "E001", n + 1, "UTF-8"),
    ]


def replaced_faults(kind: Kind) -> list[Case]:
    """A line of the base replaced, or the whole file replaced."""

    def case(name: str, content: Content, code: str | None, line: int | None = None, words: str = "") -> Case:
        return Case(f"{kind.name}: {name}", kind.path, content, code, line, words, kind.counted)

    quoted_line, quoted = kind.quoted
    lower_line, lower = kind.lower_iso3
    latin_line, latin = kind.non_latin
    base = kind.base
    padding = "".join(f"# {i:08d} {'x' * 88}\n" for i in range(LARGE // 100))
    return [
        case("a number in quotes", replace_line(base, quoted_line, quoted).encode(), "E002", quoted_line, "remove the quotes"),
        case("lower-case ISO3", replace_line(base, lower_line, lower).encode(), "E002", lower_line, "ISO 3166-1 alpha-3"),
        case("non-Latin scripts", replace_line(base, latin_line, latin).encode(), None),
        case("CRLF line ends", base.replace("\n", "\r\n").encode(), None),
        case("byte-order mark", b"\xef\xbb\xbf" + base.encode(), None),
        case("byte-order mark and CRLF", b"\xef\xbb\xbf" + base.replace("\n", "\r\n").encode(), None),
        case("empty file", b"", "E002", 1, "the file is empty"),
        case("only comments", b"# nothing here yet\n# still nothing\n", "E002", 1, "the file is empty"),
        case("only a byte-order mark", b"\xef\xbb\xbf", "E002", 1, "the file is empty"),
        case("a list at the top", b"- a\n- b\n", "E002", 1, "a list at the top"),
        case("a scalar at the top", b"hello\n", "E002", 1, "`hello` at the top"),
        case("random bytes", (HOSTILE / "random-bytes.bin").read_bytes(), "E001", 1, "not UTF-8"),
        case("random text", (HOSTILE / "random-text.bin").read_bytes(), "E001", 1, "not valid YAML"),
        case("UTF-16", (HOSTILE / "utf16-bom.yaml.bin").read_bytes(), "E001", 1, "not UTF-8"),
        case("10 MB", (base + padding + kind.unknown).encode(), "E002", kind.lines + LARGE // 100 + 1, kind.unknown_hint),
        case("a folder named like the file", lambda path: path.mkdir(), "E001", 1, "not a regular file"),
        case("a link loop", lambda path: path.symlink_to(path), "E001", 1, "not a regular file"),
        case("a broken link", lambda path: path.symlink_to(path.parent / "missing.yaml"), "E001", 1, "not a regular file"),
        case("unreadable (simulated)", _unreadable_simulated(base), "E001", 1, "cannot read the file: Permission denied"),
    ]


def _unreadable_simulated(base: str) -> Callable[[Path], None]:
    """Whatever the user, reading the file fails as a chmod 000 file does (see also the real one below)."""

    def make(path: Path) -> None:
        path.write_text(base, encoding="utf-8")
        UNREADABLE.add(path)

    return make


UNREADABLE: set[Path] = set()


def state_case(
    name: str,
    text: str | bytes,
    code: str | None,
    line: int | None = None,
    words: str = "",
    file: str = "esp.yaml",
) -> Case:
    content = text if isinstance(text, bytes) else text.encode("utf-8")
    return Case(f"state file: {name}", f"states/{file}", content, code, line, words)


HEAD = "iso3: ESP\nname: Spain\nstatus: party\n"


def _held(value: str) -> str:
    return (
        HEAD + "signed: 2008-12-03\nentry_into_force: 2010-08-01\n"
        "retention:\n  - year: 2024\n    report: reported\n"
        f"    held: {{munitions: {value}, submunitions: 1}}\n"
        '    sources: [{url: "https://example.org/report"}]\n'
    )


# Every bad input of tests/cli/test_check.py, then the rest of issue 12's list for state files.
STATE_CASES = [
    state_case("unclosed quote", 'iso3: ESP\nname: "Spain\nstatus: party\n', "E001", 2, "quote"),
    state_case("tab indentation", HEAD + "stockpile:\n\tstatus: held\n", "E001", 5, "tabs"),
    state_case("duplicate key", HEAD + "name: Espana\n", "E003", 4),
    state_case("unknown key", HEAD + "retianed: []\n", "E002", 4, "did you mean `retention`?"),
    state_case("an unknown key that is a path", HEAD + "/etc/passwd: 1\n", "E002", 4, "unknown key `/etc/passwd`"),
    state_case("text for a number", _held("some"), "E002", 9, "expected a whole number"),
    state_case("negative count", _held("-4"), "E002", 9, "must be 0 or more"),
    state_case("fractional count", _held("2.5"), "E002", 9, "expected a whole number"),
    state_case("iso3 NO unquoted", "iso3: NO\nname: Norway\nstatus: party\n", "E002", 1, "ISO 3166-1", "nor.yaml"),
    state_case("file name differs from iso3", HEAD, "E004", 1, "does not match iso3", "prt.yaml"),
    state_case("impossible month", HEAD + "signed: 2015-13-01\n", "E002", 4, "no month 13"),
    state_case("unknown ISO3 code", "iso3: XXX\nname: Nowhere\nstatus: party\n", "E004", 1, "not an ISO 3166-1", "xxx.yaml"),
    state_case("not UTF-8 (Latin-1)", (HOSTILE / "latin1.yaml.bin").read_bytes(), "E001", 2, "byte 0xf1"),
    state_case("NUL byte (file)", (HOSTILE / "nul.yaml.bin").read_bytes(), "E001", 2, "#x0000"),
    state_case("lone surrogate (file)", (HOSTILE / "lone-surrogate.yaml.bin").read_bytes(), "E001", 2, "byte 0xed"),
    state_case("overlong UTF-8", (HOSTILE / "overlong.yaml.bin").read_bytes(), "E001", 2, "byte 0xc0"),
    state_case("UTF-8 cut mid-character", (HOSTILE / "truncated-utf8.yaml.bin").read_bytes(), "E001", 4, "byte 0xc3"),
    state_case("February 30", HEAD + "signed: 2025-02-30\n", "E002", 4, "month 2 of 2025 has 28 days"),
    state_case("February 29 in a leap year", STATE.base.replace("2008-12-03", "2008-02-29"), None),
    state_case("year 0000", HEAD + "signed: 0000-01-01\n", "E002", 4, "between 1900 and 2100"),
    state_case("a count written true", _held("true"), "E002", 9, "got `true`"),
    state_case("a count written yes", _held("yes"), "E002", 9, "got `yes`"),
    state_case("a count written 1e3", _held("1e3"), "E002", 9, "expected a whole number"),
    state_case("a count written .inf", _held(".inf"), "E002", 9, "expected a whole number"),
    state_case("a count written 0x10", _held("0x10"), "E002", 9, "expected a whole number"),
    state_case("a count in quotes", _held('"12"'), "E002", 9, "remove the quotes"),
    state_case("a count of 100 digits", _held("9" * 100), "E002", 9, "or less"),
    state_case(
        "a year of 100 digits", HEAD + "retention:\n  - year: " + "1" * 100 + "\n    report: unknown\n", "E002", 5, "or less"
    ),
    state_case("a negative 100-digit count", _held("-" + "9" * 100), "E002", 9, "must be 0 or more"),
    state_case("a year written as a float", HEAD + "retention:\n  - year: 2020.0\n    report: unknown\n", "E002", 5),
    state_case("a 1 MB name on one line", HEAD.replace("Spain", "S" * 1_000_000), None),
    state_case("a 10 MB note", STATE.base + "    note: " + "n" * LARGE + "\n", None),
    state_case(
        "10 MB of sources",
        STATE.base
        + "sources:\n"
        + '  - {url: "https://example.org/a-long-enough-address-for-a-source"}\n' * (LARGE // 70)
        + "zz: 1\n",
        "E002",
        17 + LARGE // 70,
        "unknown key `zz`",
    ),
    state_case("a 1 MB line with an open quote", 'iso3: ESP\nname: "' + "S" * 1_000_000 + "\nstatus: party\n", "E001", 2),
    state_case("a 1 MB key", HEAD + "k" * 1_000_000 + ": 1\n", "E001", 4),
    state_case("control character", "iso3: ESP\nname: Sp\x07ain\nstatus: party\n", "E001", 2, "#x0007"),
    state_case("escaped control characters", HEAD.replace("Spain", '"Sp\\x1b[31main\\r\\n"'), None),
    state_case("non-Latin name", HEAD.replace("Spain", "Испания 西班牙 إسبانيا"), None),
    state_case("right-to-left override in a name", HEAD.replace("Spain", '"Spain\\u202e"'), None),
    state_case("LS and NEL inside a name", HEAD.replace("Spain", '"S\u2028p\x85ain"') + "retianed: []\n", "E002", 4, "retention"),
    state_case(".yml extension", STATE.base, None, file="esp.yml"),
    state_case("upper-case .YAML extension", STATE.base, None, file="esp.YAML"),
    state_case("upper-case file name", STATE.base, "E004", 1, "rename the file to `esp.yaml`", file="ESP.yaml"),
    state_case("iso3 with a Cyrillic letter", HEAD.replace("ESP", "\u0415SP"), "E002", 1, "ISO 3166-1"),
    state_case("YAML 1.1 directive", "%YAML 1.1\n---\n" + STATE.base, None),
    state_case("unknown YAML version", "%YAML 9.9\n---\n" + HEAD, "E001", 1, "not valid YAML"),
    state_case("document end marker alone", "...\n", "E001", 1, "not valid YAML"),
    state_case("several documents, all empty", "---\n---\n", "E001", 2, "one record per file"),
    state_case("a tag on a key", HEAD + "!!python/name:os.system : 1\n", "E001", 4, "tag"),
    state_case("a tag in a list item", STATE.base.replace("[L1]", f"[{CODE_TAGS['os.system']}]"), "E001", 14, "tag"),
    state_case(
        "a tag through a %TAG directive",
        f"%TAG !p! tag:yaml.org,2002:python/\n---\n{HEAD}zz: !p!object/apply:os.system ['touch {CANARY}']\n",
        "E001",
        6,
        "tag",
    ),
    state_case(
        "a verbatim python tag",
        f"{HEAD}zz: !<tag:yaml.org,2002:python/object/apply:os.system> ['touch {CANARY}']\n",
        "E001",
        4,
        "tag",
    ),
    *(state_case(f"{name} tag", HEAD + payload(tag), "E001", 4, "tag") for name, tag in CODE_TAGS.items()),
    *(state_case(f"{name} tag", HEAD + payload(tag), "E001", 4, "tag") for name, tag in OBJECT_TAGS.items()),
]


def _cases() -> list[Case]:
    cases = list(STATE_CASES)
    for kind in KINDS:
        cases += appended_faults(kind)
        cases += replaced_faults(kind)
    return cases


CASES = _cases()


def _write(case: Case, data_dir: Path) -> Path:
    path = data_dir / case.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(case.content, bytes):
        path.write_bytes(case.content.replace(CANARY.encode(), str(data_dir / CANARY).encode()))
    else:
        case.content(path)
    return path


@pytest.fixture
def corpus_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder holding the companion state; cases add their file to it."""
    (tmp_path / "states").mkdir()
    (tmp_path / "states" / "aut.yaml").write_text(COMPANION, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self in UNREADABLE:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    yield tmp_path
    UNREADABLE.clear()


def check_json(data_dir: Path, *args: str) -> tuple[int, dict, str]:
    result = runner.invoke(app, ["check", "--data", str(data_dir), "--as-of", "2025-06-01", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output  # 3 is an internal error, 2 bad usage
    return result.exit_code, json.loads(result.stdout), result.output


def assert_verdict(case: Case, data_dir: Path, code: int, payload: dict) -> None:
    """What every case must give: the finding at its file and line, a documented code, the companion checked."""
    display = f"{data_dir}/{case.path}"
    findings = payload["findings"]
    assert all(f["code"] in CODES for f in findings), [f["code"] for f in findings]
    assert all(f["file"] and f["line"] >= 1 and f["column"] >= 1 for f in findings if f["code"].startswith(("E", "P005")))
    own = [f for f in findings if f["file"] == display]
    own_errors = [f for f in own if f["severity"] == Severity.ERROR.value]
    if case.code is None or CODES[case.code].severity != Severity.ERROR:
        assert code == 0, own_errors
        assert own_errors == []
    else:
        assert code == 1
    if case.code is not None:
        located = [(f["code"], f["line"]) for f in own]
        if case.line is None:
            assert case.code in [c for c, _ in located], located
        else:
            assert (case.code, case.line) in located, located
        messages = [f["message"] for f in own if f["code"] == case.code]
        assert any(case.words in m for m in messages), messages
    assert ("R105", "AUT", f"{data_dir}/states/aut.yaml") in [(f["code"], f["state"], f["file"]) for f in findings]
    counted = 2 if case.counted else 1
    assert payload["summary"]["files"] == counted
    assert CANARY not in os.listdir(data_dir), "a tag ran code"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_gives_a_documented_finding_and_the_rest_is_still_checked(case: Case, corpus_dir: Path) -> None:
    _write(case, corpus_dir)
    code, payload, _ = check_json(corpus_dir)
    assert_verdict(case, corpus_dir, code, payload)
    # The same again from the results cache (unreadable files and links are never cached): the same answer.
    again, cached, _ = check_json(corpus_dir)
    assert (again, cached) == (code, payload)


def test_the_corpus_is_as_large_as_issue_12_asks() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


OTHER_COMMANDS = (
    ("check", "--format", "text"),
    ("check", "--format", "github"),
    ("fmt", "--check"),
    ("todo",),
    ("followup",),
    ("show", "AUT"),
    ("export", "--format", "json"),
    ("practices", "list"),
    ("practices", "compare"),
    ("progress",),
)
SAMPLE = 6  # the fast suite runs every other command on one case in SAMPLE; `make test-slow` on them all


def _sampled(index: int, case: Case) -> object:
    slow = index % SAMPLE or "10 MB" in case.id  # ruamel's round trip (`fmt`) takes 5-30 s on 10 MB
    return pytest.param(case, id=case.id, marks=(pytest.mark.slow,) if slow else ())


@pytest.mark.parametrize("case", [_sampled(index, case) for index, case in enumerate(CASES)])
def test_every_other_command_survives_the_corpus(case: Case, corpus_dir: Path) -> None:
    """No command that reads the data folder fails on a hostile file: each gives its answer or refuses, exit 0-2."""
    _write(case, corpus_dir)
    for command in OTHER_COMMANDS:
        arguments = [*command, "--data", str(corpus_dir)]
        if command[0] not in {"fmt", "export", "practices"}:
            arguments += ["--as-of", "2025-06-01"]
        result = runner.invoke(app, arguments)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, repr(result.exception))
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert "Traceback" not in result.output, command
    assert CANARY not in os.listdir(corpus_dir)


# -- Tags never run code -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CODE_TAGS))
def test_the_payloads_are_live(name: str, tmp_path: Path) -> None:
    """Proof that the corpus's code tags are real: PyYAML's unsafe loader, which the tool never uses, runs them."""
    canary = tmp_path / CANARY
    text = CODE_TAGS[name].replace(CANARY, str(canary))
    result = yaml.unsafe_load(f"zz: {text}\n")
    if hasattr(result["zz"], "close"):
        result["zz"].close()
    assert canary.exists()


@pytest.mark.parametrize("name", list(CODE_TAGS))
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_a_code_tag_never_runs_in_any_kind_of_file(name: str, kind: Kind, corpus_dir: Path) -> None:
    case = Case(
        f"{kind.name}: {name}",
        kind.path,
        (kind.base + payload(CODE_TAGS[name])).encode(),
        "E001",
        kind.lines + 1,
        "tag",
        kind.counted,
    )
    _write(case, corpus_dir)
    code, result, _ = check_json(corpus_dir)
    assert_verdict(case, corpus_dir, code, result)


# -- A file the user cannot read ---------------------------------------------------------------------------


def _drop_root_privileges() -> list[str] | None:
    """As root, a command prefix that runs without the capabilities that bypass file modes; None when not root."""
    if os.geteuid() != 0:
        return None
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, which chmod 000 cannot stop from reading, and setpriv is not there to drop that power")
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("running as root, which chmod 000 cannot stop from reading, and capabilities cannot be dropped here")
    return prefix


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_an_unreadable_file_chmod_000(kind: Kind, tmp_path: Path) -> None:
    """A real chmod 000 file; as root (which reads it anyway) the check runs in a process without that power."""
    (tmp_path / "states").mkdir()
    (tmp_path / "states" / "aut.yaml").write_text(COMPANION, encoding="utf-8")
    path = tmp_path / kind.path
    path.parent.mkdir(exist_ok=True)
    path.write_text(kind.base, encoding="utf-8")
    path.chmod(0)
    try:
        prefix = _drop_root_privileges()
        arguments = ["check", "--data", str(tmp_path), "--as-of", "2025-06-01", "--format", "json"]
        if prefix is None:
            code, payload, _ = check_json(tmp_path)
        else:
            done = subprocess.run(
                [*prefix, sys.executable, "-m", "ccm_stockpile", *arguments], capture_output=True, text=True, check=False
            )
            assert "Traceback" not in done.stderr
            code, payload = done.returncode, json.loads(done.stdout)
        case = Case(f"{kind.name}: chmod 000", kind.path, b"", "E001", 1, "cannot read the file: Permission denied", kind.counted)
        assert_verdict(case, tmp_path, code, payload)
    finally:
        path.chmod(0o644)
