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
