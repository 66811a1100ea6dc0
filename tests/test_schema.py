"""The committed JSON Schemas are what the models generate: editors never see a stale schema."""

from __future__ import annotations

import json

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
