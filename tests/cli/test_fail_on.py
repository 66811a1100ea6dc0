"""`ccm check --fail-on editor|any`: the gates (make check, pre-commit, the pull-request workflow) fail on what
the editor must fix, never on a true finding about a State transcribed faithfully (issue 15, point 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app

runner = CliRunner()
PROJECT = Path(__file__).resolve().parents[2]
# Four states: a report that does not reconcile (aut: R101, error, to the State), an unknown key (bel: E002,
# error, to the editor, so bel cannot be checked), editor warnings (R102, R106) and a State warning (R105).
GOLDEN = PROJECT / "tests" / "golden" / "data"


@pytest.fixture
def faithful(tmp_path: Path) -> Path:
    """The same states without bel: nothing for the editor to fix, a true R101 about Austria."""
    shutil.copytree(GOLDEN, tmp_path / "data")
    (tmp_path / "data" / "states" / "bel.yaml").unlink()
    return tmp_path / "data"


def check(*args: str, data: Path = GOLDEN):
    return runner.invoke(app, ["check", "--data", str(data), "--as-of", "2025-06-01", "--format", "json", *args])


def codes(result) -> list[str]:
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


def test_an_error_addressed_to_a_state_fails_only_with_fail_on_any(faithful):
    default, any_ = check(data=faithful), check("--fail-on", "any", data=faithful)
    editor = check("--fail-on", "editor", data=faithful)
    assert (default.exit_code, any_.exit_code, editor.exit_code) == (1, 1, 0)
    assert "R101" in codes(editor)  # reported all the same
    assert codes(editor) == codes(any_)


def test_an_error_addressed_to_the_editor_fails_both_ways():
    assert (check().exit_code, check("--fail-on", "editor").exit_code) == (1, 1)
    # a file that cannot be checked is the editor's to fix, whatever is selected
    assert check("--select", "R101", "--fail-on", "editor").exit_code == 1


def test_strict_with_fail_on_editor_counts_the_editors_warnings_only(faithful):
    assert check("--fail-on", "editor", "--strict", data=faithful).exit_code == 1  # R102, R106: the editor's
    assert check("--select", "R101,R105", "--fail-on", "editor", "--strict", data=faithful).exit_code == 0
    assert check("--select", "R101,R105", "--strict", data=faithful).exit_code == 1


def test_fail_on_takes_editor_or_any():
    result = check("--fail-on", "state")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_every_gate_uses_fail_on_editor():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    check_target = makefile.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    assert "ccm check --data data --fail-on editor" in check_target
    for name in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml"):
        text = (PROJECT / name).read_text(encoding="utf-8")
        hook = text.rsplit("id: ccm-check", 1)[1].split("- id:", 1)[0]
        assert "entry: ccm check --fail-on editor" in hook, name
    workflow = (PROJECT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    step = workflow.split("ccm check --format github", 1)[1].split("- name:", 1)[0]
    assert "--fail-on editor" in step
