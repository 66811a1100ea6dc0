"""What a State owes: the initial report, annual updates, retention reports, and the one due/late rule."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.domain.obligations import (
    LegalBasis,
    Obligation,
    ObligationKind,
    in_time,
    late,
    report_due,
    report_obligations,
)
from ccm_stockpile.domain.party import PartyTime
from ccm_stockpile.records.state import StateRecord
from ccm_stockpile.records.types import PartialDate
from tests.conftest import make_state


def test_the_due_day_is_in_time_and_the_next_day_is_late():
    due = dt.date(2025, 4, 30)
    assert not late(due, dt.date(2025, 4, 29))
    assert not late(due, due)
    assert late(due, dt.date(2025, 5, 1))


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("2025-04-30", True),
        ("2025-05-01", False),
        ("2025-04", True),  # a partial date counts from its first day: the doubt goes to the State
        ("2025-05", False),
        ("2025", True),
        ("2026", False),
    ],
)
def test_in_time_with_partial_dates(done, expected):
    assert in_time(PartialDate(done), dt.date(2025, 4, 30)) == expected


def test_legal_bases_have_stable_values():
    assert {basis.value for basis in LegalBasis} >= {"art-7-1", "art-7-2", "art-3-8", "art-3-6", "art-3-2", "art-20"}


@pytest.mark.parametrize(
    ("year", "entry_into_force", "due"),
    [
        (2015, None, dt.date(2016, 4, 30)),
        # In force 1 December 2015: the initial report is due 29 May 2016, not 30 April (Art. 7(1)).
        (2015, dt.date(2015, 12, 1), dt.date(2016, 5, 29)),
        (2016, dt.date(2015, 12, 1), dt.date(2017, 4, 30)),
        # In force 1 August 2010: the initial report is due 28 January 2011, before the 2010 update.
        (2010, dt.date(2010, 8, 1), dt.date(2011, 4, 30)),
    ],
)
def test_report_due(year, entry_into_force, due):
    assert report_due(year, entry_into_force) == due


def obligations(as_of: dt.date, retained: list[int] | None = None, **overrides):
    record = StateRecord.model_validate(make_state(**overrides))
    return report_obligations(PartyTime(record, as_of), retained or [])


def test_initial_report_covers_the_year_of_entry_into_force_when_due_after_30_april():
    found = obligations(
        dt.date(2017, 6, 1), consent={"date": "2015-06-05", "type": "ratification"}, entry_into_force="2015-12-01"
    )
    assert found.items == (
        Obligation(ObligationKind.INITIAL_REPORT, LegalBasis.ART_7_1, dt.date(2016, 5, 29), 2015),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2017, 4, 30), 2016),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2018, 4, 30), 2017),
    )
    assert found.report_for(2015) == found.initial
    assert [item.year for item in found.overdue()] == [2015, 2016]


def test_initial_report_and_annual_updates():
    found = obligations(dt.date(2012, 4, 30))
    assert found.items == (
        Obligation(ObligationKind.INITIAL_REPORT, LegalBasis.ART_7_1, dt.date(2011, 1, 28), None),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2011, 4, 30), 2010),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2012, 4, 30), 2011),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2013, 4, 30), 2012),
    )
    assert [item.year for item in found.upcoming()] == [2011, 2012], "the report due on the as-of date is in time"


def test_retention_report_for_each_year_retained_acquired_or_transferred():
    found = obligations(dt.date(2016, 6, 1), retained=[2014, 2015])
    retention = found.of_kind(ObligationKind.RETENTION_REPORT)
    assert retention == [
        Obligation(ObligationKind.RETENTION_REPORT, LegalBasis.ART_3_8, dt.date(2015, 4, 30), 2014),
        Obligation(ObligationKind.RETENTION_REPORT, LegalBasis.ART_3_8, dt.date(2016, 4, 30), 2015),
    ]
    assert found.retention_report_for(2015) == retention[1]


def test_withdrawal_ends_what_falls_due_after_it_takes_effect():
    found = obligations(
        dt.date(2026, 6, 1),
        retained=[2023, 2024],
        status="withdrawn",
        entry_into_force="2011-09-01",
        withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"},
    )
    assert found.withdrawn == dt.date(2025, 3, 6)
    assert not found.requests_allowed
    assert max(item.due for item in found.items) == dt.date(2024, 4, 30), "history before withdrawal stays"
    assert found.report_for(2024) is None
    assert found.retention_report_for(2024) is None
