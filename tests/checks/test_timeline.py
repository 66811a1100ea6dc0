"""Treaty time: Article 17, party time and due dates."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.checks.timeline import PartyTime, article17_entry_into_force, latest_due_year
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
    ("as_of", "year"), [(dt.date(2025, 4, 29), 2023), (dt.date(2025, 4, 30), 2024), (dt.date(2025, 12, 31), 2024)]
)
def test_latest_due_year(as_of, year):
    assert latest_due_year(as_of) == year


def test_party_time_ends_when_withdrawal_takes_effect_and_only_once_known():
    record = StateRecord.model_validate(make_state(
        status="withdrawn", entry_into_force="2011-09-01",
        withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"}))
    after = PartyTime(record, dt.date(2025, 6, 1))
    assert after.report_is_due(2023) and not after.report_is_due(2024)
    assert after.last_year_due() == 2023
    before = PartyTime(record, dt.date(2025, 2, 1))
    assert before.end is None and before.last_year_due() == 2023


def test_a_report_is_due_only_when_its_due_date_falls_in_party_time():
    # Vanuatu: in force 1 March 2026. SPEC §4: a report falls due when 30 April of the next year is in party time.
    record = StateRecord.model_validate(make_state(entry_into_force="2026-03-01",
                                                   consent={"date": "2025-09-05", "type": "accession"}, signed=None))
    assert PartyTime(record, dt.date(2026, 2, 1)).last_year_due() is None
    assert PartyTime(record, dt.date(2026, 4, 29)).last_year_due() is None
    assert PartyTime(record, dt.date(2026, 11, 27)).last_year_due() == 2025
