"""`python -m ccm_stockpile` is the same program as `ccm`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT


def test_python_dash_m_runs_the_cli():
    version = subprocess.run([sys.executable, "-m", "ccm_stockpile", "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("ccm ")
    check = subprocess.run(
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
            "LTU",
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "T204 info" in check.stdout


@pytest.mark.slow
def test_the_built_in_templates_work_after_a_plain_install_outside_the_repository(tmp_path):
    """`pip install '.[documents]'` (not editable) into a fresh venv, then a letter rendered from another folder:
    the templates and catalogues travel in the wheel."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", f"{PROJECT}[documents]"], capture_output=True, text=True, check=False
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    data = PROJECT / "tests" / "golden" / "letters-data"
    done = subprocess.run(
        [
            str(venv / "bin" / "ccm"),
            "letter",
            "ESP",
            "--data",
            str(data),
            "--out",
            str(tmp_path),
            "--as-of",
            "2025-06-01",
            "--lang",
            "fr",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Genève, le 1er juin 2025" in (tmp_path / "followup-ESP-2025-06-01.fr.md").read_text(encoding="utf-8")
