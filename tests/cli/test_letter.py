"""`ccm letter` and `ccm log`: letters that rest on evidence, in three languages, Word and HTML, and the loop."""

from __future__ import annotations

import difflib
import json
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT, entry, make_state

runner = CliRunner()
LETTERS_DATA = PROJECT / "tests" / "golden" / "letters-data"


def letter(data: Path, out: Path, *args: str, as_of: str = "2025-06-01"):
    return runner.invoke(app, ["letter", *args, "--data", str(data), "--out", str(out), "--as-of", as_of])


@pytest.fixture
def letters_data(tmp_path: Path) -> Path:
    """A copy of the frozen BIH, NLD, ESP (and coordinator) records, safe to write to."""
    target = tmp_path / "data"
    shutil.copytree(LETTERS_DATA, target)
    return target


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("iso3", ["BIH", "NLD", "ESP"])
def test_golden_letter(golden, tmp_path, iso3, language):
    result = letter(LETTERS_DATA, tmp_path, iso3, "--lang", language)
    assert result.exit_code == 0, result.output
    text = (tmp_path / f"followup-{iso3}-2025-06-01.{language}.md").read_text(encoding="utf-8")
    golden(f"letters/followup-{iso3}.{language}.md", text)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_letter_reads_as_a_diplomat_would_send_it(tmp_path, language):
    assert letter(LETTERS_DATA, tmp_path, "--followup", "--lang", language).exit_code == 0
    for path in sorted(tmp_path.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for leak in ("R10", "R11", "T20", "E00", "null", "None", "?", "retention[", "held.", "`", "{{", "}}"):
            assert leak not in text, f"{path.name} contains {leak!r}"


def test_followup_writes_one_word_letter_per_listed_state(tmp_path, data_folder):
    """One letter per state on follow-up, whatever the states are: the work plan's states while their evidence
    stands are `test_followup`'s invariant; a reply that clears a state (NLD, holdings 0) must not fail here."""
    args = ["--data", str(data_folder), "--as-of", "2025-06-01"]
    result = runner.invoke(app, ["letter", "--followup", "--format", "docx", "--out", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["followup", "--format", "json", *args]).stdout
    expected = {s["iso3"] for s in __import__("json").loads(listed)["states"]}
    assert expected
    assert {path.name.split("-")[1] for path in tmp_path.glob("*.docx")} == expected


def test_word_letter_has_headings_the_figures_table_and_footnotes(tmp_path):
    import docx

    assert letter(LETTERS_DATA, tmp_path, "ESP", "--format", "docx").exit_code == 0
    path = tmp_path / "followup-ESP-2025-06-01.en.docx"
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Note verbale: retained cluster munitions"]
    (table,) = document.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "Year (as at 31 December)",
        "Cluster munitions",
        "Explosive submunitions",
    ]
    assert [row.cells[2].text for row in table.rows[1:]] == ["7,335", "6,605", "578"]
    with zipfile.ZipFile(path) as archive:
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
        footer = next(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer"))
    assert "last updated 8 July 2018" in footnotes
    assert "PAGE" in footer  # page numbers, from the reference document


def test_html_letter_has_the_heading_table_and_footnotes(tmp_path):
    assert letter(LETTERS_DATA, tmp_path, "NLD", "--format", "html", "--lang", "fr").exit_code == 0

    class Parts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.sections: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            self.sections += [value or "" for name, value in attrs if name == "id"]

    parts = Parts()
    html = (tmp_path / "followup-NLD-2025-06-01.fr.html").read_text(encoding="utf-8")
    parts.feed(html)
    assert parts.tags.count("h1") == 1
    assert parts.tags.count("table") == 1
    assert "footnotes" in parts.sections
    assert 'lang="fr"' in html
    assert "Genève, le 1er juin 2025" in html


@pytest.mark.parametrize("output", ["md", "docx", "html"])
def test_same_data_and_date_give_the_same_bytes(tmp_path, output):
    first, second = tmp_path / "a", tmp_path / "b"
    assert letter(LETTERS_DATA, first, "ESP", "--format", output, "--lang", "es").exit_code == 0
    assert letter(LETTERS_DATA, second, "ESP", "--format", output, "--lang", "es").exit_code == 0
    name = f"followup-ESP-2025-06-01.es.{output}"
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_a_template_with_an_undefined_name_fails_clearly_and_writes_nothing(tmp_path):
    templates = tmp_path / "templates" / "letters"
    templates.mkdir(parents=True)
    (templates / "followup.en.md.j2").write_text("# Note\n\n{{ letter.reference }}\n\n{{ ambassador_name }}\n")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "letter",
            "ESP",
            "--data",
            str(LETTERS_DATA),
            "--out",
            str(out),
            "--as-of",
            "2025-06-01",
            "--templates",
            str(tmp_path / "templates"),
        ],
    )
    assert result.exit_code == 1
    assert "template letters/followup.en.md.j2, line 5: 'ambassador_name' is undefined" in result.output
    assert not out.exists()


