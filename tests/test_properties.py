"""Property tests (issue 12, point 3), with hypothesis.

(a) Any YAML document, text or bytes given to the reader and to validation yields findings or a record,
    never an exception. (b) `ccm fmt`'s canonical form is idempotent on valid state records, and keeps their
    data. (c) The checks (the balance rules first) never raise on generated retention series, and neither do
    the screens of `ccm check`, `ccm show` and `ccm followup` made from their findings.

Each property runs twice: a small derandomized run (50 examples, no deadline) in the fast suite, so CI
exercises it on every push, and a 10,000-example run under the `slow` marker (`make test-slow`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from ccm_stockpile.checks import contexts, run_checks
from ccm_stockpile.codes import CODES
from ccm_stockpile.dataset import load
from ccm_stockpile.domain.followup import followups
from ccm_stockpile.findings import Finding
from ccm_stockpile.io.canonical import format_text
from ccm_stockpile.io.reader import ParsedFile, parse_text, read_file
from ccm_stockpile.io.validation import validate
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import Direction, EngagementKind, Omission, ReportStatus, StateRecord, StockpileStatus
from ccm_stockpile.records.workplan import Workplan
from ccm_stockpile.render.findings import Totals, print_text
from ccm_stockpile.render.followup import print_followups
from ccm_stockpile.render.state import print_state
from tests.conftest import AS_OF, SOURCE, entry, make_state

FAST = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
# `make test-slow` runs 10,000 examples each; CI sets CCM_PROPERTY_EXAMPLES to bound its time. Derandomized, so a
# failure in CI is the same failure on a developer's machine.
SLOW_EXAMPLES = int(os.environ.get("CCM_PROPERTY_EXAMPLES", "10000"))
SLOW = settings(max_examples=SLOW_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
MODELS = (StateRecord, PracticeRecord, Settings, Workplan)


class PlainDumper(yaml.SafeDumper):
    """PyYAML writes an object met twice as an anchor and an alias, which records refuse: write it out again."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any, **options: Any) -> str:
    return yaml.dump(data, Dumper=PlainDumper, **options)


def fast_and_slow(*strategies: st.SearchStrategy[Any]) -> Callable[[Callable[..., None]], tuple[Callable[..., None], ...]]:
    """The property as a small derandomized test for the fast suite, and as a 10,000-example one marked slow."""

    def both(body: Callable[..., None]) -> tuple[Callable[..., None], ...]:
        return FAST(given(*strategies)(body)), pytest.mark.slow(SLOW(given(*strategies)(body)))

    return both


# -- (a) the reader and validation ------------------------------------------------------------------------

# Keys a record would hold, so that generated documents reach deep into validation, not only "unknown key".
RECORD_KEYS = sorted(
    {name for model in MODELS for name in model.model_fields}
    | {"munitions", "submunitions", "approximate", "year", "report", "url", "quote", "date", "type", "state"}
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["2024", "2024-02-30", "2008-12-03", "ESP", "esp", "NO", "yes", "0123", "1_000", "~", "null", ".inf"]),
    st.dates(min_value=dt.date(1, 1, 1)),
)
keys = st.one_of(st.sampled_from(RECORD_KEYS), st.text(max_size=10))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=40,
)
dump_options = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "allow_unicode": st.booleans(),
        "explicit_start": st.booleans(),
        "sort_keys": st.booleans(),
        "width": st.sampled_from([20, 80, 4096]),
    }
)


def _read_bytes(raw: bytes) -> ParsedFile:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.yaml"
        path.write_bytes(raw)
        return read_file(path, "x.yaml")


def _validate_everywhere(parsed: ParsedFile) -> None:
    """What the reader gave, validated against every model: findings or a record, each finding located."""
    assert all(f.code in CODES and f.line and f.line >= 1 for f in parsed.findings)
    if not parsed.readable:
        assert parsed.data is None
        return
    for model in MODELS:
        record, findings = validate(parsed, model)
        assert (record is None) == bool(findings)
        assert all(f.code == "E002" and f.line and f.line >= 1 and f.message for f in findings)


def _parse(text: str) -> ParsedFile:
    return parse_text(text, Path("x.yaml"), "x.yaml")


def _generated_document(document: Any, options: dict[str, Any]) -> None:
    _validate_everywhere(_parse(dump(document, **options)))


def _arbitrary_text(text: str) -> None:
    _validate_everywhere(_parse(text))


def _arbitrary_bytes(raw: bytes) -> None:
    _validate_everywhere(_read_bytes(raw))


VALID_STATE = dump(make_state(retention=[entry(2023, 5, 578, consumed={"munitions": 1, "submunitions": 20})]), sort_keys=False)


def _damaged_record(cuts: list[tuple[int, str]]) -> None:
    """A valid record with characters inserted or replaced: the typos and bad merges editors make."""
    text = VALID_STATE
    for position, inserted in cuts:
        at = position % (len(text) + 1)
        text = text[:at] + inserted + text[at + 1 :]
    _validate_everywhere(_parse(text))


