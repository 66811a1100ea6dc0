"""R109: the largest holdings among States Parties (a dataset-wide view)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import rule
from ccm_stockpile.checks.series import RetentionYear
from ccm_stockpile.checks.timeline import latest_due_year
from ccm_stockpile.findings import Finding, Severity


def latest_holding(ctx: StateContext, up_to: int) -> RetentionYear | None:
    """The state's latest entry with a known quantity, for a year no later than `up_to`."""
    known = [item for item in ctx.series if item.year <= up_to and not item.held_unknown]
    return known[-1] if known else None


def _size(item: RetentionYear) -> tuple[int, int]:
    return (item.held.submunitions or 0, item.held.munitions or 0)  # type: ignore[union-attr]


@rule(
    "R109", Severity.INFO, title="Largest holdings among States Parties",
    basis="Art. 3(6): the minimum number absolutely necessary; Action 17",
    rationale="Monitors compare holdings across states; 'tens of thousands' of submunitions is what they object "
              "to (sign S9). Lists the largest holders in the latest year due, and any above the threshold.",
    fix="Nothing to fix in the data; a point for the annual review.",
    example="retention:\n  - {year: 2015, report: reported, held: {munitions: 570, submunitions: 52801}, sources: [...]}\n",
    scope="dataset",
)
def check_largest_holdings(contexts: list[StateContext], as_of: dt.date) -> Iterator[Finding]:
    year = latest_due_year(as_of)
    holders = []
    for ctx in contexts:
        if ctx.party.end is not None or not ctx.party.ever_party:
            continue
        item = latest_holding(ctx, year)
        if item is not None and item.held is not None and item.held.positive:
            holders.append((ctx, item))
    holders.sort(key=lambda pair: _size(pair[1]), reverse=True)
    settings = contexts[0].settings if contexts else None
    top = settings.thresholds.largest_holders if settings else 3
    limit = settings.thresholds.large_holding_submunitions if settings else 10_000
    for rank, (ctx, item) in enumerate(holders, start=1):
        above = (item.held.submunitions or 0) > limit  # type: ignore[union-attr]
        if rank > top and not above:
            continue
        reasons = []
        if rank <= top:
            reasons.append(f"rank {rank} of {len(holders)} States Parties with known holdings")
        if above:
            reasons.append(f"above the threshold of {limit:,} submunitions")
        yield ctx.finding(
            "R109", f"{item.held} held at the end of {item.year} (latest figure up to {year}): {'; '.join(reasons)}",
            item.at("held"), item.year,
        )
