"""A declared stockpile re-entered as destroyed is counted apart from figures published rounded (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.view import state_views
from ccm_stockpile.domain.working_document import working_document

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "provenance"


def test_a_stockpile_entered_as_destroyed_is_not_called_published_rounded():
    dataset = load(FIXTURE, "fixture")
    as_of = dt.date(2025, 6, 1)
    totals = working_document(dataset, state_views(dataset, as_of), [], as_of).totals
    assert (totals.munitions, totals.submunitions) == (1235, 299187)
    assert (totals.approximate_munitions, totals.approximate_submunitions) == (0, 0)
    assert (totals.as_declared_munitions, totals.as_declared_submunitions) == (1235, 299187)
    assert [record.iso3 for record in totals.as_declared_states] == ["SVK"]
