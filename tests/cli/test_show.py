"""`ccm show ISO3`: one state on one screen."""

from __future__ import annotations

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT, entry, make_state

runner = CliRunner()


def show(data_dir, iso3, as_of="2025-06-01"):
    return runner.invoke(app, ["show", iso3, "--data", str(data_dir), "--as-of", as_of], env={"COLUMNS": "200"})


def test_show_prints_dates_stockpile_retention_findings_engagements(data_dir, write_state):
    write_state(make_state(retention=[entry(2023, 315, 7335), entry(2024, 292, 6605)]))
    result = show(data_dir, "esp")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Spain (ESP)" in out and "entry into force 2010-08-01" in out
    assert "deadline 2018-08-01" in out
    assert "7,335" in out and "6,605" in out
    assert "R102 warning" in out
    assert "none recorded" in out


def test_show_unknown_state_is_bad_usage(data_dir, write_state):
    write_state(make_state())
    result = show(data_dir, "XYZ")
    assert result.exit_code == 2
    assert "no state XYZ" in result.output


def test_show_broken_record_points_to_ccm_check(data_dir, write_state):
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    result = show(data_dir, "ESP")
    assert result.exit_code == 2
    assert "does not validate" in result.output and "esp.yaml:4" in result.output


def test_show_withdrawn_state_says_why_it_left_followup():
    result = show(PROJECT / "data", "LTU")
    assert "Not on the follow-up list: withdrawn with effect from 2025-03-06" in result.stdout
