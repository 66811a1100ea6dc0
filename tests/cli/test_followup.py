"""`ccm followup`: who needs follow-up, in what order, and why; the shipped data names the work plan's states."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT, SOURCE, entry, make_state

runner = CliRunner()


def followup_json(data_dir, as_of="2025-06-01") -> list[dict]:
    result = runner.invoke(app, ["followup", "--data", str(data_dir), "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["states"]


def test_order_is_errors_then_warnings_then_holdings(data_dir, write_state):
    unbalanced = [entry(2023, 10, 500), entry(2024, 10, 400, consumed={"munitions": 0, "submunitions": 0},
                                                destroyed={"munitions": 0, "submunitions": 0},
                                                acquired={"munitions": 0, "submunitions": 0}, transfers=[])]
    write_state(make_state(iso3="ESP", retention=unbalanced))
    write_state(make_state(iso3="DEU", name="Germany", retention=[entry(2024, 1, 900, actual_use=None)]))
    write_state(make_state(iso3="FRA", name="France", retention=[entry(2024, 1, 50, actual_use=None)]))
    write_state(make_state(iso3="SWE", name="Sweden", retention=[entry(2024, 0, 125)]))  # nothing to follow up
    states = followup_json(data_dir)
    assert [s["iso3"] for s in states] == ["ESP", "DEU", "FRA"]
    assert states[0]["errors"] == 1 and states[0]["reasons"][0]["code"] == "R101"
    assert states[1]["latest_holdings"] == {"year": 2024, "munitions": 1, "submunitions": 900}


def test_retention_ended_and_withdrawn_states_leave_the_list(data_dir, write_state):
    write_state(make_state(iso3="SVK", name="Slovakia", retention=[entry(2019, 5, 3220, actual_use=None),
                                                                   entry(2020, 0, 0, by_type=[])]))
    write_state(make_state(iso3="LTU", name="Lithuania", status="withdrawn",
                           withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"},
                           retention=[entry(2023, 1, 10, actual_use=None)]))
    assert followup_json(data_dir) == []
    shown = runner.invoke(app, ["show", "SVK", "--data", str(data_dir), "--as-of", "2025-06-01"])
    assert "Not on the follow-up list: retention ended: holdings reported as zero in 2020" in shown.stdout


def test_reply_awaited_after_a_letter_until_a_later_reply(data_dir, write_state):
    letter = {"date": "2025-02-01", "kind": "letter", "summary": "Asked for planned and actual use", "sources": SOURCE}
    reply = {"date": "2025-03-15", "kind": "reply", "summary": "Use described", "sources": SOURCE}
    record = make_state(retention=[entry(2024, 1, 10, actual_use=None)], engagements=[letter])
    write_state(record)
    first = followup_json(data_dir)[0]
    assert first["reply_awaited"] is True and first["last_engagement"]["kind"] == "letter"
    write_state(record | {"engagements": [letter, reply]})
    assert followup_json(data_dir)[0]["reply_awaited"] is False
    # As of a date before the reply, the reply is not known yet.
    assert followup_json(data_dir, as_of="2025-03-01")[0]["reply_awaited"] is True


def test_shipped_data_lists_the_work_plan_states_for_the_reasons_their_data_supports():
    states = {s["iso3"]: s for s in followup_json(PROJECT / "data")}
    for iso3 in ("BIH", "NLD", "ESP"):
        assert iso3 in states, f"{iso3} missing from followup"
        codes = {reason["code"] for reason in states[iso3]["reasons"]}
        # Each is said to retain (work plan) with no figure or use for the latest year.
        assert {"R105", "R110"} <= codes, (iso3, codes)
        assert states[iso3]["last_engagement"]["kind"] == "statement"
    assert "R106" in {r["code"] for r in states["ESP"]["reasons"]}
    assert "LTU" not in states


def test_text_output_groups_reasons_by_code(data_dir, write_state):
    write_state(make_state(retention=[entry(2023, 1, 10, actual_use=None), entry(2024, 1, 10, actual_use=None)]))
    result = runner.invoke(app, ["followup", "--data", str(data_dir), "--as-of", "2025-06-01"])
    assert "1 state(s) need follow-up as of 2025-06-01" in result.stdout
    assert "R105 no planned or actual use reported: 2023, 2024" in result.stdout
