"""Findings for people (rich text), for scripts (JSON) and for pull requests (GitHub annotations)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from ccm_stockpile.findings import Finding, Severity, summarize

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def to_json(findings: list[Finding], as_of: dt.date, files: int, states: int) -> str:
    """The SPEC's JSON object: {as_of, findings, summary}."""
    summary = summarize(findings) | {"files": files, "states": states}
    payload = {"as_of": as_of.isoformat(), "findings": [f.to_dict() for f in findings], "summary": summary}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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


def summary_line(findings: list[Finding], files: int, states: int) -> str:
    counts = summarize(findings)
    return (f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info "
            f"in {files} file(s), {states} state(s)")


def print_text(findings: list[Finding], files: int, states: int, as_of: dt.date, console) -> None:  # noqa: ANN001
    """Grouped by file; each finding with its line, code, path and message; then a one-line summary."""
    from rich.markup import escape

    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.file or "(data)"].append(finding)
    for file, items in grouped.items():
        console.print(f"[bold]{escape(file)}[/bold]")
        for finding in items:
            style = _STYLES[finding.severity]
            where = f"{finding.line or '-'}:{finding.column or '-'}"
            path = f" [dim]{escape(finding.path)}[/dim]" if finding.path else ""
            console.print(
                f"  {where:>7} [{style}]{finding.code} {finding.severity.value}[/{style}]{path}: {escape(finding.message)}",
                highlight=False,
            )
        console.print()
    counts = summarize(findings)
    style = "bold red" if counts["error"] else ("yellow" if counts["warning"] else "green")
    console.print(f"[{style}]{summary_line(findings, files, states)}[/{style}] as of {as_of.isoformat()}", highlight=False)
