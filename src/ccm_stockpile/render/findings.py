"""Findings for people (rich text), for scripts (JSON) and for pull requests (GitHub annotations)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
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


GITHUB_LIMIT = 10  # annotations of each kind GitHub shows for one step (and 50 for a whole job)
_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def github_path(file: str, root: Path) -> str:
    """`file` relative to the repository root, where GitHub places annotations; as given when outside it.

    Only the folder is resolved: the file itself may be a link (to anywhere, or to itself in a loop), and the
    annotation belongs on the link the pull request changed."""
    path = Path(file)
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return path.as_posix()


def _annotation(finding: Finding, file: str | None) -> str:
    properties = []
    if file:
        properties.append(f"file={_escape_property(file)}")
    if finding.line:
        properties.append(f"line={finding.line}")
    if finding.column:
        properties.append(f"col={finding.column}")
    properties.append(f"title={_escape_property(finding.code)}")
    where = f" [{finding.path}]" if finding.path else ""
    return f"::{_LEVELS[finding.severity.value]} {','.join(properties)}::{_escape_data(finding.message + where)}"


def to_github(findings: list[Finding], root: Path | None = None, changed: set[str] | None = None) -> str:
    """Workflow commands (::error file=...,line=...,col=...,title=CODE::message), paths relative to `root`.

    With `changed` (paths relative to `root`), only findings in those files are annotated, and at most
    GITHUB_LIMIT of each kind: GitHub shows no more, so the rest are printed as plain log lines and a
    last line says how many were left out (the job summary, `ccm check --summary`, has them all).
    """
    lines: list[str] = []
    overflow: list[str] = []
    outside = 0
    shown = dict.fromkeys(_LEVELS.values(), 0)
    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sort_key()))
    for finding in ordered if changed is not None else findings:
        file = github_path(finding.file, root) if finding.file and root is not None else finding.file
        if changed is None:
            lines.append(_annotation(finding, file))
            continue
        if file not in changed:
            outside += 1
            continue
        level = _LEVELS[finding.severity.value]
        if shown[level] < GITHUB_LIMIT:
            shown[level] += 1
            lines.append(_annotation(finding, file))
        else:
            where = ":".join(str(part) for part in (file, finding.line, finding.column) if part)
            overflow.append(f"{where}: {finding.code} {finding.severity.value}: {printable(finding.message)}")
    if overflow:
        lines += [
            f"{len(overflow)} more finding(s) in the changed files, not annotated (GitHub shows {GITHUB_LIMIT} of each "
            "kind per step); all are in the job summary:",
            *overflow,
        ]
    if outside:
        lines.append(f"{outside} finding(s) in files this change leaves untouched are in the job summary, not annotated")
    return "\n".join(lines)


def to_markdown(
    findings: list[Finding], totals: Totals, as_of: dt.date, root: Path | None = None, changed: set[str] | None = None
) -> str:
    """Every finding as Markdown for a job summary: those in the changed files first, then all of them."""
    from ccm_stockpile.render.text import markdown_cell

    def where(finding: Finding) -> str:
        return github_path(finding.file, root) if finding.file and root is not None else finding.file or ""

    def table(items: list[Finding]) -> list[str]:
        rows = ["| file | line | code | severity | path | message |", "| --- | --- | --- | --- | --- | --- |"]
        for finding in items:
            rows.append(
                f"| {markdown_cell(where(finding))} | {finding.line or ''} | {finding.code} | {finding.severity.value} "
                f"| {markdown_cell(finding.path)} | {markdown_cell(finding.message)} |"
            )
        return rows

    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sort_key()))
    lines = [f"### ccm check: {markdown_cell(summary_line(findings, totals))} as of {as_of.isoformat()}", ""]
    if changed is not None:
        mine = [finding for finding in ordered if where(finding) in changed]
        lines += [f"#### In the files this change touches ({len(mine)})", ""]
        lines += [*table(mine), ""] if mine else ["None.", ""]
    lines += [f"<details><summary>All findings ({len(ordered)})</summary>", "", *table(ordered), "", "</details>"]
    return "\n".join(lines) + "\n"


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
    """Error-level findings first, then the others; grouped by file; then a one-line summary.

    Off a terminal (a pipe, a CI log, the results cache) there is nothing to colour, so the lines are
    written as plain text in one go: rich's markup costs more than the checks on a large data folder."""
    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity] > 0, f.sort_key()))
    grouped: dict[tuple[bool, str], list[Finding]] = defaultdict(list)
    for finding in ordered:
        grouped[(finding.severity != Severity.ERROR, finding.file or "(data)")].append(finding)
    counts = summarize(findings)
    summary_style = "bold red" if counts["error"] or totals.unchecked else ("yellow" if counts["warning"] else "green")
    if not console.is_terminal:
        lines = []
        for (_, file), items in grouped.items():
            lines.append(printable(file))
            for finding in items:
                where = f"{finding.line or '-'}:{finding.column or '-'}"
                path = f" {printable(finding.path)}" if finding.path else ""
                lines.append(f"  {where:>7} {finding.code} {finding.severity.value}{path}: {printable(finding.message)}")
            lines.append("")
        lines.append(f"{printable(summary_line(findings, totals))} as of {as_of.isoformat()}")
        console.file.write("\n".join(lines) + "\n")
        return
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
    console.print(f"[{summary_style}]{markup(summary_line(findings, totals))}[/{summary_style}] as of {as_of.isoformat()}")
