"""E005-E008 and T203: contradictions inside one record."""

from __future__ import annotations

import pytest

from tests.conftest import codes_of, entry, findings_for, make_state


def test_E005_second_entry_for_a_year_is_reported_on_the_repeat(write_state, data_dir):
    write_state(make_state(retention=[entry(2015, 1, 10), entry(2016, 1, 10), entry(2015, 1, 10)]))
    found = findings_for(data_dir, codes=("E005",))
    assert [(f.path, f.year) for f in found] == [("retention[year=2015]", 2015)]
    assert found[0].line > 20  # the third entry, not the first


def test_E005_out_of_order_entry(write_state, data_dir):
    write_state(make_state(retention=[entry(2016, 1, 10), entry(2015, 1, 10)]))
    found = findings_for(data_dir, codes=("E005",))
    assert [f.message for f in found] == ["the entry for 2015 comes after the entry for 2016; keep entries in ascending year"]


def test_E005_checks_use_the_first_entry_of_a_repeated_year(write_state, data_dir):
    write_state(make_state(retention=[entry(2023, 1, 10), entry(2024, 1, 10), entry(2024, 9, 900)]))
    assert not findings_for(data_dir, codes=("R103",))


def test_E006_by_type_rows_that_do_not_add_up(write_state, data_dir):
    rows = [{"type": "M42", "munitions": 4, "submunitions": 300}, {"type": "M46", "munitions": 4, "submunitions": 150}]
    write_state(make_state(retention=[entry(2016, 10, 450, by_type=rows)]))
    found = findings_for(data_dir, codes=("E006",))
    assert [f.message for f in found] == ["in 2016, munitions rows add up to 8, held says 10: correct the rows or the total"]


def test_E006_quiet_when_a_row_is_unknown(write_state, data_dir):
    rows = [{"type": "M42", "munitions": None, "submunitions": 300}]
    write_state(make_state(retention=[entry(2016, 10, 300, by_type=rows)]))
    assert not findings_for(data_dir, codes=("E006",))


@pytest.mark.parametrize(
    ("overrides", "path", "everything"),
    [
        ({"signed": "2010-01-01"}, "signed", [("E007", None)]),
        # Entry into force before consent is also not what Article 17 gives.
        ({"entry_into_force": "2009-01-01"}, "entry_into_force", [("E007", None), ("T203", None)]),
        (
            {"status": "withdrawn", "withdrawal": {"notified": "2024-09-06", "effective": "2024-03-06"}},
            "withdrawal.effective",
            [("E007", None), ("T204", None)],
        ),
        (
            {
                "stockpile": {
                    "status": "destroyed",
                    "discoveries": [
                        {
                            "found": "2013",
                            "quantity": {"munitions": 4, "submunitions": None},
                            "destroyed": "2012-12",
                            "sources": [{"url": "https://x.org"}],
                        }
                    ],
                }
            },
            "stockpile.discoveries[found=2013].destroyed",
            [("E007", None)],
        ),
        (
            {"retention": [entry(2016, 1, 1, submitted="2016-11-30")]},
            "retention[year=2016].submitted",
            [("E007", 2016), ("R106", 2024), ("R109", 2016)],
        ),
    ],
)
def test_E007_sure_contradictions(write_state, data_dir, overrides, path, everything):
    write_state(make_state(**overrides))
    found = findings_for(data_dir)
    assert [f.path for f in found if f.code == "E007"] == [path]
    assert sorted((f.code, f.year) for f in found) == everything


@pytest.mark.parametrize(
    "overrides",
    [
        {"signed": "2009"},  # partial: the year of consent, so not surely after it
        {"signed": "2009-06"},
        {"stockpile": {"status": "destroyed", "completed": "2009-03-31"}},  # completed before EIF is fine
        {"retention": [entry(2016, 1, 1, submitted="2017")]},
    ],
)
def test_E007_quiet_for_ranges_that_overlap_and_early_completion(write_state, data_dir, overrides):
    write_state(make_state(**overrides))
    assert [f.code for f in findings_for(data_dir) if f.code.startswith("E")] == []


