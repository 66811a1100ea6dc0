"""A semantic diff of the data as text (a terminal), JSON (scripts) and Markdown (a pull-request comment)."""

from __future__ import annotations

import datetime as dt
import json

from ccm_stockpile.domain.changes import MISSING, Change, DataChanges
from ccm_stockpile.findings import Finding
from ccm_stockpile.render.text import markdown_cell as cell
from ccm_stockpile.render.text import printable

_LONG = 120  # characters of a value shown in text and Markdown; JSON has it whole


_FIGURES = {"munitions", "submunitions"}


def show(value: object, limit: int = _LONG, figure: bool = False) -> str:
    """A value as people read it: `6,605` (a figure), `null`, `(not given)`, `[planned_use, actual_use]`, a short
    text. Years and other whole numbers that are not counts are written without separators."""
    if value is MISSING:
        return "(not given)"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}" if figure else str(value)
    if isinstance(value, list):
        text = "[" + ", ".join(show(item, limit) for item in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{key}: {show(item, limit, key in _FIGURES)}" for key, item in value.items()) + "}"
    else:
        text = str(value)
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _quantity(value: object) -> str:
    if not isinstance(value, dict):
        return show(value)
    return f"{show(value.get('munitions', MISSING), figure=True)} / {show(value.get('submunitions', MISSING), figure=True)}"


def summary(change: Change) -> str:
    """What an added or removed entry, engagement, record or list item holds, on one line."""
    value = change.new if change.kind == "added" else change.old
    if not isinstance(value, dict):
        return show(value)
    if change.path == "entry":
        parts = [f"report {show(value.get('report', MISSING))}"]
        if "submitted" in value:
            parts.append(f"submitted {show(value['submitted'])}")
        for name in ("held", "consumed", "destroyed", "acquired"):
            if name in value:
                parts.append(f"{name} {_quantity(value[name])}")
        sources = value.get("sources")
        parts.append(f"{len(sources) if isinstance(sources, list) else 0} source(s)")
        return ", ".join(parts)
    if change.path == "engagement":
        ref = f" ({show(value['ref'])})" if value.get("ref") else ""
        return f"{show(value.get('date', MISSING))} {show(value.get('kind', MISSING))}{ref}: {show(value.get('summary', ''))}"
    if change.path == "record":
        return f"{show(value.get('name', value.get('title', '')))} ({show(value.get('status', value.get('method', '')))})"
    if change.path.endswith("sources"):
        return show(value.get("url") or value.get("title") or value)
    return show(value)


def _structural(change: Change) -> bool:
    return change.kind != "changed" and isinstance(change.new if change.kind == "added" else change.old, dict)


def change_line(change: Change) -> str:
    """`ESP 2016 held.submunitions 6,605 -> 6,500`, `ESP 2024 entry added: report reported, ...`."""
    where = " ".join(str(part) for part in (change.subject, change.year, change.path) if part not in (None, ""))
    if _structural(change):
        return f"{where} {change.kind}: {summary(change)}"
    figure = change.path.rsplit(".", 1)[-1] in _FIGURES
    return f"{where} {show(change.old, figure=figure)} -> {show(change.new, figure=figure)}"


def _finding_line(finding: Finding) -> str:
    year = f" {finding.year}" if finding.year else ""
    return f"{finding.state or '-'}{year} {finding.code} {finding.severity.value}: {printable(finding.message)}"


def _headline(changes: DataChanges) -> str:
    return (
        f"{len(changes.changes)} change(s) in {len(changes.subjects)} record(s); findings: "
        f"{len(changes.introduced)} introduced, {len(changes.resolved)} resolved"
    )


def to_text(changes: DataChanges, before: str, after: str, as_of: dt.date) -> str:
    """One line per change, then the findings introduced and resolved."""
    lines = [f"{before} -> {after}: {_headline(changes)} (checked as of {as_of.isoformat()})"]
    if changes.changes:
        lines += ["", *(change_line(change) for change in changes.changes)]
    for title, findings in (("introduced", changes.introduced), ("resolved", changes.resolved)):
        if findings:
            lines += ["", f"Findings {title}:", *(f"  {_finding_line(finding)}" for finding in findings)]
    return "\n".join(lines) + "\n"


def to_json(changes: DataChanges, before: str, after: str, as_of: dt.date) -> str:
    """One JSON object: {from, to, as_of, changes, findings: {introduced, resolved}, summary}."""
    payload = {
        "from": before,
        "to": after,
        "as_of": as_of.isoformat(),
        "changes": [change.to_dict() for change in changes.changes],
        "findings": {
            "introduced": [finding.to_dict() for finding in changes.introduced],
            "resolved": [finding.to_dict() for finding in changes.resolved],
        },
        "summary": {
            "changes": len(changes.changes),
            "records": len(changes.subjects),
            "introduced": len(changes.introduced),
            "resolved": len(changes.resolved),
            "errors_introduced": changes.errors_introduced(),
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def to_markdown(changes: DataChanges, before: str, after: str, as_of: dt.date) -> str:
    """A pull-request comment: a table of changes per record, then the findings introduced and resolved."""
    lines = [
        f"### Data changes: `{before.replace('`', '')}` → `{after.replace('`', '')}`",
        "",
        f"**{_headline(changes)}** (checked as of {as_of.isoformat()})",
    ]
    if not changes.changes:
        lines += ["", "No change to any record."]
    for subject in changes.subjects:
        mine = [change for change in changes.changes if change.subject == subject]
        lines += [
            "",
            f"#### {cell(subject)} ({cell(mine[0].file)})",
            "",
            "| year | field | before | after |",
            "| --- | --- | --- | --- |",
        ]
        for change in mine:
            year = str(change.year) if change.year else ""
            if _structural(change):
                old, new = ("", f"added: {summary(change)}") if change.kind == "added" else (f"removed: {summary(change)}", "")
            else:
                figure = change.path.rsplit(".", 1)[-1] in _FIGURES
                old, new = show(change.old, figure=figure), show(change.new, figure=figure)
            lines.append(f"| {year} | `{change.path.replace('`', '')}` | {cell(old)} | {cell(new)} |")
    for title, findings in (("introduced", changes.introduced), ("resolved", changes.resolved)):
        if not findings:
            continue
        lines += ["", f"#### Findings {title} ({len(findings)})", "", "| state | year | code | severity | message |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for finding in findings:
            lines.append(
                f"| {cell(finding.state or '')} | {finding.year or ''} | {finding.code} | {finding.severity.value} | "
                f"{cell(finding.message)} |"
            )
    return "\n".join(lines) + "\n"
