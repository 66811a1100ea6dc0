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
    codes |= {f"P00{n}" for n in range(1, 6)}
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
