"""Every shipped data file is a test case. These assert invariants (valid, sourced, dated as the UN Treaty
Collection says, consistent), never today's content, so a correct data change never breaks CI."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from ccm_stockpile.checks import run_checks
from ccm_stockpile.dataset import load
from ccm_stockpile.findings import Addressee, Severity
from ccm_stockpile.records.state import StateStatus
from tests.conftest import PROJECT

UNTC_DATES = PROJECT / "tests" / "data" / "untc-treaty-dates.csv"


@pytest.fixture(scope="module")
def dataset(data_folder):
    """The shipped data, and the same with valid changes made (`conftest.data_folder`)."""
    return load(data_folder, "data")


def test_every_file_is_a_valid_record_and_nothing_is_left_for_the_editor_to_fix(dataset):
    """The gate's rule (`ccm check --fail-on editor`): an error addressed to a State (a report that does not
    reconcile, R101; a missed deadline, T201) is a true finding about faithful data, never a failed test."""
    assert dataset.unchecked() == []
    errors = [
        f for f in run_checks(dataset, dt.date(2025, 6, 1)) if f.severity == Severity.ERROR and f.addressee == Addressee.EDITOR
    ]
    assert errors == []


def test_one_file_per_state_named_after_its_code(dataset):
    codes = [loaded.record.iso3 for loaded in dataset.valid_states()]
    assert len(codes) == len(dataset.states)
    assert all(loaded.path.stem == loaded.record.iso3.lower() for loaded in dataset.valid_states())


def test_every_file_starts_with_its_schema_line(data_folder):
    for path in sorted((data_folder / "states").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/state.schema.json", path.name


def test_every_figure_and_every_stockpile_fact_carries_a_source(dataset):
    for loaded in dataset.valid_states():
        record = loaded.record
        assert record.sources, f"{loaded.display}: treaty dates without a source"
        stockpile = record.stockpile
        facts = stockpile and (
            stockpile.declared
            or stockpile.destroyed
            or stockpile.completed
            or stockpile.status.value in {"never_held", "held", "retained"}
        )
        if facts:
            assert stockpile.sources, f"{loaded.display}: stockpile facts without a source"
        for item in record.retention:
            if item.has_figures() or item.omitted:
                assert item.sources, f"{loaded.display}: retention {item.year} without a source"
        for engagement in record.engagements:
            assert engagement.sources, f"{loaded.display}: engagement of {engagement.date} without a source"


def test_every_date_matches_the_un_treaty_collection(dataset):
    with UNTC_DATES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    # States the table does not list (a new accession) are not checked here, and the table may list a state
    # whose file is not there yet: the table is a snapshot of the UN Treaty Collection, the data moves on.
    assert rows
    for row in rows:
        loaded = dataset.state(row["iso3"])
        if loaded is None:
            continue
        record = loaded.record
        assert record.status.value == row["status"], row["iso3"]
        assert (str(record.signed) if record.signed else "") == row["signed"], row["iso3"]
        assert (str(record.consent.date) if record.consent else "") == row["consent"], row["iso3"]
        assert (str(record.entry_into_force) if record.entry_into_force else "") == row["entry_into_force"], row["iso3"]


def test_withdrawn_states_record_their_withdrawal(dataset):
    for loaded in dataset.valid_states():
        record = loaded.record
        assert (record.status == StateStatus.WITHDRAWN) == (record.withdrawal is not None), record.iso3


def test_every_file_is_in_canonical_form(data_folder):
    from ccm_stockpile.cli.fmt import record_files
    from ccm_stockpile.io.canonical import format_text, model_for

    stale = []
    for path in record_files([data_folder]):
        text = path.read_text(encoding="utf-8")
        if format_text(text, model_for(path), str(path)) != text:
            stale.append(path.name)
    assert stale == [], "run `ccm fmt` and commit the result"


def test_every_source_block_names_its_document(dataset, request):
    """Issue 16: what a figure rests on (the document) is named apart from where it was read. The short form
    stays valid, so the changed copy (a valid change in the short form) is not held to it."""
    if request.node.callspec.params.get("data_folder") == "changed":
        pytest.skip("the short source form is valid in a change; only the shipped data name every document")
    from ccm_stockpile.domain.provenance import sources_in

    records = [loaded.record for loaded in dataset.valid_states() + dataset.valid_practices()]
    unnamed = [
        f"{record.iso3 if hasattr(record, 'iso3') else record.id}: {'.'.join(map(str, path))}"
        for record in records
        for path, source in sources_in(record)
        if source.document is None
    ]
    unnamed += ["settings: working_document.destroyed_total.source"] * (
        dataset.settings.working_document.destroyed_total is not None
        and dataset.settings.working_document.destroyed_total.source.document is None
    )
    assert unnamed == []


def test_the_working_document_cites_no_mirror_and_no_research_note(dataset):
    from ccm_stockpile.domain.provenance import MIRROR_HOSTS, sources_in
    from ccm_stockpile.domain.view import state_views
    from ccm_stockpile.domain.working_document import working_document
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.working_document import working_document_markdown

    as_of = dt.date(2025, 6, 1)
    findings = run_checks(dataset, as_of)
    document = working_document(dataset, state_views(dataset, as_of), findings, as_of)
    text = working_document_markdown(document, dataset.settings, Language.EN, [], "chart.svg")
    assert not [host for host in MIRROR_HOSTS if host in text]
    notes = {
        reading.note
        for loaded in dataset.valid_states()
        for _, source in sources_in(loaded.record)
        for reading in source.readings
        if reading.note
    }
    assert notes
    assert not [note for note in notes if note in text]
    keys = [cited.key for cited in document.documents]
    assert len(keys) == len(set(keys))


def test_the_changed_copy_carries_each_valid_change(changed_data):
    """`conftest.apply_valid_changes` made what it says, so the suite above ran on them."""
    shipped, changed = load(PROJECT / "data"), load(changed_data)
    netherlands = {item.year: item for item in changed.state("NLD").record.retention}[2023]
    assert (netherlands.held.munitions, netherlands.held.submunitions, netherlands.omitted) == (0, 0, [])
    assert (
        max(i.year for i in changed.state("ESP").record.retention)
        == max(i.year for i in shipped.state("ESP").record.retention) + 1
    )
    assert changed.state("FIN").record.consent.type.value == "accession"
    assert {p.record.id for p in changed.valid_practices()} - {p.record.id for p in shipped.valid_practices()} == {
        "nld-nammo-demilitarisation"
    }
