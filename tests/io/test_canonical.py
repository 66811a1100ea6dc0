"""The canonical form: model key order, one style, every comment and blank line kept, idempotent, safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccm_stockpile.io.canonical import FormatError, comments, format_text, model_for
from ccm_stockpile.io.reader import parse_text
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import StateRecord

CANONICAL = """\
# yaml-language-server: $schema=../../schemas/state.schema.json
iso3: ESP
name: Spain
status: party
signed: 2008-12-03
consent:
  date: 2009-06-17
  type: ratification
entry_into_force: 2010-08-01   # Art. 17
withdrawal: null
stockpile:
  status: destroyed
  destroyed: {munitions: 4762, submunitions: 232647}
  completed: 2009-03-31

  # found later
  discoveries:
    - found: 2012
      quantity: {munitions: 3574, submunitions: 75045, approximate: [submunitions]}
      sources:
        - url: https://example.org/monitor
retention:
  - year: 2014
    report: reported
    held: {munitions: 315, submunitions: 7335}
    by_type:
      - type: M42
        munitions: 315
        submunitions: 7335
        lots: ["0123", "A-7"]
    omitted: [planned_use, actual_use]
    sources:
      - url: https://example.org/report#page=3
        quote: "retaining 315 cluster munitions: see # 3"
    note: "Monitor profile of 2015."
engagements: []
sources:
  - url: https://treaties.un.org/
"""

MESSY = """\
# yaml-language-server: $schema=../../schemas/state.schema.json
# Spain: keys out of order, single quotes, block quantities
name: 'Spain''s record'   # as the UNTC writes it
iso3: ESP
status: party
stockpile:
    status: destroyed
    destroyed:
        submunitions: 232647
        munitions: 4762

    completed: 2009-03-31
retention:
-   report: reported   # the report
    year: 2014
    # holdings from the Monitor
    held:
      munitions: 315
      submunitions: 7335
    by_type: [{type: M42, munitions: 315, submunitions: 7335, lots: [0123, 'A-7', yes]}]
    sources:
    - quote: "x # not a comment"
      url: https://example.org/a#frag
- year: 2015
  report: unchanged
  omitted:
    - planned_use
    - actual_use   # both
  sources: [{url: 'https://example.org/b'}]

