"""`ccm todo`: the editor's list; never a request to a state."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import entry, make_state

runner = CliRunner()


def test_todo_lists_the_editor_addressed_findings_only(data_dir, write_state):
    write_state(
        make_state(retention=[entry(2022, 5, 100, actual_use=None, omitted=["actual_use"]), entry(2024, 5, 100, by_type=[])])
    )
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 9, planned_use=None)]))
    result = runner.invoke(app, ["todo", "--data", str(data_dir), "--as-of", "2025-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["findings"]
    assert sorted((f["state"], f["code"], f["year"]) for f in found) == [
        ("AUT", "R105", 2024),
        ("ESP", "R106", 2023),
        ("ESP", "R107", 2024),
    ]
    assert {f["addressee"] for f in found} == {"editor"}
    one = runner.invoke(app, ["todo", "--data", str(data_dir), "--as-of", "2025-06-01", "--state", "AUT"])
    assert "aut.yaml" in one.stdout
    assert "esp.yaml" not in one.stdout


def test_todo_on_a_broken_file_names_it_and_exits_1(data_dir, write_state):
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    result = runner.invoke(app, ["todo", "--data", str(data_dir), "--as-of", "2025-06-01"])
    assert result.exit_code == 1
    assert "4:1 E002 error retianed: unknown key `retianed`; did you mean `retention`?" in result.stdout
