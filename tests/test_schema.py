"""The committed JSON Schemas are what the models generate: editors never see a stale schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.schema import schemas
from tests.conftest import PROJECT


def test_committed_schemas_are_current():
    for name, text in schemas().items():
        committed = (PROJECT / "schemas" / name).read_text(encoding="utf-8")
        assert committed == text, f"schemas/{name} is stale: run `make schema` and commit it"


def test_schema_forbids_unknown_keys_and_describes_every_field():
    state = json.loads(schemas()["state.schema.json"])
    assert state["additionalProperties"] is False
    for name, spec in state["properties"].items():
        assert spec.get("description"), name


def test_ccm_schema_writes_the_files(tmp_path):
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schemas())


def test_every_field_of_the_practice_and_settings_records_is_described():
    for name in ("practice.schema.json", "settings.schema.json"):
        schema = json.loads(schemas()[name])
        models = [schema, *schema.get("$defs", {}).values()]
        for model in models:
            for key, spec in model.get("properties", {}).items():
                assert spec.get("description"), f"{name}: {model.get('title')}.{key}"


_RECORD = """\
iso3: ESP
name: Spain
status: party
stockpile:
  status: destroyed
retention:
  - year: 2016
    report: reported
    held: {munitions: 1, submunitions: 10}
    by_type:
      - {type: M42, munitions: 1, submunitions: 10, lots: ["0123"]}
    sources:
      - url: https://example.org/r
"""
_SIGNED = ("status: party", "status: party\nsigned: ")
# (name, text replaced, replacement): values an editor types, read by `ccm check` and by the schema alike
_TRICKY = [
    ("a lot number unquoted", 'lots: ["0123"]', "lots: [4567]"),
    ("a lot number with a leading zero, unquoted", 'lots: ["0123"]', "lots: [0123]"),
    ("a negative lot number", 'lots: ["0123"]', "lots: [-5]"),
    ("a fractional lot number", 'lots: ["0123"]', "lots: [1.5]"),
    ("a lot number true", 'lots: ["0123"]', "lots: [true]"),
    ("a null lot number", 'lots: ["0123"]', "lots: [null]"),
    ("no lot numbers", 'lots: ["0123"]', "lots: null"),
    ("a negative count", "held: {munitions: 1,", "held: {munitions: -1,"),
    ("a fractional count", "held: {munitions: 1,", "held: {munitions: 1.5,"),
    ("a whole count written as a fraction", "held: {munitions: 1,", "held: {munitions: 1.0,"),
    ("a count in exponent form", "held: {munitions: 1,", "held: {munitions: 1e3,"),
    ("a count in quotes", "held: {munitions: 1,", 'held: {munitions: "1",'),
    ("a count true", "held: {munitions: 1,", "held: {munitions: true,"),
    ("a quantity missing a part", "held: {munitions: 1, submunitions: 10}", "held: {munitions: 1}"),
    ("a year in quotes", "year: 2016", 'year: "2016"'),
    ("a year as a fraction", "year: 2016", "year: 2016.0"),
    ("an ISO3 code in lower case", "iso3: ESP", "iso3: esp"),
    ("an ISO3 code as a number", "iso3: ESP", "iso3: 123"),
    ("a report status capitalised", "report: reported", "report: Reported"),
    ("a full date", _SIGNED[0], _SIGNED[1] + "2008-12-03"),
    ("a month", _SIGNED[0], _SIGNED[1] + "2008-12"),
    ("a year alone", _SIGNED[0], _SIGNED[1] + "2008"),
    ("a month 13", _SIGNED[0], _SIGNED[1] + "2008-13-01"),
    ("a day 32", _SIGNED[0], _SIGNED[1] + "2008-01-32"),
    ("30 February", _SIGNED[0], _SIGNED[1] + "2008-02-30"),
    ("a date in words", _SIGNED[0], _SIGNED[1] + "December 2008"),
    ("an empty name", "name: Spain", 'name: ""'),
    ("a name as a number", "name: Spain", "name: 12"),
    ("an unknown key", _SIGNED[0], "status: party\nfoo: 1"),
    ("a URL that is not one", "https://example.org/r", "not a url"),
    ("figures without sources", "    sources:\n      - url: https://example.org/r\n", "    sources: []\n"),
    ("an empty type", "type: M42", 'type: ""'),
    ("a note as a number", "report: reported", "report: reported\n    note: 5"),
]
# Where the schema is laxer than `ccm check`, because JSON Schema cannot say it; never the other way round, so
# an editor's YAML extension never flags a record that `ccm check` accepts.
_SCHEMA_LAXER = {
    "a whole count written as a fraction": "JSON Schema's `integer` is any number with no fraction, 1.0 included; "
    "ccm refuses it because `1.000` may be a thousand in another notation",
    "a count in exponent form": "the same: 1e3 is the integer 1000 to JSON Schema",
    "a year as a fraction": "the same",
    "30 February": "a pattern cannot know each month's length",
    "figures without sources": "a rule across fields (sources required when a figure is given), left to ccm check",
}


@pytest.mark.parametrize(("name", "old", "new"), _TRICKY, ids=[case[0] for case in _TRICKY])
def test_the_schema_and_ccm_check_agree_on_tricky_values(name, old, new):
    import jsonschema

    from ccm_stockpile.io.reader import parse_text
    from ccm_stockpile.io.validation import validate
    from ccm_stockpile.records.state import StateRecord

    assert old in _RECORD
    parsed = parse_text(_RECORD.replace(old, new), Path("esp.yaml"), "esp.yaml")
    record, errors = validate(parsed, StateRecord, state="ESP")
    by_ccm = record is not None and not errors
    by_schema = jsonschema.Draft202012Validator(json.loads(schemas()["state.schema.json"])).is_valid(parsed.data)
    if name in _SCHEMA_LAXER:
        assert (by_ccm, by_schema) == (False, True), name
    else:
        assert by_ccm == by_schema, f"{name}: ccm check says {by_ccm}, the schema {by_schema}"


def test_ccm_schema_beside_the_data_of_another_repository_says_the_header_each_record_takes(tmp_path):
    records = tmp_path / "other" / "records"
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path / "other" / "schemas"), "--data", str(records)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = "# yaml-language-server: $schema=../../schemas/state.schema.json"
    assert f"first line of each record in {records.as_posix()}/states: {header}" in lines
    assert (tmp_path / "other" / "schemas" / "state.schema.json").is_file()
