"""Each retention situation as the editor's outputs describe it, whole (issue 15, point 5: tests written
against the mutants of `domain/situation.py` that survived `tests/domain/test_situation.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.view import state_views
from tests.conftest import AS_OF, SOURCE, entry, make_state

UNKNOWN = {"year": 2018, "report": "unknown", "held": {"munitions": None, "submunitions": None}, "sources": SOURCE}
ZERO_2017: dict[str, Any] = {"by_type": [], "planned_use": None, "actual_use": None}
OUT = {"direction": "out", "counterpart": "NOR", "purpose": "destruction", "munitions": 5, "submunitions": None}
IN = {"direction": "in", "counterpart": "NOR", "munitions": 1, "submunitions": 1}
ENDED = (
    "ended in 2017 (from 5 munitions / 400 submunitions in 2016): {how}; latest figure 0 munitions / 0 submunitions "
    "at the end of 2017"
)


@pytest.mark.parametrize(
    ("retention", "described"),
    [
        ([entry(2016, 5, 578), entry(2017, 5, 500)], "retains: 5 munitions / 500 submunitions at the end of 2017"),
        (
            [entry(2016, 5, 400), entry(2017, 0, 0, transfers=[OUT], **ZERO_2017)],
            ENDED.format(how="transferred"),
        ),
        (
            [entry(2016, 5, 400, transfers=[OUT]), entry(2017, 0, 0, **ZERO_2017)],
            ENDED.format(how="not explained"),
        ),
        (
            [entry(2016, 5, 400), entry(2017, 0, 0, transfers=[IN], **ZERO_2017)],
            ENDED.format(how="not explained"),
        ),
        ([UNKNOWN | {"year": 2016}, UNKNOWN], "unknown: said to retain (2016, 2018), no quantity known"),
        (
            [entry(2016, 0, 0, **ZERO_2017), entry(2017, 0, 0, **ZERO_2017)],
            "none: no holding above zero known (latest figure: 0 munitions / 0 submunitions in 2017)",
        ),
    ],
    ids=["retains", "ended by a transfer out", "a transfer in the peak year", "a transfer in", "unknown", "none"],
)
def test_each_situation_described_with_its_evidence(write_state, data_dir, retention, described):
    write_state(make_state(retention=retention))
    [view] = state_views(load(data_dir, str(data_dir)), AS_OF)
    assert view.situation.describe() == described


def situation(write_state, data_dir, retention):
    write_state(make_state(retention=retention))
    [view] = state_views(load(data_dir, str(data_dir)), AS_OF)
    return view.situation


def test_no_entry_at_all_is_none_without_a_figure(write_state, data_dir):
    found = situation(write_state, data_dir, [])
    assert (found.kind.value, found.latest, found.describe()) == ("none", None, "none: no holding above zero known")


def test_a_partly_known_zero_after_holdings_is_unknown_with_both_figures(write_state, data_dir):
    partial = entry(2017, held={"munitions": 0, "submunitions": None}, **ZERO_2017)
    found = situation(write_state, data_dir, [entry(2016, 5, 400), partial])
    assert found.latest is not None
    assert found.peak is not None
    assert (found.kind.value, found.latest.year, found.peak.year, found.conflict) == ("unknown", 2017, 2016, None)
    assert found.describe() == "unknown: no quantity known"


def test_a_source_after_a_zero_that_still_counts_the_state_as_retaining_is_a_conflict_even_for_none(write_state, data_dir):
    said = UNKNOWN | {"year": 2017, "omitted": ["quantity"]}
    found = situation(write_state, data_dir, [entry(2016, 0, 0, **ZERO_2017), said])
    assert found.conflict is not None
    assert (found.kind.value, found.conflict.year) == ("none", 2017)
    assert found.describe() == (
        "none: no holding above zero known (latest figure: 0 munitions / 0 submunitions in 2016); conflict: 2017: a source "
        "counts the State as retaining (no quantity) after 0 munitions / 0 submunitions at the end of 2016"
    )


def test_retention_ends_in_the_first_zero_after_the_peak_not_an_earlier_one(write_state, data_dir):
    found = situation(
        write_state, data_dir, [entry(2014, 0, 0, **ZERO_2017), entry(2015, 5, 400), entry(2016, 0, 0, **ZERO_2017)]
    )
    assert found.peak is not None
    assert (found.kind.value, found.ended_in, found.peak.year) == ("ended", 2016, 2015)


def test_every_way_holdings_ended_is_named(write_state, data_dir):
    gone = entry(
        2017, 0, 0, consumed={"munitions": 1, "submunitions": 100}, destroyed={"munitions": 4, "submunitions": 300}, **ZERO_2017
    )
    found = situation(write_state, data_dir, [entry(2016, 5, 400), gone])
    assert found.describe() == ENDED.format(how="consumed, destroyed")
