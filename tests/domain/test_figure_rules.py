"""How a figure may be written in a quote, which source carries it, and money scaled by a rate (issue 15,
point 5: tests written against the mutants that survived the earlier tests)."""

from __future__ import annotations

from ccm_stockpile.domain.invitations import _gives, _written, supporting_sources
from ccm_stockpile.domain.practices import Money
from ccm_stockpile.records.types import Quantity, Source


def test_a_figure_is_written_with_any_thousands_separator_longest_form_first():
    forms = _written(1250, approximate=False)
    assert set(forms) == {"1250", "1,250", "1.250", "1 250", "1\u00a0250", "1\u202f250", "1'250", "1\u2019250"}
    assert [len(form) for form in forms] == [5] * 7 + [4], "longest first, so a grouped figure is matched whole"


def test_only_an_approximate_figure_of_a_million_or_more_may_be_written_in_millions():
    assert "1.25 million" in _written(1_250_000, approximate=True)
    assert "1 million" in _written(1_000_000, approximate=True)
    assert not any("million" in form for form in _written(1_250_000, approximate=False))
    assert not any("million" in form for form in _written(999_999, approximate=True))
    assert not any("million" in form for form in _written(999_999, approximate=False))


def test_a_quote_gives_a_figure_only_as_a_whole_number():
    assert _gives("some 1.25 million submunitions were destroyed", 1_250_000, approximate=True)
    assert not _gives("some 1.25 million submunitions were destroyed", 1_250_000, approximate=False)
    assert _gives("it destroyed 1,250 munitions", 1250, approximate=False)
    assert not _gives("it destroyed 11,250 munitions", 1250, approximate=False)
    assert not _gives("it destroyed 1,250,000 munitions", 1250, approximate=False)


def source(quote: str | None, url: str = "https://example.org/report") -> Source:
    return Source.model_validate({"url": url, "quote": quote} if quote is not None else {"url": url})


def test_the_sources_whose_quote_gives_a_destroyed_figure_each_part_read_with_its_own_approximation():
    general = source(None, "https://example.org/general")
    munitions = source("it destroyed 1,250 munitions", "https://example.org/munitions")
    millions = source("about 1.5 million submunitions", "https://example.org/millions")
    destroyed = Quantity(munitions=1250, submunitions=1_500_000, approximate=["submunitions"])
    assert supporting_sources([general, munitions, millions], destroyed, None) == [munitions, millions]
    exact = Quantity(munitions=1250, submunitions=1_500_000)
    assert supporting_sources([general, millions], exact, None) == [general], "none gives it: the first source"
    assert supporting_sources(
        [general, millions], Quantity(munitions=1_500_000, submunitions=None, approximate=["munitions"]), None
    ) == [millions]


def test_money_scaled_scales_both_ends_of_a_range():
    money = Money(100.0, 200.0, False, "EUR", 2010)
    assert money.scaled(2.0) == Money(200.0, 400.0, False, "EUR", 2010)
    assert money.scaled(0.5, "USD", 2020) == Money(50.0, 100.0, False, "USD", 2020)
    assert Money(100.0, None, True, None, None).scaled(3.0) == Money(300.0, None, True, None, None)
