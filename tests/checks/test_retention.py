"""R101-R110: each rule with records that must fire and records that must not."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import SOURCE, codes_of, entry, findings_for, make_state

R_CODES = tuple(f"R1{n:02d}" for n in range(1, 11))


def run(write_state, data_dir, retention, as_of=dt.date(2025, 6, 1), **overrides):
    write_state(make_state(retention=retention, **overrides))
    return findings_for(data_dir, as_of, R_CODES)


def only(findings, code):
    return [f for f in findings if f.code == code]


MOVES_NONE = {"consumed": {"munitions": 0, "submunitions": 0}, "destroyed": {"munitions": 0, "submunitions": 0},
              "acquired": {"munitions": 0, "submunitions": 0}, "transfers": []}


# R101 ---------------------------------------------------------------------------------------------
def test_R101_fires_when_every_term_is_known_and_the_balance_fails(write_state, data_dir):
    found = run(write_state, data_dir, [
        entry(2023, 10, 500),
        entry(2024, 10, 400, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": 50}}),
    ])
    assert codes_of(only(found, "R101")) == ["R101"]
    r101 = only(found, "R101")[0]
    assert r101.year == 2024 and r101.path == "retention[year=2024].held"
    assert "500 at the end of 2023" in r101.message and "give 450, but 400" in r101.message
    assert not only(found, "R102")  # never both for one change


def test_R101_quiet_when_consumption_explains_the_fall(write_state, data_dir):
    found = run(write_state, data_dir, [
        entry(2023, 10, 500),
        entry(2024, 10, 450, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": 50}}),
    ])
    assert not only(found, "R101") and not only(found, "R102")


def test_R101_counts_a_transfer_out_for_destruction(write_state, data_dir):
    transfers = [{"direction": "out", "counterpart": "NOR", "purpose": "destruction", "munitions": 4,
                  "submunitions": 300}]
    found = run(write_state, data_dir, [
        entry(2023, 10, 500),
        entry(2024, 6, 200, **MOVES_NONE | {"transfers": transfers}),
    ])
    assert not only(found, "R101") and not only(found, "R102")


def test_R101_counts_transfers_in_and_acquisitions(write_state, data_dir):
    transfers = [{"direction": "in", "counterpart": "DEU", "munitions": 1, "submunitions": 20}]
    found = run(write_state, data_dir, [
        entry(2023, 10, 500),
        entry(2024, 12, 530, **MOVES_NONE | {"transfers": transfers,
                                             "acquired": {"munitions": 1, "submunitions": 10}}),
    ])
    assert not only(found, "R101") and not only(found, "R103")


def test_R101_never_treats_null_as_zero(write_state, data_dir):
    found = run(write_state, data_dir, [
        entry(2023, 10, 500),
        entry(2024, 10, 400, **MOVES_NONE | {"consumed": {"munitions": 0, "submunitions": None}}),
    ])
    assert not only(found, "R101")
    assert codes_of(only(found, "R102")) == ["R102"]
    assert "consumed" in only(found, "R102")[0].message


def test_R101_is_not_claimed_across_a_gap(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2021, 10, 500), entry(2023, 10, 400, **MOVES_NONE)])
    assert not only(found, "R101")
    r102 = only(found, "R102")
    assert len(r102) == 1 and "between 2021 and 2023 (no figure" in r102[0].message


# R102 / R103 -------------------------------------------------------------------------------------
def test_R102_fires_on_a_fall_without_movements(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 315, 7335), entry(2024, 292, 6605)])
    r102 = only(found, "R102")
    assert len(r102) == 1 and r102[0].year == 2024
    assert "munitions 315 -> 292" in r102[0].message and "submunitions 7,335 -> 6,605" in r102[0].message


def test_R103_fires_on_a_rise_without_acquisition_or_transfer_in(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 0, 0), entry(2024, 8, 400)])
    assert codes_of(only(found, "R103")) == ["R103"]
    assert not only(found, "R101")


def test_R103_quiet_when_an_acquisition_is_reported(write_state, data_dir):
    found = run(write_state, data_dir, [
        entry(2023, 0, 0), entry(2024, 8, 400, acquired={"munitions": 8, "submunitions": 400}),
    ])
    assert not only(found, "R103")


def test_R101_not_R103_when_every_term_is_known(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 5, 100), entry(2024, 8, 400, **MOVES_NONE)])
    assert codes_of([f for f in found if f.code in {"R101", "R103"}]) == ["R101"]


def test_R103_by_type_row_rising_while_totals_are_steady(write_state, data_dir):
    rows_2023 = [{"type": "M42", "munitions": 5, "submunitions": 100}, {"type": "M46", "munitions": 5,
                                                                      "submunitions": 100}]
    rows_2024 = [{"type": "M42", "munitions": 3, "submunitions": 60}, {"type": "M77", "munitions": 7,
                                                                     "submunitions": 140}]
    found = run(write_state, data_dir, [
        entry(2023, 10, 200, by_type=rows_2023), entry(2024, 10, 200, by_type=rows_2024),
    ])
    r103 = only(found, "R103")
    assert [f.path for f in r103] == ["retention[year=2024].by_type[type=M77]"]


# R104 --------------------------------------------------------------------------------------------
def test_R104_fires_once_at_the_end_of_a_run_of_unchanged_holdings(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2020, 6, 906), entry(2021, 6, 906), entry(2022, 6, 906),
                                        entry(2023, 6, 906), entry(2024, 6, 906)])
    r104 = only(found, "R104")
    assert [(f.year, f.path) for f in r104] == [(2024, "retention[year=2024].held")]
    assert "5 consecutive years (2020-2024)" in r104[0].message


def test_R104_counts_unchanged_reports_as_the_same_holdings(write_state, data_dir):
    found = run(write_state, data_dir, [
        entry(2022, 6, 906), {"year": 2023, "report": "unchanged"}, {"year": 2024, "report": "unchanged"},
    ])
    assert [f.year for f in only(found, "R104")] == [2024]
    assert not only(found, "R110")


def test_R104_quiet_below_the_threshold_or_with_consumption_or_a_gap(write_state, data_dir):
    used = {"consumed": {"munitions": 0, "submunitions": 10}}
    found = run(write_state, data_dir, [
        entry(2018, 6, 906), entry(2019, 6, 906),
        entry(2021, 6, 906), entry(2022, 6, 906, **used), entry(2023, 6, 906),
    ])
    assert not only(found, "R104")


def test_R104_threshold_comes_from_settings(write_state, data_dir):
    (data_dir / "settings.yaml").write_text("thresholds:\n  unchanged_years: 2\n", encoding="utf-8")
    found = run(write_state, data_dir, [entry(2023, 6, 906), entry(2024, 6, 906)])
    assert [f.year for f in only(found, "R104")] == [2024]


# R105 --------------------------------------------------------------------------------------------
def test_R105_fires_when_use_is_missing_and_names_what_is_missing(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2024, 2, 276, actual_use=None)])
    r105 = only(found, "R105")
    assert len(r105) == 1 and "no actual use" in r105[0].message


def test_R105_fires_in_the_year_holdings_fell_to_zero(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 5, 100), entry(2024, 0, 0, planned_use=None, actual_use=None)])
    assert [f.year for f in only(found, "R105")] == [2024]


def test_R105_quiet_when_nothing_was_held(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 0, 0, planned_use=None, actual_use=None, by_type=[])])
    assert not only(found, "R105")


def test_R105_counts_unknown_holdings_as_holding(write_state, data_dir):
    found = run(write_state, data_dir, [{"year": 2024, "report": "unknown",
                                         "held": {"munitions": None, "submunitions": None}}])
    assert [f.year for f in only(found, "R105")] == [2024]


# R106 --------------------------------------------------------------------------------------------
def test_R106_reports_the_missing_years_between_first_entry_and_last_year_due(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2019, 5, 578), entry(2022, 5, 578)])
    r106 = only(found, "R106")
    assert len(r106) == 1
    assert "2020-2021, 2023-2024" in r106[0].message


def test_R106_uses_the_as_of_date_for_the_last_year_due(write_state, data_dir):
    # The report for 2024 is due on 30 April 2025: on 29 April it is not yet missing.
    found = run(write_state, data_dir, [entry(2023, 5, 578)], as_of=dt.date(2025, 4, 29))
    assert not only(found, "R106")
    found = findings_for(data_dir, dt.date(2025, 4, 30), ("R106",))
    assert "2024" in found[0].message


def test_R106_not_submitted_entries_are_reported(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 5, 578), {"year": 2024, "report": "not_submitted"}])
    assert [(f.year, f.path) for f in only(found, "R106")] == [(2024, "retention[year=2024].report")]


def test_R106_stops_after_retention_ended(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2019, 5, 3220), entry(2020, 0, 0, by_type=[])])
    assert not only(found, "R106")


def test_R106_nothing_due_before_a_late_joiner_entered_into_force(write_state, data_dir):
    late = {"signed": None, "consent": {"date": "2023-08-03", "type": "accession"}, "entry_into_force": "2024-02-01"}
    found = run(write_state, data_dir, [entry(2018, 5, 100), entry(2024, 5, 100)], **late)
    # SPEC §4: a report is due when its due date (30 April of the next year) falls in party time, so the
    # report for 2023 (due 30 April 2024) is due; nothing before it is, and the 2018 entry is not checked.
    assert [f.message.split(" (")[0] for f in only(found, "R106")] == ["no report recorded for 2023"]
    assert {f.year for f in found} <= {2023, 2024}


def test_R106_nothing_due_after_withdrawal(write_state, data_dir):
    withdrawn = {"status": "withdrawn", "withdrawal": {"notified": "2024-09-06", "effective": "2025-03-06"}}
    found = run(write_state, data_dir, [entry(2022, 5, 100)], **withdrawn)
    # 2023 is due 30 April 2024 (still a party); 2024 is due 30 April 2025, after withdrawal took effect.
    assert [f.message for f in only(found, "R106")] == [
        "no report recorded for 2023 (each due 30 April of the next year) while the state was retaining; "
        "add the entries or mark them `not_submitted`"
    ]


# R107 / R108 / R110 ------------------------------------------------------------------------------
def test_R107_fires_for_holdings_without_types(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2024, 0, 125, by_type=[])])
    assert [f.path for f in only(found, "R107")] == ["retention[year=2024].by_type"]


def test_R107_quiet_for_zero_holdings_and_for_typed_holdings(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2023, 0, 125), entry(2024, 0, 0, by_type=[],
                                                                    consumed={"munitions": 0, "submunitions": 125})])
    assert not only(found, "R107")


def test_R108_retention_ending_at_zero_is_info(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2019, 5, 3220), entry(2020, 0, 0, by_type=[])])
    r108 = only(found, "R108")
    assert [(f.year, f.severity.value) for f in r108] == [(2020, "info")]


def test_R108_quiet_when_never_held(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2015, 0, 0, by_type=[]), entry(2016, 0, 0, by_type=[])])
    assert not only(found, "R108")


def test_R110_null_quantity_is_reported_zero_is_not(write_state, data_dir):
    found = run(write_state, data_dir, [
        {"year": 2023, "report": "unknown", "held": {"munitions": None, "submunitions": None}, "sources": SOURCE},
        entry(2024, 0, 0, by_type=[]),
    ])
    assert [f.year for f in only(found, "R110")] == [2023]


def test_signatory_gets_no_retention_findings(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2019, 5, 100), entry(2021, 9, 50)],
                status="signatory", consent=None, entry_into_force=None)
    assert found == []


# R109 --------------------------------------------------------------------------------------------
def test_R109_lists_the_largest_holders_and_those_above_the_threshold(write_state, data_dir):
    for code, subs in (("DEU", 52801), ("CHE", 1299), ("SWE", 125), ("BGR", 300), ("CZE", 0)):
        write_state(make_state(iso3=code, name=code, retention=[entry(2024, 1 if subs else 0, subs)]))
    found = [f for f in findings_for(data_dir, dt.date(2025, 6, 1), ("R109",))]
    assert sorted(f.state for f in found) == ["BGR", "CHE", "DEU"]
    germany = next(f for f in found if f.state == "DEU")
    assert "rank 1 of 4" in germany.message and "above the threshold of 10,000" in germany.message


@pytest.mark.parametrize("as_of", [dt.date(2025, 4, 29)])
def test_R109_uses_the_latest_year_due(write_state, data_dir, as_of):
    write_state(make_state(retention=[entry(2023, 1, 100), entry(2024, 1, 90, consumed={"munitions": 0,
                                                                                        "submunitions": 10})]))
    found = findings_for(data_dir, as_of, ("R109",))
    assert [f.year for f in found] == [2023]


# Found in review -----------------------------------------------------------------------------------
UNKNOWN = {"report": "unknown", "held": {"munitions": None, "submunitions": None}}


def test_R102_R103_compare_across_a_year_of_unknown_holdings(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2015, 10, 100), {"year": 2016, **UNKNOWN}, entry(2017, 5, 50)])
    assert [(f.year, "between 2015 and 2017" in f.message) for f in only(found, "R102")] == [(2017, True)]
    assert not only(found, "R101")


def test_R108_needs_known_positive_holdings_before(write_state, data_dir):
    found = run(write_state, data_dir, [entry(2015, 0, 0, by_type=[]), {"year": 2016, **UNKNOWN},
                                        entry(2017, 0, 0, by_type=[])])
    assert not only(found, "R108")


def test_by_type_rows_stand_for_holdings_when_held_is_left_out(write_state, data_dir):
    rows_2015 = [{"type": "M42", "munitions": 10, "submunitions": 100}]
    rows_2016 = [{"type": "M42", "munitions": 30, "submunitions": 300}]
    first = {"year": 2015, "report": "reported", "by_type": rows_2015, "planned_use": "x", "actual_use": "x",
             "sources": SOURCE}
    found = run(write_state, data_dir, [first, first | {"year": 2016, "by_type": rows_2016}])
    assert not only(found, "R110")
    assert [f.path for f in only(found, "R103")] == ["retention[year=2016]"]


def test_withdrawn_state_is_not_checked_for_a_report_due_after_withdrawal(write_state, data_dir):
    withdrawn = {"status": "withdrawn", "withdrawal": {"notified": "2024-09-06", "effective": "2025-03-06"}}
    found = run(write_state, data_dir, [entry(2023, 1, 10), entry(2024, 1, 10, actual_use=None, by_type=[])],
                **withdrawn)
    assert [f for f in found if f.year == 2024] == []
