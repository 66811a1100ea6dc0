"""Generated docs never drift: docs/checks.md and docs/record-format.md match the code."""

from __future__ import annotations

from ccm_stockpile.checks import CHECKS
from ccm_stockpile.codes import CODES
from ccm_stockpile.docs import generated
from tests.conftest import PROJECT


def test_generated_docs_are_current():
    for name, text in generated().items():
        committed = (PROJECT / "docs" / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/{name} is stale: run `make docs` and commit it"


def test_every_code_is_in_the_catalogue_documented_and_checked():
    codes = {f"E00{n}" for n in range(1, 9)} | {f"R1{n:02d}" for n in range(1, 12)} | {"T201", "T202", "T203", "T204"}
    codes |= {f"P00{n}" for n in range(1, 6)} | {"S301", "S302"}
    assert set(CODES) == codes
    read_while_loading = {"E001", "E002", "E003", "E004", "P005"}
    assert set(CHECKS) == codes - read_while_loading
    for code in CODES.values():
        assert all((code.basis, code.rationale, code.fix, code.example)), code.code
        assert bool(code.addressee) != bool(code.addressee_rule), f"{code.code}: a fixed addressee or a rule, not both"


def test_user_docs_cite_nothing_outside_the_repository():
    for path in [PROJECT / "README.md", PROJECT / "CONTRIBUTING.md", *sorted((PROJECT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for outside in ("SPEC", "§", "shared/", "sign S"):
            assert outside not in text, f"{path.name} cites {outside!r}, which a reader of the repository cannot open"


def test_readme_shows_the_two_commands_first_and_the_followup_commands():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make check") < readme.index("make test") < readme.index("ccm followup")
    assert "ccm show" in readme


def test_practice_codes_address_the_editor_and_see_the_whole_dataset():
    from ccm_stockpile.findings import Addressee

    for code in (CODES[f"P00{n}"] for n in range(1, 6)):
        assert code.addressee == Addressee.EDITOR, code.code
    assert {c.code for c in CODES.values() if c.scope == "practices"} == {"P001", "P002", "P003", "P004"}


def test_the_commented_practice_in_contributing_is_a_valid_record():
    from pathlib import Path

    from ccm_stockpile.io.reader import parse_text
    from ccm_stockpile.io.validation import validate
    from ccm_stockpile.records.practice import PracticeRecord

    text = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split("## Adding a practice", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    parsed = parse_text(block, Path("dnk-disassembly-in-spain.yaml"), "CONTRIBUTING.md")
    record, findings = validate(parsed, PracticeRecord)
    assert findings == []
    assert record is not None
    assert record.id == "dnk-disassembly-in-spain"


def test_readme_lists_every_command():
    from ccm_stockpile.cli.app import app

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The commands")[1].split("## A tour")[0]
    for registered in app.registered_commands:
        assert f"`ccm {registered.name}" in table, registered.name


def _blocks_after(text: str, marker: str) -> str:
    return text.split(marker, 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_worked_example_in_contributing_is_what_the_tools_do(tmp_path, monkeypatch):
    """The scaffold shown is what `ccm new-year` writes, and the filled entry is valid, canonical and clean.
    Run on a frozen copy of Spain's record as the example shows it, so the shipped data may move on."""
    import shutil

    from typer.testing import CliRunner

    from ccm_stockpile.cli.app import app
    from ccm_stockpile.dataset import load
    from ccm_stockpile.domain.changes import compare
    from ccm_stockpile.io.canonical import format_text
    from ccm_stockpile.records.state import StateRecord
    from ccm_stockpile.render.changes import change_line
    from tests.conftest import findings_for

    contributing = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "tests" / "data" / "contributing-example", data)
    monkeypatch.chdir(tmp_path)
    before = load(data)
    assert CliRunner().invoke(app, ["new-year", "ESP", "2024", "--data", str(data)]).exit_code == 0
    path = data / "states" / "esp.yaml"
    text = path.read_text(encoding="utf-8")
    shown = _blocks_after(contributing, "`ccm new-year ESP 2024` adds")
    for line in shown.splitlines():
        if line.strip() != "...":
            assert line + "\n" in text, line
    filled = _blocks_after(contributing, "The entry becomes:")
    start = text.index("  - year: 2024\n")
    end = text.index("engagements:", start)
    text = text[:start] + filled + text[end:]
    path.write_text(text, encoding="utf-8")
    assert format_text(text, StateRecord) == text
    # R109 ranks the State among the others; here it is alone (info only)
    assert [f for f in findings_for(data) if f.state == "ESP" and f.year == 2024 and f.code != "R109"] == []
    changes = compare(before, load(data), [], [], "data").changes
    line = next(change_line(change) for change in changes if change.year == 2024)
    assert f"`{line}`" in contributing