yaml_pieces = st.sampled_from([*":-?[]{}&*!|>'\"%@`#,\t\n\r\x00\ufeff\u2028 ", "  ", "\n  ", "---\n", "- ", "é", "\\"])
inserted = st.lists(yaml_pieces, max_size=3).map("".join)
cuts = st.lists(st.tuples(st.integers(min_value=0), inserted), min_size=1, max_size=6)

test_any_yaml_document_gives_findings_or_a_record, test_any_yaml_document_gives_findings_or_a_record_10000 = fast_and_slow(
    documents, dump_options
)(_generated_document)
test_any_text_gives_findings_or_a_record, test_any_text_gives_findings_or_a_record_10000 = fast_and_slow(st.text(max_size=500))(
    _arbitrary_text
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252"])
raw_documents = st.one_of(
    st.binary(max_size=500),
    st.builds(
        lambda document, options, encoding: dump(document, **options).encode(encoding, "replace"),
        documents,
        dump_options,
        encodings,
    ),
)
test_any_bytes_give_findings_or_a_record, test_any_bytes_give_findings_or_a_record_10000 = fast_and_slow(raw_documents)(
    _arbitrary_bytes
)
test_a_damaged_record_gives_findings_or_a_record, test_a_damaged_record_gives_findings_or_a_record_10000 = fast_and_slow(cuts)(
    _damaged_record
)


# -- (b) `ccm fmt` is idempotent on valid records ---------------------------------------------------------

counts = st.one_of(st.none(), st.just(0), st.integers(min_value=1, max_value=10**10))
prose = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
words = st.one_of(
    prose,
    st.sampled_from(["yes", "no", "NO", "0123", "1_000", "null", "~", "2024", "12", "a: b", "# x", "- x", "'", '"', " x "]),
)


@st.composite
def quantities(draw: st.DrawFn) -> dict[str, Any]:
    quantity: dict[str, Any] = {"munitions": draw(counts), "submunitions": draw(counts)}
    known = [part for part in ("munitions", "submunitions") if quantity[part] is not None]
    approximate = draw(st.lists(st.sampled_from(known), unique=True)) if known else []
    if approximate:
        quantity["approximate"] = approximate
    return quantity


@st.composite
def retention_entries(draw: st.DrawFn, year: int) -> dict[str, Any]:
    held = draw(quantities())
    item = entry(year, held["munitions"], held["submunitions"])
    item["held"] = held
    item["report"] = draw(st.sampled_from(list(ReportStatus))).value
    item["by_type"] = [
        {"type": draw(st.sampled_from(["M42", "BLU-97", "MK-118"])), "munitions": draw(counts), "submunitions": draw(counts)}
        for _ in range(draw(st.integers(0, 3)))
    ]
    for movement in ("consumed", "destroyed", "acquired"):
        if draw(st.booleans()):
            item[movement] = draw(quantities())
    if draw(st.booleans()):
        item["transfers"] = [
            {
                "direction": draw(st.sampled_from(list(Direction))).value,
                "counterpart": draw(st.sampled_from(["DEU", "NLD", "FRA", "ITA"])),
                "munitions": draw(counts),
                "submunitions": draw(counts),
            }
            for _ in range(draw(st.integers(0, 2)))
        ]
    item["omitted"] = draw(st.lists(st.sampled_from([o.value for o in Omission]), unique=True, max_size=3))
    for use in ("planned_use", "actual_use"):
        item[use] = draw(st.one_of(st.none(), words))
    if draw(st.booleans()):
        item["note"] = draw(words)
    return item


@st.composite
def series(draw: st.DrawFn) -> list[dict[str, Any]]:
    years = draw(st.lists(st.integers(2010, 2025), unique=True, max_size=8))
    if draw(st.booleans()):
        years.sort()  # mostly in order; out of order (E005) too
    return [draw(retention_entries(year)) for year in years]


partial_dates = st.builds(
    lambda day, precision: day.isoformat()[:precision],
    st.dates(dt.date(2008, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from([4, 7, 10]),
)
summaries = prose.filter(lambda text: text.strip() != "")


@st.composite
def engagements(draw: st.DrawFn) -> dict[str, Any]:
    engagement: dict[str, Any] = {
        "date": draw(partial_dates),
        "kind": draw(st.sampled_from(list(EngagementKind))).value,
        "summary": draw(summaries),
    }
    if draw(st.booleans()):
        engagement["reply_by"] = draw(partial_dates)
    if draw(st.booleans()):
        engagement["ref"] = draw(words)
    return engagement


@st.composite
def stockpiles(draw: st.DrawFn) -> dict[str, Any]:
    stockpile: dict[str, Any] = {"status": draw(st.sampled_from(list(StockpileStatus))).value}
    for name in ("declared", "destroyed"):
        if draw(st.booleans()):
            stockpile[name] = draw(quantities())
    for name in ("deadline", "completed"):
        if draw(st.booleans()):
            stockpile[name] = draw(partial_dates)
    if draw(st.booleans()):
        stockpile["extensions"] = [{"granted": draw(partial_dates), "new_deadline": draw(partial_dates)}]
    if draw(st.booleans()):
        stockpile["discoveries"] = [{"found": draw(partial_dates), "quantity": draw(quantities()), "sources": SOURCE}]
    if draw(st.booleans()):
        stockpile["note"] = draw(words)
    if "declared" in stockpile or "destroyed" in stockpile:
        stockpile["sources"] = SOURCE
    return stockpile


@st.composite
def state_records(draw: st.DrawFn) -> dict[str, Any]:
    record = make_state(retention=draw(series()))
    record["name"] = draw(st.one_of(st.just("Spain"), summaries))
    if draw(st.integers(0, 3)) == 0:  # a signatory: no consent, no entry into force
        record.update(status="signatory", consent=None, entry_into_force=None)
    record["stockpile"] = draw(stockpiles())
    record["engagements"] = draw(st.lists(engagements(), max_size=3))
    return record


def typed(data: Any) -> Any:
    """The data with each value's type beside it: 1, 1.0 and True are one value to Python, three to a record."""
    if isinstance(data, dict):
        return {key: typed(value) for key, value in data.items()}
    if isinstance(data, list):
        return [typed(value) for value in data]
    return (type(data).__name__, data)


def _fmt_is_idempotent(record: dict[str, Any], options: dict[str, Any]) -> None:
    text = dump(record, **options)
    before = parse_text(text, Path("esp.yaml"), "esp.yaml")
    assert before.findings == []
    valid, errors = validate(before, StateRecord)
    if valid is None:
        # PyYAML writes YAML 1.1, so a name such as `0E0` goes out plain and the reader (YAML 1.2) reads it as
        # a number; E002 then asks for quotes, rightly. Any other error is the generator's fault.
        assert all(e.message.startswith("expected text, got") for e in errors), errors
        assume(False)
    once = format_text(text, StateRecord, "esp.yaml")
    assert format_text(once, StateRecord, "esp.yaml") == once
    after = parse_text(once, Path("esp.yaml"), "esp.yaml")
    assert after.findings == []
    assert typed(after.data) == typed(before.data)
    assert validate(after, StateRecord)[0] == valid


test_fmt_is_idempotent_on_valid_records, test_fmt_is_idempotent_on_valid_records_10000 = fast_and_slow(
    state_records(), dump_options
)(_fmt_is_idempotent)


# -- (c) the checks never raise on generated series -------------------------------------------------------


def _checks_never_raise(record: dict[str, Any], thresholds: dict[str, int], as_of: dt.date) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "states").mkdir()
        (root / "states" / "esp.yaml").write_text(json.dumps(record), encoding="utf-8")
        (root / "settings.yaml").write_text(json.dumps({"thresholds": thresholds}), encoding="utf-8")
        dataset = load(root, "data")
        views = contexts(dataset, as_of)
        findings: list[Finding] = run_checks(dataset, as_of, state_contexts=views)
        # What `ccm check`, `ccm show` and `ccm followup` then make of them must not raise either.
        items = followups(dataset, list(views), findings)
        console = Console(file=io.StringIO(), width=80)
        print_text(findings, Totals(dataset.files, len(dataset.valid_states()), []), as_of, console)
        print_followups(items, as_of, console)
        for view in views:
            print_state(view, [f for f in findings if f.state == view.record.iso3], console, [])
    assert all(f.code in CODES for f in findings)
    assert all(f.message for f in findings)


test_the_checks_never_raise_on_generated_series, test_the_checks_never_raise_on_generated_series_10000 = fast_and_slow(
    state_records(),
    st.fixed_dictionaries(
        {
            "unchanged_years": st.integers(2, 20),
            "large_holding_submunitions": st.integers(0, 10**12),
            "largest_holders": st.integers(0, 200),
        }
    ),
    st.one_of(st.just(AS_OF), st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2100, 12, 31))),
)(_checks_never_raise)


def test_the_generators_reach_valid_records() -> None:
    """Not vacuous: most generated records validate, so the fmt and check properties run on real records."""
    valid = 0
    for example in _examples(state_records(), 40):
        parsed = parse_text(dump(example), Path("esp.yaml"), "esp.yaml")
        valid += validate(parsed, StateRecord)[0] is not None
    assert valid >= 36


def _examples(strategy: st.SearchStrategy[Any], count: int) -> list[Any]:
    found: list[Any] = []

    @settings(max_examples=count, deadline=None, derandomize=True, database=None)
    @given(strategy)
    def collect(example: Any) -> None:
        found.append(example)

    collect()
    return found[:count]
