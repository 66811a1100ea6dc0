"""Checks across records and years. Each check returns findings; nothing here prints.

`run_checks(dataset, as_of)` gives every finding: those of reading the files, then each registered check. A
check's scope in the catalogue says what it receives: one state's context (`state`), every state's contexts and
the date (`dataset`), or the whole dataset, for the practices that are checked against the state records
(`practices`) and for the sources of every record (`sources`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ccm_stockpile.checks import holdings, practices, record_checks, retention, sources, treaty  # noqa: F401  (registers the checks)
from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import CHECKS
from ccm_stockpile.codes import CODES
from ccm_stockpile.dataset import Dataset, collector_paused
from ccm_stockpile.domain.party import latest_due_year
from ccm_stockpile.findings import Addressee, Finding, Severity


def contexts(dataset: Dataset, as_of: dt.date) -> list[StateContext]:
    """A check context for every valid state record."""
    return [StateContext(loaded, as_of, dataset.settings) for loaded in dataset.valid_states()]


def wanted(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """The code matches a `select` prefix (when given) and no `ignore` prefix."""

    def matches(patterns: Iterable[str]) -> bool:
        return any(code.startswith(pattern.strip().upper()) for pattern in patterns if pattern.strip())

    if select and not matches(select):
        return False
    return not (ignore and matches(ignore))


def run_checks(
    dataset: Dataset,
    as_of: dt.date,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    state_contexts: list[StateContext] | None = None,
) -> list[Finding]:
    """Every finding for the dataset as of a date, sorted by file and line. `select`/`ignore` take code prefixes."""
    findings = [f for f in dataset.findings if wanted(f.code, select, ignore)]
    state_contexts = contexts(dataset, as_of) if state_contexts is None else state_contexts
    active = [(code, check, CODES[code].scope) for code, check in CHECKS.items() if wanted(code, select, ignore)]
    with collector_paused():
        # One state at a time, so that its file's parsed data (needed to place findings) is read at most
        # once and dropped before the next state's.
        ranking_year = latest_due_year(as_of)
        for ctx in state_contexts:
            for _, check, scope in active:
                if scope == "state":
                    findings.extend(check(ctx))
            ctx.latest_holding(ranking_year)  # what the dataset-wide ranking (R109) needs, kept
            ctx.forget()
            ctx.loaded.release()
        for _, check, scope in active:
            if scope == "dataset":
                findings.extend(check(state_contexts, as_of))
            elif scope in ("practices", "sources"):
                findings.extend(check(dataset))
    return sorted(findings, key=Finding.sort_key)


def exit_code(findings: list[Finding], strict: bool = False, fail_on: str = "any") -> int:
    """0 clean; 1 when a finding is at error level (or at warning level with `strict`). With `fail_on`
    "editor", only findings addressed to the editor count: a true finding about a State (R101, T201) is
    what its reporting says, never a reason to fail a build of faithful data."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    counted = [f for f in findings if fail_on != "editor" or f.addressee == Addressee.EDITOR]
    return 1 if any(f.severity in failing for f in counted) else 0


__all__ = ["CHECKS", "StateContext", "contexts", "exit_code", "run_checks", "wanted"]
