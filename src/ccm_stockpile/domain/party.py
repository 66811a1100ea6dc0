"""Treaty time: Article 17 entry into force, party time, and the one rule for which years' reports are due.

Party time is computed from the dates alone (consent, entry into force, withdrawal); `status` is a label
that the checks compare with the dates (E008), never a second rule.
"""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.domain.obligations import annual_report_due, late, report_due
from ccm_stockpile.records.state import StateRecord
from ccm_stockpile.records.types import PartialDate

CONVENTION_IN_FORCE = dt.date(2010, 8, 1)
DESTRUCTION_YEARS = 8  # Art. 3(2)
FIRST_REPORT_YEAR = 2010


def article17_entry_into_force(deposit: PartialDate) -> dt.date | None:
    """First day of the sixth month after the month of deposit, never before 1 August 2010 (Art. 17).

    None when the deposit date gives only a year.
    """
    if deposit.month is None:
        return None
    month_index = deposit.year * 12 + (deposit.month - 1) + 6
    derived = dt.date(month_index // 12, month_index % 12 + 1, 1)
    return max(derived, CONVENTION_IN_FORCE)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for a 29 February that does not exist)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_due_year(as_of: dt.date) -> int:
    """The latest calendar year whose annual report is late on `as_of` (due 30 April: late from 1 May)."""
    return as_of.year - 1 if late(annual_report_due(as_of.year - 1), as_of) else as_of.year - 2


def entry_into_force(record: StateRecord) -> tuple[dt.date | None, str | None]:
    """The day obligations run from, and where it comes from ("given" or "Article 17").

    A partial date counts from the latest day it may mean: obligations are never assumed earlier than
    the record can show.
    """
    if record.entry_into_force is not None:
        return record.entry_into_force.latest, "given"
    if record.consent is not None:
        derived = article17_entry_into_force(record.consent.date)
        if derived is not None:
            return derived, "Article 17"
    return None, None


class PartyTime:
    """When a state was bound by the Convention, as known on `as_of`."""

    def __init__(self, record: StateRecord, as_of: dt.date) -> None:
        self.as_of = as_of
        self.start, self.start_basis = entry_into_force(record)
        effective = record.withdrawal.effective if record.withdrawal else None
        self.end = effective.earliest if effective and effective.earliest <= as_of else None

    @property
    def ever_party(self) -> bool:
        return self.start is not None and self.start <= self.as_of

    def contains(self, day: dt.date) -> bool:
        """True when `day` falls in party time and not after the as-of date."""
        if self.start is None or day < self.start or day > self.as_of:
            return False
        return self.end is None or day < self.end

    def year_counts(self, year: int) -> bool:
        """A retention entry for `year` is taken into account: the state was a party at the end of the year,
        the year is over, and its report did not fall due after a withdrawal took effect."""
        if not self.contains(dt.date(year, 12, 31)):
            return False
        return self.end is None or self.report_due(year) < self.end

    def report_due(self, year: int) -> dt.date:
        """When the report covering `year` is due (`obligations.report_due`: the initial report's day for the
        year it covers)."""
        return report_due(year, self.start)

    def year_is_due(self, year: int) -> bool:
        """The one rule: the report for `year` is owed when the state was a party at the end of the year and on
        its due date, and it is late on the as-of date (the due day itself is in time)."""
        due = self.report_due(year)
        return self.contains(dt.date(year, 12, 31)) and self.contains(due) and late(due, self.as_of)

    def due_years(self, first: int = FIRST_REPORT_YEAR) -> list[int]:
        """Every year from `first` whose report is due, in order."""
        return [year for year in range(first, latest_due_year(self.as_of) + 1) if self.year_is_due(year)]

    def last_year_due(self) -> int | None:
        """The latest calendar year whose report is due by the as-of date."""
        due = self.due_years()
        return due[-1] if due else None
