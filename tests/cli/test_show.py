"""`ccm show ISO3`: one state on one screen."""

from __future__ import annotations

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import entry, make_state

runner = CliRunner()


def show(data_dir, iso3, as_of="2025-06-01"):
    return runner.invoke(app, ["show", iso3, "--data", str(data_dir), "--as-of", as_of], env={"COLUMNS": "200"})


def test_show_prints_dates_stockpile_retention_findings_engagements(data_dir, write_state):
    write_state(make_state(retention=[entry(2023, 315, 7335), entry(2024, 292, 6605)]))
    result = show(data_dir, "esp")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Spain (ESP)" in out
    assert "entry into force 2010-08-01" in out
    assert "deadline 2018-08-01" in out
    assert "7,335" in out
    assert "6,605" in out
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
    assert "the record for ESP has errors; fix them first" in result.output
    assert "esp.yaml:4" in result.output


def test_show_a_file_that_is_not_yaml_says_so_not_that_there_is_no_such_state(data_dir, write_state):
    write_state('iso3: "ESP\nname: Spain\n')
    result = show(data_dir, "ESP")
    assert result.exit_code == 2
    assert "the record for ESP has errors" in result.output
    assert "no state" not in result.output


def test_show_prints_every_figure_at_80_columns_and_when_piped(data_dir, write_state):
    consumed = {"munitions": 1234, "submunitions": 123456}
    transfers = [{"direction": "out", "counterpart": "NOR", "munitions": 1, "submunitions": 10}]
    write_state(
        make_state(
            retention=[
                entry(2023, 31500, 7335000),
                entry(2024, 29200, 6605000, consumed=consumed, destroyed=consumed, transfers=transfers),
            ]
        )
    )
    result = runner.invoke(app, ["show", "ESP", "--data", str(data_dir), "--as-of", "2025-06-01"], env={"COLUMNS": "80"})
    out = result.stdout
    assert "…" not in out
    for figure in ("31,500", "7,335,000", "29,200", "6,605,000", "1,234", "123,456", "out NOR", "destroyed", "transfers"):
        assert figure in out, figure
    table = out[out.index("Retention") : out.index("Findings")].splitlines()[1:]
    assert max(len(line) for line in table) <= 80


def test_show_degrades_to_ascii_when_the_output_cannot_take_utf8(tmp_path):
    import os
    import subprocess
    import sys

    states = tmp_path / "states"
    states.mkdir()
    (states / "tur.yaml").write_text('iso3: TUR\nname: "Türkiye — test…"\nstatus: signatory\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ccm_stockpile", "show", "TUR", "--data", str(tmp_path), "--as-of", "2025-06-01"],
        capture_output=True,
        env=os.environ | {"PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert b"Turkiye - test... (TUR)" in result.stdout


def test_show_withdrawn_state_says_why_it_left_followup(data_folder):
    from ccm_stockpile.dataset import load

    withdrawn = [loaded.record for loaded in load(data_folder).valid_states() if loaded.record.withdrawal is not None]
    assert withdrawn
    for record in withdrawn:
        result = show(data_folder, record.iso3)
        assert f"Not on the follow-up list: withdrawn with effect from {record.withdrawal.effective}" in result.stdout
