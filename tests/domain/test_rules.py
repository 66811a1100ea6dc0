"""Each rule of the domain layer stated once, at its boundary: tests written to kill the mutants that survived
the earlier tests (issue 15, point 5). Each names the rule it states; a wrong rule fails here."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.domain.balance import movements
from ccm_stockpile.domain.party import PartyTime, add_years, report_due
from ccm_stockpile.domain.series import _sum_of_rows
from ccm_stockpile.domain.treaty import destruction_deadline, still_held
from ccm_stockpile.records.state import RetentionEntry, StateRecord, Stockpile, TypeRow
from ccm_stockpile.records.types import Quantity
from tests.conftest import make_state

WITHDRAWN = make_state(
    status="withdrawn", entry_into_force="2011-09-01", withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"}
)


def stockpile(**fields) -> Stockpile:
    return Stockpile.model_validate({"status": "held", "sources": [{"url": "https://example.org"}], **fields})


# domain/treaty.py ---------------------------------------------------------------------------------------


def test_the_deadline_is_that_of_the_latest_extension_granted_by_the_day():
    """Two extensions granted: the later one is in force (the earlier one would make T201 fire early), and an
    extension granted after the as-of date is not yet known."""
    held = stockpile(
        deadline="2018-08-01",
        extensions=[
            {"granted": "2019-09", "meeting": "9MSP", "new_deadline": "2023-08-01"},
            {"granted": "2017-09", "meeting": "7MSP", "new_deadline": "2020-08-01"},
        ],
    )
    later = destruction_deadline(held, dt.date(2010, 8, 1), dt.date(2021, 1, 1))
    assert later is not None
    assert (later.day, later.basis) == (dt.date(2023, 8, 1), "extension granted 2019-09 (9MSP)")
    between = destruction_deadline(held, dt.date(2010, 8, 1), dt.date(2018, 1, 1))
    assert between is not None
    assert between.day == dt.date(2020, 8, 1)
    before = destruction_deadline(held, dt.date(2010, 8, 1), dt.date(2017, 1, 1))
    assert before is not None
    assert (before.day, before.basis) == (dt.date(2018, 8, 1), "deadline recorded")


def test_without_extension_or_recorded_deadline_it_is_eight_years_after_entry_into_force():
    deadline = destruction_deadline(stockpile(), dt.date(2010, 8, 1), dt.date(2012, 1, 1))
    assert deadline is not None
    assert (deadline.day, deadline.basis) == (dt.date(2018, 8, 1), "entry into force + 8 years")
    assert destruction_deadline(stockpile(), None, dt.date(2012, 1, 1)) is None


def test_a_stockpile_awaits_destruction_until_its_completion_is_known():
    assert still_held(stockpile(), dt.date(2020, 1, 1))
    # (how a partial date such as `2019-06` resolves is the one rule of issue 15, point 1, tested there)
    done = Stockpile.model_validate({"status": "destroyed", "completed": "2019-06-20", "sources": [{"url": "https://x.org"}]})
    assert still_held(done, dt.date(2019, 6, 19))
    assert not still_held(done, dt.date(2019, 6, 20))
    assert not still_held(Stockpile.model_validate({"status": "destroyed"}), dt.date(2019, 6, 30))
    assert not still_held(Stockpile.model_validate({"status": "never_held"}), dt.date(2019, 6, 30))


# domain/party.py ----------------------------------------------------------------------------------------


def test_party_time_ends_on_the_day_the_withdrawal_takes_effect():
    party = PartyTime(StateRecord.model_validate(WITHDRAWN), dt.date(2025, 6, 1))
    assert party.end == dt.date(2025, 3, 6)
    assert party.contains(dt.date(2025, 3, 5))
    assert not party.contains(dt.date(2025, 3, 6))
    assert party.contains(dt.date(2011, 9, 1))
    assert not party.contains(dt.date(2011, 8, 31))


def test_party_time_never_runs_past_the_as_of_date():
    party = PartyTime(StateRecord.model_validate(make_state()), dt.date(2025, 6, 1))
    assert party.contains(dt.date(2025, 6, 1))
    assert not party.contains(dt.date(2025, 6, 2))
    assert party.ever_party
    assert not PartyTime(StateRecord.model_validate(make_state()), dt.date(2010, 7, 31)).ever_party
    assert PartyTime(StateRecord.model_validate(make_state()), dt.date(2010, 8, 1)).ever_party


def test_a_withdrawal_known_only_after_the_as_of_date_has_not_ended_party_time():
    assert PartyTime(StateRecord.model_validate(WITHDRAWN), dt.date(2025, 3, 5)).end is None
    assert PartyTime(StateRecord.model_validate(WITHDRAWN), dt.date(2025, 3, 6)).end == dt.date(2025, 3, 6)


def test_a_year_counts_only_if_its_report_fell_due_before_the_withdrawal_took_effect():
    record = make_state(status="withdrawn", withdrawal={"notified": "2024-10-30", "effective": "2025-04-30"})
    party = PartyTime(StateRecord.model_validate(record), dt.date(2025, 6, 1))
    assert not party.year_counts(2024)  # due on 30 April 2025, the day it left
    assert party.year_counts(2023)
    later = make_state(status="withdrawn", withdrawal={"notified": "2024-11-01", "effective": "2025-05-01"})
    assert PartyTime(StateRecord.model_validate(later), dt.date(2025, 6, 1)).year_counts(2024)


def test_report_due_and_add_years():
    assert report_due(2024) == dt.date(2025, 4, 30)
    assert add_years(dt.date(2010, 8, 1), 8) == dt.date(2018, 8, 1)
    assert add_years(dt.date(2012, 2, 29), 1) == dt.date(2013, 2, 28)


# domain/balance.py --------------------------------------------------------------------------------------


def entry(**fields) -> RetentionEntry:
    return RetentionEntry.model_validate({"year": 2020, "report": "reported", "sources": [{"url": "https://x.org"}], **fields})


def test_a_transfer_of_unknown_size_leaves_the_years_transfers_unknown_never_zero():
    known = {"direction": "out", "counterpart": "DEU", "munitions": 4, "submunitions": 40}
    unknown = {"direction": "out", "counterpart": "FRA", "munitions": None, "submunitions": 7}
    incoming = {"direction": "in", "counterpart": "ITA", "munitions": 1, "submunitions": 2}
    moved = entry(transfers=[known, unknown, incoming])
    assert movements(moved, "munitions")["transferred out"] is None
    assert movements(moved, "submunitions")["transferred out"] == 47
    assert movements(moved, "munitions")["transferred in"] == 1
    assert movements(entry(transfers=[]), "munitions")["transferred out"] == 0
    assert movements(entry(), "munitions")["transferred out"] is None  # not recorded: not known


def test_movements_read_each_term_of_the_part_asked():
    moved = entry(
        consumed={"munitions": 1, "submunitions": 10},
        destroyed={"munitions": 2, "submunitions": 20},
        acquired={"munitions": 3, "submunitions": 30},
    )
    assert movements(moved, "submunitions") == {
        "consumed": 10,
        "destroyed": 20,
        "transferred out": None,
        "acquired": 30,
        "transferred in": None,
    }
    approximate = entry(consumed={"munitions": 100, "submunitions": 5, "approximate": ["munitions"]})
    assert movements(approximate, "munitions")["consumed"] is None  # a rounded figure is not exact
    assert movements(approximate, "submunitions")["consumed"] == 5


# domain/series.py ---------------------------------------------------------------------------------------


def test_by_type_rows_add_up_part_by_part():
    rows = [TypeRow(type="M42", munitions=1, submunitions=10), TypeRow(type="M46", munitions=2, submunitions=200)]
    assert _sum_of_rows(rows) == Quantity(munitions=3, submunitions=210)
    assert _sum_of_rows([]) is None
    assert _sum_of_rows([*rows, TypeRow(type="M77", munitions=None, submunitions=5)]) is None
    assert _sum_of_rows([*rows, TypeRow(type="M77", munitions=5, submunitions=None)]) is None
