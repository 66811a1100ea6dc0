"""`ccm followup` for people: one block per state, each reason with exactly what its finding says."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ccm_stockpile.domain.followup import FollowUp
from ccm_stockpile.render.text import markup

if TYPE_CHECKING:
    from rich.console import Console


def _holdings(item: FollowUp) -> str:
    if item.latest is None or item.latest.held is None or item.latest.held.entirely_unknown:
        return "no figure recorded"
    return f"{item.latest.held} at the end of {item.latest.year}"


def print_followups(items: list[FollowUp], as_of: dt.date, console: Console) -> None:
    """The list, most urgent first; a state whose record has errors says so and comes first."""
    if not items:
        console.print(f"No state needs follow-up as of {as_of.isoformat()}.")
        return
    console.print(f"[bold]{len(items)} state(s) need follow-up as of {as_of.isoformat()}[/bold], most urgent first\n")
    for rank, item in enumerate(items, start=1):
        console.print(f"[bold]{rank}. {markup(item.name)} ({markup(item.iso3)})[/bold]  {markup(item.file)}")
        if item.blocked:
            console.print("   [red]record has errors: fix it first[/red] (its follow-up cannot be worked out)")
            for finding in item.reasons:
                console.print(f"   [red]{finding.code}[/red] line {finding.line or '-'}: {markup(finding.message)}")
            console.print()
            continue
        console.print(f"   latest holdings: {markup(_holdings(item))}")
        correspondence = item.correspondence
        last = correspondence.last if correspondence else None
        if last is not None:
            console.print(f"   last engagement: {last.date} {last.kind.value}: {markup(last.summary)}")
        else:
            console.print("   last engagement: none recorded")
        letter = correspondence.last_letter if correspondence else None
        if letter is not None:
            reference = f" {markup(letter.ref)}" if letter.ref else ""
            reply_by = f", reply by {letter.reply_by}" if letter.reply_by else ""
            console.print(f"   last {letter.kind.value}{reference}: sent {letter.date}{reply_by}")
        awaited = "yes" if item.reply_awaited else "no"
        detail = f" ({markup(correspondence.detail)})" if correspondence and correspondence.detail else ""
        console.print(f"   reply awaited: {awaited}{detail}")
        for finding in item.reasons:
            colour = "red" if finding.severity.value == "error" else "yellow"
            console.print(f"   [{colour}]{finding.code}[/{colour}] {markup(finding.message)}")
        console.print()
