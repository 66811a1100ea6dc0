"""A semantic diff of the data as text (a terminal), JSON (scripts) and Markdown (a pull-request comment)."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Sequence

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


_WORDS = re.compile(r"\S+|\s+")
_CONTEXT = 5  # words kept on each side of a change to a text; the rest of an unchanged stretch is cut to "..."


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """The words of two texts that differ, with a little context: `("same"|"old"|"new", text)` segments.

    A note or a quote that changes in one word would otherwise be cut to the same first 120 characters on
    both sides; this shows the words that changed. difflib matches word tokens (not characters, which would
    pair unrelated letters), and long unchanged stretches keep _CONTEXT words at each end."""
    a, b = _WORDS.findall(printable(old)), _WORDS.findall(printable(new))
    segments: list[tuple[str, str]] = []
    opcodes = _merged(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), a)
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            keep = 2 * _CONTEXT  # tokens: words and the spaces between them
            first, last = index == 0, index == len(opcodes) - 1
            if len(words) > (keep if first or last else 2 * keep):
                head = [] if first else words[:keep]
                tail = [] if last else words[-keep:]
                words = [*head, "... ", *tail] if not first else ["...", *tail]
                if last:
                    words = [*head, "..."]
            segments.append(("same", "".join(words)))
            continue
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        # spaces at either end that both sides share (or that the one side has) belong to the context
        lead = _common_space([text for text in (removed, added) if text], start=True)
        trail = _common_space([text for text in (removed, added) if text], start=False)
        if lead:
            segments.append(("same", lead))
        if removed.strip():
            segments.append(("old", removed[len(lead) : len(removed) - len(trail)]))
        if added.strip():
            segments.append(("new", added[len(lead) : len(added) - len(trail)]))
        if trail:
            segments.append(("same", trail))
    return segments


def _common_space(texts: list[str], start: bool) -> str:
    spaces = [(text[: len(text) - len(text.lstrip())] if start else text[len(text.rstrip()) :]) for text in texts]
    return spaces[0] if spaces and all(space == spaces[0] for space in spaces) else ""


def _merged(opcodes: Sequence[tuple[str, int, int, int, int]], a: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Changes separated only by a space read as one (`[-30 April-]{+2 May+}`, not `[-30-]{+2+} [-April-]{+May+}`)."""
    merged: list[tuple[str, int, int, int, int]] = []
    for opcode in opcodes:
        tag, _, i2, _, j2 = opcode
        if (
            tag != "equal"
            and len(merged) >= 2
            and merged[-2][0] != "equal"
            and merged[-1][0] == "equal"
            and all(not token.strip() for token in a[merged[-1][1] : merged[-1][2]])
        ):
            first = merged[-2]
            merged[-2:] = [("replace", first[1], i2, first[3], j2)]
            continue
        merged.append(opcode)
    return merged


def _texts(change: Change) -> bool:
    """Two texts long enough that showing both whole, or both cut, would hide what changed."""
    return (
        change.kind == "changed"
        and isinstance(change.old, str)
        and isinstance(change.new, str)
        and max(len(change.old), len(change.new)) > 40
    )


def _plain_words(segments: list[tuple[str, str]]) -> str:
    """`... kept words [-removed-]{+added+} kept ...` (git's --word-diff=plain)."""
    marks = {"same": "{}", "old": "[-{}-]", "new": "{{+{}+}}"}
    return "".join(marks[kind].format(text) for kind, text in segments)


def _markdown_words(segments: list[tuple[str, str]], side: str) -> str:
    """One side of a change for a Markdown cell: removed words struck through (before), added ones bold (after)."""
    wrap = "~~" if side == "old" else "**"
    parts = []
    for kind, text in segments:
        if kind == "same":
            parts.append(cell(text))
        elif kind == side and text.strip():
            parts.append(f"{wrap}{cell(text.strip())}{wrap}" + (" " if text.endswith(" ") else ""))
    return "".join(parts)


def _structural(change: Change) -> bool:
    return change.kind != "changed" and isinstance(change.new if change.kind == "added" else change.old, dict)


