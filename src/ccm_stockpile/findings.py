"""The Finding type: one problem in the data, located, explained and addressed. No knowledge of screens."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Addressee(StrEnum):
    """Whom a finding is for: the state (its own reporting lacks something) or the editor (our records do)."""

    STATE = "state"
    EDITOR = "editor"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """A structured finding: what is wrong, where, and what to do (the message says both).

    Make findings through `ccm_stockpile.codes.new_finding`, which takes severity and addressee from the
    catalogue.
    """

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    state: str | None = None
    year: int | None = None
    value: object = field(default=None, compare=False)
    addressee: Addressee = Addressee.EDITOR
    # What a letter needs to turn a state-addressed finding into a request (years, figures), by name.
    facts: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def identity(self) -> tuple[object, ...]:
        """What makes two runs' findings the same finding: code, state, year and message, not the line
        (a finding that only moved is neither introduced nor resolved)."""
        return (self.code, self.state, self.year, self.message)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["addressee"] = self.addressee.value
        data.pop("facts")
        if not isinstance(self.value, (str, int, float, bool, type(None), list, dict)):
            data["value"] = str(self.value)
        return data


def summarize(findings: list[Finding]) -> dict[str, int]:
    """Count findings by severity."""
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
