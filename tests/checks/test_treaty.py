"""T201, T202, T204: deadlines, discoveries after completion, withdrawal; all as of a date.

Each test asserts every finding of its fixture, so a spurious one fails it.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import codes_of, findings_for, make_state

HELD = {"status": "held"}
FOUND = {
    "found": "2012",
    "quantity": {"munitions": 4, "submunitions": None},
    "destroyed": None,
    "sources": [{"url": "https://x.org"}],
}


def test_T201_deadline_is_entry_into_force_plus_eight_years(write_state, data_dir):
    write_state(make_state(stockpile=HELD))
    assert codes_of(findings_for(data_dir, dt.date(2018, 8, 1))) == []
    found = findings_for(data_dir, dt.date(2018, 8, 2))
    assert [f.message.split(" has")[0] for f in found] == [
        "the stockpile destruction deadline 2018-08-01 (entry into force + 8 years)"
    ]


def test_T201_extension_granted_by_the_as_of_date_moves_the_deadline(write_state, data_dir):
    extended = {"status": "held", "extensions": [{"granted": "2017-09-05", "new_deadline": "2022-08-01"}]}
    write_state(make_state(stockpile=extended))
    assert not findings_for(data_dir, dt.date(2020, 1, 1))
    assert codes_of(findings_for(data_dir, dt.date(2022, 9, 1))) == ["T201"]


def test_T201_an_extension_granted_after_the_as_of_date_is_ignored(write_state, data_dir):
    extended = {"status": "held", "extensions": [{"granted": "2019-09", "new_deadline": "2022-08-01"}]}
    write_state(make_state(stockpile=extended))
    assert codes_of(findings_for(data_dir, dt.date(2019, 1, 1))) == ["T201"]


def test_T201_completion_dated_after_the_as_of_date_counts_as_still_held(write_state, data_dir):
    write_state(make_state(stockpile={"status": "destroyed", "completed": "2023-06"}))
    assert codes_of(findings_for(data_dir, dt.date(2020, 1, 1))) == ["T201"]
    assert not findings_for(data_dir, dt.date(2023, 7, 1))


def test_T202_discovery_not_destroyed(write_state, data_dir):
    write_state(make_state(stockpile={"status": "destroyed", "discoveries": [FOUND]}))
    found = findings_for(data_dir)
    assert [f.path for f in found] == ["stockpile.discoveries[found=2012]"]


def test_T202_quiet_once_destroyed_and_before_found(write_state, data_dir):
    write_state(make_state(stockpile={"status": "destroyed", "discoveries": [FOUND | {"destroyed": "2014"}]}))
    assert not findings_for(data_dir)
    assert codes_of(findings_for(data_dir, dt.date(2013, 6, 1))) == ["T202"]
    assert not findings_for(data_dir, dt.date(2011, 6, 1))


def test_T204_withdrawn_state_only_after_the_withdrawal_took_effect(write_state, data_dir):
    write_state(make_state(status="withdrawn", withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"}))
    assert not findings_for(data_dir, dt.date(2025, 3, 5))
    found = findings_for(data_dir, dt.date(2025, 3, 6))
    assert [(f.code, f.severity.value) for f in found] == [("T204", "info")]


def test_signatory_gets_no_treaty_findings(write_state, data_dir):
    write_state(make_state(status="signatory", consent=None, entry_into_force=None, stockpile=HELD))
    assert findings_for(data_dir) == []


def test_T201_derived_deadline_uses_the_latest_day_a_partial_entry_into_force_may_mean(write_state, data_dir):
    write_state(
        make_state(stockpile=HELD, entry_into_force="2015", consent={"date": "2015", "type": "ratification"}, signed=None)
    )
    assert not findings_for(data_dir, dt.date(2023, 6, 1))
    assert codes_of(findings_for(data_dir, dt.date(2024, 1, 2))) == ["T201"]


def test_stockpile_reasons_keep_a_state_on_followup_after_retention_ended(write_state, data_dir):
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.dataset import load
    from ccm_stockpile.domain.followup import followups

    write_state(
        make_state(
            stockpile={"status": "destroyed", "discoveries": [FOUND]},
            retention=[
                {
                    "year": 2023,
                    "report": "reported",
                    "held": {"munitions": 0, "submunitions": 0},
                    "sources": [{"url": "https://x.org"}],
                }
            ],
        )
    )
    dataset = load(data_dir)
    views = contexts(dataset, dt.date(2025, 6, 1))
    items = followups(dataset, list(views), run_checks(dataset, dt.date(2025, 6, 1), state_contexts=views))
    assert [(i.iso3, [f.code for f in i.reasons]) for i in items] == [("ESP", ["T202"])]


def test_show_and_T201_state_the_same_deadline_for_a_partial_entry_into_force(write_state, data_dir):
    from typer.testing import CliRunner

    from ccm_stockpile.cli.app import app

    write_state(make_state(stockpile=HELD, entry_into_force="2011-08", consent={"date": "2011-02", "type": "acceptance"}))
    (t201,) = findings_for(data_dir, dt.date(2020, 1, 1))
    assert "deadline 2019-08-31 (entry into force + 8 years)" in t201.message
    shown = CliRunner().invoke(app, ["show", "ESP", "--data", str(data_dir), "--as-of", "2020-01-01"])
    assert "deadline 2019-08-31 (entry into force + 8 years)" in shown.stdout


def test_T202_not_followed_after_withdrawal(write_state, data_dir):
    write_state(
        make_state(
            status="withdrawn",
            withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"},
            stockpile={"status": "destroyed", "discoveries": [FOUND]},
        )
    )
    assert codes_of(findings_for(data_dir, dt.date(2025, 1, 1))) == ["T202"]
    assert codes_of(findings_for(data_dir, dt.date(2025, 6, 1))) == ["T204"]  # no T202 once withdrawn


def test_T201_stops_once_a_withdrawal_takes_effect(write_state, data_dir):
    withdrawn = {"notified": "2024-09-06", "effective": "2025-03-06"}
    write_state(make_state(status="withdrawn", stockpile=HELD, withdrawal=withdrawn))
    assert codes_of(findings_for(data_dir, dt.date(2025, 3, 5))) == ["T201"]
    assert codes_of(findings_for(data_dir, dt.date(2025, 3, 6))) == ["T204"]