entry_into_force: 2010-08-01
consent: {type: ratification, date: 2009-06-17}  # deposit
"""


def data_of(text: str) -> object:
    return parse_text(text, Path("esp.yaml"), "esp.yaml").data


def test_a_canonical_file_changes_by_zero_bytes():
    assert format_text(CANONICAL, StateRecord) == CANONICAL


def test_messy_file_becomes_canonical_with_the_same_data_and_every_comment():
    result = format_text(MESSY, StateRecord)
    assert data_of(result) == data_of(MESSY)
    assert comments(result) == comments(MESSY)
    assert format_text(result, StateRecord) == result  # idempotent
    lines = result.splitlines()
    top_keys = [line.split(":")[0] for line in lines if line[:1].isalpha()]
    assert top_keys == ["iso3", "name", "status", "consent", "entry_into_force", "stockpile", "retention"]
    assert 'name: "Spain\'s record"    # as the UNTC writes it' in lines  # the comment keeps its column
    assert "  destroyed: {munitions: 4762, submunitions: 232647}" in lines
    assert lines[lines.index("  destroyed: {munitions: 4762, submunitions: 232647}") + 1] == ""  # the blank line stays
    assert "  - year: 2014" in lines
    assert lines[lines.index("  - year: 2014") + 1] == "    report: reported   # the report"
    assert "    # holdings from the Monitor" in lines
    assert lines[lines.index("    # holdings from the Monitor") + 1] == "    held: {munitions: 315, submunitions: 7335}"
    assert '        lots: ["0123", "A-7", "yes"]' in lines
    assert "      - url: https://example.org/a#frag" in lines
    assert '      - url: "https://example.org/b"' in lines
    # a flow mapping with a comment on its line keeps its style (spreading it would move the comment), keys in order
    assert "consent: {date: 2009-06-17, type: ratification}  # deposit" in lines


def test_leading_comments_move_with_their_key():
    text = "iso3: ESP\n# the name, as the UNTC writes it\n\nname: Spain\n# the status\nstatus: party\nsigned: 2008\n"
    shuffled = "status: party\nsigned: 2008\niso3: ESP\n# the name, as the UNTC writes it\n\nname: Spain\n"
    result = format_text(shuffled, StateRecord)
    assert result == "iso3: ESP\n# the name, as the UNTC writes it\n\nname: Spain\nstatus: party\nsigned: 2008\n"
    assert format_text(text, StateRecord) == text


def test_the_first_key_of_a_list_item_takes_the_dash():
    text = "iso3: ESP\nretention:\n  - report: reported\n    held: {submunitions: 2, munitions: 1}\n    year: 2016\n"
    assert format_text(text, StateRecord) == (
        "iso3: ESP\nretention:\n  - year: 2016\n    report: reported\n    held: {munitions: 1, submunitions: 2}\n"
    )


@pytest.mark.parametrize(
    ("plain", "quoted"),
    [("0123", '"0123"'), ("yes", '"yes"'), ("off", '"off"'), ("1_000", '"1_000"'), ("NO", '"NO"'), ("1:20", '"1:20"')],
)
def test_values_a_yaml_1_1_reader_would_misread_are_quoted(plain, quoted):
    text = f"iso3: ESP\nretention:\n  - year: 2016\n    by_type:\n      - type: {plain}\n        lots: [{plain}]\n"
    result = format_text(text, StateRecord)
    assert f"      - type: {quoted}\n        lots: [{quoted}]\n" in result
    assert data_of(result) == data_of(text)


def test_dates_numbers_and_nulls_stay_plain():
    text = "iso3: ESP\nsigned: 2008-12-03\nwithdrawal: null\nretention:\n  - year: 2016\n    submitted: 2017-04\n"
    assert format_text(text, StateRecord) == text


def test_line_endings_byte_order_mark_trailing_spaces_and_final_newlines():
    text = "\ufeffiso3: ESP  \r\nname: Spain\r\n\r\n\r\n"
    assert format_text(text, StateRecord) == "iso3: ESP\nname: Spain\n"


def test_scalar_lists_go_on_one_line_unless_a_comment_would_move():
    text = "iso3: ESP\nretention:\n  - year: 2016\n    omitted:\n      - planned_use\n      - actual_use\n\n    note: x\n"
    assert format_text(text, StateRecord) == (
        "iso3: ESP\nretention:\n  - year: 2016\n    omitted: [planned_use, actual_use]\n\n    note: x\n"
    )
    commented = "iso3: ESP\nretention:\n  - year: 2016\n    omitted:\n      - planned_use  # per the Monitor\n"
    assert format_text(commented, StateRecord) == commented


def test_unknown_keys_are_kept_after_the_known_ones():
    text = "name: Spain\nretianed: []\niso3: ESP\n"
    assert format_text(text, StateRecord) == "iso3: ESP\nname: Spain\nretianed: []\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('iso3: ESP\nname: "Spain\n', 2, "not valid YAML"),
        ("iso3: ESP\nname: Spain\nname: Espana\n", 3, "given twice"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_at_its_line(text, line, words):
    with pytest.raises(FormatError) as raised:
        format_text(text, StateRecord)
    assert raised.value.line == line
    assert words in str(raised.value)


def test_comments_are_found_outside_values_only():
    text = 'a: "x # no"  # yes\n# full line\nb: http://x.org/#no\nc: [1, 2] # flow\n'
    assert sorted(comments(text)) == ["# flow", "# full line", "# yes"]


def test_the_model_comes_from_where_the_file_sits():
    assert model_for(Path("data/states/esp.yaml")) is StateRecord
    assert model_for(Path("data/practices/x.yml")) is PracticeRecord
    assert model_for(Path("data/settings.yaml")) is Settings
    assert model_for(Path("data/workplan.yaml")) is None
    assert model_for(Path("data/states/notes.txt")) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("iso3: ESP\nname: Spain\nsigned: 2015-13-01\n", 3),
        ("iso3: ESP\nname: Spain\nconsent: {date: 2025-02-30, type: ratification}\n", 3),
        ("iso3: ESP\nsigned: 0000-01-01\n", 2),
    ],
)
def test_a_date_not_in_the_calendar_is_refused_at_its_line_not_an_internal_error(text, line):
    with pytest.raises(FormatError) as raised:
        format_text(text, StateRecord)
    assert raised.value.line == line
    assert "a date that is not in the calendar" in str(raised.value)


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\r"], ids=["NEL", "LS", "PS", "CR"])
def test_a_line_break_libyaml_counts_inside_a_value_is_formatted_not_an_internal_error(separator):
    """libyaml starts a new line at NEL, LS, PS and a lone CR; the text offsets of its marks must too (was an
    IndexError, so `ccm fmt` exited 3). Found by the property test of `ccm fmt`."""
    text = (
        f'iso3: ESP\nname: "S{separator}p{separator}ain"\nstatus: party\n'
        "retention:\n  - year: 2012\n    report: unknown\n"
        "    by_type: [{type: M42, munitions: 1, submunitions: 1, lots: [0123]}]\n"
    )
    once = format_text(text, StateRecord)
    assert format_text(once, StateRecord) == once
    assert parse_text(once, Path("x.yaml"), "x.yaml").data == parse_text(text, Path("x.yaml"), "x.yaml").data
    assert 'lots: ["0123"]' in once  # the edit located by the marks lands where it should
