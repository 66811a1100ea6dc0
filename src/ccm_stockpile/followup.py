"""Who needs follow-up, and why: the coordinators' list of states to write to (work plan, strategy (a))."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ccm_stockpile.checks import TREATY_FAMILIES, StateContext, contexts, run_checks
from ccm_stockpile.checks.holdings import latest_holding
from ccm_stockpile.checks.series import RetentionYear
from ccm_stockpile.checks.timeline import latest_due_year
from ccm_stockpile.dataset import Dataset
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.records.state import Engagement, EngagementKind


@dataclass
class FollowUp:
    """One state that needs follow-up: its reasons, latest figures and where the correspondence stands."""

    iso3: str
    name: str
    file: str
    reasons: list[Finding]
    latest: RetentionYear | None
    last_engagement: Engagement | None
    reply_awaited: bool
    errors: int = field(init=False)
    warnings: int = field(init=False)

    def __post_init__(self) -> None:
        self.errors = sum(f.severity == Severity.ERROR for f in self.reasons)
        self.warnings = sum(f.severity == Severity.WARNING for f in self.reasons)

    @property
    def holdings(self) -> tuple[int, int]:
        held = self.latest.held if self.latest else None
        if held is None:
            return (0, 0)
        return (held.submunitions or 0, held.munitions or 0)

    def to_dict(self) -> dict:
        latest = None
        if self.latest is not None and self.latest.held is not None:
            latest = {"year": self.latest.year, "munitions": self.latest.held.munitions,
                      "submunitions": self.latest.held.submunitions}
        engagement = None
        if self.last_engagement is not None:
            engagement = {"date": str(self.last_engagement.date), "kind": self.last_engagement.kind.value,
                          "summary": self.last_engagement.summary}
        return {
            "iso3": self.iso3, "name": self.name, "file": self.file,
            "errors": self.errors, "warnings": self.warnings,
            "reasons": [{"code": f.code, "severity": f.severity.value, "year": f.year, "line": f.line,
                         "message": f.message} for f in self.reasons],
            "latest_holdings": latest, "last_engagement": engagement, "reply_awaited": self.reply_awaited,
        }


def engagements_as_of(ctx: StateContext) -> list[Engagement]:
    """Engagements dated on or before the as-of date, oldest first."""
    known = [e for e in ctx.record.engagements if not e.date.surely_after(ctx.as_of)]
    return sorted(known, key=lambda e: e.date)


def reply_awaited(engagements: list[Engagement]) -> bool:
    """A letter (or reminder) with no reply dated after it."""
    letters = [e for e in engagements if e.kind in {EngagementKind.LETTER, EngagementKind.REMINDER}]
    if not letters:
        return False
    last_letter = max(letters, key=lambda e: e.date)
    return not any(e.kind == EngagementKind.REPLY and not e.date.surely_before(last_letter.date)
                   for e in engagements)


def retention_ended(ctx: StateContext) -> bool:
    """The latest retention entry known as of the date says holdings are zero."""
    return bool(ctx.series) and ctx.series[-1].held_zero


def followups(dataset: Dataset, as_of: dt.date, findings: list[Finding] | None = None) -> list[FollowUp]:
    """States that need follow-up as of the date, most urgent first (errors, warnings, then holdings)."""
    findings = run_checks(dataset, as_of) if findings is None else findings
    by_state: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.state and finding.code.startswith(TREATY_FAMILIES) and finding.severity != Severity.INFO:
            by_state.setdefault(finding.state, []).append(finding)
    result = []
    year = latest_due_year(as_of)
    for ctx in contexts(dataset, as_of):
        reasons = by_state.get(ctx.record.iso3, [])
        if retention_ended(ctx):
            reasons = [f for f in reasons if not f.code.startswith("R")]  # stockpile (T) reasons remain
        if not reasons or ctx.party.end is not None:
            continue
        engagements = engagements_as_of(ctx)
        result.append(
            FollowUp(
                iso3=ctx.record.iso3, name=ctx.record.name, file=ctx.loaded.display, reasons=reasons,
                latest=latest_holding(ctx, year) or (ctx.series[-1] if ctx.series else None),
                last_engagement=engagements[-1] if engagements else None,
                reply_awaited=reply_awaited(engagements),
            )
        )
    result.sort(key=lambda f: (-f.errors, -f.warnings, tuple(-n for n in f.holdings), f.iso3))
    return result


def why_not_followed(ctx: StateContext) -> str | None:
    """Why a state is off the follow-up list even though it once retained (for `ccm show`)."""
    if ctx.party.end is not None:
        return f"withdrawn with effect from {ctx.party.end.isoformat()}: no obligations after that date"
    if retention_ended(ctx):
        return f"retention ended: holdings reported as zero in {ctx.series[-1].year} (stockpile findings still count)"
    return None
