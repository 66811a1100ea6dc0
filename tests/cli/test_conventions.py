"""Conventions every command keeps: --version, shell completion read cheaply from the data folder, no colour
codes when the output is piped or NO_COLOR is set."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.cli.common import complete_codes, complete_iso3, complete_practice, console
from tests.conftest import PROJECT

runner = CliRunner()


def context(data: Path | None = None) -> SimpleNamespace:
    return SimpleNamespace(params={"data": data} if data else {})


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("ccm ")


def test_iso3_codes_complete_from_the_file_names(data_dir: Path):
    for name in ("esp.yaml", "est.yaml", "nld.yaml", "notes.txt", "template.yaml"):
        (data_dir / "states" / name).write_text("", encoding="utf-8")
    assert complete_iso3(context(data_dir), "E") == ["ESP", "EST"]
    assert complete_iso3(context(data_dir), "es") == ["esp", "est"]  # as typed: shells keep what starts as typed
    assert complete_iso3(context(data_dir), "") == ["ESP", "EST", "NLD"]
    assert complete_iso3(context(data_dir / "nowhere"), "E") == []


def test_practice_ids_complete_from_the_file_names(data_dir: Path):
    (data_dir / "practices").mkdir()
    for name in ("spain-2009.yaml", "sweden-2015.yaml"):
        (data_dir / "practices" / name).write_text("", encoding="utf-8")
    assert complete_practice(context(data_dir), "sp") == ["spain-2009"]
    assert complete_practice(context(data_dir / "nowhere"), "") == []


def test_finding_codes_complete_the_last_of_a_list():
    assert complete_codes("R10") == [f"R10{n}" for n in range(1, 10)]
    assert complete_codes("E001,t20") == ["E001,T201", "E001,T202", "E001,T203", "E001,T204"]


def shell(words: str, cword: int, cwd: Path = PROJECT, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "_CCM_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword), **env}
    script = "from ccm_stockpile.cli.app import app; app(prog_name='ccm')"
    return subprocess.run([sys.executable, "-c", script], env=environment, cwd=cwd, capture_output=True, text=True, check=False)


def test_bash_completes_a_state_in_the_data_folder_given_on_the_line(tmp_path: Path):
    (tmp_path / "states").mkdir()
    (tmp_path / "states" / "bih.yaml").write_text("", encoding="utf-8")
    assert shell(f"ccm show --data {tmp_path} B", 4).stdout.split() == ["BIH"]
    assert "ESP" in shell("ccm new-year E", 2).stdout.split()


def colour_codes(text: str) -> bool:
    return "\x1b[" in text


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}])
def test_no_escape_codes_when_piped(env):
    environment = {key: value for key, value in os.environ.items() if key not in {"FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE"}}
    result = subprocess.run(
        # a frozen fixture with an R105 for Spain, not the shipped data (whose findings move with the data)
        [
            sys.executable,
            "-m",
            "ccm_stockpile",
            "check",
            "--data",
            "tests/golden/data",
            "--as-of",
            "2025-06-01",
            "--state",
            "ESP",
        ],
        env={**environment, **env},
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "R105" in result.stdout
    assert not colour_codes(result.stdout)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_a_terminal_gets_colour_unless_no_color_is_set(monkeypatch, no_color, coloured):
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    console().print("[yellow]R105 warning[/yellow]")
    assert ("\x1b[33m" in terminal.getvalue()) is coloured
    assert "R105 warning" in terminal.getvalue()


@pytest.mark.parametrize("args", [["--help"], ["check", "--as-of", "2025-06-01"], ["show", "ESP", "--as-of", "2025-06-01"]])
def test_the_everyday_commands_never_import_the_heavy_modules(args):
    script = (
        "import sys\n"
        "from ccm_stockpile.cli.app import app\n"
        f"try:\n    app({args!r}, prog_name='ccm')\nexcept SystemExit:\n    pass\n"
        "heavy = ('ruamel', 'openpyxl', 'ccm_stockpile.io.git', 'ccm_stockpile.io.canonical', 'ccm_stockpile.domain.changes')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "[]"
