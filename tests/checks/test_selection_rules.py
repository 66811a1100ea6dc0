"""Which checks run, how they are registered, where a finding points, and how R109 ranks holdings
(issue 15, point 5: tests written against the mutants that survived the earlier tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.checks import CHECKS, registry, run_checks, wanted
from ccm_stockpile.checks.retention import check_balance
from ccm_stockpile.dataset import load
from tests.conftest import entry, findings_for, make_state

AS_OF = dt.date(2025, 6, 1)


def codes(data_dir, select=None, ignore=None) -> list[str]:
    return sorted(f.code for f in run_checks(load(data_dir, str(data_dir)), AS_OF, select=select, ignore=ignore))


@pytest.fixture
def two_findings_and_an_error(write_state, data_dir):
    """R105 (use not recorded), R109 (the ranking) and, in another file, E002 (an unknown key)."""
    write_state(make_state(retention=[entry(2024, 2, 276, actual_use=None)]))
    write_state("iso3: ITA\nname: Italy\nstatus: party\nretianed: []\n", name="ita.yaml")
    return data_dir


def test_select_and_ignore_take_code_prefixes_in_any_case(two_findings_and_an_error):
    data_dir = two_findings_and_an_error
    assert codes(data_dir) == ["E002", "R105", "R109"]
    assert codes(data_dir, select=["r10"]) == ["R105", "R109"]
    assert codes(data_dir, select=[" ", "R105 "]) == ["R105"]
    assert codes(data_dir, select=["E"]) == ["E002"]
    assert codes(data_dir, ignore=["e0"]) == ["R105", "R109"]
    assert codes(data_dir, ignore=["R109"]) == ["E002", "R105"]
    assert codes(data_dir, select=["R"], ignore=["R105"]) == ["R109"]


def test_wanted():
    assert wanted("R105", None, None)
    assert wanted("R105", ["r1"], None)
    assert not wanted("R105", ["T"], None)
    assert not wanted("R105", ["  "], None), "a blank prefix selects nothing"
    assert not wanted("R105", None, ["r"])
    assert wanted("R105", None, ["  "])


def test_a_check_is_registered_once_under_a_code_of_the_catalogue(monkeypatch):
    assert CHECKS["R101"] is check_balance
    monkeypatch.setattr(registry, "CHECKS", {})

    def rule(ctx):
        return iter(())

    assert registry.check("R101")(rule) is rule
    assert {"R101": rule} == registry.CHECKS
    with pytest.raises(ValueError, match=r"^R101 registered twice$"):
        registry.check("R101")(rule)
    with pytest.raises(ValueError, match=r"^X999 is not in the catalogue \(ccm_stockpile.codes\)$"):
        registry.check("X999")(rule)


def test_a_finding_names_its_file_line_and_column_and_keeps_its_facts(write_state, data_dir):
    path = write_state(make_state(retention=[entry(2023, 5, 578), {"year": 2024, "report": "not_submitted", "sources": []}]))
    (r106,) = findings_for(data_dir, AS_OF, ("R106",))
    line = next(number for number, text in enumerate(path.read_text().splitlines(), 1) if '"not_submitted"' in text)
    assert (r106.file, r106.line, r106.column, r106.state) == (str(path), line, 7, "ESP")
    assert r106.facts == {"request": "report", "year": 2024, "due": dt.date(2025, 4, 30)}


def test_R109_ranks_by_submunitions_then_munitions_an_unknown_part_as_zero(write_state, data_dir):
    """Four holders, the settings list the three largest: unknown parts count as zero in the order, and one
    submunition outranks any number of munitions."""
    write_state(make_state(iso3="BEL", name="Belgium", retention=[entry(2024, held={"munitions": None, "submunitions": 5})]))
    write_state(make_state(iso3="CHE", name="Switzerland", retention=[entry(2024, 1, 5)]))
    write_state(make_state(iso3="DEU", name="Germany", retention=[entry(2024, held={"munitions": 2, "submunitions": None})]))
    write_state(make_state(iso3="GBR", name="United Kingdom", retention=[entry(2024, 0, 1)]))
    ranked = sorted((f.message.split("rank ")[1][0], f.state) for f in findings_for(data_dir, AS_OF, ("R109",)))
    assert ranked == [("1", "CHE"), ("2", "BEL"), ("3", "GBR")]


def test_a_finding_keeps_the_value_it_is_about(write_state, data_dir):
    write_state(make_state(entry_into_force="2009-01-01"))
    (t203,) = findings_for(data_dir, AS_OF, ("T203",))
    assert t203.value == "2009-01-01"
