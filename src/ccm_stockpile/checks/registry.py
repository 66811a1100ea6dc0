"""The rule registry: every finding code, its severity, the article or action behind it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ccm_stockpile.findings import Finding, Severity

Scope = Literal["file", "state", "dataset"]


@dataclass(frozen=True)
class Rule:
    """One finding code. `check` is None for codes raised while reading files (E001-E004)."""

    code: str
    severity: Severity
    title: str
    basis: str
    rationale: str
    fix: str
    example: str = ""
    scope: Scope = "state"
    check: Callable[..., Iterable[Finding]] | None = field(default=None, compare=False)


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in RULES:
        raise ValueError(f"rule {rule.code} registered twice")
    RULES[rule.code] = rule
    return rule


def rule(
    code: str, severity: Severity, *, title: str, basis: str, rationale: str, fix: str, example: str = "",
    scope: Scope = "state",
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Register a check function under its code."""

    def decorate(function: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        register(Rule(code, severity, title, basis, rationale, fix, example, scope, function))
        return function

    return decorate


def severity_of(code: str) -> Severity:
    return RULES[code].severity
