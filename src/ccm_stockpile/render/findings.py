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


@dataclass(frozen=True)
class Focus:
    """What a change touched, to choose which findings a pull request shows first.

    `files`: the paths it changes (from the repository root); `lines`: the lines it adds or changes in each,
    from the diff's hunks; `introduced`: the identities of the findings it brings (absent from the base).
    Each finding falls in a tier: 0 on a changed line, 1 introduced by the change, 2 elsewhere in a changed
    file; None outside the change (not annotated, in the job summary only)."""

    files: frozenset[str] = frozenset()
    lines: dict[str, frozenset[int]] = field(default_factory=dict)
    introduced: frozenset[tuple[object, ...]] = frozenset()

    def tier(self, finding: Finding, file: str | None) -> int | None:
        """0, 1, 2 or None, as above."""
        if file is not None and finding.line is not None and finding.line in self.lines.get(file, ()):
            return 0
        if finding.identity() in self.introduced:
            return 1
        if file is not None and (file in self.files or file in self.lines):
            return 2
        return None


TIER_TITLES = (
    "On the lines this change touches",
    "Introduced by this change, elsewhere",
    "Elsewhere in the files this change touches",
)


def _where(finding: Finding, root: Path | None) -> str | None:
    return github_path(finding.file, root) if finding.file and root is not None else finding.file


def ranked(findings: list[Finding], root: Path | None, focus: Focus) -> list[tuple[int, Finding]]:
    """The findings a change touches, by tier, then error before warning before info, then file and line."""
    tiers = [(focus.tier(finding, _where(finding, root)), finding) for finding in findings]
    kept = [(tier, finding) for tier, finding in tiers if tier is not None]
    return sorted(kept, key=lambda item: (item[0], SEVERITY_ORDER[item[1].severity], item[1].sort_key()))


def to_github(findings: list[Finding], root: Path | None = None, focus: Focus | None = None) -> str:
    """Workflow commands (::error file=...,line=...,col=...,title=CODE::message), paths relative to `root`.

    With a `focus` (what a pull request changed), findings are annotated in the order of `ranked`: those on
    the changed lines, then those the change introduced, then the rest of the changed files; at most
    GITHUB_LIMIT of each kind, since GitHub shows no more, so the slots go to what the change did. The rest
    are printed as plain log lines, and a last line says how many findings lie outside the change (the job
    summary, `ccm check --summary`, has them all).
    """
    if focus is None:
        return "\n".join(_annotation(finding, _where(finding, root)) for finding in findings)
    lines: list[str] = []
    overflow: list[str] = []
    shown = dict.fromkeys(_LEVELS.values(), 0)
    kept = ranked(findings, root, focus)
    for _, finding in kept:
        file = _where(finding, root)
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
    outside = len(findings) - len(kept)
    if outside:
        lines.append(f"{outside} finding(s) in files this change leaves untouched are in the job summary, not annotated")
    return "\n".join(lines)


def to_markdown(
    findings: list[Finding], totals: Totals, as_of: dt.date, root: Path | None = None, focus: Focus | None = None
) -> str:
    """Every finding as GitHub-flavoured Markdown for a job summary: with a `focus`, those the change touches
    first, in the order of the annotations (on its lines, introduced by it, elsewhere in its files), then all
    of them in a collapsed section. It ends with a blank line, so that what a later step appends to the same
    file (a heading, a table) starts a block of its own instead of continuing the HTML block."""
    from ccm_stockpile.render.text import markdown_cell

    def table(items: list[Finding]) -> list[str]:
        rows = ["| file | line | code | severity | path | message |", "| --- | --- | --- | --- | --- | --- |"]
        for finding in items:
            rows.append(
                f"| {markdown_cell(_where(finding, root) or '')} | {finding.line or ''} | {finding.code} | "
                f"{finding.severity.value} | {markdown_cell(finding.path)} | {markdown_cell(finding.message)} |"
            )
        return rows

    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sort_key()))
    lines = [f"### ccm check: {markdown_cell(summary_line(findings, totals))} as of {as_of.isoformat()}", ""]
    if focus is not None:
        kept = ranked(findings, root, focus)
        for tier, title in enumerate(TIER_TITLES):
            mine = [finding for number, finding in kept if number == tier]
            if tier == 1 and not focus.introduced:
                continue  # nothing to compare with: the base was not given
            if tier == 0 and not focus.lines:
                continue  # no hunks: only the changed files were given
            if tier == 2 and not focus.lines and not focus.introduced:
                title = "In the files this change touches"
            lines += [f"#### {title} ({len(mine)})", ""]
            lines += [*table(mine), ""] if mine else ["None.", ""]
    lines += [f"<details><summary>All findings ({len(ordered)})</summary>", "", *table(ordered), "", "</details>", ""]
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
