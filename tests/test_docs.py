"""Generated docs never drift: docs/checks.md and docs/record-format.md match the code."""

from __future__ import annotations

from ccm_stockpile.checks import RULES
from ccm_stockpile.docs import generated
from tests.conftest import PROJECT


def test_generated_docs_are_current():
    for name, text in generated().items():
        committed = (PROJECT / "docs" / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/{name} is stale: run `make docs` and commit it"


def test_every_code_of_the_spec_is_registered_and_documented():
    spec_codes = {f"E00{n}" for n in range(1, 8)} | {f"R1{n:02d}" for n in range(1, 11)} | {"T201", "T202", "T203",
                                                                                            "T204"}
    assert set(RULES) == spec_codes
    for rule in RULES.values():
        assert rule.basis and rule.rationale and rule.fix and rule.example, rule.code


def test_readme_shows_the_two_commands_first_and_the_followup_commands():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make check") < readme.index("make test") < readme.index("ccm followup")
    assert "ccm show" in readme
