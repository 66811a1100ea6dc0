"""The follow-up list as the domain builds it (issue 15, point 5): who is on it, in what order, for what.

The command's own tests (`tests/cli/test_followup.py`) go through the CLI; these call the domain layer
directly, so mutation testing of `domain/followup.py` runs them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ccm_stockpile.checks import contexts, run_checks
from ccm_stockpile.dataset import load
from ccm_stockpile.domain.followup import FollowUp, followups, is_reason, off_followup
from ccm_stockpile.findings import Addressee, Finding, Severity
from tests.conftest import SOURCE, entry, make_state

AS_OF = dt.date(2025, 6, 1)
NONE = {"munitions": 0, "submunitions": 0}
USE_OMITTED: dict[str, Any] = {"actual_use": None, "omitted": ["actual_use"]}
LETTER = {
    "date": "2025-02-10",
    "kind": "letter",
    "summary": "Asked for use",
    "ref": "CCM/1",
    "reply_by": "2025-03-10",
    "sources": SOURCE,
}


def build(data_dir: Path, as_of: dt.date = AS_OF) -> tuple[list[FollowUp], dict[str, Any]]:
    dataset = load(data_dir, str(data_dir))
    views = list(contexts(dataset, as_of))
    found = run_checks(dataset, as_of, state_contexts=views)
    return followups(dataset, views, found), {view.record.iso3: view for view in views}


def summary(items: list[FollowUp]) -> list[tuple]:
    return [
        (
            item.iso3,
            item.name,
            Path(item.file).name,
            item.blocked,
            item.errors,
            item.warnings,
            [(f.code, f.year) for f in item.reasons],
            item.latest.year if item.latest else None,
        )
        for item in items
    ]


def test_order_reasons_and_names(write_state, data_dir):
    """Files that cannot be checked first (more errors first), then errors, warnings, submunitions held,
    munitions held, and the code; only state-addressed R and T findings above info are reasons."""
    write_state(
        make_state(
            iso3="ESP", retention=[entry(2023, 10, 500), entry(2024, 10, 400, consumed=NONE, destroyed=NONE, transfers=[])]
        )
    )
    write_state(make_state(iso3="DEU", name="Germany", retention=[entry(2024, 1, 900, **USE_OMITTED)], engagements=[LETTER]))
    write_state(make_state(iso3="FRA", name="France", retention=[entry(2024, 1, 50, **USE_OMITTED)]))
    write_state(make_state(iso3="BEL", name="Belgium", retention=[entry(2024, 2, 50, **USE_OMITTED)]))
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 2, 50, **USE_OMITTED)]))
    # Use not recorded by us is the editor's task; R109 (a ranking) is information: Sweden is not listed.
    write_state(make_state(iso3="SWE", name="Sweden", retention=[entry(2024, 0, 125, actual_use=None)]))
    write_state("iso3: [PRT\n", name="prt.yaml")
    write_state("iso3: ITA\nstatus: party\nretianed: []\n", name="ita.yaml")
    write_state("iso3: CHE\nname: Switzerland\nstatus: party\nretianed: []\n", name="switzerland.yaml")
    # No reason to write to Andorra, listed first in the folder: the states after it are still considered.
    write_state(make_state(iso3="AND", name="Andorra", retention=[entry(2024, 1, 10)]))
    items, _ = build(data_dir)
    assert summary(items) == [
        ("CHE", "Switzerland", "switzerland.yaml", True, 2, 0, [("E002", None), ("E004", None)], None),
        ("ITA", "ITA", "ita.yaml", True, 2, 0, [("E002", None), ("E002", None)], None),
        ("PRT", "PRT", "prt.yaml", True, 1, 0, [("E001", None)], None),
        ("ESP", "Spain", "esp.yaml", False, 1, 0, [("R101", 2024)], 2024),
        ("DEU", "Germany", "deu.yaml", False, 0, 2, [("R105", 2024), ("R111", None)], 2024),
        ("AUT", "Austria", "aut.yaml", False, 0, 1, [("R105", 2024)], 2024),
        ("BEL", "Belgium", "bel.yaml", False, 0, 1, [("R105", 2024)], 2024),
        ("FRA", "France", "fra.yaml", False, 0, 1, [("R105", 2024)], 2024),
    ]
    assert [item.holdings for item in items[3:]] == [(400, 10), (900, 1), (50, 2), (50, 2), (50, 1)]


def test_a_followup_as_data(write_state, data_dir):
    write_state(make_state(iso3="DEU", name="Germany", retention=[entry(2024, 1, 900, **USE_OMITTED)], engagements=[LETTER]))
    write_state("iso3: ITA\nstatus: party\nretianed: []\n", name="ita.yaml")
    items, _ = build(data_dir)
    blocked, germany = (item.to_dict() for item in items)
    assert blocked == {
        "iso3": "ITA",
        "name": "ITA",
        "file": items[0].file,
        "blocked": True,
        "errors": 2,
        "warnings": 0,
        "reasons": [
            {
                "code": "E002",
                "severity": "error",
                "addressee": "editor",
                "year": None,
                "line": 1,
                "message": "the required key `name` is missing; add it",
            },
            {
                "code": "E002",
                "severity": "error",
                "addressee": "editor",
                "year": None,
                "line": 3,
                "message": "unknown key `retianed`; did you mean `retention`?",
            },
        ],
        "latest_holdings": None,
        "last_engagement": None,
        "reply_awaited": False,
        "reply": None,
    }
    assert germany["reasons"][0] == {
        "code": "R105",
        "severity": "warning",
        "addressee": "state",
        "year": 2024,
        "line": 38,
        "message": "2024: the state held retained munitions, and its reporting is recorded as not giving the actual use; "
        "ask the state for it (Art. 3(8))",
    }
    assert [reason["code"] for reason in germany["reasons"]] == ["R105", "R111"]
    assert {
        key: germany[key] for key in ("errors", "warnings", "latest_holdings", "last_engagement", "reply_awaited", "reply")
    } == {
        "errors": 0,
        "warnings": 2,
        "latest_holdings": {"year": 2024, "munitions": 1, "submunitions": 900, "approximate": []},
        "last_engagement": {"date": "2025-02-10", "kind": "letter", "summary": "Asked for use"},
        "reply_awaited": True,
        "reply": {"status": "awaited", "detail": "", "letter": {"date": "2025-02-10", "ref": "CCM/1", "reply_by": "2025-03-10"}},
    }


def test_a_letter_without_a_reply_date_and_holdings_partly_approximate(write_state, data_dir):
    held = {"munitions": 1, "submunitions": 900, "approximate": ["submunitions"]}
    write_state(
        make_state(
            iso3="DEU",
            name="Germany",
            retention=[entry(2024, held=held, **USE_OMITTED)],
            engagements=[LETTER | {"reply_by": None, "ref": None}],
        )
    )
    (item,) = build(data_dir)[0]
    data = item.to_dict()
    assert data["latest_holdings"] == {"year": 2024, "munitions": 1, "submunitions": 900, "approximate": ["submunitions"]}
    assert data["reply"]["letter"] == {"date": "2025-02-10", "ref": None, "reply_by": None}


def test_unknown_holdings_are_the_latest_entry_when_no_figure_is_known(write_state, data_dir):
    unknown = {
        "year": 2024,
        "report": "unknown",
        "held": {"munitions": None, "submunitions": None},
        "omitted": ["quantity"],
        "sources": SOURCE,
    }
    write_state(make_state(retention=[unknown]))
    (item,) = build(data_dir)[0]
    assert [f.code for f in item.reasons] == ["R110"]
    assert item.latest is not None
    assert item.latest.year == 2024
    assert item.holdings == (0, 0)
    assert item.to_dict()["latest_holdings"] == {"year": 2024, "munitions": None, "submunitions": None, "approximate": []}


def test_ended_and_withdrawn_states_are_off_the_list_and_say_why(write_state, data_dir):
    write_state(
        make_state(
            iso3="SVK",
            name="Slovakia",
            retention=[
                entry(2018, 5, 3220),
                entry(2019, 5, 3220, **USE_OMITTED),
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
            retention=[entry(2023, 1, 10, **USE_OMITTED)],
        )
    )
    write_state(make_state(iso3="FRA", name="France", retention=[entry(2024, 1, 50, **USE_OMITTED)]))
    write_state(make_state(iso3="NOR", name="Norway", retention=[entry(2024, 1, 60, **USE_OMITTED)]))
    ended = [entry(2019, 5, 100), entry(2020, 0, 0, by_type=[], consumed={"munitions": 5, "submunitions": 100})]
    write_state(make_state(iso3="CZE", name="Czechia", retention=ended))
    items, views = build(data_dir)
    assert [item.iso3 for item in items] == ["NOR", "FRA"]
    assert {iso3: off_followup(view) for iso3, view in views.items()} == {
        "CZE": "retention ended: holdings reported as zero in 2020 (stockpile findings still count)",
        "FRA": None,
        "LTU": "withdrawn with effect from 2025-03-06: no obligations after that date",
        "NOR": None,
        "SVK": "retention ended: holdings reported as zero in 2020 (stockpile findings still count)",
    }


def test_a_reason_is_state_addressed_on_a_treaty_obligation_and_above_info():
    def finding(code: str, severity: Severity = Severity.WARNING, addressee: Addressee = Addressee.STATE) -> Finding:
        return Finding(code, severity, "m", addressee=addressee)

    assert is_reason(finding("R105"))
    assert is_reason(finding("T201", Severity.ERROR))
    assert not is_reason(finding("R109", Severity.INFO))
    assert not is_reason(finding("R105", addressee=Addressee.EDITOR))
    assert not is_reason(finding("E002", Severity.ERROR))
    assert not is_reason(finding("P101"))


def test_errors_and_warnings_are_counted_by_severity():
    reasons = [
        Finding("R101", Severity.ERROR, "m"),
        Finding("R105", Severity.WARNING, "m"),
        Finding("R105", Severity.WARNING, "m"),
        Finding("R109", Severity.INFO, "m"),
    ]
    item = FollowUp("ESP", "Spain", "esp.yaml", reasons)
    assert (item.errors, item.warnings, item.holdings, item.reply_awaited) == (1, 2, (0, 0), False)


def test_the_latest_holdings_are_those_of_the_latest_year_due(write_state, data_dir):
    """Before 30 April the past year's report is not due yet: its figure is not the latest."""
    write_state(make_state(retention=[entry(2023, 2, 20, **USE_OMITTED), entry(2024, 1, 10, **USE_OMITTED)]))
    (item,) = build(data_dir, dt.date(2025, 3, 1))[0]
    assert item.latest is not None
    assert (item.latest.year, item.holdings) == (2023, (20, 2))


def test_a_state_with_reasons_and_no_retention_entry_has_no_latest_holdings(write_state, data_dir):
    write_state(make_state(stockpile={"status": "held", "sources": SOURCE}))
    (item,) = build(data_dir)[0]
    assert ([f.code for f in item.reasons], item.latest, item.to_dict()["latest_holdings"]) == (["T201"], None, None)
