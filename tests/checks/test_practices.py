"""P001-P005: every practice code firing and not firing, with every finding of each fixture asserted."""

from __future__ import annotations

import pytest

from tests.conftest import findings_for, make_practice, make_state


def described(data_dir) -> list[tuple[str, str, int | None, str, str]]:
    """Every finding of the data folder as (code, file name, line, path, message)."""
    return [(f.code, (f.file or "").rsplit("/", 1)[-1], f.line, f.path, f.message) for f in findings_for(data_dir)]


@pytest.fixture
def spain(write_state):
    write_state(make_state())


@pytest.mark.usefixtures("spain")
def test_a_clean_practice_has_no_finding(data_dir, write_practice):
    write_practice(make_practice())
    assert described(data_dir) == []


@pytest.mark.usefixtures("spain")
def test_p001_names_each_state_without_a_record_wherever_it_is_named(data_dir, write_practice):
    write_practice(
        make_practice(
            states=["ESP", "RUR"],
            transfers=[{"origin": "ESP", "destination": "QQQ"}],
            assistance=[{"state": "ZZY", "sources": [{"url": "https://example.org/aid"}]}],
        )
    )
    assert described(data_dir) == [
        (
            "P001",
            "esp-example.yaml",
            7,
            "states[1]",
            "`RUR` has no file in states/; correct the code, or name the state in a text field if it has no record",
        ),
        (
            "P001",
            "esp-example.yaml",
            30,
            "transfers[0].destination",
            "`QQQ` has no file in states/; correct the code, or name the state in a text field if it has no record",
        ),
        (
            "P001",
            "esp-example.yaml",
            35,
            "assistance[state=ZZY].state",
            "`ZZY` has no file in states/; correct the code, or name the state in a text field if it has no record",
        ),
    ]


@pytest.mark.usefixtures("spain")
def test_p001_does_not_fire_for_a_state_that_has_a_file(data_dir, write_state, write_practice):
    write_state(make_state(iso3="ITA", name="Italy"))
    write_practice(make_practice(transfers=[{"origin": "ESP", "destination": "ITA"}]))
    assert described(data_dir) == []


@pytest.mark.usefixtures("spain")
def test_p002_a_cost_without_currency_or_year(data_dir, write_practice):
    write_practice(
        make_practice(
            costs=[
                {"amount": 5000},
                {"amount": 7000, "currency": "EUR"},
                {"amount": 9000, "year": 2009},
                {"amount": 4000, "currency": "EUR", "year": 2009},
            ],
            sources=[{"url": "https://example.org/p", "quote": "100 munitions, 2,000 submunitions: 5,000, 7,000, 9,000, 4,000"}],
        )
    )
    assert described(data_dir) == [
        (
            "P002",
            "esp-example.yaml",
            13,
            "costs[0]",
            "the cost of 5,000 has no currency and no year; add currency and year as the source gives them",
        ),
        ("P002", "esp-example.yaml", 16, "costs[1]", "the cost of 7,000 has no year; add year as the source gives them"),
        ("P002", "esp-example.yaml", 20, "costs[2]", "the cost of 9,000 has no currency; add currency as the source gives them"),
    ]


@pytest.mark.usefixtures("spain")
def test_p003_a_quantity_or_a_rate_without_its_unit(data_dir, write_practice):
    write_practice(
        make_practice(
            quantity={"munitions": 100, "other": [{"amount": 26000}, {"amount": 52, "unit": "rockets"}]},
            throughput=[{"amount": 6, "per": "day"}, {"amount": 2500, "unit": "tonnes", "per": "year"}],
            sources=[
                {
                    "url": "https://example.org/p",
                    "quote": "100 munitions, 26,000 items, 52 rockets, 6 a day, 2,500 tonnes, EUR 5,000",
                }
            ],
        )
    )
    assert described(data_dir) == [
        ("P003", "esp-example.yaml", 11, "quantity.other[0]", "26,000 of what? add `unit` as the source words it"),
        ("P003", "esp-example.yaml", 35, "throughput[0]", "6 of what? add `unit` as the source words it"),
    ]


@pytest.mark.usefixtures("spain")
def test_p004_a_practice_without_a_source(data_dir, write_practice):
    write_practice(make_practice(sources=[]))
    assert described(data_dir) == [
        (
            "P004",
            "esp-example.yaml",
            20,
            "sources",
            "the practice gives no source; add `sources` with each URL and a short verbatim quote",
        ),
    ]


@pytest.mark.usefixtures("spain")
def test_p005_an_id_that_differs_from_its_file_name(data_dir, write_practice):
    write_practice(make_practice(), name="esp-other.yaml")
    assert described(data_dir) == [
        (
            "P005",
            "esp-other.yaml",
            2,
            "id",
            "the file name `esp-other.yaml` does not match id `esp-example`; rename the file to `esp-example.yaml` or correct id",
        ),
    ]


@pytest.mark.usefixtures("spain")
def test_p005_two_files_for_one_id_and_not_e004(data_dir, write_practice):
    write_practice(make_practice(), name="esp-example.yaml")
    write_practice(make_practice(), name="esp-example.yml")
    found = described(data_dir)
    assert found == [
        (
            "P005",
            "esp-example.yml",
            2,
            "id",
            "two files for practice `esp-example`: this one and "
            + str(data_dir / "practices" / "esp-example.yaml")
            + "; keep one file per practice",
        ),
    ]
    assert "E004" not in {code for code, *_ in found}


@pytest.mark.usefixtures("spain")
def test_a_malformed_practice_is_e002_at_its_line_and_its_checks_do_not_run(data_dir, write_practice):
    write_practice("id: esp-example\ntitle: Spain\nmethod: burning\nsources: []\n", name="esp-example.yaml")
    assert described(data_dir) == [
        (
            "E002",
            "esp-example.yaml",
            3,
            "method",
            "`burning` is not one of: open_burning_detonation, incineration, contained_detonation, "
            "disassembly_recycling, cryofracture or other",
        ),
    ]


@pytest.mark.usefixtures("spain")
def test_p006_a_figure_that_no_quote_gives(data_dir, write_practice):
    quote = "the practice destroyed 100 cluster munitions and 2,000 submunitions for EUR 1,200,000"
    write_practice(
        make_practice(
            costs=[{"amount": 1300000, "currency": "EUR", "year": 2009, "whole_quantity": True}],
            sources=[{"url": "https://example.org/practice", "quote": quote}],
        )
    )
    assert described(data_dir) == [
        (
            "P006",
            "esp-example.yaml",
            14,
            "costs[0].amount",
            "1,300,000 is not given by any quote of the practice's sources; correct the figure or add the quote that gives it",
        )
    ]
