"""`ccm followup` for people: one block per state, its reasons grouped by code."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.findings import Finding
from ccm_stockpile.followup import FollowUp


def group_reasons(reasons: list[Finding]) -> list[tuple[str, str, list[Finding]]]:
    """(code, severity, findings) in code order, so a state's reasons read as a short list."""
    grouped: dict[str, list[Finding]] = {}
    for finding in reasons:
        grouped.setdefault(finding.code, []).append(finding)
    return [(code, items[0].severity.value, items) for code, items in sorted(grouped.items())]


def print_followups(items: list[FollowUp], as_of: dt.date, console) -> None:  # noqa: ANN001
    from rich.markup import escape

    from ccm_stockpile.checks import RULES

    if not items:
        console.print(f"No state needs follow-up as of {as_of.isoformat()}.")
        return
    console.print(f"[bold]{len(items)} state(s) need follow-up as of {as_of.isoformat()}[/bold], most urgent first\n")
    for rank, item in enumerate(items, start=1):
        held = "no figure"
        if item.latest is not None and item.latest.held is not None:
            held = f"{item.latest.held} at the end of {item.latest.year}"
        console.print(f"[bold]{rank}. {escape(item.name)} ({item.iso3})[/bold]  {escape(item.file)}")
        console.print(f"   latest holdings: {escape(held)}")
        if item.last_engagement is not None:
            engagement = item.last_engagement
            console.print(f"   last engagement: {engagement.date} {engagement.kind.value}: {escape(engagement.summary)}")
        else:
            console.print("   last engagement: none recorded")
        console.print(f"   reply awaited: {'yes' if item.reply_awaited else 'no'}")
        for code, severity, findings in group_reasons(item.reasons):
            colour = "red" if severity == "error" else "yellow"
            if len(findings) == 1:
                detail = findings[0].message
            else:
                years = ", ".join(str(f.year) for f in findings if f.year is not None)
                detail = f"{RULES[code].title.lower()}: {years}"
            console.print(f"   [{colour}]{code}[/{colour}] {escape(detail)}")
        console.print()
