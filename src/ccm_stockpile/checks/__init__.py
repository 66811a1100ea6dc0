"""Checks across records and years. Each rule returns findings; nothing here prints.

`run_checks(dataset, as_of)` gives every finding: those of reading the files, then each registered rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ccm_stockpile.checks import holdings, reading, record_checks, retention, treaty  # noqa: F401  (registers)
from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import RULES, Rule
from ccm_stockpile.dataset import Dataset
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.records.state import StateStatus

# Codes that are about the Convention's obligations, not the record's form: a signatory, or a withdrawn
# state after its withdrawal, gets none of them for the time it was not a party.
TREATY_FAMILIES = ("R", "T")


def contexts(dataset: Dataset, as_of: dt.date) -> list[StateContext]:
    return [StateContext(loaded, as_of, dataset.settings) for loaded in dataset.valid_states()]


def _wanted(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    def matches(patterns: Iterable[str]) -> bool:
        return any(code.startswith(pattern.strip().upper()) for pattern in patterns if pattern.strip())

    if select and not matches(select):
        return False
    return not (ignore and matches(ignore))


def run_checks(
    dataset: Dataset, as_of: dt.date, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Finding]:
    """Every finding for the dataset as of a date, sorted by file and line. `select`/`ignore` take code prefixes."""
    findings = [f for f in dataset.findings if _wanted(f.code, select, ignore)]
    state_contexts = contexts(dataset, as_of)
    for rule in RULES.values():
        if rule.check is None or not _wanted(rule.code, select, ignore):
            continue
        if rule.scope == "dataset":
            findings.extend(rule.check(state_contexts, as_of))
            continue
        for ctx in state_contexts:
            if rule.code.startswith(TREATY_FAMILIES) and ctx.record.status == StateStatus.SIGNATORY:
                continue
            findings.extend(rule.check(ctx))
    return sorted(findings, key=Finding.sort_key)


def exit_code(findings: list[Finding], strict: bool = False) -> int:
    """0 clean; 1 when a finding is at error level (or at warning level with `strict`)."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0


__all__ = ["RULES", "TREATY_FAMILIES", "Rule", "run_checks", "exit_code", "contexts", "StateContext"]
