"""What an invitation recalls: only what the state's record sources."""

from __future__ import annotations

from ccm_stockpile.domain.invitations import supporting_sources
from ccm_stockpile.records.types import PartialDate, Quantity, Source

FIGURES = Source(url="https://example.org/a", quote="destroyed 4,963 cluster munitions and 2.8 million submunitions")
YEAR = Source(url="https://example.org/b", quote="completed destruction in October 2015")
OTHER = Source(url="https://example.org/c", quote="retains 3,000 submunitions")


def test_the_footnote_cites_the_sources_that_carry_the_figures_or_the_year():
    destroyed = Quantity(munitions=4963, submunitions=2_800_000, approximate=["submunitions"])
    found = supporting_sources([OTHER, FIGURES, YEAR], destroyed, PartialDate("2015-10-31"))
    assert found == [FIGURES, YEAR]


def test_a_figure_must_stand_alone_in_the_quote():
    destroyed = Quantity(munitions=963, submunitions=None)
    assert supporting_sources([OTHER, FIGURES], destroyed, None) == [OTHER]  # 963 is only the tail of 4,963


def test_without_a_matching_quote_the_first_source_is_cited():
    assert supporting_sources([OTHER, YEAR], None, PartialDate("2011")) == [OTHER]
