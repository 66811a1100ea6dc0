"""R101-R110: each fixture's full list of findings (code, year, addressee), so a spurious finding fails too.

The base record is Spain's treaty dates (in force 1 August 2010), checked as of 1 June 2025 unless said;
`entry()` gives a clean reported year (uses and one `by_type` row), so only what a case changes shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import SOURCE, entry, findings_for, make_state

NONE = {"munitions": 0, "submunitions": 0}
MOVES_NONE: dict[str, Any] = {"consumed": NONE, "destroyed": NONE, "acquired": NONE, "transfers": []}
UNKNOWN_HELD = {"report": "unknown", "held": {"munitions": None, "submunitions": None}}
OUT_4_300 = [{"direction": "out", "counterpart": "NOR", "purpose": "destruction", "munitions": 4, "submunitions": 300}]
WITHDRAWN = {"status": "withdrawn", "withdrawal": {"notified": "2024-09-06", "effective": "2025-03-06"}}
LATE_JOINER = {"signed": None, "consent": {"date": "2023-08-03", "type": "accession"}, "entry_into_force": "2024-02-01"}
S, E = "state", "editor"


def listing(findings: list) -> list[tuple[str, int | None, str]]:
    return sorted((f.code, f.year, f.addressee.value) for f in findings)


def run(write_state, data_dir, retention, as_of=dt.date(2025, 6, 1), **overrides):
    write_state(make_state(retention=retention, **overrides))
    return findings_for(data_dir, as_of)


CASES: list[tuple[str, list, dict, list]] = [
    # --- R101: the state's own figures cannot balance -------------------------------------------------
    (
        "balance fails with every term known",
        [entry(2023, 10, 500), entry(2024, 10, 400, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": 50}})],
        {},
        [("R101", 2024, S), ("R109", 2024, S)],
    ),
    (
        "consumption explains the fall",
        [entry(2023, 10, 500), entry(2024, 10, 450, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": 50}})],
        {},
        [("R109", 2024, S)],
    ),
    (
        "a recorded transfer out explains the fall, the other movements not known",
        [entry(2023, 10, 500), entry(2024, 6, 200, transfers=OUT_4_300)],
        {},
        [("R109", 2024, S)],
    ),
    (
        "transfers in and acquisitions explain the rise",
        [
            entry(2023, 10, 500),
            entry(
                2024,
                12,
                530,
                **MOVES_NONE
                | {
                    "transfers": [{"direction": "in", "counterpart": "DEU", "munitions": 1, "submunitions": 20}],
                    "acquired": {"munitions": 1, "submunitions": 10},
                },
            ),
        ],
        {},
        [("R109", 2024, S)],
    ),
    (
        "a rise with acquisitions and transfers recorded as none is a contradiction",
        [entry(2023, 5, 100), entry(2024, 8, 400, acquired=NONE, transfers=[])],
        {},
        [("R101", 2024, S), ("R109", 2024, S)],
    ),
    (
        "a fall larger than every outflow, all recorded, is a contradiction",
        [entry(2023, 10, 500), entry(2024, 6, 100, consumed=NONE, destroyed=NONE, transfers=OUT_4_300)],
        {},
        [("R101", 2024, S), ("R109", 2024, S)],
    ),
    (
        "no balance across a gap",
        [entry(2021, 10, 500), entry(2023, 10, 400, **MOVES_NONE)],
        {},
        [("R102", 2023, E), ("R106", 2024, E), ("R109", 2023, S)],
    ),
    (
        "unchanged report with other holdings",
        [
            entry(2023, 6, 906),
            {"year": 2024, "report": "unchanged", "held": {"munitions": 5, "submunitions": 800}, "sources": SOURCE},
        ],
        {},
        [("R101", 2024, S), ("R109", 2024, S)],
    ),
    (
        "unchanged report with a consumption",
        [
            entry(2023, 6, 906),
            {"year": 2024, "report": "unchanged", "consumed": {"munitions": 1, "submunitions": 10}, "sources": SOURCE},
        ],
        {},
        [("R101", 2024, S), ("R109", 2024, S)],
    ),
    # --- R102 / R103: part of a change not accounted for ---------------------------------------------
    (
        "a fall with no movement known",
        [entry(2023, 315, 7335), entry(2024, 292, 6605)],
        {},
        [("R102", 2024, E), ("R109", 2024, S)],
    ),
    (
        "a null movement is not zero",
        [entry(2023, 10, 500), entry(2024, 10, 400, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": None}})],
        {},
        [("R102", 2024, E), ("R109", 2024, S)],
    ),
    (
        "a fall partly accounted for",
        [entry(2023, 10, 500), entry(2024, 5, 100, transfers=OUT_4_300)],
        {},
        [("R102", 2024, E), ("R109", 2024, S)],
    ),
    (
        "a fall the report does not explain, recorded as omitted",
        [entry(2023, 315, 7335), entry(2024, 292, 6605, omitted=["movements"])],
        {},
        [("R102", 2024, S), ("R109", 2024, S)],
    ),
    ("a rise with no inflow known", [entry(2023, 0, 0), entry(2024, 8, 400)], {}, [("R103", 2024, E), ("R109", 2024, S)]),
    (
        "a rise explained by an acquisition",
        [entry(2023, 0, 0), entry(2024, 8, 400, acquired={"munitions": 8, "submunitions": 400})],
        {},
        [("R109", 2024, S)],
    ),
    (
        "a year of unknown holdings makes a gap",
        [entry(2015, 10, 100), {"year": 2016, **UNKNOWN_HELD}, entry(2017, 5, 50)],
        {},
        [("R102", 2017, E), ("R105", 2016, E), ("R106", 2024, E), ("R109", 2017, S), ("R110", 2016, E)],
    ),
    (
        "approximate figures are never balanced",
        [
            entry(2023, 10, 500, held={"munitions": 10, "submunitions": 500, "approximate": ["submunitions"]}),
            entry(2024, 10, 400, **MOVES_NONE),
        ],
        {},
        [("R109", 2024, S)],
    ),
    # --- R104 ---------------------------------------------------------------------------------------------
    (
        "five years of the same holdings",
        [entry(year, 6, 906) for year in range(2020, 2025)],
        {},
        [("R104", 2024, S), ("R109", 2024, S)],
    ),
    (
        "unchanged reports carry the holdings",
        [entry(2022, 6, 906), {"year": 2023, "report": "unchanged"}, {"year": 2024, "report": "unchanged"}],
        {},
        [("R104", 2024, S), ("R109", 2024, S)],
    ),
    (
        "a consumption or a gap breaks the run",
        [
            entry(2018, 6, 906),
            entry(2019, 6, 906),
            entry(2021, 6, 906),
            entry(2022, 6, 906, consumed={"munitions": 0, "submunitions": 10}),
            entry(2023, 6, 906),
        ],
        {},
        [("R103", 2022, E), ("R106", 2024, E), ("R109", 2023, S)],
    ),
    # --- R105 ---------------------------------------------------------------------------------------------
    ("use not recorded", [entry(2024, 2, 276, actual_use=None)], {}, [("R105", 2024, E), ("R109", 2024, S)]),
    (
        "use recorded as omitted by the report",
        [entry(2024, 2, 276, planned_use=None, actual_use=None, omitted=["actual_use"])],
        {},
        [("R105", 2024, E), ("R105", 2024, S), ("R109", 2024, S)],
    ),
    (
        "use is owed in the year holdings fell to zero",
        [
            entry(2023, 5, 100),
            entry(2024, 0, 0, planned_use=None, actual_use=None, consumed={"munitions": 5, "submunitions": 100}),
        ],
        {},
        [("R105", 2024, E), ("R108", 2024, S)],
    ),
    ("nothing held, no use owed", [entry(2023, 0, 0, planned_use=None, actual_use=None, by_type=[])], {}, []),
    ("unknown holdings count as holding", [{"year": 2024, **UNKNOWN_HELD}], {}, [("R105", 2024, E), ("R110", 2024, E)]),
    # --- R106 ---------------------------------------------------------------------------------------------
    ("years without an entry", [entry(2019, 5, 578), entry(2022, 5, 578)], {}, [("R106", 2024, E), ("R109", 2022, S)]),
    (
        "a report recorded as not submitted",
        [entry(2023, 5, 578), {"year": 2024, "report": "not_submitted"}],
        {},
        [("R106", 2024, S), ("R109", 2023, S)],
    ),
    (
        "no report owed once retention ended",
        [entry(2019, 5, 3220), entry(2020, 0, 0, by_type=[], consumed={"munitions": 5, "submunitions": 3220})],
        {},
        [("R108", 2020, S)],
    ),
    (
        "nothing due for a year before the state was a party at its end",
        [entry(2018, 5, 100), entry(2023, 5, 100), entry(2024, 5, 100)],
        LATE_JOINER,
        [("R109", 2024, S)],
    ),
    ("nothing due after withdrawal", [entry(2022, 5, 100)], WITHDRAWN, [("R106", 2023, E), ("T204", None, S)]),
    # --- R107 / R108 / R110 ---------------------------------------------------------------------------
    ("holdings without types", [entry(2024, 0, 125, by_type=[])], {}, [("R107", 2024, E), ("R109", 2024, S)]),
    (
        "types and lots recorded as omitted",
        [entry(2024, 0, 125, by_type=[], omitted=["types", "lots"])],
        {},
        [("R107", 2024, S), ("R109", 2024, S)],
    ),
    (
        "lots recorded as omitted while types are given",
        [entry(2024, 0, 125, omitted=["lots"])],
        {},
        [("R107", 2024, S), ("R109", 2024, S)],
    ),
    ("retention ends at zero", [entry(2019, 5, 3220), entry(2020, 0, 0, by_type=[])], {}, [("R102", 2020, E), ("R108", 2020, S)]),
    ("never held", [entry(2015, 0, 0, by_type=[]), entry(2016, 0, 0, by_type=[])], {}, []),
    (
        "quantity not recorded",
        [{"year": 2023, **UNKNOWN_HELD, "sources": SOURCE}, entry(2024, 0, 0, by_type=[])],
        {},
        [("R105", 2023, E), ("R110", 2023, E)],
    ),
    (
        "quantity recorded as omitted",
        [{"year": 2024, **UNKNOWN_HELD, "omitted": ["quantity"], "sources": SOURCE}],
        {},
        [("R105", 2024, E), ("R110", 2024, S)],
    ),
    # --- party time -----------------------------------------------------------------------------------
    (
        "a signatory is never checked",
        [entry(2019, 5, 100), entry(2021, 9, 50)],
        {"status": "signatory", "consent": None, "entry_into_force": None},
        [],
    ),
]


@pytest.mark.parametrize(("name", "retention", "overrides", "expected"), CASES, ids=[case[0] for case in CASES])
def test_full_list_of_findings(write_state, data_dir, name, retention, overrides, expected):
    assert listing(run(write_state, data_dir, retention, **overrides)) == sorted(expected)


def only(findings, code):
    return [f for f in findings if f.code == code]


def test_R101_says_what_cannot_balance(write_state, data_dir):
    found = run(
        write_state,
        data_dir,
        [
            entry(2023, 10, 500),
            entry(2024, 10, 400, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": 50}}),
        ],
    )
    (r101,) = only(found, "R101")
    assert (r101.path, r101.severity.value) == ("retention[year=2024].held", "error")
    assert r101.message == (
        "2024: the state's figures cannot balance (submunitions: 500 at the end of 2023 and the reported movements "
        "give 450, but 400 are reported, and every outflow that could close the gap is reported); check both reports"
    )


def test_R102_says_how_much_is_not_accounted_for_and_what_is_not_recorded(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 10, 500), entry(2024, 5, 100, transfers=OUT_4_300)])
    assert [f.message for f in only(found, "R102")] == [
        "holdings are lower than the reported movements account for in 2024: munitions 10 -> 5 (1 not accounted "
        "for by the reported movements), submunitions 500 -> 100 (100 not accounted for by the reported movements); "
        "not recorded: consumed, destroyed; record the movements from the report, or `omitted: [movements]` with "
        "its source if the report does not give them"
    ]


def test_R102_across_a_gap_says_so(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2021, 10, 500), entry(2023, 10, 400, **MOVES_NONE)])
    assert "between 2021 and 2023 (no figure for the years between): submunitions 500 -> 400" in only(found, "R102")[0].message


def test_R102_addressed_to_the_state_asks_it_to_explain(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 315, 7335), entry(2024, 292, 6605, omitted=["movements"])])
    assert only(found, "R102")[0].message == (
        "holdings are lower than the reported movements account for in 2024: munitions 315 -> 292, submunitions "
        "7,335 -> 6,605; the report does not give the consumed, destroyed, transferred out; ask the state to explain "
        "the change"
    )


def test_R103_by_type_row_rising_while_totals_are_steady(write_state, data_dir):
    rows_2023 = [{"type": "M42", "munitions": 5, "submunitions": 100}, {"type": "M46", "munitions": 5, "submunitions": 100}]
    rows_2024 = [{"type": "M42", "munitions": 3, "submunitions": 60}, {"type": "M77", "munitions": 7, "submunitions": 140}]
    found = run(write_state, data_dir, [entry(2023, 10, 200, by_type=rows_2023), entry(2024, 10, 200, by_type=rows_2024)])
    assert [(f.path, f.addressee.value) for f in only(found, "R103")] == [("retention[year=2024].by_type[type=M77]", "editor")]


def test_R104_names_the_run(write_state, data_dir):
    found = run(write_state, data_dir, [entry(year, 6, 906) for year in range(2020, 2025)])
    assert "unchanged for 5 consecutive years (2020-2024)" in only(found, "R104")[0].message


def test_R104_threshold_comes_from_settings(write_state, data_dir):
    (data_dir / "settings.yaml").write_text("thresholds:\n  unchanged_years: 2\n", encoding="utf-8")
    found = run(write_state, data_dir, [entry(2023, 6, 906), entry(2024, 6, 906)])
    assert [f.year for f in only(found, "R104")] == [2024]


def test_R105_separates_what_the_report_omits_from_what_we_have_not_recorded(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2024, 2, 276, planned_use=None, actual_use=None, omitted=["actual_use"])])
    assert sorted((f.addressee.value, f.message) for f in only(found, "R105")) == [
        (
            "editor",
            "2024: the state held retained munitions but no planned use is recorded; add it from the report, "
            "or `omitted` with its source if the report does not give it",
        ),
        (
            "state",
            "2024: the state held retained munitions, and its reporting is recorded as not giving the actual "
            "use; ask the state for it (Art. 3(8))",
        ),
    ]


def test_R106_lists_every_missing_year_as_ranges(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2015, 5, 578), entry(2017, 5, 578), entry(2019, 5, 578), entry(2020, 5, 578)])
    assert only(found, "R106")[0].message.startswith("no entry recorded for 2016, 2018, 2021-2024 (each report due")


def test_R106_uses_the_as_of_date_for_the_last_year_due(write_state, data_dir):
    write_state(make_state(retention=[entry(2023, 5, 578)]))
    assert not findings_for(data_dir, dt.date(2025, 4, 30), ("R106",)), "the due day itself is in time"
    assert [f.year for f in findings_for(data_dir, dt.date(2025, 5, 1), ("R106",))] == [2024]


def test_R106_dates_the_initial_report_180_days_after_entry_into_force(write_state, data_dir):
    record = make_state(
        consent={"date": "2015-06-05", "type": "ratification"},
        entry_into_force="2015-12-01",
        retention=[{"year": 2015, "report": "not_submitted", "sources": SOURCE}],
    )
    write_state(record)
    assert not findings_for(data_dir, dt.date(2016, 5, 1), ("R106",)), "not due on 30 April 2016"
    assert not findings_for(data_dir, dt.date(2016, 5, 29), ("R106",))
    [finding] = findings_for(data_dir, dt.date(2016, 5, 30), ("R106",))
    assert finding.message == "the report for 2015 (due 2016-05-29) was not submitted; ask the state for it"


def test_R106_a_year_it_asks_for_clears_the_finding_once_added(write_state, data_dir):
    """One rule for due years: whatever R106 asks for is taken into account once recorded (entry into force
    on 1 March 2011: 2011 is the first year due, 2010 never is)."""
    late = {"consent": {"date": "2010-09-07", "type": "ratification"}, "entry_into_force": "2011-03-01"}
    write_state(
        make_state(
            retention=[entry(2011, 5, 100), entry(2013, 5, 100)] + [entry(year, 5, 100) for year in range(2014, 2025)], **late
        )
    )
    asked = [f.message for f in findings_for(data_dir, codes=("R106",))]
    assert asked
    assert asked[0].startswith("no entry recorded for 2012 ")
    write_state(make_state(retention=[entry(year, 5, 100) for year in range(2011, 2025)], **late))
    assert findings_for(data_dir, codes=("R106",)) == []


def test_R109_lists_the_largest_holders_and_those_above_the_threshold(write_state, data_dir):
    for code, subs in (("DEU", 52801), ("CHE", 1299), ("SWE", 125), ("BGR", 300), ("CZE", 0)):
        write_state(make_state(iso3=code, name=code, retention=[entry(2024, 1 if subs else 0, subs)]))
    found = findings_for(data_dir, dt.date(2025, 6, 1), ("R109",))
    assert sorted(f.state for f in found) == ["BGR", "CHE", "DEU"]
    germany = next(f for f in found if f.state == "DEU")
    assert "rank 1 of 4" in germany.message
    assert "above the threshold of 10,000" in germany.message


def test_R109_uses_the_latest_year_due(write_state, data_dir):
    write_state(make_state(retention=[entry(2023, 1, 100), entry(2024, 1, 90, consumed={"munitions": 0, "submunitions": 10})]))
    assert [f.year for f in findings_for(data_dir, dt.date(2025, 4, 29), ("R109",))] == [2023]
