"""A state's retention reports as a year-by-year series, with `unchanged` reports carried over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ccm_stockpile.checks.timeline import PartyTime
from ccm_stockpile.records.state import ReportStatus, RetentionEntry, StateRecord, TypeRow
from ccm_stockpile.records.types import Quantity

PARTS = ("munitions", "submunitions")


@dataclass(frozen=True)
class RetentionYear:
    """One year's entry and what it means once `unchanged` reports take their earlier figures."""

    index: int  # position in the file's `retention` list, for locating findings
    entry: RetentionEntry
    held: Quantity | None
    by_type: list[TypeRow]
    planned_use: str | None
    actual_use: str | None
    held_carried: bool = False

    @property
    def year(self) -> int:
        return self.entry.year

    @property
    def path(self) -> tuple:
        return ("retention", self.index)

    def at(self, *keys: str | int) -> tuple:
        return self.path + keys

    @property
    def held_unknown(self) -> bool:
        return self.held is None or self.held.entirely_unknown

    @property
    def held_positive(self) -> bool:
        return self.held is not None and self.held.positive

    @property
    def held_zero(self) -> bool:
        return self.held is not None and self.held.is_zero

    @property
    def submitted(self) -> bool:
        return self.entry.report in {ReportStatus.REPORTED, ReportStatus.UNCHANGED}


def first_entry_per_year(record: StateRecord) -> list[tuple[int, RetentionEntry]]:
    """(index, entry) for the first entry of each year, sorted by year (E005 reports the others)."""
    seen: set[int] = set()
    kept = []
    for index, entry in enumerate(record.retention):
        if entry.year not in seen:
            seen.add(entry.year)
            kept.append((index, entry))
    return sorted(kept, key=lambda pair: pair[1].year)


def build_series(record: StateRecord, party: PartyTime, as_of: dt.date) -> list[RetentionYear]:
    """The entries in party time whose year is over by `as_of`; facts submitted later are ignored."""
    series: list[RetentionYear] = []
    last_held: Quantity | None = None
    last_types: list[TypeRow] = []
    last_planned: str | None = None
    last_actual: str | None = None
    for index, entry in first_entry_per_year(record):
        if not party.covers_year(entry.year):
            continue
        if party.end is not None and not party.report_is_due(entry.year):
            continue  # the report fell due after the withdrawal took effect: no obligation left
        if entry.submitted is not None and entry.submitted.surely_after(as_of):
            continue
        carry = entry.report == ReportStatus.UNCHANGED
        held, carried = entry.held, False
        if (held is None or held.entirely_unknown) and carry and last_held is not None:
            held, carried = last_held, True
        by_type = entry.by_type or (last_types if carry else [])
        if (held is None or held.entirely_unknown) and by_type and all(
            row.munitions is not None and row.submunitions is not None for row in by_type
        ):
            held = Quantity(
                munitions=sum(row.munitions for row in by_type),  # type: ignore[misc]
                submunitions=sum(row.submunitions for row in by_type),  # type: ignore[misc]
            )
        planned = entry.planned_use if entry.planned_use is not None or not carry else last_planned
        actual = entry.actual_use if entry.actual_use is not None or not carry else last_actual
        series.append(RetentionYear(index, entry, held, by_type, planned, actual, carried))
        if held is not None and not held.entirely_unknown:
            last_held = held
        if entry.by_type:
            last_types = entry.by_type
        last_planned = entry.planned_use if entry.planned_use is not None else last_planned
        last_actual = entry.actual_use if entry.actual_use is not None else last_actual
    return series


def known_holdings(series: list[RetentionYear]) -> list[RetentionYear]:
    """The years whose holdings are at least partly known; the others are gaps for comparisons."""
    return [item for item in series if not item.held_unknown]


def part(quantity: Quantity | None, name: str) -> int | None:
    return None if quantity is None else getattr(quantity, name)


def transfer_total(entry: RetentionEntry, direction: str, name: str) -> int | None:
    """Sum of one part over transfers in one direction; None when transfers or a row are unknown."""
    if entry.transfers is None:
        return None
    total = 0
    for transfer in entry.transfers:
        if transfer.direction.value == direction:
            value = getattr(transfer, name)
            if value is None:
                return None
            total += value
    return total
