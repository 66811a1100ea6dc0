"""Findings for people (rich text), for scripts (JSON) and for pull requests (GitHub annotations)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccm_stockpile.findings import SEVERITY_ORDER, Finding, Severity, summarize
from ccm_stockpile.render.text import markup, printable

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@dataclass(frozen=True)
class Totals:
    """What was checked: files read, valid state records, and the files that could not be checked."""

    files: int
    states: int
    unchecked: list[str] = field(default_factory=list)


def to_json(findings: list[Finding], as_of: dt.date, totals: Totals) -> str:
    """One JSON object: {as_of, findings, summary}; `summary.unchecked` counts the files that could not be checked."""
    summary = summarize(findings) | {"files": totals.files, "states": totals.states, "unchecked": len(totals.unchecked)}
    payload = {"as_of": as_of.isoformat(), "findings": [f.to_dict() for f in findings], "summary": summary}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: list[Finding]) -> str:
    """One workflow command per finding: ::error file=...,line=...,col=...,title=CODE::message."""
    lines = []
    for finding in findings:
        level = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        properties = []
        if finding.file:
            properties.append(f"file={_escape_property(finding.file)}")
        if finding.line:
            properties.append(f"line={finding.line}")
        if finding.column:
            properties.append(f"col={finding.column}")
        properties.append(f"title={_escape_property(finding.code)}")
        where = f" [{finding.path}]" if finding.path else ""
        lines.append(f"::{level} {','.join(properties)}::{_escape_data(finding.message + where)}")
    return "\n".join(lines)


def summary_line(findings: list[Finding], totals: Totals) -> str:
    """`0 error(s), 110 warning(s), 7 info in 125 file(s), 125 state(s)`, and what could not be checked."""
    counts = summarize(findings)
    line = (
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info "
        f"in {totals.files} file(s), {totals.states} state(s)"
    )
    if totals.unchecked:
        line += (
            f"; {len(totals.unchecked)} file(s) could not be checked, so their other findings are not known: "
            f"{', '.join(totals.unchecked)}"
        )
    return line


def print_text(findings: list[Finding], totals: Totals, as_of: dt.date, console: Console) -> None:
    """Error-level findings first, then the others; grouped by file; then a one-line summary."""
    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity] > 0, f.sort_key()))
    grouped: dict[tuple[bool, str], list[Finding]] = defaultdict(list)
    for finding in ordered:
        grouped[(finding.severity != Severity.ERROR, finding.file or "(data)")].append(finding)
    for (_, file), items in grouped.items():
        console.print(f"[bold]{markup(file)}[/bold]")
        for finding in items:
            style = _STYLES[finding.severity]
            where = f"{finding.line or '-'}:{finding.column or '-'}"
            path = f" [dim]{markup(finding.path)}[/dim]" if finding.path else ""
            console.print(
                f"  {where:>7} [{style}]{finding.code} {finding.severity.value}[/{style}]{path}: {markup(finding.message)}"
            )
        console.print()
    counts = summarize(findings)
    style = "bold red" if counts["error"] or totals.unchecked else ("yellow" if counts["warning"] else "green")
    console.print(f"[{style}]{markup(summary_line(findings, totals))}[/{style}] as of {as_of.isoformat()}")
