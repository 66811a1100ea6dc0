"""Golden outputs of check (text and github), followup, todo and show on a small fixture folder.

A change to any of them shows in the diff of tests/golden/expected/; regenerate with `make golden`.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT

DATA = "tests/golden/data"
runner = CliRunner()

RUNS = [
    ("check.txt", ["check"], 1),
    ("check.github", ["check", "--format", "github"], 1),
    ("todo.txt", ["todo"], 1),
    ("followup.txt", ["followup"], 1),
    ("show-esp.txt", ["show", "ESP"], 0),
    ("show-ltu.txt", ["show", "LTU"], 0),
]


@pytest.mark.parametrize(("name", "args", "exit_code"), RUNS, ids=[run[0] for run in RUNS])
def test_output_matches_its_golden_file(golden, monkeypatch, name, args, exit_code):
    monkeypatch.chdir(PROJECT)  # file names in the output are relative, as a user would type them
    result = runner.invoke(app, [*args, "--data", DATA, "--as-of", "2025-06-01"], env={"COLUMNS": "100"})
    assert result.exit_code == exit_code, result.output
    golden(name, result.stdout)
