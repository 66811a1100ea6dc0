"""`python -m ccm_stockpile` is the same program as `ccm`."""

from __future__ import annotations

import subprocess
import sys

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
