"""Treaty facts computed once: entry into force, the destruction deadline and whether a stockpile awaits
destruction. `show`, `followup`, the checks and the documents all read these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ccm_stockpile.domain.party import DESTRUCTION_YEARS, PartyTime, add_years
from ccm_stockpile.records.state import StateRecord, Stockpile, StockpileStatus


@dataclass(frozen=True)
class Deadline:
    """The Art. 3(2)-(5) destruction deadline in force on the as-of date, and what it rests on."""

    day: dt.date
    basis: str  # "extension granted 2015-09 (5MSP)", "deadline recorded", "entry into force + 8 years"


def destruction_deadline(stockpile: Stockpile, entry_into_force: dt.date | None, as_of: dt.date) -> Deadline | None:
    """The latest extension granted by `as_of`, else the recorded deadline, else entry into force + 8 years.

    Partial dates count as their latest day, as for party time.
    """
    granted = [e for e in stockpile.extensions if not e.granted.surely_after(as_of)]
    if granted:
        latest = max(granted, key=lambda e: e.granted)
        meeting = f" ({latest.meeting})" if latest.meeting else ""
        return Deadline(latest.new_deadline.latest, f"extension granted {latest.granted}{meeting}")
    if stockpile.deadline is not None:
        return Deadline(stockpile.deadline.latest, "deadline recorded")
    if entry_into_force is not None:
        return Deadline(add_years(entry_into_force, DESTRUCTION_YEARS), f"entry into force + {DESTRUCTION_YEARS} years")
    return None


def still_held(stockpile: Stockpile, as_of: dt.date) -> bool:
    """A stockpile awaits destruction as known on `as_of` (a completion dated after that day is ignored)."""
    if stockpile.status == StockpileStatus.HELD:
        return True
    return (
        stockpile.status == StockpileStatus.DESTROYED
        and stockpile.completed is not None
        and stockpile.completed.surely_after(as_of)
    )


@dataclass(frozen=True)
class TreatyFacts:
    """What the treaty dates mean for one state on the as-of date."""

    entry_into_force: dt.date | None
    entry_into_force_basis: str | None  # "given" or "Article 17"
    withdrawal_effective: dt.date | None  # only once it has taken effect by the as-of date
    deadline: Deadline | None
    stockpile_awaits_destruction: bool


def treaty_facts(record: StateRecord, party: PartyTime) -> TreatyFacts:
    """Compute the treaty facts of a record as of the party time's date."""
    stockpile = record.stockpile
    deadline = destruction_deadline(stockpile, party.start, party.as_of) if stockpile else None
    return TreatyFacts(
        entry_into_force=party.start,
        entry_into_force_basis=party.start_basis,
        withdrawal_effective=party.end,
        deadline=deadline,
        stockpile_awaits_destruction=bool(stockpile and still_held(stockpile, party.as_of)),
    )
