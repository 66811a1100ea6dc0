"""`ccm export`: CSV, JSON and Excel with every figure and its source; null is never 0; same bytes twice."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.domain.export import TABLES
from tests.conftest import entry, make_state

runner = CliRunner()


@pytest.fixture
def spain(data_dir: Path, write_state) -> Path:
    record = make_state(
        retention=[
            entry(2015, 292, 6605, by_type=[{"type": "M42", "munitions": 292, "submunitions": 6605, "lots": ["0123", "0456"]}]),
            entry(2016, None, 6500, note="=SUM(A1:A3) is text, not a formula", transfers=[]),
        ],
        engagements=[
            {
                "date": "2025-02-10",
                "kind": "letter",
                "summary": "Asked for the use.",
                "sources": [{"url": "https://example.org/l"}],
            }
        ],
    )
    write_state(record)
    return data_dir


def export(data: Path, *args: str):
    return runner.invoke(app, ["export", "--data", str(data), *args])


def test_csv_has_one_row_per_state_and_year_with_its_figures_and_sources(spain):
    result = export(spain)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["iso3"], row["year"]) for row in rows] == [("ESP", "2015"), ("ESP", "2016")]
    first, second = rows
    assert (first["held_munitions"], first["held_submunitions"]) == ("292", "6605")
    assert first["by_type"] == "M42: 292 munitions / 6605 submunitions; lots 0123, 0456"
    assert first["sources"] == "https://example.org/report"
    assert first["consumed_munitions"] == ""  # not known: an empty cell, never 0
    assert first["transfers"] == ""  # not known
    assert second["transfers"] == "none"  # `transfers: []`: the report says there were none
    assert second["held_munitions"] == ""


def test_csv_of_another_table(spain):
    rows = list(csv.DictReader(io.StringIO(export(spain, "--table", "engagements").stdout)))
    assert rows == [
        {
            "iso3": "ESP",
            "name": "Spain",
            "date": "2025-02-10",
            "kind": "letter",
            "ref": "",
            "reply_by": "",
            "codes": "",
            "summary": "Asked for the use.",
            "sources": "https://example.org/l",
        }
    ]


def test_json_has_every_table_and_keeps_null_apart_from_zero(spain, write_state):
    tables = json.loads(export(spain, "--format", "json").stdout)["tables"]
    assert list(tables) == list(TABLES)
    assert tables["states"][0]["consent_type"] == "ratification"
    assert tables["stockpiles"][0]["completed"] == "2009-03-31"
    retention = tables["retention"]
    assert retention[1]["held_munitions"] is None
    assert retention[1]["held_submunitions"] == 6500
    assert tables["practices"] == []


def test_xlsx_has_a_sheet_per_table_frozen_headers_widths_and_no_formula(spain, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "out" / "ccm.xlsx"
    result = export(spain, "--format", "xlsx", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {target}\n"
    workbook = load_workbook(target)
    assert workbook.sheetnames == list(TABLES)
    sheet = workbook["retention"]
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]][:7] == [
        "iso3",
        "name",
        "year",
        "report",
        "submitted",
        "held_munitions",
        "held_submunitions",
    ]
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["A"].width == len("iso3") + 2
    assert sheet.column_dimensions["T"].width > 30  # the note column
    assert sheet["G2"].value == 6605
    assert sheet["F3"].value is None
    note = sheet["T3"]
    assert note.value == "=SUM(A1:A3) is text, not a formula"
    assert note.data_type == "s"
    again = tmp_path / "again.xlsx"
    assert export(spain, "--format", "xlsx", "--out", str(again)).exit_code == 0
    assert again.read_bytes() == target.read_bytes()


def test_xlsx_needs_a_file(spain):
    result = export(spain, "--format", "xlsx")
    assert result.exit_code == 2
    assert "give --out FILE.xlsx" in result.stderr


def test_files_that_cannot_be_checked_are_left_out_and_exit_1(spain, write_state):
    write_state("iso3: PRT\nname: [\n", name="prt.yaml")
    result = export(spain)
    assert result.exit_code == 1
    assert "ccm: left out 1 file(s) that could not be checked" in result.stderr
    assert "PRT" not in result.stdout


def test_states_table_has_the_retention_situation_as_of_the_date(data_dir, write_state):
    write_state(make_state(retention=[entry(2016, 5, 578), entry(2017, 0, 0, by_type=[], submitted="2018-03-01")]))
    before = list(csv.DictReader(io.StringIO(export(data_dir, "--table", "states", "--as-of", "2018-02-01").stdout)))
    after = list(csv.DictReader(io.StringIO(export(data_dir, "--table", "states", "--as-of", "2018-04-01").stdout)))
    assert (before[0]["situation"], before[0]["situation_year"]) == ("retains", "2016")
    assert (after[0]["situation"], after[0]["situation_year"]) == ("ended", "2017")
    assert after[0]["situation_evidence"].startswith("ended in 2017 (from 5 munitions / 578 submunitions in 2016)")
    assert after[0]["situation_sources"] == "https://example.org/report"
