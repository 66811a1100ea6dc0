"""Word letters and invitations open in LibreOffice (slow: it starts soffice), page by page as a reader gets them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT

runner = CliRunner()
GOLDEN = PROJECT / "tests" / "golden"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.mark.parametrize(
    ("args", "data", "text"),
    [
        (["letter", "NLD", "--lang", "fr"], "letters-data", "Genève, le 1er juin 2025"),
        (["letter", "ESP", "--lang", "es"], "letters-data", "a finales de 2017"),
        (["invite", "NOR", "--lang", "en"], "practices-data", "Annex: questionnaire"),
    ],
    ids=["letter-fr", "letter-es", "invitation-en"],
)
def test_a_word_document_opens_in_libreoffice(tmp_path: Path, args: list[str], data: str, text: str) -> None:
    result = runner.invoke(
        app, [*args, "--format", "docx", "--data", str(GOLDEN / data), "--as-of", "2025-06-01", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    (document,) = tmp_path.glob("*.docx")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = document.with_suffix(".pdf")
    assert pdf.stat().st_size > 0
    if shutil.which("pdftotext"):
        extracted = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert text in " ".join(extracted.split())
