"""`ccm log`: engagements the tool did not write, appended to the state's record."""

from __future__ import annotations

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import make_state

runner = CliRunner()


def test_log_records_a_letter_sent_outside_the_tool(data_dir, write_state):
    path = write_state(make_state())
    arguments = ["--date", "2025-03-02", "--summary", "Asked for the 2024 lot numbers", "--ref", "CCM/2025/7"]
    result = runner.invoke(app, ["log", "ESP", "--kind", "letter", *arguments, "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "recorded the letter of 2025-03-02" in result.output
    text = path.read_text(encoding="utf-8")
    assert "kind: letter" in text
    assert "ref: CCM/2025/7" in text
    assert runner.invoke(app, ["check", "--data", str(data_dir), "--as-of", "2025-06-01", "--state", "ESP"]).exit_code == 0


def test_log_refuses_an_unknown_kind(data_dir, write_state):
    write_state(make_state())
    arguments = ["--date", "2025-03-02", "--summary", "x", "--data", str(data_dir)]
    result = runner.invoke(app, ["log", "ESP", "--kind", "telegram", *arguments])
    assert result.exit_code == 2
