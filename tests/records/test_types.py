"""Partial dates are ranges; ISO codes are current."""

from __future__ import annotations

import datetime as dt

import pycountry
import pytest

from ccm_stockpile.records.iso3166 import ALPHA3
from ccm_stockpile.records.types import PartialDate


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2012", dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
        ("2012-02", dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
        ("2013-02", dt.date(2013, 2, 1), dt.date(2013, 2, 28)),
        ("2012-02-15", dt.date(2012, 2, 15), dt.date(2012, 2, 15)),
    ],
)
def test_partial_date_is_a_range(text, earliest, latest):
    date = PartialDate(text)
    assert (date.earliest, date.latest, str(date)) == (earliest, latest, text)


def test_only_sure_order_counts():
    assert not PartialDate("2012").surely_before(PartialDate("2012-06-01"))
    assert PartialDate("2011").surely_before(PartialDate("2012-01-01"))
    assert PartialDate("2012-07").surely_after(PartialDate("2012-06-30"))


@pytest.mark.parametrize("text", ["2015-13-01", "2015-02-29", "15-01-01", "2015/01/01", "2015-1-1"])
def test_malformed_dates_are_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        PartialDate(text)


def test_embedded_iso3166_table_is_current():
    assert frozenset(country.alpha_3 for country in pycountry.countries) == ALPHA3


@pytest.mark.parametrize("text", ["0000", "9999-12-01", "1899"])
def test_implausible_years_are_refused_not_crashing_later(text):
    with pytest.raises(ValueError, match="between 1900 and 2100"):
        PartialDate(text)


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (
            {"munitions": 34876, "submunitions": 14900000, "approximate": ["submunitions"]},
            "34,876 munitions / about 14.9 million submunitions",
        ),
        (
            {"munitions": 573000, "submunitions": 63000000, "approximate": ["munitions", "submunitions"]},
            "about 573,000 munitions / about 63 million submunitions",
        ),
        (
            {"munitions": 13623, "submunitions": 1360000, "approximate": ["submunitions"]},
            "13,623 munitions / about 1.36 million submunitions",
        ),
        ({"munitions": None, "submunitions": 125}, "? munitions / 125 submunitions"),
    ],
)
def test_a_quantity_is_written_as_its_source_gives_it(quantity, text):
    from ccm_stockpile.records.types import Quantity

    assert str(Quantity.model_validate(quantity)) == text


def test_approximate_must_name_a_given_part_once():
    from pydantic import ValidationError

    from ccm_stockpile.records.types import Quantity

    with pytest.raises(ValidationError, match="names submunitions, which is null"):
        Quantity.model_validate({"munitions": 1, "submunitions": None, "approximate": ["submunitions"]})
    with pytest.raises(ValidationError, match="names a part twice"):
        Quantity.model_validate({"munitions": 1, "submunitions": 2, "approximate": ["munitions", "munitions"]})
