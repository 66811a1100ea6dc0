"""Practices as the domain reads them (issue 15, point 5: tests written against surviving mutants)."""

from __future__ import annotations

import datetime as dt

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.practices import PracticeLink, Role, completed, practice_records, practices_for, state_party
from ccm_stockpile.domain.view import state_views
from tests.conftest import make_practice, make_state


def test_valid_practices_by_id_with_title_and_method(data_dir, write_state, write_practice):
    write_state(make_state())
    write_practice(make_practice(id="esp-second", title="Second"))
    write_practice(make_practice(id="esp-first", title="First", method="incineration"))
    write_practice("id: [broken\n", name="broken.yaml")
    records = practice_records(load(data_dir, str(data_dir)))
    assert [record.id for record in records] == ["esp-first", "esp-second"]
    assert practices_for(records, "esp") == [
        PracticeLink("esp-first", "First", records[0].method, (Role.STOCKPILE,)),
        PracticeLink("esp-second", "Second", records[1].method, (Role.STOCKPILE,)),
    ]
    assert records[0].method != records[1].method


def views(data_dir, as_of):
    return {view.record.iso3: view for view in state_views(load(data_dir, str(data_dir)), as_of)}


def test_completed_needs_a_destroyed_stockpile_with_a_completion_known_by_the_day(data_dir, write_state):
    no_stockpile = make_state(iso3="ITA", name="Italy")
    no_stockpile.pop("stockpile", None)
    write_state(no_stockpile)
    write_state(make_state(stockpile={"status": "destroyed", "completed": "2015-06-01", "sources": [{"url": "https://x.org"}]}))
    found = views(data_dir, dt.date(2025, 6, 1))
    assert (completed(found["ITA"]), completed(found["ESP"])) == (False, True)
    assert not completed(views(data_dir, dt.date(2015, 5, 31))["ESP"])


def test_a_state_party_is_bound_on_the_day_and_not_withdrawn(data_dir, write_state):
    late = {"signed": None, "consent": {"date": "2023-08-03", "type": "accession"}, "entry_into_force": "2024-02-01"}
    write_state(make_state(**late))
    assert not state_party(views(data_dir, dt.date(2024, 1, 31))["ESP"])
    assert state_party(views(data_dir, dt.date(2024, 2, 1))["ESP"])
