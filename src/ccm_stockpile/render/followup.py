"""`ccm followup` for people."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.followup import FollowUp


def print_followups(items: list[FollowUp], as_of: dt.date, console) -> None:  # noqa: ANN001
    from rich.markup import escape

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
            e = item.last_engagement
            console.print(f"   last engagement: {e.date} {e.kind.value}: {escape(e.summary)}")
        else:
            console.print("   last engagement: none recorded")
        console.print(f"   reply awaited: {'yes' if item.reply_awaited else 'no'}")
        for finding in item.reasons:
            colour = "red" if finding.severity.value == "error" else "yellow"
            console.print(f"   [{colour}]{finding.code}[/{colour}] line {finding.line}: {escape(finding.message)}")
        console.print()