def test_a_user_template_overrides_the_built_in_one(tmp_path):
    templates = tmp_path / "templates" / "letters"
    templates.mkdir(parents=True)
    (templates / "followup.en.md.j2").write_text("Ref. {{ letter.reference }} to {{ mission }}\n")
    result = runner.invoke(
        app,
        [
            "letter",
            "BIH",
            "--data",
            str(LETTERS_DATA),
            "--out",
            str(tmp_path),
            "--as-of",
            "2025-06-01",
            "--templates",
            str(tmp_path / "templates"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "followup-BIH-2025-06-01.en.md").read_text() == (
        "Ref. CCM/SDR/2025/BIH/1 to Permanent Mission of Bosnia and Herzegovina to the United Nations Office and "
        "other international organizations in Geneva\n"
    )


def test_text_from_the_data_stays_text(tmp_path, data_dir, write_state):
    write_state(make_state(iso3="ZMB", name="Zambia"))
    hostile = {"en": "Mission *bold* [link](http://x) <script>alert(1)</script>\n# heading"}
    write_state(make_state(mission=hostile, retention=[entry(2024, 1, 10, actual_use=None, omitted=["actual_use"])]))
    (data_dir / "settings.yaml").write_text("coordinators:\n  - state: ZMB\n", encoding="utf-8")
    assert letter(data_dir, tmp_path, "ESP", "--format", "html").exit_code == 0
    html = (tmp_path / "followup-ESP-2025-06-01.en.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>bold</strong>" not in html
    assert "*bold*" in html
    assert html.count("<h1") == 1


def test_a_letter_never_asks_for_what_only_our_records_lack(tmp_path, data_dir, write_state):
    write_state(make_state(iso3="ZMB", name="Zambia"))
    # Use not recorded, types not recorded, years missing: all editor-addressed, so there is nothing to ask.
    write_state(make_state(retention=[entry(2019, 5, 100, actual_use=None, by_type=[])]))
    (data_dir / "settings.yaml").write_text("coordinators:\n  - state: ZMB\n", encoding="utf-8")
    result = letter(data_dir, tmp_path, "ESP")
    assert result.exit_code == 1
    assert "ESP: nothing the state's own reporting lacks" in result.output
    assert list(tmp_path.glob("*.md")) == []


def test_lang_auto_uses_the_states_language(letters_data, tmp_path):
    path = letters_data / "states" / "esp.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("withdrawal: null\n", "withdrawal: null\nlanguage: es\n"), encoding="utf-8"
    )
    assert letter(letters_data, tmp_path, "ESP").exit_code == 0
    text = (tmp_path / "followup-ESP-2025-06-01.es.md").read_text(encoding="utf-8")
    assert "Ginebra, 1 de junio de 2025" in text
    assert "Convención sobre Municiones en Racimo" in text


def test_record_changes_only_the_engagements_block_and_followup_shows_the_reply_awaited(letters_data, tmp_path):
    path = letters_data / "states" / "esp.yaml"
    before = path.read_text(encoding="utf-8")
    assert letter(letters_data, tmp_path, "ESP", "--record").exit_code == 0
    after = path.read_text(encoding="utf-8")
    added = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in {"+ ", "- "}]
    assert all(line.startswith("+ ") for line in added)
    assert after.startswith(before.split("\nsources:\n  - url: https://treaties")[0])  # comments and all kept
    assert "    ref: CCM/SDR/2025/ESP/1\n    reply_by: 2025-07-31\n    codes: [R105]\n" in after
    shown = runner.invoke(app, ["followup", "--data", str(letters_data), "--as-of", "2025-06-01", "--state", "ESP"])
    assert "last letter CCM/SDR/2025/ESP/1: sent 2025-06-01, reply by 2025-07-31" in shown.stdout
    assert "reply awaited: yes" in shown.stdout


def test_the_loop_overdue_reply_reminder_and_reply(letters_data, tmp_path):
    assert letter(letters_data, tmp_path, "ESP", "--record").exit_code == 0
    overdue = runner.invoke(app, ["check", "--data", str(letters_data), "--as-of", "2025-08-15", "--select", "R111"])
    assert "R111 warning" in overdue.stdout
    assert "which asked for one by 2025-07-31" in overdue.stdout
    assert letter(letters_data, tmp_path, "ESP", "--reminder", "--record", as_of="2025-08-15").exit_code == 0
    reminder = (tmp_path / "reminder-ESP-2025-08-15.en.md").read_text(encoding="utf-8")
    assert "refers to its note verbale CCM/SDR/2025/ESP/1 of 1 June 2025, to which no reply" in reminder
    assert "**Ref.:** CCM/SDR/2025/ESP/2" in reminder
    logged = runner.invoke(
        app, ["log", "ESP", "--kind", "reply", "--date", "2025-09-01", "--summary", "Use described", "--data", str(letters_data)]
    )
    assert logged.exit_code == 0, logged.output
    shown = runner.invoke(app, ["followup", "--data", str(letters_data), "--as-of", "2025-09-02", "--format", "json"])
    (spain,) = [s for s in __import__("json").loads(shown.stdout)["states"] if s["iso3"] == "ESP"]
    assert spain["reply_awaited"] is False
    assert "R111" not in {reason["code"] for reason in spain["reasons"]}


def test_a_reminder_needs_a_letter(tmp_path):
    result = letter(LETTERS_DATA, tmp_path, "ESP", "--reminder")
    assert result.exit_code == 1
    assert "ESP: no letter is recorded, so there is nothing to remind of" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give ISO3 codes or --followup"),
        (["ESP", "--followup"], "give ISO3 codes or --followup"),
        (["ESP", "--templates", "/nonexistent"], "--templates: /nonexistent is not a folder"),
    ],
)
def test_bad_usage(tmp_path, args, message):
    result = letter(LETTERS_DATA, tmp_path, *args)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_word_letters_open_in_libreoffice(tmp_path):
    import subprocess

    assert letter(LETTERS_DATA, tmp_path, "--followup", "--format", "docx", "--lang", "fr").exit_code == 0
    for path in sorted(tmp_path.glob("*.docx")):
        done = subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
            capture_output=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert path.with_suffix(".pdf").exists()


