"""Every shipped data file is a test case: it validates, it is sourced, and its dates match the UNTC table."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.checks import run_checks
from ccm_stockpile.dataset import load
from scripts.import_treaty_dates import reference_rows
from tests.conftest import PROJECT, SHARED

DATA = PROJECT / "data"
REFERENCE = SHARED / "reference" / "ccm-reference.md"


@pytest.fixture(scope="module")
def dataset():
    return load(DATA, "data")


def test_there_is_a_file_for_each_of_the_125_states(dataset):
    states = [s.record for s in dataset.valid_states()]
    assert len(list((DATA / "states").glob("*.yaml"))) == 125
    counts = {status: sum(r.status.value == status for r in states) for status in ("party", "signatory", "withdrawn")}
    assert counts == {"party": 112, "signatory": 12, "withdrawn": 1}


def test_shipped_data_has_no_error_level_finding(dataset):
    errors = [f for f in run_checks(dataset, dt.date(2025, 6, 1)) if f.severity.value == "error"]
    assert errors == []


def test_every_file_starts_with_its_schema_line():
    for path in sorted((DATA / "states").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/state.schema.json", path.name


def test_every_figure_and_every_stockpile_fact_carries_a_source(dataset):
    for loaded in dataset.valid_states():
        record = loaded.record
        assert record.sources, f"{loaded.display}: treaty dates without a source"
        stockpile = record.stockpile
        if stockpile and (stockpile.declared or stockpile.destroyed or stockpile.completed or stockpile.status.value
                          == "never_held"):
            assert stockpile.sources, f"{loaded.display}: stockpile facts without a source"
        for item in record.retention:
            if item.has_figures():
                assert item.sources, f"{loaded.display}: retention {item.year} without a source"


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/reference is not beside the project")
def test_every_date_matches_the_reference_table(dataset):
    rows = list(reference_rows(REFERENCE))
    assert len(rows) == 125
    for section, _, iso3, cells in rows:
        record = dataset.state(iso3).record
        assert record.status.value == section, iso3
        signed = None if cells[0] in {"—", ""} else cells[0]
        assert (str(record.signed) if record.signed else None) == signed, iso3
        if section == "signatory":
            assert record.consent is None and record.entry_into_force is None, iso3
            continue
        assert str(record.consent.date) == cells[1], iso3
        assert str(record.entry_into_force) == cells[2], iso3
    lithuania = dataset.state("LTU").record
    assert (str(lithuania.withdrawal.notified), str(lithuania.withdrawal.effective)) == ("2024-09-06", "2025-03-06")
