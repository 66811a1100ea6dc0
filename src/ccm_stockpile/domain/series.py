"""A state's retention reports as a year-by-year series, with `unchanged` reports carried over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ccm_stockpile.domain.party import PartyTime
from ccm_stockpile.records.state import Omission, ReportStatus, RetentionEntry, StateRecord, TypeRow
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

    def omits(self, *items: Omission) -> bool:
        """A source says the state's report for the year left out one of `items`."""
        return any(item in self.entry.omitted for item in items)


def first_entry_per_year(record: StateRecord) -> list[tuple[int, RetentionEntry]]:
    """(index, entry) for the first entry of each year, sorted by year (E005 reports the others)."""
    seen: set[int] = set()
    kept = []
    for index, entry in enumerate(record.retention):
        if entry.year not in seen:
            seen.add(entry.year)
            kept.append((index, entry))
    return sorted(kept, key=lambda pair: pair[1].year)


def _sum_of_rows(rows: list[TypeRow]) -> Quantity | None:
    """The holdings that complete `by_type` rows add up to; None when a row's figure is unknown."""
    munitions = [row.munitions for row in rows if row.munitions is not None]
    submunitions = [row.submunitions for row in rows if row.submunitions is not None]
    if not rows or len(munitions) < len(rows) or len(submunitions) < len(rows):
        return None
    return Quantity(munitions=sum(munitions), submunitions=sum(submunitions))


def build_series(record: StateRecord, party: PartyTime, as_of: dt.date) -> list[RetentionYear]:
    """The entries of the years that count in party time (`PartyTime.year_counts`); facts submitted after
    `as_of` are ignored."""
    series: list[RetentionYear] = []
    last_held: Quantity | None = None
    last_types: list[TypeRow] = []
    last_planned: str | None = None
    last_actual: str | None = None
    for index, entry in first_entry_per_year(record):
        if not party.year_counts(entry.year):
            continue
        if entry.submitted is not None and entry.submitted.surely_after(as_of):
            continue
        carry = entry.report == ReportStatus.UNCHANGED
        held, carried = entry.held, False
        if (held is None or held.entirely_unknown) and carry and last_held is not None:
            held, carried = last_held, True
        by_type = entry.by_type or (last_types if carry else [])
        rows_total = _sum_of_rows(by_type) if held is None or held.entirely_unknown else None
        if rows_total is not None:
            held = rows_total
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
