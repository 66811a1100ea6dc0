"""`ccm followup`: who needs follow-up, in what order and why; never a state silently left out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import SOURCE, entry, findings_for, make_state

runner = CliRunner()
NONE = {"munitions": 0, "submunitions": 0}


def followup(data_dir, *args: str, as_of="2025-06-01"):
    return runner.invoke(app, ["followup", "--data", str(data_dir), "--as-of", as_of, *args])


def followup_json(data_dir, *args: str, as_of="2025-06-01", exit_code=0) -> list[dict]:
    result = followup(data_dir, "--format", "json", *args, as_of=as_of)
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)["states"]


def test_order_is_errors_then_warnings_then_holdings_and_only_state_addressed_reasons(data_dir, write_state):
    unbalanced = [entry(2023, 10, 500), entry(2024, 10, 400, consumed=NONE, destroyed=NONE, transfers=[])]
    write_state(make_state(iso3="ESP", retention=unbalanced))
    write_state(make_state(iso3="DEU", name="Germany", retention=[entry(2024, 1, 900, actual_use=None, omitted=["actual_use"])]))
    write_state(make_state(iso3="FRA", name="France", retention=[entry(2024, 1, 50, actual_use=None, omitted=["actual_use"])]))
    # Use we have not recorded is the editor's task, not a reason to write to Sweden.
    write_state(make_state(iso3="SWE", name="Sweden", retention=[entry(2024, 0, 125, actual_use=None)]))
    states = followup_json(data_dir)
    assert [s["iso3"] for s in states] == ["ESP", "DEU", "FRA"]
    assert [(r["code"], r["addressee"]) for r in states[0]["reasons"]] == [("R101", "state")]
    assert states[1]["latest_holdings"] == {"year": 2024, "munitions": 1, "submunitions": 900, "approximate": []}
    assert all(r["addressee"] == "state" for s in states for r in s["reasons"])


def test_retention_ended_and_withdrawn_states_leave_the_list(data_dir, write_state):
    write_state(
        make_state(
            iso3="SVK",
            name="Slovakia",
            retention=[
                entry(2019, 5, 3220, actual_use=None, omitted=["actual_use"]),
                entry(2020, 0, 0, by_type=[], consumed={"munitions": 5, "submunitions": 3220}),
            ],
        )
    )
    write_state(
        make_state(
            iso3="LTU",
            name="Lithuania",
            status="withdrawn",
            withdrawal={"notified": "2024-09-06", "effective": "2025-03-06"},
            retention=[entry(2023, 1, 10, actual_use=None, omitted=["actual_use"])],
        )
    )
    assert followup_json(data_dir) == []
    shown = runner.invoke(app, ["show", "SVK", "--data", str(data_dir), "--as-of", "2025-06-01"])
    assert "Not on the follow-up list: retention ended: holdings reported as zero in 2020" in shown.stdout


def test_reply_awaited_after_a_letter_until_a_later_reply(data_dir, write_state):
    letter = {"date": "2025-02-10", "kind": "letter", "summary": "Asked for planned and actual use", "sources": SOURCE}
    reply = {"date": "2025-03-15", "kind": "reply", "summary": "Use described", "sources": SOURCE}
    same_month = {"date": "2025-02", "kind": "reply", "summary": "Use described", "sources": SOURCE}
    record = make_state(retention=[entry(2024, 1, 10, actual_use=None, omitted=["actual_use"])], engagements=[letter])
    write_state(record)
    first = followup_json(data_dir)[0]
    assert first["reply_awaited"] is True
    assert first["last_engagement"]["kind"] == "letter"
    write_state(record | {"engagements": [letter, reply]})
    assert followup_json(data_dir)[0]["reply_awaited"] is False
    assert followup_json(data_dir, as_of="2025-03-01")[0]["reply_awaited"] is True  # the reply is not known yet
    # A reply dated by month counts as received in that month: no reply is awaited (and no R111 reminder).
    write_state(record | {"engagements": [letter | {"reply_by": "2025-03-10"}, same_month]})
    (state,) = followup_json(data_dir)
    assert state["reply_awaited"] is False
    assert state["reply"]["status"] == "received"
    assert not findings_for(data_dir, codes=("R111",))


def test_a_state_whose_file_has_errors_is_listed_first_never_dropped(data_dir, write_state):
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 9, actual_use=None, omitted=["actual_use"])]))
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    write_state("iso3: [PRT\n", name="prt.yaml")
    states = followup_json(data_dir, exit_code=1)
    assert [(s["iso3"], s["blocked"]) for s in states] == [("ESP", True), ("PRT", True), ("AUT", False)]
    text = followup(data_dir).stdout
    assert text.count("record has errors: fix it first") == 2


def test_shipped_data_lists_the_work_plan_states_while_their_evidence_stands(data_folder):
    """An invariant, not today's content: while a state's file records the work plan's evidence (use omitted
    by its reporting), the state is on follow-up for that reason; a withdrawn state never is."""
    from ccm_stockpile.dataset import load

    dataset = load(data_folder, "data")
    states = {s["iso3"]: s for s in followup_json(data_folder)}
    for iso3 in ("BIH", "NLD", "ESP"):
        loaded = dataset.state(iso3)
        evidence = [e.year for e in loaded.record.retention if {"planned_use", "actual_use"} & set(e.omitted)] if loaded else []
        if evidence:
            assert iso3 in states, f"{iso3} has the work plan's evidence but is not on follow-up"
            assert any(r["code"] == "R105" and r["year"] in evidence for r in states[iso3]["reasons"])
    assert all(r["addressee"] == "state" for s in states.values() for r in s["reasons"])
    withdrawn = {loaded.record.iso3 for loaded in dataset.valid_states() if loaded.record.withdrawal is not None}
    assert not withdrawn & set(states)


def test_text_output_says_exactly_what_each_finding_says(data_dir, write_state):
    write_state(
        make_state(
            retention=[
                entry(2023, 1, 10, actual_use=None, omitted=["actual_use"]),
                entry(2024, 1, 10, planned_use=None, actual_use=None, omitted=["planned_use", "actual_use"]),
            ]
        )
    )
    result = followup(data_dir)
    assert "1 state(s) need follow-up as of 2025-06-01" in result.stdout
    assert (
        "R105 2023: the state held retained munitions, and its reporting is recorded as not giving the actual use"
        in result.stdout
    )
    assert (
        "R105 2024: the state held retained munitions, and its reporting is recorded as not giving the planned "
        "use or the actual use" in result.stdout
    )


def test_state_option_and_escaped_names(data_dir, write_state):
    write_state(
        make_state(
            name="Spain\n::error file=README.md,line=1::x",
            retention=[entry(2024, 1, 10, actual_use=None, omitted=["actual_use"])],
        )
    )
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 9, actual_use=None, omitted=["actual_use"])]))
    assert [s["iso3"] for s in followup_json(data_dir, "--state", "ESP")] == ["ESP"]
    text = followup(data_dir).stdout
    assert "Spain\\n::error file=README.md" in text
    assert not any(line.startswith("::error") for line in text.splitlines())
