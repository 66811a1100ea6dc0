"""The database's queries and the cost comparison: roles, filters, unit costs derived only where the data allows,
and amounts converted only with a sourced rate, otherwise stated as given."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.domain.practices import (
    Basis,
    Money,
    Role,
    completed_without_practice,
    cost_rows,
    practices_for,
    select,
)
from ccm_stockpile.records.practice import Method, PracticeRecord
from ccm_stockpile.records.settings import Comparison
from ccm_stockpile.records.state import StateRecord
from tests.conftest import make_practice, make_state

SOURCE = {"url": "https://example.org/rate", "quote": "1 GBP = 1.2 EUR"}


def practice(**overrides) -> PracticeRecord:
    return PracticeRecord.model_validate(make_practice(**overrides))


def test_a_practice_concerns_a_state_as_owner_host_or_assistant():
    record = practice(
        id="gbr-abroad",
        states=["GBR"],
        transfers=[{"origin": "GBR", "destination": "DEU"}],
        assistance=[{"state": "NOR", "sources": [SOURCE]}],
    )
    assert [link.roles for link in practices_for([record], "GBR")] == [(Role.STOCKPILE,)]
    assert [link.roles for link in practices_for([record], "deu")] == [(Role.HOST,)]
    assert [link.roles for link in practices_for([record], "NOR")] == [(Role.ASSISTANCE,)]
    assert practices_for([record], "FRA") == []


def test_a_states_own_practices_come_first():
    hosted = practice(id="aaa-hosted", states=["GBR"], transfers=[{"origin": "GBR", "destination": "DEU"}])
    own = practice(id="zzz-own", states=["DEU"])
    assert [link.id for link in practices_for([hosted, own], "DEU")] == ["zzz-own", "aaa-hosted"]


def test_select_by_main_or_other_method_and_by_state_in_any_role():
    recycled = practice(id="a", method="disassembly_recycling", other_methods=["incineration"], states=["DEU"])
    detonated = practice(
        id="b", method="contained_detonation", states=["NOR"], transfers=[{"origin": "NOR", "destination": "SWE"}]
    )
    unknown = practice(id="c", method=None, states=["BGR"])
    everything = [recycled, detonated, unknown]
    assert [r.id for r in select(everything, Method.INCINERATION)] == ["a"]
    assert [r.id for r in select(everything, Method.CONTAINED_DETONATION)] == ["b"]
    assert [r.id for r in select(everything, Method.CRYOFRACTURE)] == []
    assert [r.id for r in select(everything, state="swe")] == ["b"]
    assert [r.id for r in select(everything)] == ["a", "b", "c"]


def test_costs_are_stated_as_given_when_no_comparison_is_set():
    (row,) = cost_rows(
        [
            practice(
                quantity={"munitions": 100, "tonnes": 50},
                costs=[{"amount": 5000, "currency": "EUR", "year": 2009, "whole_quantity": True}],
            )
        ]
    )
    assert row.basis == Basis.AS_GIVEN
    assert row.reason == "no comparison currency and year are set (settings.yaml: comparison)"
    assert row.shown == row.given == Money(5000, None, False, "EUR", 2009)
    assert row.per_munition == Money(50, None, False, "EUR", 2009)
    assert row.per_tonne == Money(100, None, False, "EUR", 2009)
    assert row.per_submunition is None
    assert row.derived


def test_a_cost_is_converted_only_with_a_sourced_rate_for_its_currency_and_year():
    comparison = Comparison.model_validate(
        {"currency": "EUR", "year": 2015, "rates": [{"currency": "GBP", "year": 2013, "factor": 1.25, "source": SOURCE}]}
    )
    rows = cost_rows(
        [
            practice(
                id="x",
                quantity={"munitions": 10},
                costs=[
                    {"amount": 1000, "currency": "GBP", "year": 2013, "whole_quantity": True},
                    {"amount": 1000, "currency": "GBP", "year": 2008, "whole_quantity": True},
                    {"amount": 1000, "currency": "EUR", "year": 2015, "whole_quantity": True},
                    {"amount": 1000, "currency": "EUR"},
                ],
            )
        ],
        comparison,
    )
    assert [(row.basis, row.reason) for row in rows] == [
        (Basis.CONVERTED, "converted to EUR 2015"),
        (Basis.AS_GIVEN, "no sourced rate from GBP 2008 to EUR 2015"),
        (Basis.SAME, "already in EUR 2015"),
        (Basis.AS_GIVEN, "the currency or price year is not known"),
    ]
    assert rows[0].shown == Money(1250, None, False, "EUR", 2015)
    assert rows[0].per_munition == Money(125, None, False, "EUR", 2015)
    assert rows[0].rate is not None
    assert rows[0].rate.source.url == "https://example.org/rate"
    assert rows[1].shown == Money(1000, None, False, "GBP", 2008)
    assert rows[1].per_munition == Money(100, None, False, "GBP", 2008)


def test_a_unit_cost_is_derived_only_from_a_total_for_the_whole_quantity():
    rows = cost_rows(
        [
            practice(
                quantity={"munitions": 10, "submunitions": 1000, "approximate": ["submunitions"]},
                costs=[
                    {"amount": 1000, "currency": "EUR", "year": 2014, "kind": "investment"},
                    {"amount": 30, "up_to": 40, "currency": "EUR", "year": 2014, "whole_quantity": True, "approximate": False},
                    {"amount": 7, "currency": "EUR", "year": 2014, "per": "tonne"},
                ],
            )
        ]
    )
    investment, estimate, per_tonne = rows
    assert (investment.per_munition, investment.per_submunition, investment.per_tonne) == (None, None, None)
    assert not investment.derived
    assert estimate.per_munition == Money(3, 4, False, "EUR", 2014)
    # A unit cost that rests on a rounded quantity is itself rounded.
    assert estimate.per_submunition == Money(0.03, 0.04, True, "EUR", 2014)
    assert per_tonne.per_tonne == Money(7, None, False, "EUR", 2014)
    assert not per_tonne.derived


def test_no_quantity_no_unit_cost():
    (row,) = cost_rows([practice(quantity=None)])
    assert (row.per_munition, row.per_submunition, row.per_tonne) == (None, None, None)


@pytest.mark.parametrize(
    ("stockpile", "status", "selected"),
    [
        ({"status": "destroyed", "completed": "2015-10-31"}, "party", True),
        ({"status": "destroyed", "completed": "2025"}, "party", True),  # may fall before the date: not surely after
        ({"status": "destroyed", "completed": "2026-01"}, "party", False),  # after --as-of
        ({"status": "destroyed"}, "party", False),  # no completion date
        ({"status": "held"}, "party", False),
        ({"status": "destroyed", "completed": "2015"}, "signatory", False),
    ],
)
def test_completed_without_practice_selects_states_parties_that_completed_by_the_date(stockpile, status, selected):
    from ccm_stockpile.dataset import LoadedFile
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.io.locations import Locations
    from ccm_stockpile.records.settings import Settings

    fields = make_state(iso3="ITA", name="Italy", stockpile=stockpile, status=status)
    if status == "signatory":
        fields.update(consent=None, entry_into_force=None)
    record = StateRecord.model_validate(fields)
    view = StateView(LoadedFile(None, "ita.yaml", record, {}, Locations()), dt.date(2025, 6, 1), Settings())  # type: ignore[arg-type]
    assert bool(completed_without_practice([view], [])) == selected
    if selected:
        assert completed_without_practice([view], [practice(states=["ITA"])]) == []
        # a practice it only hosted does not count as its own
        hosted = practice(states=["BEL"], transfers=[{"origin": "BEL", "destination": "ITA"}])
        assert completed_without_practice([view], [hosted]) == [view]
