"""The obligations model at its boundaries (issue 15, point 5: tests written against mutants of
`domain/obligations.py` that survived `tests/domain/test_obligations.py`)."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.domain.obligations import (
    LegalBasis,
    Obligation,
    ObligationKind,
    Obligations,
    in_time,
    report_obligations,
)
from ccm_stockpile.domain.party import PartyTime
from ccm_stockpile.records.state import StateRecord
from tests.conftest import make_state


def obligations(as_of: dt.date, retained: list[int] | None = None, **overrides) -> Obligations:
    record = StateRecord.model_validate(make_state(**overrides))
    return report_obligations(PartyTime(record, as_of), retained or [])


def test_nothing_is_owed_before_entry_into_force_or_without_one():
    assert obligations(dt.date(2010, 7, 31)) == Obligations((), dt.date(2010, 7, 31), None)
    signatory = obligations(dt.date(2025, 6, 1), status="signatory", consent=None, entry_into_force=None)
    assert signatory == Obligations((), dt.date(2025, 6, 1), None)


def test_no_retention_report_for_a_year_before_party_time():
    found = obligations(dt.date(2012, 6, 1), retained=[2009, 2010])
    assert found.of_kind(ObligationKind.RETENTION_REPORT) == [
        Obligation(ObligationKind.RETENTION_REPORT, LegalBasis.ART_3_8, dt.date(2011, 4, 30), 2010)
    ]


def test_a_plain_date_is_in_time_up_to_the_due_day():
    assert in_time(dt.date(2025, 4, 30), dt.date(2025, 4, 30))
    assert not in_time(dt.date(2025, 5, 1), dt.date(2025, 4, 30))


def test_on_the_day_of_entry_into_force_the_reports_are_listed_as_upcoming():
    assert obligations(dt.date(2010, 8, 1)).items == (
        Obligation(ObligationKind.INITIAL_REPORT, LegalBasis.ART_7_1, dt.date(2011, 1, 28), None),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2011, 4, 30), 2010),
    )


def test_an_initial_report_due_on_30_april_covers_the_year_and_comes_before_a_retention_report_due_that_day():
    """Entry into force on 2 November 2015: the initial report is due on 30 April 2016, the day the 2015 update
    would be due, so it covers 2015."""
    found = obligations(
        dt.date(2016, 6, 1),
        retained=[2015],
        consent={"date": "2015-05-05", "type": "ratification"},
        entry_into_force="2015-11-02",
    )
    assert found.items == (
        Obligation(ObligationKind.INITIAL_REPORT, LegalBasis.ART_7_1, dt.date(2016, 4, 30), 2015),
        Obligation(ObligationKind.RETENTION_REPORT, LegalBasis.ART_3_8, dt.date(2016, 4, 30), 2015),
        Obligation(ObligationKind.ANNUAL_REPORT, LegalBasis.ART_7_2, dt.date(2017, 4, 30), 2016),
    )


def test_entry_into_force_on_31_december_makes_a_party_at_the_end_of_that_year():
    found = obligations(
        dt.date(2016, 7, 1), consent={"date": "2015-07-01", "type": "ratification"}, entry_into_force="2015-12-31"
    )
    assert found.initial is not None
    assert found.initial.year == 2015


def test_a_report_due_on_the_day_a_withdrawal_takes_effect_is_not_owed():
    found = obligations(
        dt.date(2025, 6, 1),
        retained=[2024],
        status="withdrawn",
        withdrawal={"notified": "2024-10-30", "effective": "2025-04-30"},
    )
    assert (found.report_for(2024), found.retention_report_for(2024)) == (None, None)
    assert found.report_for(2023) is not None


def test_the_current_years_retention_report_is_listed_as_upcoming():
    found = obligations(dt.date(2025, 6, 1), retained=[2024, 2025])
    assert [item.year for item in found.of_kind(ObligationKind.RETENTION_REPORT)] == [2024, 2025]


def test_a_withdrawal_is_stated_even_when_no_entry_into_force_is_known():
    found = obligations(
        dt.date(2025, 6, 1),
        status="withdrawn",
        consent=None,
        entry_into_force=None,
        withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"},
    )
    assert found == Obligations((), dt.date(2025, 6, 1), dt.date(2025, 3, 6))
    assert not found.requests_allowed