def test_a_signed_letter_names_its_signatories_or_is_not_written(letters_data, tmp_path):
    settings = letters_data / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "letters:\n  form: letter\n", encoding="utf-8")
    result = letter(letters_data, tmp_path, "ESP")
    assert result.exit_code == 1
    assert "a signed letter needs the name of each coordinator" in result.output
    text = settings.read_text(encoding="utf-8").replace(
        "  - state: ZMB\n", "  - state: ZMB\n    name: A. Name\n    title: Ambassador\n"
    )
    settings.write_text(text, encoding="utf-8")
    assert letter(letters_data, tmp_path, "ESP", "--lang", "fr").exit_code == 0
    signed = (tmp_path / "followup-ESP-2025-06-01.fr.md").read_text(encoding="utf-8")
    assert "Excellence," in signed
    assert "Je vous prie d'agréer, Excellence" in signed
    assert "A. Name, Ambassador" in signed


@pytest.mark.parametrize(
    ("setting", "pattern", "message"),
    [
        ("reference", "CCM/{year", "the pattern's braces do not pair"),
        ("reference", "{iso3.__class__.__mro__}", "`{iso3.__class__.__mro__}` is not a placeholder of this pattern"),
        ("reference", "{0}/{year}", "`{0}` is not a placeholder of this pattern; use {year}, {iso3}, {number}"),
        ("reference", "{number:>99999999999}", "`{number:>99999999999}` is not a placeholder"),
        ("reference", "{year!r}", "`{year!r}` is not a placeholder"),
        ("mission_pattern", "{en: '{state.__doc__}', fr: x, es: x}", "en: `{state.__doc__}` is not a placeholder"),
    ],
)
def test_a_pattern_in_settings_can_neither_reach_python_nor_stop_a_letter(letters_data, tmp_path, setting, pattern, message):
    """Patterns are filled with str.format: a field, an index or a width there would read Python internals or fail."""
    settings = letters_data / "settings.yaml"
    value = pattern if setting == "mission_pattern" else f"'{pattern}'"
    settings.write_text(settings.read_text(encoding="utf-8") + f"letters:\n  {setting}: {value}\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", "--data", str(letters_data), "--as-of", "2025-06-01", "--format", "json"])
    assert checked.exit_code == 1
    found = [(f["code"], f["path"], f["message"]) for f in json.loads(checked.stdout)["findings"] if f["severity"] == "error"]
    assert len(found) == 1
    assert found[0][:2] == ("E002", f"letters.{setting}")
    assert message in found[0][2]
    written = letter(letters_data, tmp_path / "out", "ESP")
    assert written.exit_code in (0, 1), written.output  # never an internal error
    assert "__mro__" not in "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "out").glob("*"))


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("{{ range(10**9)|list|length }}", "OverflowError: Range too big"),
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
        ("{{ 'a'|int + 'b' }}", "TypeError: unsupported operand"),
    ],
)
def test_an_error_a_user_template_raises_itself_is_a_template_error(tmp_path, expression, message):
    """Was an internal error (exit 3): only Jinja's own errors were turned into a message naming the template."""
    templates = tmp_path / "templates" / "letters"
    templates.mkdir(parents=True)
    (templates / "followup.en.md.j2").write_text(f"# Note\n\n{expression}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = letter(LETTERS_DATA, out, "ESP", "--templates", str(tmp_path / "templates"))
    assert result.exit_code == 1, result.output
    assert f"ccm: template letters/followup.en.md.j2, line 3: {message}" in result.output
    assert not out.exists()
