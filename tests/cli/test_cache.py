"""The results cache is never wrong (issue 15, point 6): a result is stored under the bytes the run parsed,
the installed dependencies are part of the key, and shell completion and a bare `ccm` never go through it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.io import cache

runner = CliRunner()
PROJECT = Path(__file__).resolve().parents[2]
GOLDEN = PROJECT / "tests" / "golden" / "data"
CCM = Path(sys.executable).parent / "ccm"
BAD = "retianed: []\n"  # E002 unknown key


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "data")
    (tmp_path / "data" / "states" / "bel.yaml").unlink()  # the golden copy's own E002
    return tmp_path / "data"


def check(data: Path):
    return runner.invoke(app, ["check", "--data", str(data), "--as-of", "2025-06-01"])


def test_a_file_edited_while_check_runs_never_leaves_its_result_under_the_old_content(data, monkeypatch):
    """The race of the issue, made certain: the key is taken, the file is edited before the reader reads it,
    and restored after. The run reports the edit (E002); the restored, valid file must not keep reporting it."""
    import ccm_stockpile.dataset as dataset

    target = data / "states" / "esp.yaml"
    good = target.read_text(encoding="utf-8")
    original = dataset.read_file

    def edited_meanwhile(path: Path, display: str | None = None):
        if path.name == target.name:
            target.write_text(good + BAD, encoding="utf-8")
            try:
                return original(path, display)
            finally:
                target.write_text(good, encoding="utf-8")
        return original(path, display)

    monkeypatch.setattr(dataset, "read_file", edited_meanwhile)
    assert "E002" in check(data).stdout
    monkeypatch.setattr(dataset, "read_file", original)
    again = check(data)
    assert "E002" not in again.stdout
    assert again.stdout == runner.invoke(app, ["check", "--data", str(data), "--as-of", "2025-06-01", "--no-cache"]).stdout


def test_the_key_is_the_content_parsed(data):
    command = {"name": "check"}
    before = cache.key(data, command)
    target = data / "states" / "esp.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "\n", encoding="utf-8")
    assert cache.key(data, command) != before
    target.write_text(text, encoding="utf-8")
    assert cache.key(data, command) == before
    assert cache.key(data, command, cache.snapshot(data)) == before


def test_the_installed_versions_are_part_of_the_key(data, tmp_path, monkeypatch):
    from importlib.metadata import version

    installed = {name.lower() for name in cache._dependencies()["distributions"]}
    # distribution name -> how its metadata folder is named
    for name, folder in {"pydantic": "pydantic", "pydantic-core": "pydantic_core", "PyYAML": "pyyaml", "typer": "typer"}.items():
        assert f"{folder}-{version(name)}.dist-info" in installed, name
    for name, folder in {"rich": "rich", "jinja2": "jinja2", "ruamel.yaml": "ruamel_yaml"}.items():
        assert f"{folder}-{version(name)}.dist-info" in installed, name
    assert cache._dependencies()["libyaml"], "PyYAML's libyaml extension is part of the key"
    before = cache.key(data, {"name": "check"})
    upgraded = tmp_path / "site"
    (upgraded / "pydantic-99.0.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(upgraded), *sys.path])
    assert cache.key(data, {"name": "check"}) != before


def _ccm(*args: str, env: dict[str, str] | None = None, cwd: Path = PROJECT) -> tuple[int, str]:
    done = subprocess.run(
        [str(CCM), *args], capture_output=True, text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=120
    )
    return done.returncode, done.stdout


def _complete(words: str) -> tuple[int, str]:
    parts = words.split(" ")
    cword = str(len(parts) - 1)
    return _ccm(env={"_CCM_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword})


@pytest.mark.skipif(not CCM.exists(), reason="the ccm script is not installed in this environment")
def test_completion_twice_in_a_row_and_a_bare_ccm_twice_in_a_row():
    """Each completion answers its own words; after them a bare `ccm` is still typer's usage (exit 2)."""
    states = _complete("ccm show E")
    assert states == _complete("ccm show E")
    assert states[0] == 0
    assert "ESP" in states[1].split()
    commands = _complete("ccm sh")
    assert commands == _complete("ccm sh")
    assert commands[1].split() == ["show"]
    bare = _ccm()
    assert bare == _ccm()
    assert bare[0] == 2  # typer's usage, on stderr
    assert _complete("ccm show E") == states
