"""`ccm invite`: invitations that recall only what the record sources, in three languages, with the questionnaire
annex, Word read back, --completed, and --record logging an `invitation` engagement."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.domain.invitations import questionnaire_fields
from tests.conftest import PROJECT, make_state

runner = CliRunner()
PRACTICES_DATA = PROJECT / "tests" / "golden" / "practices-data"


def invite(data: Path, out: Path, *args: str, as_of: str = "2025-06-01"):
    return runner.invoke(app, ["invite", *args, "--data", str(data), "--out", str(out), "--as-of", as_of])


@pytest.fixture
def practices_data(tmp_path: Path) -> Path:
    """A copy of the frozen practices fixture, safe to write to."""
    target = tmp_path / "data"
    shutil.copytree(PRACTICES_DATA, target)
    return target


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_golden_invitation(golden, tmp_path, language):
    result = invite(PRACTICES_DATA, tmp_path, "NOR", "--lang", language)
    assert result.exit_code == 0, result.output
    golden(
        f"invitations/invitation-NOR.{language}.md", (tmp_path / f"invitation-NOR-2025-06-01.{language}.md").read_text("utf-8")
    )


def test_golden_invitation_to_a_state_whose_own_practice_is_missing(golden, tmp_path):
    assert invite(PRACTICES_DATA, tmp_path, "ITA").exit_code == 0
    golden("invitations/invitation-ITA.en.md", (tmp_path / "invitation-ITA-2025-06-01.en.md").read_text("utf-8"))


def test_completed_invites_the_states_parties_that_completed_and_have_no_practice(tmp_path):
    result = invite(PRACTICES_DATA, tmp_path, "--completed")
    assert result.exit_code == 0, result.output
    # GBR, DEU, NOR, MKD and BIH have practices of their own stockpile; Italy only hosted destruction; Zambia
    # never held a stockpile.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["invitation-ITA-2025-06-01.en.md"]


def test_the_shipped_data_gives_one_word_invitation_per_state_concerned(tmp_path, data_folder):
    from ccm_stockpile.dataset import load

    args = ["--data", str(data_folder), "--as-of", "2025-06-01", "--out", str(tmp_path), "--format", "docx"]
    result = runner.invoke(app, ["invite", "--completed", *args])
    assert result.exit_code == 0, result.output
    dataset = load(data_folder)
    own = {code for loaded in dataset.valid_practices() for code in loaded.record.states}
    expected = {
        loaded.record.iso3
        for loaded in dataset.valid_states()
        if loaded.record.status.value == "party"
        and loaded.record.stockpile is not None
        and loaded.record.stockpile.status.value == "destroyed"
        and loaded.record.stockpile.completed is not None
        and loaded.record.stockpile.completed.latest <= __import__("datetime").date(2025, 6, 1)
        and loaded.record.iso3 not in own
    }
    assert expected
    assert {path.name.split("-")[1] for path in tmp_path.glob("*.docx")} == expected
    assert all(path.name.endswith("-2025-06-01.en.docx") for path in tmp_path.iterdir())


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_invitation_reads_as_a_diplomat_would_send_it(tmp_path, language):
    assert invite(PRACTICES_DATA, tmp_path, "NOR", "ITA", "--lang", language).exit_code == 0
    for path in sorted(tmp_path.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for leak in ("P00", "E00", "null", "None", "?", "`", "{{", "}}", "stockpile.", "[^a]"):
            assert leak not in text, f"{path.name} contains {leak!r}"


def test_word_invitation_has_one_heading_per_questionnaire_field_and_its_footnotes(tmp_path):
    import zipfile

    import docx

    assert invite(PRACTICES_DATA, tmp_path, "NOR", "--format", "docx", "--lang", "fr").exit_code == 0
    path = tmp_path / "invitation-NOR-2025-06-01.fr.docx"
    document = docx.Document(str(path))
    questions = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    fields = questionnaire_fields()
    assert len(questions) == len(fields)
    assert [q.rsplit("(", 1)[1].rstrip(")") for q in questions] == fields
    assert questions[1] == "2. Principale méthode de destruction (method)"
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Note verbale : partage des pratiques de destruction des stocks"
    ]
    with zipfile.ZipFile(path) as archive:
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
    assert "Norwegian People" in footnotes  # the source of Norway's assistance to North Macedonia
    assert "the-monitor.org" in footnotes  # the source of its completion


@pytest.mark.parametrize("output", ["md", "docx", "html"])
def test_same_data_and_date_give_the_same_bytes(tmp_path, output):
    first, second = tmp_path / "a", tmp_path / "b"
    assert invite(PRACTICES_DATA, first, "NOR", "--format", output, "--lang", "es").exit_code == 0
    assert invite(PRACTICES_DATA, second, "NOR", "--format", output, "--lang", "es").exit_code == 0
    name = f"invitation-NOR-2025-06-01.es.{output}"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_record_logs_an_invitation_that_never_awaits_a_reply(practices_data, tmp_path):
    path = practices_data / "states" / "ita.yaml"
    before = path.read_text(encoding="utf-8")
    result = invite(practices_data, tmp_path, "ITA", "--record")
    assert result.exit_code == 0, result.output
    assert f"recorded CCM/SDR/2025/ITA/1 in {practices_data}/states/ita.yaml" in result.output
    after = path.read_text(encoding="utf-8")
    added = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in {"+ ", "- "}]
    # Only the engagements block changes (the empty list becomes a block); comments and all else are kept.
    assert [line for line in added if line.startswith("- ")] == ["- engagements: []"]
    assert "    kind: invitation\n    ref: CCM/SDR/2025/ITA/1\n    reply_by: 2025-07-31\n" in after
    # Long after the reply-by date, no reply is "awaited" and no R111 is raised: an invitation is not a follow-up.
    late = runner.invoke(
        app, ["check", "--data", str(practices_data), "--as-of", "2025-12-01", "--select", "R111", "--format", "json"]
    )
    assert json.loads(late.stdout)["findings"] == []
    # A letter after the invitation takes the next number in the same sequence.
    second = invite(practices_data, tmp_path, "ITA", "--record")
    assert "recorded CCM/SDR/2025/ITA/2" in second.output


def test_a_state_with_nothing_sourced_to_recall_gets_no_invitation(tmp_path, data_dir, write_state):
    write_state(make_state(iso3="ZMB", name="Zambia"))
    write_state(make_state(stockpile={"status": "destroyed", "completed": "2009-03-31"}))  # no source for it
    (data_dir / "settings.yaml").write_text("coordinators:\n  - state: ZMB\n", encoding="utf-8")
    result = invite(data_dir, tmp_path, "ESP", "ZMB")
    assert result.exit_code == 1
    assert "ESP: its record shows no sourced completion of destruction" in result.output
    assert "ZMB: its record shows no sourced completion of destruction" in result.output
    assert list(tmp_path.glob("*.md")) == []


def test_text_from_the_data_stays_text(tmp_path, data_dir, write_state):
    write_state(make_state(iso3="ZMB", name="Zambia"))
    hostile = {"en": "Mission *bold* [link](http://x) <script>alert(1)</script>"}
    source = {"url": "https://example.org/x", "title": "A <b>title</b> *here*", "quote": "completed in 2009"}
    write_state(make_state(mission=hostile, stockpile={"status": "destroyed", "completed": "2009-03-31", "sources": [source]}))
    (data_dir / "settings.yaml").write_text("coordinators:\n  - state: ZMB\n", encoding="utf-8")
    assert invite(data_dir, tmp_path, "ESP", "--format", "html").exit_code == 0
    html = (tmp_path / "invitation-ESP-2025-06-01.en.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "<b>title</b>" not in html
    assert "&lt;b&gt;title&lt;/b&gt;" in html
    assert "<strong>bold</strong>" not in html
    assert "*bold*" in html


def test_a_template_with_an_undefined_name_fails_clearly_and_writes_nothing(tmp_path):
    templates = tmp_path / "templates" / "letters"
    templates.mkdir(parents=True)
    (templates / "invitation.en.md.j2").write_text("# Invitation\n\n{{ invitation.reference }} {{ deadline }}\n")
    out = tmp_path / "out"
    result = invite(PRACTICES_DATA, out, "NOR", "--templates", str(tmp_path / "templates"))
    assert result.exit_code == 1
    assert "template letters/invitation.en.md.j2, line 3: 'deadline' is undefined" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give ISO3 codes or --completed"),
        (["NOR", "--completed"], "give ISO3 codes or --completed"),
        (["XYZ"], "no state XYZ"),
        (["NOR", "--templates", "/nonexistent"], "--templates: /nonexistent is not a folder"),
    ],
)
def test_bad_usage(tmp_path, args, message):
    result = invite(PRACTICES_DATA, tmp_path, *args)
    assert result.exit_code == 2
    assert message in result.output
