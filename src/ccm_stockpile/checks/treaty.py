"""T201, T202, T204: stockpile destruction deadlines, later discoveries, withdrawal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import rule
from ccm_stockpile.checks.timeline import DESTRUCTION_YEARS, add_years
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.records.state import Stockpile, StockpileStatus


def destruction_deadline(stockpile: Stockpile, entry_into_force: dt.date | None, as_of: dt.date) -> dt.date | None:
    """The latest extension granted by `as_of`, else the recorded deadline, else entry into force + 8 years."""
    granted = [e for e in stockpile.extensions if not e.granted.surely_after(as_of)]
    if granted:
        return max(granted, key=lambda e: e.granted).new_deadline.latest
    if stockpile.deadline is not None:
        return stockpile.deadline.latest
    if entry_into_force is not None:
        return add_years(entry_into_force, DESTRUCTION_YEARS)
    return None


def still_held(stockpile: Stockpile, as_of: dt.date) -> bool:
    """Held as known on `as_of`: a completion dated after that day is ignored."""
    if stockpile.status == StockpileStatus.HELD:
        return True
    return (
        stockpile.status == StockpileStatus.DESTROYED and stockpile.completed is not None
        and stockpile.completed.surely_after(as_of)
    )


@rule(
    "T201", Severity.ERROR, title="The stockpile destruction deadline has passed",
    basis="Art. 3(2)-(5)",
    rationale="Stockpiles must be destroyed within eight years of entry into force, or by the extended deadline.",
    fix="Record the completion date if destruction is complete, or the extension granted; otherwise this is a "
        "compliance issue for the Meeting of States Parties.",
    example="entry_into_force: 2011-10-01\nstockpile:\n  status: held\n",
)
def check_destruction_deadline(ctx: StateContext) -> Iterator[Finding]:
    stockpile = ctx.record.stockpile
    if stockpile is None or not ctx.party.ever_party or not still_held(stockpile, ctx.as_of):
        return
    entry_into_force = ctx.record.entry_into_force.latest if ctx.record.entry_into_force else ctx.party.start
    deadline = destruction_deadline(stockpile, entry_into_force, ctx.as_of)
    if deadline is not None and deadline < ctx.as_of and ctx.party.contains(deadline):
        yield ctx.finding(
            "T201", f"the stockpile destruction deadline {deadline.isoformat()} has passed and destruction is not "
                    f"recorded as complete; record the completion or the extension granted",
            ("stockpile", "status"),
        )


@rule(
    "T202", Severity.WARNING, title="A stockpile found after completion is not reported destroyed",
    basis="Art. 7(1)(g); Lausanne Action Plan Action 14",
    rationale="Stockpiles discovered after completion must be reported and destroyed as soon as possible.",
    fix="Record the destruction date from the report, or follow up with the state.",
    example="stockpile:\n  status: destroyed\n  discoveries:\n    - found: 2012\n      quantity: {munitions: 4, "
            "submunitions: null}\n      destroyed: null\n      sources: [...]\n",
)
def check_discoveries_destroyed(ctx: StateContext) -> Iterator[Finding]:
    stockpile = ctx.record.stockpile
    if stockpile is None or not ctx.party.ever_party or ctx.party.end is not None:
        return  # after a withdrawal takes effect there is no obligation left to follow up
    for index, discovery in enumerate(stockpile.discoveries):
        if discovery.found.surely_after(ctx.as_of):
            continue
        if discovery.destroyed is None or discovery.destroyed.surely_after(ctx.as_of):
            yield ctx.finding(
                "T202", f"{discovery.quantity} found in {discovery.found} are not recorded as destroyed; record the "
                        f"destruction or follow up (Action 14)",
                ("stockpile", "discoveries", index),
            )


@rule(
    "T204", Severity.INFO, title="The state has withdrawn",
    basis="Art. 20",
    rationale="After its withdrawal takes effect a state has no obligations under the Convention and leaves "
              "follow-up; its earlier record stays.",
    fix="Nothing to fix.",
    example="status: withdrawn\nwithdrawal: {notified: 2024-09-06, effective: 2025-03-06}\n",
)
def check_withdrawal(ctx: StateContext) -> Iterator[Finding]:
    if ctx.party.end is not None:
        yield ctx.finding(
            "T204", f"withdrawal took effect on {ctx.party.end.isoformat()}: no obligations after that date; the "
                    f"state leaves follow-up",
            ("withdrawal", "effective"),
        )
