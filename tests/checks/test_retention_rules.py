"""R101-R103: what each finding says, where it points and what a letter takes from it (issue 15, point 5).

`test_retention.py` fixes which findings a record gets; these cases fix each finding whole (code, year,
addressee, path, message, facts), so a rule that points at the wrong field, drops the facts a letter needs
or says "higher" for a fall is caught. R109 (the collective ranking) is left to its own tests.
The base record is Spain's treaty dates, checked as of 1 June 2025.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ccm_stockpile.records.types import Quantity
from tests.conftest import SOURCE, entry, findings_for, make_state

NONE = {"munitions": 0, "submunitions": 0}
MOVES_NONE: dict[str, Any] = {"consumed": NONE, "destroyed": NONE, "acquired": NONE, "transfers": []}
S, E = "state", "editor"
RECORD = "record the movements from the report, or `omitted: [movements]` with its source if the report does not give them"
EDITOR_ROW = "with no acquisition or transfer in reported; record it from the report or check the rows"


def rows(*triples: tuple[str, int | None, int | None]) -> list[dict[str, Any]]:
    return [{"type": kind, "munitions": munitions, "submunitions": submunitions} for kind, munitions, submunitions in triples]


def unchanged(year: int, **fields: Any) -> dict[str, Any]:
    return {"year": year, "report": "unchanged", "sources": SOURCE, **fields}


def q(munitions: int, submunitions: int) -> Quantity:
    return Quantity(munitions=munitions, submunitions=submunitions)


def between(request: str, year: int, before: Quantity, after: Quantity) -> dict[str, object]:
    return {"request": request, "year": year, "previous_year": year - 1, "before": before, "after": after}


R104_2022_2024 = (
    "R104",
    2024,
    S,
    "retention[year=2024].held",
    "holdings of 10 munitions / 200 submunitions unchanged for 3 consecutive years (2022-2024) with no "
    "consumption reported; ask whether they are used and still the minimum absolutely necessary (Action 17)",
    {"request": "still_needed", "year": 2024, "first_year": 2022, "held": Quantity(munitions=10, submunitions=200)},
)


def detail(findings: list) -> list[tuple]:
    return sorted((f.code, f.year, f.addressee.value, f.path, f.message, f.facts) for f in findings if f.code != "R109")


CASES: list[tuple[str, list, list]] = [
    (
        "a report of no change that gives other holdings and a movement: two contradictions, each with its facts",
        [
            entry(2023, 6, 906),
            unchanged(2024, held={"munitions": 5, "submunitions": 800}, consumed={"munitions": 1, "submunitions": 10}),
        ],
        [
            (
                "R101",
                2024,
                S,
                "retention[year=2024]",
                "2024: the report says there is no change since the last report, but records movements (consumed); "
                "check which is right",
                between("reconcile", 2024, q(6, 906), q(5, 800)),
            ),
            (
                "R101",
                2024,
                S,
                "retention[year=2024].held",
                "2024: the report says there is no change since the last report, but gives 5 munitions / 800 "
                "submunitions where 6 munitions / 906 submunitions were reported for 2023; check which is right",
                between("reconcile", 2024, q(6, 906), q(5, 800)),
            ),
        ],
    ),
    (
        "a movement named twice in a report of no change is listed once, parts joined by a comma",
        [
            entry(2023, 6, 906),
            unchanged(2024, consumed={"munitions": 1, "submunitions": 10}, destroyed={"munitions": 0, "submunitions": 5}),
        ],
        [
            (
                "R101",
                2024,
                S,
                "retention[year=2024]",
                "2024: the report says there is no change since the last report, but records movements (consumed, "
                "destroyed); check which is right",
                between("reconcile", 2024, q(6, 906), q(6, 906)),
            ),
        ],
    ),
    (
        "a report of no change that leaves its holdings unknown carries the last figure and contradicts nothing",
        [entry(2023, 6, 906), unchanged(2024, held={"munitions": None, "submunitions": None})],
        [],
    ),
    (
        "a report of no change as the first entry has nothing to contradict",
        [
            unchanged(
                2024,
                held={"munitions": 5, "submunitions": 100},
                planned_use="training",
                actual_use="training",
                by_type=rows(("M42", 5, 100)),
            )
        ],
        [],
    ),
    (
        "a report of no change after a report not submitted has no figure to contradict",
        [
            {"year": 2023, "report": "not_submitted", "sources": SOURCE},
            unchanged(
                2024,
                held={"munitions": 5, "submunitions": 100},
                planned_use="training",
                actual_use="training",
                by_type=rows(("M42", 5, 100)),
            ),
        ],
        [
            (
                "R106",
                2023,
                S,
                "retention[year=2023].report",
                "the report for 2023 (due 2024-04-30) was not submitted; ask the state for it",
                {"request": "report", "year": 2023, "due": dt.date(2024, 4, 30)},
            ),
        ],
    ),
    (
        "a report of no change does not stop the comparison of the years after it",
        [entry(2022, 10, 500), unchanged(2023), entry(2024, 10, 400)],
        [
            (
                "R102",
                2024,
                E,
                "retention[year=2024].held",
                "holdings are lower than the reported movements account for in 2024: submunitions 500 -> 400; not "
                f"recorded: consumed, destroyed, transferred out; {RECORD}",
                {},
            ),
        ],
    ),
    (
        "a rise not accounted for, to the editor: higher, and the inflows not recorded",
        [entry(2023, 0, 0), entry(2024, 8, 400)],
        [
            (
                "R103",
                2024,
                E,
                "retention[year=2024].held",
                "holdings are higher than the reported movements account for in 2024: munitions 0 -> 8, submunitions "
                f"0 -> 400; not recorded: acquired, transferred in; {RECORD}",
                {},
            ),
        ],
    ),
    (
        "a rise the report does not explain, to the state with the facts a letter needs",
        [entry(2023, 0, 0), entry(2024, 8, 400, omitted=["movements"])],
        [
            (
                "R103",
                2024,
                S,
                "retention[year=2024].held",
                "holdings are higher than the reported movements account for in 2024: munitions 0 -> 8, submunitions "
                "0 -> 400; the report does not give the acquired, transferred in; ask the state to explain the change",
                between("explain_change", 2024, q(0, 0), q(8, 400)),
            ),
        ],
    ),
    (
        "each year's unexplained fall is its own request",
        [
            entry(2022, 10, 500, omitted=["movements"]),
            entry(2023, 9, 450, omitted=["movements"]),
            entry(2024, 8, 400, omitted=["movements"]),
        ],
        [
            (
                "R102",
                year,
                S,
                f"retention[year={year}].held",
                f"holdings are lower than the reported movements account for in {year}: munitions {before[0]} -> "
                f"{after[0]}, submunitions {before[1]} -> {after[1]}; the report does not give the consumed, "
                "destroyed, transferred out; ask the state to explain the change",
                between("explain_change", year, q(*before), q(*after)),
            )
            for year, before, after in ((2023, (10, 500), (9, 450)), (2024, (9, 450), (8, 400)))
        ],
    ),
    # --- R103 by type: one type quietly replacing another ---------------------------------------------
    (
        "a new type while the totals hold, the movements omitted by the report: ask the state",
        [
            entry(2023, 10, 200, by_type=rows(("M42", 10, 200))),
            entry(2024, 10, 200, by_type=rows(("M42", 3, 60), ("M77", 7, 140)), omitted=["movements"]),
        ],
        [
            (
                "R103",
                2024,
                S,
                "retention[year=2024].by_type[type=M77]",
                "2024: type M77 went from 0 to 7 munitions with no acquisition or transfer in reported; ask the state",
                {},
            ),
        ],
    ),
    (
        "an acquisition explains a new type",
        [
            entry(2023, 10, 200, by_type=rows(("M42", 10, 200))),
            entry(
                2024,
                10,
                200,
                by_type=rows(("M42", 5, 100), ("M77", 5, 100)),
                **MOVES_NONE
                | {"acquired": {"munitions": 5, "submunitions": 100}, "consumed": {"munitions": 5, "submunitions": 100}},
            ),
        ],
        [],
    ),
    (
        "a transfer in explains a new type",
        [
            entry(2023, 10, 200, by_type=rows(("M42", 10, 200))),
            entry(
                2024,
                10,
                200,
                by_type=rows(("M42", 5, 100), ("M77", 5, 100)),
                **MOVES_NONE
                | {
                    "transfers": [{"direction": "in", "counterpart": "DEU", "munitions": 5, "submunitions": 100}],
                    "consumed": {"munitions": 5, "submunitions": 100},
                },
            ),
        ],
        [],
    ),
    (
        "a row whose figure is unknown is not compared",
        [
            entry(2023, 10, 200, by_type=rows(("M42", 5, 100), ("M46", 5, 100))),
            entry(2024, 10, 200, by_type=rows(("M42", None, 100), ("M46", 5, 100))),
        ],
        [],
    ),
    (
        "a rise in the totals one year does not stop the by-type check of the next",
        [
            entry(2022, 5, 100, by_type=rows(("A", 5, 100))),
            entry(2023, 10, 200, by_type=rows(("A", 10, 200)), acquired={"munitions": 5, "submunitions": 100}),
            entry(2024, 10, 200, by_type=rows(("B", 10, 200))),
        ],
        [("R103", 2024, E, "retention[year=2024].by_type[type=B]", f"2024: type B went from 0 to 10 munitions {EDITOR_ROW}", {})],
    ),
    (
        "a year without type rows does not stop the by-type check of the next",
        [
            entry(2022, 10, 200, by_type=[]),
            entry(2023, 10, 200, by_type=rows(("A", 10, 200))),
            entry(2024, 10, 200, by_type=rows(("B", 10, 200))),
        ],
        [
            (
                "R107",
                2022,
                E,
                "retention[year=2022].by_type",
                "2022: 10 munitions / 200 submunitions held with no type or lot numbers recorded; add `by_type` rows "
                "from the report, or `omitted: [types, lots]` with its source if the report does not give them",
                {},
            ),
            (
                "R103",
                2024,
                E,
                "retention[year=2024].by_type[type=B]",
                f"2024: type B went from 0 to 10 munitions {EDITOR_ROW}",
                {},
            ),
            R104_2022_2024,
        ],
    ),
    (
        "across a gap nothing is said to be not recorded: no movement is asked for years without a figure",
        [entry(2021, 10, 500), entry(2023, 10, 400, **MOVES_NONE)],
        [
            (
                "R102",
                2023,
                E,
                "retention[year=2023].held",
                "holdings are lower than the reported movements account for between 2021 and 2023 (no figure for the "
                f"years between): submunitions 500 -> 400; {RECORD}",
                {},
            ),
            (
                "R106",
                2024,
                E,
                "retention[year=2023]",
                "no entry recorded for 2022, 2024 (each report due 30 April of the next year) while the state was "
                "retaining; add the entries from the Article 7 reports, or `report: not_submitted` where a source says "
                "a report was not provided",
                {},
            ),
        ],
    ),
    (
        "a swap in each of two years: two findings",
        [
            entry(2022, 10, 200, by_type=rows(("A", 10, 200))),
            entry(2023, 10, 200, by_type=rows(("B", 10, 200))),
            entry(2024, 10, 200, by_type=rows(("C", 10, 200))),
        ],
        [
            (
                "R103",
                2023,
                E,
                "retention[year=2023].by_type[type=B]",
                f"2023: type B went from 0 to 10 munitions {EDITOR_ROW}",
                {},
            ),
            (
                "R103",
                2024,
                E,
                "retention[year=2024].by_type[type=C]",
                f"2024: type C went from 0 to 10 munitions {EDITOR_ROW}",
                {},
            ),
            R104_2022_2024,
        ],
    ),
    (
        "a type whose munitions hold while its submunitions rise",
        [
            entry(2023, 10, 200, by_type=rows(("A", 5, 100), ("B", 5, 100))),
            entry(2024, 10, 200, by_type=rows(("A", 5, 50), ("B", 5, 150))),
        ],
        [
            (
                "R103",
                2024,
                E,
                "retention[year=2024].by_type[type=B]",
                f"2024: type B went from 100 to 150 submunitions {EDITOR_ROW}",
                {},
            )
        ],
    ),
    (
        "a new type starts from zero, so a single munition is a rise",
        [entry(2023, 2, 2, by_type=rows(("A", 2, 2))), entry(2024, 2, 2, by_type=rows(("A", 1, 1), ("B", 1, 1)))],
        [("R103", 2024, E, "retention[year=2024].by_type[type=B]", f"2024: type B went from 0 to 1 munitions {EDITOR_ROW}", {})],
    ),
    (
        "a report of no change is judged by R101, not by its type rows",
        [entry(2023, 10, 200, by_type=rows(("A", 10, 200))), unchanged(2024, by_type=rows(("B", 10, 200)))],
        [],
    ),
]


@pytest.mark.parametrize(("name", "retention", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_finding_whole(write_state, data_dir, name, retention, expected):
    write_state(make_state(retention=retention))
    assert detail(findings_for(data_dir, dt.date(2025, 6, 1))) == sorted(expected)
