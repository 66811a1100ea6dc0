"""E002: every model error is mapped back to its line, with a path named by keys and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccm_stockpile.io.reader import parse_text
from ccm_stockpile.io.validation import validate
from ccm_stockpile.records.state import StateRecord

HEAD = "iso3: ESP\nname: Spain\nstatus: party\n"


def errors(text: str):
    parsed = parse_text(text, Path("esp.yaml"), "esp.yaml")
    assert parsed.findings == []
    record, findings = validate(parsed, StateRecord)
    return record, findings


@pytest.mark.parametrize(
    ("body", "line", "column", "path", "message"),
    [
        ("retianed: []\n", 4, 1, "retianed", "unknown key `retianed`; did you mean `retention`?"),
        (
            "stockpile:\n  status: held\n  declard: {munitions: 1, submunitions: 2}\n",
            6,
            3,
            "stockpile.declard",
            "unknown key `declard`; did you mean `declared`?",
        ),
        (
            "retention:\n  - year: 2016\n    report: reported\n    held: {munitions: many, submunitions: 3}\n"
            "    sources: [{url: 'https://x.org'}]\n",
            7,
            12,
            "retention[year=2016].held.munitions",
            "expected a whole number (or null where not known), got `many`",
        ),
        (
            "retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 3, submunitions: -5}\n"
            "    sources: [{url: 'https://x.org'}]\n",
            7,
            26,
            "retention[year=2016].held.submunitions",
            "must be 0 or more, got `-5`",
        ),
        (
            "retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 2.5, submunitions: 5}\n"
            "    sources: [{url: 'https://x.org'}]\n",
            7,
            12,
            "retention[year=2016].held.munitions",
            "expected a whole number (or null where not known), got `2.5`",
        ),
        ("signed: 2015-13-01\n", 4, 1, "signed", "`2015-13-01` is not a date: there is no month 13; write YYYY-MM-DD"),
        ("signed: 2015-02-30\n", 4, 1, "signed", "`2015-02-30` is not a date: month 2 of 2015 has 28 days"),
        (
            "stockpile:\n  status: gone\n",
            5,
            3,
            "stockpile.status",
            "`gone` is not one of: never_held, held, destroyed, retained or unknown",
        ),
        (
            "retention:\n  - year: 2016\n    held: {munitions: 3, submunitions: 5}\n    sources: [{url: 'https://x.org'}]\n",
            5,
            5,
            "retention[year=2016].report",
            "the required key `report` is missing; add it",
        ),
        (
            "retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 3}\n    sources: [{url: 'https://x.org'}]\n",
            7,
            5,
            "retention[year=2016].held.submunitions",
            "the required key `submunitions` is missing; add it (write null where it is not known)",
        ),
        (
            "retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 3, submunitions: 5}\n",
            5,
            5,
            "retention[year=2016]",
            "the entry for 2016 gives figures or omissions but no `sources`; add the URL each comes from",
        ),
        (
            "engagements:\n  - {date: 2024-01-05, kind: letter, summary: x, sources: [{url: www.x.org}]}\n",
            5,
            61,
            "engagements[date=2024-01-05].sources[0].url",
            "`www.x.org` is not a web address (it must start with http:// or https://)",
        ),
    ],
)
def test_model_errors_point_at_their_line_with_a_fix(body, line, column, path, message) -> None:
    record, findings = errors(HEAD + body)
    assert record is None
    assert [(f.code, f.line, f.column, f.path, f.message) for f in findings] == [("E002", line, column, path, message)]


def test_unquoted_NO_stays_text_and_fails_as_an_iso3_code_not_as_a_boolean() -> None:
    _, findings = errors("iso3: NO\nname: Norway\nstatus: party\n")
    assert [(f.code, f.line, f.path) for f in findings] == [("E002", 1, "iso3")]
    assert "`NO` is not an ISO 3166-1 alpha-3 code" in findings[0].message


def test_missing_top_level_key_points_at_the_start_of_the_record() -> None:
    _, findings = errors("iso3: ESP\nstatus: party\n")
    assert [(f.line, f.message) for f in findings] == [(1, "the required key `name` is missing; add it")]


def test_partial_dates_are_kept_as_written() -> None:
    record, findings = errors(HEAD + "signed: 2008-12\nentry_into_force: 2010\n")
    assert findings == []
    assert (str(record.signed), str(record.entry_into_force)) == ("2008-12", "2010")


def test_null_and_zero_are_different_quantities() -> None:
    record, _ = errors(
        HEAD + "retention:\n  - year: 2016\n    report: reported\n"
        "    held: {munitions: 0, submunitions: null}\n    sources: [{url: 'https://x.org'}]\n"
    )
    held = record.retention[0].held
    assert held.munitions == 0
    assert held.submunitions is None
    assert not held.is_zero
    assert not held.entirely_unknown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty; a record needs at least iso3, name, status"),
        ("- iso3: ESP\n", "the file holds a list at the top; a record is a mapping of keys (iso3: ..., name: ..., status: ...)"),
    ],
)
def test_empty_file_and_top_level_list_are_E002_at_line_1(text: str, message: str) -> None:
    parsed = parse_text(text, Path("esp.yaml"), "esp.yaml")
    _, findings = validate(parsed, StateRecord)
    assert [(f.code, f.line, f.message) for f in findings] == [("E002", 1, message)]


@pytest.mark.parametrize(
    ("model", "text", "message"),
    [
        (
            "Settings",
            "- coordinators: []\n",
            "the file holds a list at the top; a record is a mapping of keys (coordinators: ..., isu: ..., next_meeting: ...)",
        ),
        ("Settings", "", "the file is empty; write its keys (coordinators: ..., isu: ..., next_meeting: ...) or delete it"),
        (
            "PracticeRecord",
            "- id: x\n",
            "the file holds a list at the top; a record is a mapping of keys (id: ..., title: ...)",
        ),
    ],
)
def test_the_hint_for_a_file_that_is_not_a_record_names_its_own_keys(model, text, message):
    from ccm_stockpile.records.practice import PracticeRecord
    from ccm_stockpile.records.settings import Settings

    parsed = parse_text(text, Path("x.yaml"), "x.yaml")
    _, findings = validate(parsed, {"Settings": Settings, "PracticeRecord": PracticeRecord}[model])
    assert [f.message for f in findings] == [message]


def test_a_year_in_quotes_is_told_to_lose_them():
    parsed = parse_text(
        'iso3: ESP\nname: Spain\nstatus: party\nretention:\n  - {year: "2020", report: reported}\n', Path("esp.yaml"), "esp.yaml"
    )
    _, findings = validate(parsed, StateRecord)
    assert [f.message for f in findings] == ["expected a whole number, got the text `2020`: remove the quotes"]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("/etc", "unknown key `/etc`; allowed keys: iso3, name, status,"),  # was an internal error (a path to commonpath)
        ("sources/", "unknown key `sources/`; did you mean `sources`?"),
        ("eng", "unknown key `eng`; did you mean `engagements`?"),  # the shared start, as the docstring promises
    ],
)
def test_an_unknown_key_gets_its_hint_whatever_it_holds(key, message):
    _, findings = errors(f'{HEAD}"{key}": 1\n')
    assert [(f.code, f.line) for f in findings] == [("E002", 4)]
    assert findings[0].message.startswith(message)
