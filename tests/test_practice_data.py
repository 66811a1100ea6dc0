"""Every shipped practice is a test case: valid, named after its id, sourced, every figure carried by a quote of
its own sources, every state it names on record, and nothing quoted from IATG (whose licence forbids it).
These assert invariants, never today's wording, so a correct data change never breaks CI."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ccm_stockpile.checks import run_checks
from ccm_stockpile.dataset import load
from tests.test_figures_are_quoted import quoted

# The floor: the database starts with at least 20 documented practices.
MIN_PRACTICES = 20

# Words for "million" and "billion" in the languages of the sources, and number words for small amounts.
MILLION = r"(?:million|millions|Millionen|millones|millón|m\b|M€)"
BILLION = r"(?:billion|Milliarden|mil millones)"
SMALL = {2: ("two", "dos", "deux", "zwei"), 4: ("four", "cuatro", "quatre", "vier"), 6: ("six", "seis", "sechs")}


@pytest.fixture(scope="module")
def dataset(data_folder):
    """The shipped data, and the same with valid changes made (`conftest.data_folder`)."""
    return load(data_folder, "data")


def test_the_database_holds_enough_valid_practices(dataset):
    assert [loaded.display for loaded in dataset.practices if loaded.record is None] == []
    assert len(dataset.valid_practices()) >= MIN_PRACTICES


def test_no_practice_has_a_finding(dataset, request):
    # The changed copy adds records in the short source form, which is valid: the S family (what sources rest
    # on) is held to the shipped data only.
    ignore = ["S"] if request.node.callspec.params.get("data_folder") == "changed" else None
    findings = run_checks(dataset, dt.date(2025, 6, 1), ignore=ignore)
    practice_findings = [f for f in findings if "/practices/" in (f.file or "")]
    assert practice_findings == []


def test_every_file_starts_with_its_schema_line_and_is_named_after_its_id(dataset):
    for loaded in dataset.practices:
        first = loaded.path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/practice.schema.json", loaded.path.name
        assert loaded.path.name == f"{loaded.record.id}.yaml"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", loaded.record.id), loaded.record.id


def test_every_source_has_an_address_and_a_quote(dataset):
    for loaded in dataset.valid_practices():
        sources = list(loaded.record.sources) + [s for a in loaded.record.assistance for s in a.sources]
        assert sources, loaded.display
        for source in sources:
            for reading in source.readings:
                assert reading.url, f"{loaded.display}: {source}"
                assert reading.quote, f"{loaded.display}: {source}"


def test_nothing_is_quoted_from_iatg(dataset):
    for loaded in dataset.valid_practices():
        for source in loaded.record.sources:
            pieces = [source.document.title if source.document else source.title]
            pieces += [piece for reading in source.readings for piece in (reading.url, reading.quote)]
            text = " ".join(filter(None, pieces)).lower()
            assert "iatg" not in text, loaded.display
            assert "ammunition technical guideline" not in text, loaded.display


def _amount_quoted(value: float, quotes: list[str], approximate: bool) -> bool:
    """Digits as `quoted` reads them; else `45 Millionen`, `£40m`, `17.5 million`, `25 bis 35 Millionen`,
    `$2-million`, `20 billion`, or a number word for a small figure."""
    if value == int(value) and quoted(int(value), quotes, approximate):
        return True
    for size, words in ((1_000_000_000, BILLION), (1_000_000, MILLION)):
        if value >= size and (value * 100) % size == 0:
            scaled = f"{value / size:.2f}".rstrip("0").rstrip(".")
            forms = {scaled, scaled.replace(".", ",")}
            if float(scaled) in SMALL:
                forms.update(SMALL[int(float(scaled))])
            number = "(?:" + "|".join(re.escape(form) for form in forms) + ")"
            range_tail = r"(?:\s*(?:to|bis|und|and|y|à|-|\u2013)\s*[£$€]?\d+(?:[.,]\d+)?)?"
            pattern = re.compile(r"(?<![\d.,])[£$€]?" + number + range_tail + r"[\s-]*" + words)
            if any(pattern.search(quote) for quote in quotes):
                return True
            # the upper end of a range: "30 to 40 million" carries 40 million
            if any(re.search(r"\d\s*(?:to|bis|und|and|y|-|\u2013)\s*[£$€]?" + number + r"\s*" + words, q) for q in quotes):
                return True
    if value in SMALL:
        return any(re.search(rf"\b(?:{'|'.join(SMALL[int(value)])})\b", quote, re.IGNORECASE) for quote in quotes)
    return False


def _figures(record):
    quantity = record.quantity
    if quantity is not None:
        for name in ("munitions", "submunitions", "tonnes"):
            value = getattr(quantity, name)
            if value:
                yield f"quantity.{name}", value, name in quantity.approximate
        for index, measure in enumerate(quantity.other):
            yield f"quantity.other[{index}]", measure.amount, measure.approximate
    for index, cost in enumerate(record.costs):
        yield f"costs[{index}].amount", cost.amount, cost.approximate
        if cost.up_to is not None:
            yield f"costs[{index}].up_to", cost.up_to, cost.approximate
    for index, rate in enumerate(record.throughput):
        yield f"throughput[{index}]", rate.amount, rate.approximate
    for index, transfer in enumerate(record.transfers):
        for name in ("munitions", "submunitions"):
            value = getattr(transfer, name)
            if value:
                yield f"transfers[{index}].{name}", value, False


def test_every_figure_is_carried_by_a_quote_of_its_practice(dataset):
    unquoted = []
    for loaded in dataset.valid_practices():
        quotes = [quote for source in loaded.record.sources for quote in source.quotes]
        for path, value, approximate in _figures(loaded.record):
            if not _amount_quoted(value, quotes, approximate):
                unquoted.append(f"{loaded.display} {path} = {value:,g}")
    assert unquoted == []


def test_the_figure_reader_is_not_fooled():
    assert _amount_quoted(45_000_000, ["Knapp 45 Millionen Euro hat das gekostet"], True)
    assert _amount_quoted(40_000_000, ["could cost between £30m and £40m"], False)
    assert _amount_quoted(30_000_000, ["could cost between £30m and £40m"], False)
    assert _amount_quoted(17_500_000, ["cost the state 17.5 million kroner"], False)
    assert not _amount_quoted(7_500_000, ["cost the state 17.5 million kroner"], False)
    assert not _amount_quoted(45_000_000, ["Knapp 4 Millionen Euro"], True)
    assert _amount_quoted(4_000_000, ["costará unos cuatro millones de euros"], False)
    assert _amount_quoted(2_000_000, ["at a cost of another $2-million"], False)
    assert _amount_quoted(20_000_000_000, ["It is believed that 20 billion yen is needed"], False)
