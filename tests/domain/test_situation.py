"""Each State's retention situation, one rule per fixture folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.situation import Conflict, EndedHow, Situation
from ccm_stockpile.domain.view import StateView, state_views
from tests.conftest import AS_OF, SOURCE, entry, make_state

UNKNOWN = {"munitions": None, "submunitions": None}


def view(write_state, data_dir: Path, retention: list[dict[str, Any]], **overrides: Any) -> StateView:
    write_state(make_state(retention=retention, **overrides))
    [found] = state_views(load(data_dir, str(data_dir)), AS_OF)
    return found


def test_retains_with_the_year_of_the_latest_figure(write_state, data_dir):
    found = view(write_state, data_dir, [entry(2016, 5, 578), entry(2017, 5, 500), {"year": 2018, "report": "not_submitted"}])
    situation = found.situation
    assert situation.kind == Situation.RETAINS
    assert situation.latest is not None
    assert situation.latest.year == 2017
    assert situation.latest.held.submunitions == 500
    assert situation.sources == tuple(found.record.retention[1].sources)
    assert situation.describe() == "retains: 5 munitions / 500 submunitions at the end of 2017"
    assert found.situation is situation, "computed once per view"


@pytest.mark.parametrize(
    ("movements", "how"),
    [
        ({}, (EndedHow.NOT_EXPLAINED,)),
        ({"consumed": {"munitions": 5, "submunitions": 578}}, (EndedHow.CONSUMED,)),
        ({"destroyed": {"munitions": 5, "submunitions": 578}}, (EndedHow.DESTROYED,)),
        (
            {"transfers": [{"direction": "out", "counterpart": "FRA", "munitions": 5, "submunitions": 578}]},
            (EndedHow.TRANSFERRED,),
        ),
    ],
)
def test_ended_says_how(write_state, data_dir, movements, how):
    situation = view(
        write_state, data_dir, [entry(2016, 5, 578), entry(2017, 0, 0, by_type=[], **movements), entry(2018, 0, 0, by_type=[])]
    ).situation
    assert situation.kind == Situation.ENDED
    assert situation.ended_in == 2017
    assert situation.latest is not None
    assert situation.latest.year == 2018
    assert situation.ended_how == how


def test_never_held_stockpile_that_acquired_for_training_is_ended(write_state, data_dir):
    # Australia: never held a stockpile, acquired munitions for training in 2014, none from 2015.
    retention = [entry(2013, 0, 0, by_type=[]), entry(2014, 2, 276), entry(2015, 0, 0, by_type=[])]
    situation = view(write_state, data_dir, retention, stockpile={"status": "never_held"}).situation
    assert situation.kind == Situation.ENDED


def test_unknown_when_said_to_retain_with_no_figure(write_state, data_dir):
    retention = [{"year": 2012, "report": "reported"}, {"year": 2023, "report": "unknown", "held": UNKNOWN, "sources": SOURCE}]
    situation = view(write_state, data_dir, retention).situation
    assert situation.kind == Situation.UNKNOWN
    assert situation.said_to_retain == (2023,)
    assert situation.latest is None


def test_none_when_no_holding_was_ever_above_zero(write_state, data_dir):
    # Peru: zero, then entries with no figure that no source reads as retaining.
    retention = [entry(2014, 0, 0, by_type=[]), {"year": 2016, "report": "reported", "held": UNKNOWN, "sources": SOURCE}]
    situation = view(write_state, data_dir, retention).situation
    assert situation.kind == Situation.NONE
    assert situation.conflict is None
    assert situation.latest is not None
    assert situation.latest.year == 2014


def test_none_without_entries(write_state, data_dir):
    assert view(write_state, data_dir, []).situation.kind == Situation.NONE


def test_a_later_source_that_still_counts_the_state_as_retaining_is_a_conflict(write_state, data_dir):
    # The Netherlands: zero at the end of 2020; the 2024 work plan still lists it as retaining.
    later = {"year": 2023, "report": "unknown", "held": UNKNOWN, "omitted": ["planned_use", "actual_use"], "sources": SOURCE}
    situation = view(write_state, data_dir, [entry(2015, 274, 23901), entry(2020, 0, 0, by_type=[]), later]).situation
    assert situation.kind == Situation.ENDED
    assert situation.conflict == Conflict(
        2023,
        "a source counts the State as retaining (no quantity) after 0 munitions / 0 submunitions at the end of 2020",
        tuple(situation.conflict.sources) if situation.conflict else (),
    )
    assert situation.describe().endswith(
        "; conflict: 2023: a source counts the State as retaining (no quantity) after 0 munitions / 0 submunitions "
        "at the end of 2020"
    )


def test_the_situation_is_as_of_the_date(write_state, data_dir):
    write_state(make_state(retention=[entry(2016, 5, 578), entry(2017, 0, 0, by_type=[], submitted="2018-03-01")]))
    dataset = load(data_dir, str(data_dir))
    [before] = state_views(dataset, dt.date(2018, 2, 1))
    [after] = state_views(dataset, dt.date(2018, 4, 1))
    assert (before.situation.kind, after.situation.kind) == (Situation.RETAINS, Situation.ENDED)
