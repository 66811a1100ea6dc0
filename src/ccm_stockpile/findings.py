"""The Finding type: one problem in the data, located and explained. No knowledge of screens."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """A structured finding: what is wrong, where, and what to do (the message says both)."""

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

    def sort_key(self) -> tuple:
        return (self.file or "", self.line or 0, self.column or 0, self.code, self.message)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        if not isinstance(self.value, (str, int, float, bool, type(None), list, dict)):
            data["value"] = str(self.value)
        return data


def summarize(findings: list[Finding]) -> dict[str, int]:
    """Count findings by severity."""
    counts = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