@pytest.mark.parametrize(
    ("consent", "entry_into_force", "fires"),
    [
        ("2009-06-17", "2010-08-01", False),  # among the first 30: 1 August 2010
        ("2012-10-08", "2013-04-01", False),  # Australia
        ("2012-10-08", "2013-03-01", True),
        ("2010-02-23", "2010-08-01", False),  # sixth month after February is August
        ("2010-09", "2011-03-01", False),  # month precision is enough
        ("2010", "2011-03-01", False),  # a year alone: nothing to check
        ("2025-09-05", "2026-03-01", False),  # Vanuatu
    ],
)
def test_T203_article_17(write_state, data_dir, consent, entry_into_force, fires):
    write_state(make_state(consent={"date": consent, "type": "ratification"}, entry_into_force=entry_into_force, signed=None))
    assert codes_of(findings_for(data_dir)) == (["T203"] if fires else [])


def test_T203_when_entry_into_force_cannot_be_determined(write_state, data_dir):
    write_state(
        make_state(
            consent={"date": "2011", "type": "ratification"}, entry_into_force=None, signed=None, stockpile={"status": "held"}
        )
    )
    found = findings_for(data_dir)
    assert codes_of(found) == ["T203"]
    assert "entry into force cannot be determined" in found[0].message


WITHDRAWAL = {"notified": "2024-09-06", "effective": "2025-03-06"}


@pytest.mark.parametrize(
    ("overrides", "as_of", "message"),
    [
        (
            {"status": "withdrawn", "withdrawal": None},
            "2025-06-01",
            "status is `withdrawn` but no `withdrawal` is recorded; add the withdrawal's notified and effective dates, "
            "or correct the status",
        ),
        (
            {"status": "party", "withdrawal": WITHDRAWAL},
            "2025-06-01",
            "status is `party` but the withdrawal took effect on 2025-03-06; set `status: withdrawn`",
        ),
        (
            {"status": "signatory"},
            "2025-06-01",
            "status is `signatory` but the record gives a consent date; a state that deposited its consent is a party: "
            "set `status: party`, or remove the date if it is wrong",
        ),
    ],
)
def test_E008_status_disagrees_with_the_dates(write_state, data_dir, overrides, as_of, message):
    import datetime as dt

    write_state(make_state(**overrides))
    found = findings_for(data_dir, dt.date.fromisoformat(as_of), codes=("E008",))
    assert [(f.path, f.message, f.addressee.value) for f in found] == [("status", message, "editor")]


def test_E008_quiet_when_status_and_dates_agree(write_state, data_dir):
    import datetime as dt

    write_state(make_state(status="withdrawn", withdrawal=WITHDRAWAL))
    write_state(make_state(iso3="PRT", name="Portugal", status="party", withdrawal=WITHDRAWAL))
    # Before the withdrawal takes effect, `party` is still right.
    assert findings_for(data_dir, dt.date(2025, 1, 1), codes=("E008",)) == []
    assert [f.state for f in findings_for(data_dir, dt.date(2025, 6, 1), codes=("E008",))] == ["PRT"]


def test_E009_a_figure_that_no_quote_of_its_block_gives(write_state, data_dir):
    quoted_source = [{"url": "https://example.org/r", "quote": "10 munitions and 400 submunitions"}]
    retention = [{"year": 2016, "report": "reported", "held": {"munitions": 10, "submunitions": 500}, "sources": quoted_source}]
    write_state(make_state(retention=retention))
    found = [f for f in findings_for(data_dir) if f.code == "E009"]
    assert [(f.path, f.year, f.addressee.value, f.message) for f in found] == [
        (
            "retention[year=2016].held.submunitions",
            2016,
            "editor",
            "500 is not given by any quote of its block's sources; check it against the source and correct the figure, "
            "or add the quote that gives it",
        )
    ]
