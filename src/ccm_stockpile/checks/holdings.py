"""R109: the largest holdings among States Parties (a dataset-wide view)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import check
from ccm_stockpile.domain.party import latest_due_year
from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.types import Quantity


def _size(held: Quantity) -> tuple[int, int]:
    return (held.submunitions or 0, held.munitions or 0)


@check("R109")
def check_largest_holdings(contexts: list[StateContext], as_of: dt.date) -> Iterator[Finding]:
    if not contexts:
        return
    year = latest_due_year(as_of)
    holders: list[tuple[StateContext, RetentionYear, Quantity]] = []
    for ctx in contexts:
        if ctx.party.end is not None or not ctx.party.ever_party:
            continue
        item = ctx.latest_holding(year)
        if item is not None and item.held is not None and item.held.positive:
            holders.append((ctx, item, item.held))
    holders.sort(key=lambda holder: _size(holder[2]), reverse=True)
    thresholds = contexts[0].settings.thresholds
    for rank, (ctx, item, held) in enumerate(holders, start=1):
        above = (held.submunitions or 0) > thresholds.large_holding_submunitions
        if rank > thresholds.largest_holders and not above:
            continue
        reasons = []
        if rank <= thresholds.largest_holders:
            reasons.append(f"rank {rank} of {len(holders)} States Parties with known holdings")
        if above:
            reasons.append(f"above the threshold of {thresholds.large_holding_submunitions:,} submunitions")
        yield ctx.finding(
            "R109",
            f"{held} held at the end of {item.year} (latest figure up to {year}): {'; '.join(reasons)}",
            item.at("held"),
            item.year,
        )
