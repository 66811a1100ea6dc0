"""P001-P004, P006: the good-practice database, checked against itself and the state records (editor-addressed)."""

from __future__ import annotations

from collections.abc import Iterator

from ccm_stockpile.checks.registry import check
from ccm_stockpile.codes import new_finding
from ccm_stockpile.dataset import Dataset, LoadedFile
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.practice import PracticeRecord


def _finding(
    loaded: LoadedFile[PracticeRecord], code: str, message: str, path: tuple[str | int, ...], value: object = None
) -> Finding:
    mark = loaded.mark(path)
    return new_finding(
        code, message, file=loaded.display, line=mark.line, column=mark.column, path=loaded.name(path), value=value
    )


def _named_states(record: PracticeRecord) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every ISO3 code the practice names, with its path."""
    for index, code in enumerate(record.states):
        yield ("states", index), code
    for index, transfer in enumerate(record.transfers):
        yield ("transfers", index, "origin"), transfer.origin
        yield ("transfers", index, "destination"), transfer.destination
    for index, assistance in enumerate(record.assistance):
        yield ("assistance", index, "state"), assistance.state


@check("P001")
def check_named_states_have_records(dataset: Dataset) -> Iterator[Finding]:
    for loaded in dataset.valid_practices():
        assert loaded.record is not None
        for path, code in _named_states(loaded.record):
            if not dataset.state_files(code):
                yield _finding(
                    loaded,
                    "P001",
                    f"`{code}` has no file in states/; correct the code, or name the state in a text field if it has no record",
                    path,
                    code,
                )


@check("P002")
def check_costs_have_currency_and_year(dataset: Dataset) -> Iterator[Finding]:
    for loaded in dataset.valid_practices():
        assert loaded.record is not None
        for index, cost in enumerate(loaded.record.costs):
            missing = [name for name in ("currency", "year") if getattr(cost, name) is None]
            if missing:
                yield _finding(
                    loaded,
                    "P002",
                    f"the cost of {cost.amount:,g} has no {' and no '.join(missing)}; add {' and '.join(missing)} "
                    f"as the source gives them",
                    ("costs", index, missing[0]),
                    cost.amount,
                )


@check("P003")
def check_quantities_have_units(dataset: Dataset) -> Iterator[Finding]:
    for loaded in dataset.valid_practices():
        record = loaded.record
        assert record is not None
        measures: list[tuple[tuple[str | int, ...], float, str | None]] = []
        if record.quantity is not None:
            measures += [(("quantity", "other", i, "unit"), m.amount, m.unit) for i, m in enumerate(record.quantity.other)]
        measures += [(("throughput", i, "unit"), rate.amount, rate.unit) for i, rate in enumerate(record.throughput)]
        for path, amount, unit in measures:
            if not unit:
                yield _finding(loaded, "P003", f"{amount:,g} of what? add `unit` as the source words it", path, amount)


@check("P004")
def check_practice_is_sourced(dataset: Dataset) -> Iterator[Finding]:
    for loaded in dataset.valid_practices():
        assert loaded.record is not None
        if not loaded.record.sources:
            yield _finding(
                loaded,
                "P004",
                "the practice gives no source; add `sources` with each URL and a short verbatim quote",
                ("sources",),
            )


@check("P006")
def check_figures_are_quoted(dataset: Dataset) -> Iterator[Finding]:
    from ccm_stockpile.domain.quotes import amount_quoted, practice_figures, quotes_of

    for loaded in dataset.valid_practices():
        assert loaded.record is not None
        quotes = quotes_of(loaded.record.sources)
        if not quotes:
            continue  # nothing to compare with (P004 asks for sources with quotes)
        for path, value, approximate in practice_figures(loaded.record):
            if not amount_quoted(value, quotes, approximate):
                yield _finding(
                    loaded,
                    "P006",
                    f"{_number(value)} is not given by any quote of the practice's sources; correct the figure or add the "
                    f"quote that gives it",
                    path,
                    value,
                )


def _number(value: float) -> str:
    """`1,300,000`, `17.5`: whole amounts without a decimal point."""
    return f"{int(value):,}" if value == int(value) else f"{value:,}"
