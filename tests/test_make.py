"""`make check` on a fresh clone: it installs everything, and says so while it does."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import PROJECT


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_check_says_what_it_installs_and_installs_the_documents_extra(tmp_path):
    done = subprocess.run(
        ["make", "-n", f"VENV={tmp_path / 'venv'}", "check"], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    says = [line for line in lines if line.startswith("echo") and "make: " in line]
    assert any("creating the virtual environment" in line for line in says)
    assert any("installing ccm-stockpile with the documents extra" in line for line in says)
    install = next(line for line in lines if "pip install" in line and "-e" in line)
    assert "'.[documents]'" in install
    assert lines.index(next(line for line in says if "documents extra" in line)) < lines.index(install)
