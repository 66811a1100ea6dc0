"""What a State owes under the Convention, as values: each report with its due date and legal basis, and the
one rule for "in time" and "late".

- **The due rule.** The Convention says "not later than" a day: that day is in time, the State is late from the
  next day. `late(due, day)` is the only place this is decided; checks (R106, T201, R111), letters, `show`,
  `followup`, `todo`, the Working Document and the progress report all go through it.
- **The initial report** (Art. 7(1)) is due 180 days after entry into force for the State.
- **Annual updates** (Art. 7(2)) cover a calendar year and are due on 30 April of the next year. An update that
  would fall due on or before the initial report's due date is part of the initial report: for entry into force
  on 1 December 2015 the report covering 2015 is the initial report, due 29 May 2016.
- **The retention report** (Art. 3(8)) is owed for each year during which the State retained, acquired or
  transferred cluster munitions, by 30 April of the next year.
- **Withdrawal** (Art. 20) ends every obligation that would fall due on or after the day it takes effect. What
  fell due before stays in the history, and is never again asked for.
- **Partial dates** (`2025-05`, `2025`) stand for every day of their month or year, and the doubt goes to the
  State: a report dated in the month of its deadline counts as in time, and a reply dated in the month of a
  letter (or later) counts as answering it (`in_time`, `answers`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ccm_stockpile.records.types import PartialDate

if TYPE_CHECKING:
    from ccm_stockpile.domain.party import PartyTime
    from ccm_stockpile.domain.series import RetentionYear

INITIAL_REPORT_DAYS = 180  # Art. 7(1): "as soon as practicable, and in any event not later than 180 days"


class LegalBasis(StrEnum):
    """The article an obligation or a request rests on. The values are stable: catalogues of wording (per
    language) are keyed by them."""

    ART_3_2 = "art-3-2"  # stockpile destruction within eight years
    ART_3_6 = "art-3-6"  # retention of the minimum number absolutely necessary
    ART_3_7 = "art-3-7"  # transfers for destruction, development and training
    ART_3_8 = "art-3-8"  # report on retained, acquired and transferred cluster munitions
    ART_7_1 = "art-7-1"  # initial transparency report
    ART_7_2 = "art-7-2"  # annual update of the transparency report
    ART_20 = "art-20"  # withdrawal


class ObligationKind(StrEnum):
    INITIAL_REPORT = "initial_report"
    ANNUAL_REPORT = "annual_report"
    RETENTION_REPORT = "retention_report"


def late(due: dt.date, day: dt.date) -> bool:
    """The one rule: on `day` the obligation due `due` is late ("not later than" the due day: that day is in
    time, late from the next)."""
    return day > due


def in_time(done: PartialDate | dt.date, due: dt.date) -> bool:
    """Something done on `done` was in time for `due`. A partial date counts from its first day (the doubt goes
    to the State): a report dated `2016-04` is in time for 30 April 2016."""
    first = done.earliest if isinstance(done, PartialDate) else done
    return not late(due, first)


def answers(reply: PartialDate, letter: PartialDate) -> bool:
    """A reply dated `reply` answers a letter dated `letter`: it is not surely earlier. A reply dated `2025-05`
    answers a letter of 2025-05-10 (received in that month); one dated `2025-04` does not; one dated `2025`
    answers any letter of 2025."""
    return not reply.surely_before(letter)


def initial_report_due(entry_into_force: dt.date) -> dt.date:
    """Art. 7(1): 180 days after entry into force for the State."""
    return entry_into_force + dt.timedelta(days=INITIAL_REPORT_DAYS)


def annual_report_due(year: int) -> dt.date:
    """Art. 7(2) and Art. 3(8): the report covering calendar year `year` is due on 30 April of the next year."""
    return dt.date(year + 1, 4, 30)


def report_due(year: int, entry_into_force: dt.date | None = None) -> dt.date:
    """When the Article 7 report covering `year` is due: 30 April of the next year, or the initial report's due
    date when that is later (the year of entry into force, when the initial report is due after 30 April)."""
    due = annual_report_due(year)
    if entry_into_force is not None:
        due = max(due, initial_report_due(entry_into_force))
    return due


@dataclass(frozen=True)
class Obligation:
    """One report a State owes: what, for which calendar year, by when, under which article."""

    kind: ObligationKind
    basis: LegalBasis
    due: dt.date
    year: int | None = None  # the calendar year covered (None: the initial report covers entry into force)

    def late(self, day: dt.date) -> bool:
        """Late on `day` (see the module's rule)."""
        return late(self.due, day)


@dataclass(frozen=True)
class Obligations:
    """Every report a State owed or owes, in due order, as known on the as-of date.

    Obligations that would fall due on or after a withdrawal took effect are not there; `withdrawn` says that
    the others are history only: no request is made for them."""

    items: tuple[Obligation, ...]
    as_of: dt.date
    withdrawn: dt.date | None = None

    def of_kind(self, kind: ObligationKind) -> list[Obligation]:
        return [item for item in self.items if item.kind == kind]

    @property
    def initial(self) -> Obligation | None:
        found = self.of_kind(ObligationKind.INITIAL_REPORT)
        return found[0] if found else None

    def report_for(self, year: int) -> Obligation | None:
        """The Article 7 report covering `year` (the annual update, or the initial report that covers it)."""
        for item in self.items:
            if item.year == year and item.kind in {ObligationKind.ANNUAL_REPORT, ObligationKind.INITIAL_REPORT}:
                return item
        return None

    def retention_report_for(self, year: int) -> Obligation | None:
        for item in self.of_kind(ObligationKind.RETENTION_REPORT):
            if item.year == year:
                return item
        return None

    def overdue(self) -> list[Obligation]:
        """Those late on the as-of date (all of them history once a withdrawal has taken effect)."""
        return [item for item in self.items if item.late(self.as_of)]

    def upcoming(self) -> list[Obligation]:
        """Those not yet late: due on the as-of date or later."""
        return [item for item in self.items if not item.late(self.as_of)]

    @property
    def requests_allowed(self) -> bool:
        """Something may be asked of the State: it has not withdrawn."""
        return self.withdrawn is None


def report_obligations(party: PartyTime, retained_years: list[int]) -> Obligations:
    """The reports a State owes from its party time: the initial report, an annual update for each calendar
    year at whose end it was a party, and a retention report for each of `retained_years`; each only when its
    due date falls in party time (before a withdrawal took effect). Reports covering years up to the as-of
    date's year are listed, those not yet late as upcoming."""
    start = party.start
    if start is None or start > party.as_of:
        return Obligations((), party.as_of, party.end)
    initial_due = initial_report_due(start)

    def owed(due: dt.date) -> bool:
        return party.end is None or due < party.end

    last_year = party.as_of.year if party.end is None else min(party.as_of.year, party.end.year)
    items: list[Obligation] = []
    initial_year: int | None = None
    for year in range(start.year, last_year + 1):
        if not _party_at_end_of(party, year):
            continue
        due = annual_report_due(year)
        if due <= initial_due:
            initial_year = year  # covered by the initial report
            continue
        if owed(due):
            items.append(Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, due, year))
    if owed(initial_due):
        items.append(Obligation(ObligationKind.INITIAL_REPORT, LegalBasis.ART_7_1, initial_due, initial_year))
    for year in sorted(set(retained_years)):
        due = annual_report_due(year)
        if _party_at_end_of(party, year) and owed(due) and year <= last_year:
            items.append(Obligation(ObligationKind.RETENTION_REPORT, LegalBasis.ART_3_8, due, year))
    items.sort(key=lambda item: (item.due, item.kind != ObligationKind.INITIAL_REPORT, item.kind))
    return Obligations(tuple(items), party.as_of, party.end)


def _party_at_end_of(party: PartyTime, year: int) -> bool:
    end = dt.date(year, 12, 31)
    return party.start is not None and party.start <= end and (party.end is None or end < party.end)


def retained_during(series: list[RetentionYear]) -> list[int]:
    """The years during which a State retained, acquired or transferred (Art. 3(8)): holdings at the end of the
    year, or of the year before, not known to be zero (an entry giving `held` with both parts null counts: the
    State is said to retain an unknown number), or an acquisition or transfer reported."""
    years: list[int] = []
    previous: RetentionYear | None = None
    for item in series:
        entry = item.entry
        holds = item.held is not None and not item.held_zero
        held_before = (
            previous is not None and previous.year == item.year - 1 and previous.held is not None and not previous.held_zero
        )
        moved = bool(entry.acquired and entry.acquired.positive) or any(
            (t.munitions or t.submunitions) for t in entry.transfers or []
        )
        if holds or held_before or moved:
            years.append(item.year)
        previous = item
    return years
