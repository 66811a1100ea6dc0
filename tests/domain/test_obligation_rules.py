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
