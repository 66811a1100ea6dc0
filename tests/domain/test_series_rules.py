"""The year series, the balance of two years, party time and treaty facts, each rule at its boundary
(issue 15, point 5: tests written against the mutants that survived `tests/domain` and `tests/checks`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ccm_stockpile.checks import contexts
from ccm_stockpile.dataset import load
from ccm_stockpile.domain.balance import PartChange, compare
from ccm_stockpile.domain.party import PartyTime, entry_into_force
from ccm_stockpile.domain.series import build_series, first_entry_per_year
from ccm_stockpile.domain.treaty import Deadline, TreatyFacts, destruction_deadline, treaty_facts
from ccm_stockpile.domain.view import state_views
from ccm_stockpile.records.state import StateRecord, Stockpile
from ccm_stockpile.records.types import Quantity
from tests.conftest import SOURCE, entry, make_state

AS_OF = dt.date(2025, 6, 1)


def record(retention: list[dict[str, Any]], **overrides: Any) -> StateRecord:
    return StateRecord.model_validate(make_state(retention=retention, **overrides))


def series(retention: list[dict[str, Any]], **overrides: Any):
    state = record(retention, **overrides)
    return build_series(state, PartyTime(state, AS_OF), AS_OF)


def unchanged(year: int, **fields: Any) -> dict[str, Any]:
    return {"year": year, "report": "unchanged", "sources": SOURCE, **fields}


def q(munitions: int | None, submunitions: int | None) -> Quantity:
    return Quantity(munitions=munitions, submunitions=submunitions)


# domain/series.py ---------------------------------------------------------------------------------------


def test_the_first_entry_of_each_year_in_year_order_with_its_place_in_the_file():
    state = record([entry(2024, 1, 1), entry(2022, 3, 3), entry(2023, 2, 2), entry(2022, 9, 9)])
    assert [(index, item.year) for index, item in first_entry_per_year(state)] == [(1, 2022), (2, 2023), (0, 2024)]


def test_a_year_before_party_time_is_left_out_and_the_years_after_it_kept():
    assert [item.year for item in series([entry(2009, 5, 50), entry(2010, 5, 50), entry(2011, 5, 50)])] == [2010, 2011]


def test_a_report_submitted_after_the_day_is_left_out_and_the_years_after_it_kept():
    late = entry(2023, 5, 50, submitted="2025-07-01")
    assert [item.year for item in series([late, entry(2024, 5, 50, submitted="2025-04-01")])] == [2024]


def test_state_views_carry_the_datasets_settings(write_state, data_dir):
    write_state(make_state())
    dataset = load(data_dir, str(data_dir))
    (view,) = state_views(dataset, AS_OF)
    assert view.settings is dataset.settings


def test_a_first_report_of_no_change_has_nothing_to_carry():
    (item,) = series([unchanged(2024)])
    assert (item.held, item.by_type, item.planned_use, item.actual_use, item.held_carried) == (None, [], None, None, False)


def test_a_report_of_no_change_carries_holdings_types_and_uses_and_says_so():
    first, second = series([entry(2023, 5, 50), unchanged(2024)])
    assert (second.held, second.held_carried, second.planned_use, second.actual_use) == (q(5, 50), True, "training", "training")
    assert second.by_type == first.by_type
    assert first.held_carried is False


def test_a_report_of_no_change_keeps_what_it_gives_itself():
    _, second = series([entry(2023, 5, 50), unchanged(2024, planned_use="research", actual_use="none this year")])
    assert (second.planned_use, second.actual_use) == ("research", "none this year")


def test_only_a_known_figure_is_carried():
    """An entry of unknown holdings between a figure and a report of no change: the figure is carried."""
    unknown = {"year": 2023, "report": "unknown", "held": {"munitions": None, "submunitions": None}, "sources": SOURCE}
    items = series([entry(2022, 5, 50), unknown, unchanged(2024)])
    assert [(item.year, item.held, item.held_carried) for item in items] == [
        (2022, q(5, 50), False),
        (2023, q(None, None), False),
        (2024, q(5, 50), True),
    ]


def test_complete_type_rows_give_the_holdings_a_year_leaves_out():
    rows = [{"type": "M42", "munitions": 2, "submunitions": 20}, {"type": "M46", "munitions": 3, "submunitions": 30}]
    no_total = {"year": 2024, "report": "reported", "by_type": rows, "sources": SOURCE}
    (item,) = series([no_total])
    assert item.held == q(5, 50)
    unknown_total = no_total | {"held": {"munitions": None, "submunitions": None}}
    assert series([unknown_total])[0].held == q(5, 50)
    given = no_total | {"held": {"munitions": 6, "submunitions": 60}}
    assert series([given])[0].held == q(6, 60), "a total the report gives is never replaced by the rows"


# domain/balance.py --------------------------------------------------------------------------------------


def test_a_part_unknown_in_one_year_leaves_the_other_part_compared():
    first, second = series([entry(2023, None, 500, held={"munitions": None, "submunitions": 500}), entry(2024, 10, 400)])
    assert compare(first, second) == [
        PartChange(
            "submunitions", 500, 400, 0, ("consumed", "destroyed", "transferred out"), ("acquired", "transferred in"), gap=False
        )
    ]


def test_across_a_gap_no_movement_is_counted_or_asked_for():
    first, second = series([entry(2021, 10, 500), entry(2023, 10, 400)])
    assert compare(first, second) == [
        PartChange("munitions", 10, 10, 0, (), (), gap=True),
        PartChange("submunitions", 500, 400, 0, (), (), gap=True),
    ]


# domain/party.py and domain/treaty.py -------------------------------------------------------------------


def test_entry_into_force_comes_from_article_17_when_the_record_does_not_give_it():
    derived = StateRecord.model_validate(
        make_state(signed=None, consent={"date": "2023-08-03", "type": "accession"}, entry_into_force=None)
    )
    assert entry_into_force(derived) == (dt.date(2024, 2, 1), "Article 17")
    assert entry_into_force(StateRecord.model_validate(make_state())) == (dt.date(2010, 8, 1), "given")
    signatory = StateRecord.model_validate(make_state(status="signatory", consent=None, entry_into_force=None))
    assert entry_into_force(signatory) == (None, None)


def test_an_extension_without_a_meeting_names_only_the_day_it_was_granted():
    held = Stockpile.model_validate(
        {"status": "held", "sources": SOURCE, "extensions": [{"granted": "2019-09", "new_deadline": "2023-08-01"}]}
    )
    assert destruction_deadline(held, dt.date(2010, 8, 1), AS_OF) == Deadline(dt.date(2023, 8, 1), "extension granted 2019-09")


def test_treaty_facts_of_a_withdrawn_state_without_a_stockpile_record():
    withdrawn = make_state(status="withdrawn", withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"})
    withdrawn.pop("stockpile", None)
    state = StateRecord.model_validate(withdrawn)
    assert treaty_facts(state, PartyTime(state, AS_OF)) == TreatyFacts(
        entry_into_force=dt.date(2010, 8, 1),
        entry_into_force_basis="given",
        withdrawal_effective=dt.date(2025, 3, 6),
        deadline=None,
        stockpile_awaits_destruction=False,
    )


# domain/view.py -----------------------------------------------------------------------------------------


def test_forget_drops_the_series_and_the_changes_and_keeps_the_latest_holdings(write_state, data_dir):
    write_state(make_state(retention=[entry(2023, 5, 50), entry(2024, 5, 50)]))
    (view,) = contexts(load(data_dir, str(data_dir)), AS_OF)
    first, second = view.series
    view.change(first, second)
    latest = view.latest_holding(2024)
    assert {"series", "_changes"} <= set(view.__dict__)
    view.forget()
    assert not {"series", "_changes"} & set(view.__dict__)
    assert view.latest_holding(2024) is latest
