"""Treaty time: Article 17, party time, and the one rule for due years."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.domain.party import PartyTime, article17_entry_into_force, latest_due_year
from ccm_stockpile.records.state import StateRecord
from ccm_stockpile.records.types import PartialDate
from tests.conftest import make_state


@pytest.mark.parametrize(
    ("deposit", "expected"),
    [
        ("2008-12-03", dt.date(2010, 8, 1)),
        ("2010-02-16", dt.date(2010, 8, 1)),
        ("2010-03-01", dt.date(2010, 9, 1)),
        ("2011-07-31", dt.date(2012, 1, 1)),
        ("2025-09-05", dt.date(2026, 3, 1)),
        ("2025-09", dt.date(2026, 3, 1)),
        ("2025", None),
    ],
)
def test_article17(deposit, expected):
    assert article17_entry_into_force(PartialDate(deposit)) == expected


@pytest.mark.parametrize(
    ("as_of", "year"),
    [(dt.date(2025, 4, 29), 2023), (dt.date(2025, 4, 30), 2023), (dt.date(2025, 5, 1), 2024), (dt.date(2025, 12, 31), 2024)],
)
def test_latest_due_year(as_of, year):
    assert latest_due_year(as_of) == year


def test_party_time_ends_when_withdrawal_takes_effect_and_only_once_known():
    record = StateRecord.model_validate(
        make_state(
            status="withdrawn", entry_into_force="2011-09-01", withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"}
        )
    )
    after = PartyTime(record, dt.date(2025, 6, 1))
    assert after.year_is_due(2023)
    assert not after.year_is_due(2024)
    assert after.last_year_due() == 2023
    before = PartyTime(record, dt.date(2025, 2, 1))
    assert before.end is None
    assert before.last_year_due() == 2023


@pytest.mark.parametrize(
    ("entry_into_force", "as_of", "due"),
    [
        # Spain, in force 1 August 2010: a party at the end of 2010, so 2010 is due on 30 April 2011.
        ("2010-08-01", dt.date(2012, 1, 1), [2010]),
        # Bosnia and Herzegovina, in force 1 March 2011: not a party at the end of 2010, so 2010 is never due.
        ("2011-03-01", dt.date(2012, 5, 1), [2011]),
        # Vanuatu, in force 1 March 2026: nothing is due before 30 April 2027.
        ("2026-03-01", dt.date(2026, 11, 27), []),
        # "Not later than 30 April": that day is in time, late from 1 May.
        ("2026-03-01", dt.date(2027, 4, 30), []),
        ("2026-03-01", dt.date(2027, 5, 1), [2026]),
        # In force 1 December 2015: the report covering 2015 is the initial report, due 29 May 2016 (Art. 7(1)).
        ("2015-12-01", dt.date(2016, 5, 29), []),
        ("2015-12-01", dt.date(2016, 5, 30), [2015]),
    ],
)
def test_a_year_is_due_when_the_state_is_a_party_at_its_end_and_on_its_due_date(entry_into_force, as_of, due):
    record = StateRecord.model_validate(make_state(entry_into_force=entry_into_force))
    party = PartyTime(record, as_of)
    assert party.due_years() == due
    for year in due:
        assert party.year_counts(year), "a due year is always taken into account once recorded"


def test_party_time_comes_from_the_dates_not_the_status():
    record = StateRecord.model_validate(make_state(status="signatory"))  # E008 reports the disagreement
    assert PartyTime(record, dt.date(2025, 6, 1)).start == dt.date(2010, 8, 1)
    unbound = StateRecord.model_validate(make_state(status="signatory", consent=None, entry_into_force=None))
    assert PartyTime(unbound, dt.date(2025, 6, 1)).start is None


def test_a_partial_entry_into_force_counts_from_its_latest_day():
    record = StateRecord.model_validate(make_state(entry_into_force="2011-08"))
    party = PartyTime(record, dt.date(2025, 6, 1))
    assert (party.start, party.start_basis) == (dt.date(2011, 8, 31), "given")