def change_line(change: Change) -> str:
    """`ESP 2016 held.submunitions 6,605 -> 6,500`, `ESP 2024 entry added: report reported, ...`."""
    where = " ".join(str(part) for part in (change.subject, change.year, change.path) if part not in (None, ""))
    if _structural(change):
        return f"{where} {change.kind}: {summary(change)}"
    if _texts(change):
        return f"{where}: {_plain_words(word_changes(str(change.old), str(change.new)))}"
    figure = change.path.rsplit(".", 1)[-1] in _FIGURES
    return f"{where} {show(change.old, figure=figure)} -> {show(change.new, figure=figure)}"


def _finding_line(finding: Finding) -> str:
    year = f" {finding.year}" if finding.year else ""
    return f"{finding.state or '-'}{year} {finding.code} {finding.severity.value}: {printable(finding.message)}"


def _headline(changes: DataChanges) -> str:
    line = (
        f"{len(changes.changes)} change(s) in {len(changes.subjects)} record(s); findings: "
        f"{len(changes.introduced)} introduced, {len(changes.changed_findings)} changed, {len(changes.resolved)} resolved"
    )
    if changes.unchecked:
        line += (
            f"; {len(changes.unchecked)} record file(s) could not be checked, so their findings are not compared "
            f"(none counts as resolved): {', '.join(changes.unchecked)}; run `ccm check`"
        )
    return line


def _changed_finding_line(before: Finding, after: Finding) -> str:
    year = f" {after.year}" if after.year else ""
    words = _plain_words(word_changes(before.message, after.message))
    return f"{after.state or '-'}{year} {after.code} {after.severity.value}: {words}"


def to_text(changes: DataChanges, before: str, after: str, as_of: dt.date) -> str:
    """One line per change, then the findings introduced and resolved."""
    lines = [f"{before} -> {after}: {_headline(changes)} (checked as of {as_of.isoformat()})"]
    if changes.changes:
        lines += ["", *(change_line(change) for change in changes.changes)]
    if changes.introduced:
        lines += ["", "Findings introduced:", *(f"  {_finding_line(finding)}" for finding in changes.introduced)]
    if changes.changed_findings:
        lines += ["", "Findings changed:", *(f"  {_changed_finding_line(*pair)}" for pair in changes.changed_findings)]
    if changes.resolved:
        lines += ["", "Findings resolved:", *(f"  {_finding_line(finding)}" for finding in changes.resolved)]
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
            "changed": [{"before": old.to_dict(), "after": new.to_dict()} for old, new in changes.changed_findings],
            "resolved": [finding.to_dict() for finding in changes.resolved],
        },
        "summary": {
            "changes": len(changes.changes),
            "records": len(changes.subjects),
            "introduced": len(changes.introduced),
            "changed": len(changes.changed_findings),
            "resolved": len(changes.resolved),
            "errors_introduced": changes.errors_introduced(),
            "unchecked": changes.unchecked,
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
                old, new = cell(old), cell(new)
            elif _texts(change):
                segments = word_changes(str(change.old), str(change.new))
                old, new = _markdown_words(segments, "old"), _markdown_words(segments, "new")
            else:
                figure = change.path.rsplit(".", 1)[-1] in _FIGURES
                old, new = cell(show(change.old, figure=figure)), cell(show(change.new, figure=figure))
            lines.append(f"| {year} | `{change.path.replace('`', '')}` | {old} | {new} |")
    header = ["| state | year | code | severity | message |", "| --- | --- | --- | --- | --- |"]

    def row(finding: Finding, message: str) -> str:
        return f"| {cell(finding.state or '')} | {finding.year or ''} | {finding.code} | {finding.severity.value} | {message} |"

    if changes.introduced:
        lines += ["", f"#### Findings introduced ({len(changes.introduced)})", "", *header]
        lines += [row(finding, cell(finding.message)) for finding in changes.introduced]
    if changes.changed_findings:
        lines += ["", f"#### Findings changed ({len(changes.changed_findings)})", "", *header]
        for was, now in changes.changed_findings:
            segments = word_changes(was.message, now.message)
            lines.append(row(now, f"{_markdown_words(segments, 'old')} → {_markdown_words(segments, 'new')}"))
    if changes.resolved:
        lines += ["", f"#### Findings resolved ({len(changes.resolved)})", "", *header]
        lines += [row(finding, cell(finding.message)) for finding in changes.resolved]
    return "\n".join(lines) + "\n"
