"""Treaty time: Article 17 entry into force, party time, report due dates, deadlines as of a date."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.records.state import StateRecord, StateStatus
from ccm_stockpile.records.types import PartialDate

CONVENTION_IN_FORCE = dt.date(2010, 8, 1)
DESTRUCTION_YEARS = 8  # Art. 3(2)


def article17_entry_into_force(deposit: PartialDate) -> dt.date | None:
    """First day of the sixth month after the month of deposit, never before 1 August 2010 (Art. 17).

    None when the deposit date gives only a year.
    """
    if deposit.month is None:
        return None
    month_index = deposit.year * 12 + (deposit.month - 1) + 6
    derived = dt.date(month_index // 12, month_index % 12 + 1, 1)
    return max(derived, CONVENTION_IN_FORCE)


def report_due(year: int) -> dt.date:
    """The report for calendar year Y is due on 30 April of Y+1 (Art. 3(8), Art. 7(2))."""
    return dt.date(year + 1, 4, 30)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class PartyTime:
    """When a state was bound by the Convention, as known on `as_of`."""

    def __init__(self, record: StateRecord, as_of: dt.date) -> None:
        self.as_of = as_of
        self.start = self._start(record)
        effective = record.withdrawal.effective if record.withdrawal else None
        self.end = effective.earliest if effective and effective.earliest <= as_of else None
        if record.status == StateStatus.SIGNATORY:
            self.start = None

    @staticmethod
    def _start(record: StateRecord) -> dt.date | None:
        if record.entry_into_force is not None:
            return record.entry_into_force.earliest
        if record.consent is not None:
            return article17_entry_into_force(record.consent.date)
        return None

    @property
    def ever_party(self) -> bool:
        return self.start is not None and self.start <= self.as_of

    def contains(self, day: dt.date) -> bool:
        """True when `day` falls in party time and not after the as-of date."""
        if self.start is None or day < self.start or day > self.as_of:
            return False
        return self.end is None or day < self.end

    def report_is_due(self, year: int) -> bool:
        return self.contains(report_due(year))

    def covers_year(self, year: int) -> bool:
        """The state was a party at the end of `year`, and that year is over by the as-of date."""
        return self.contains(dt.date(year, 12, 31))

    def last_year_due(self) -> int | None:
        """The latest calendar year whose report was due in party time by the as-of date."""
        year = latest_due_year(self.as_of)
        while year >= 2009:
            if self.report_is_due(year):
                return year
            if self.start is None or dt.date(year, 12, 31) < self.start:
                return None
            year -= 1
        return None


def latest_due_year(as_of: dt.date) -> int:
    """The latest calendar year whose report was due on or before `as_of`."""
    return as_of.year - 1 if as_of >= dt.date(as_of.year, 4, 30) else as_of.year - 2
