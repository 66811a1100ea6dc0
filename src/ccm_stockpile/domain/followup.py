"""Who needs follow-up, and why: the coordinators' list of states to write to (work plan, strategy (a)).

A state is listed for reasons its own reporting gives (state-addressed R and T findings at warning or
error level). A state whose file cannot be checked is listed too, first, so that no state ever drops
off the list because its record is broken.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccm_stockpile.codes import TREATY_FAMILIES
from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.correspondence import Correspondence
from ccm_stockpile.domain.gate import editor_errors
from ccm_stockpile.domain.party import latest_due_year
from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Addressee, Finding, Severity


@dataclass
class FollowUp:
    """One state on the follow-up list: its reasons, latest figures and where the correspondence stands."""

    iso3: str
    name: str
    file: str
    reasons: list[Finding]
    latest: RetentionYear | None = None
    correspondence: Correspondence | None = None
    blocked: bool = False  # the record has errors: it could not be checked
    errors: int = field(init=False)
    warnings: int = field(init=False)

    def __post_init__(self) -> None:
        self.errors = sum(f.severity == Severity.ERROR for f in self.reasons)
        self.warnings = sum(f.severity == Severity.WARNING for f in self.reasons)

    @property
    def reply_awaited(self) -> bool:
        return self.correspondence is not None and self.correspondence.reply_awaited

    @property
    def holdings(self) -> tuple[int, int]:
        held = self.latest.held if self.latest else None
        return (0, 0) if held is None else (held.submunitions or 0, held.munitions or 0)

    def to_dict(self) -> dict[str, object]:
        latest = None
        if self.latest is not None and self.latest.held is not None:
            held = self.latest.held
            latest = {
                "year": self.latest.year,
                "munitions": held.munitions,
                "submunitions": held.submunitions,
                "approximate": list(held.approximate),
            }
        engagement = None
        reply = None
        if self.correspondence is not None:
            last = self.correspondence.last
            if last is not None:
                engagement = {"date": str(last.date), "kind": last.kind.value, "summary": last.summary}
            letter = self.correspondence.last_letter
            reply = {
                "status": self.correspondence.status.value,
                "detail": self.correspondence.detail,
                "letter": None
                if letter is None
                else {"date": str(letter.date), "ref": letter.ref, "reply_by": str(letter.reply_by) if letter.reply_by else None},
            }
        return {
            "iso3": self.iso3,
            "name": self.name,
            "file": self.file,
            "blocked": self.blocked,
            "errors": self.errors,
            "warnings": self.warnings,
            "reasons": [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "addressee": f.addressee.value,
                    "year": f.year,
                    "line": f.line,
                    "message": f.message,
                }
                for f in self.reasons
            ],
            "latest_holdings": latest,
            "last_engagement": engagement,
            "reply_awaited": self.reply_awaited,
            "reply": reply,
        }


def is_reason(finding: Finding) -> bool:
    """A finding a state can be written to about: its own reporting, on treaty obligations, not info."""
    return finding.addressee == Addressee.STATE and finding.code.startswith(TREATY_FAMILIES) and finding.severity != Severity.INFO


def _blocked(dataset: Dataset) -> list[FollowUp]:
    items = []
    for loaded in dataset.unchecked():
        errors = dataset.blocking(loaded.display)
        data = loaded.data if isinstance(loaded.data, dict) else {}
        iso3 = str(data.get("iso3") or loaded.path.stem.upper())
        name = str(data.get("name") or iso3)
        items.append(FollowUp(iso3, name, loaded.display, errors, blocked=True))
    return items


def followups(dataset: Dataset, views: list[StateView], findings: list[Finding]) -> list[FollowUp]:
    """States that need follow-up, most urgent first: files that could not be checked, then errors,
    warnings and the size of holdings."""
    by_state: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.state and is_reason(finding):
            by_state.setdefault(finding.state, []).append(finding)
    result = _blocked(dataset)
    for view in views:
        if view.party.end is not None:
            continue  # withdrawn: no obligations left to follow up
        blocking = editor_errors(findings, view.record.iso3, view.loaded.display)
        if blocking:  # the editor fixes the record before anything is asked of the State
            result.append(FollowUp(view.record.iso3, view.record.name, view.loaded.display, blocking, blocked=True))
            continue
        reasons = by_state.get(view.record.iso3, [])
        if view.retention_ended:
            reasons = [f for f in reasons if not f.code.startswith("R")]  # stockpile (T) reasons remain
        if not reasons:
            continue
        latest = view.latest_holding(latest_due_year(view.as_of)) or (view.series[-1] if view.series else None)
        result.append(FollowUp(view.record.iso3, view.record.name, view.loaded.display, reasons, latest, view.correspondence))
    result.sort(key=lambda f: (not f.blocked, -f.errors, -f.warnings, tuple(-n for n in f.holdings), f.iso3))
    return result


def off_followup(view: StateView) -> str | None:
    """Why a state is off the follow-up list even though it may once have retained (for `ccm show`)."""
    if view.party.end is not None:
        return f"withdrawn with effect from {view.party.end.isoformat()}: no obligations after that date"
    if view.retention_ended:
        return f"retention ended: holdings reported as zero in {view.series[-1].year} (stockpile findings still count)"
    return None
