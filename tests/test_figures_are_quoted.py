"""Every non-zero figure of the shipped data is carried by a quote of its own block's sources.

"Every figure carries its source" (CONTRIBUTING.md): a figure that no quote of its block gives cannot be checked
by a reader, and may have been derived (a sum, a difference) rather than read. The blocks are the stockpile
(`declared`, `destroyed`), each discovery (`quantity`; the stockpile's sources count too), and each retention entry
(`held`, `consumed`, `destroyed`, `acquired`, each `by_type` row and each transfer). A figure must appear in a
`quote` as digits, with or without thousands separators (`7335`, `7,335`, `7 335`, `7.335`), or in English words
for 1 to 20 ("five cluster munitions"); a part marked `approximate` may also be quoted as "N million" or
"N.N million". Null (not known) and 0 (none) are not checked. A sum of quoted figures does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from ccm_stockpile.dataset import load

NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
}
# Thousands separators a source may use: comma, full stop, space, no-break space, narrow no-break space, apostrophes.
SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "'", "\u2019")
_SEPARATOR_CLASS = "[" + re.escape("".join(SEPARATORS)) + "]"
# A figure must stand alone: not the tail of a longer number ("2011", "7,335" for 335, "7 335" for 335) ...
_BEFORE = r"(?<![\d.,])(?<!\d" + _SEPARATOR_CLASS + ")"
# ... nor its head ("1,360" for 1, "7 335" for 7, "6.5" for 6).
_AFTER = r"(?!\d|[.,]\d|" + _SEPARATOR_CLASS + r"\d{3}(?!\d))"


def written_forms(value: int, approximate: bool = False) -> list[str]:
    """The ways a quote may write `value` in digits: plain or grouped by thousands; 'N(.N) million' if rounded."""
    grouped = f"{value:,}"
    forms = {str(value), grouped}
    forms.update(grouped.replace(",", separator) for separator in SEPARATORS)
    if approximate and value >= 1_000_000 and value % 1_000 == 0:
        forms.add(f"{value / 1_000_000:.3f}".rstrip("0").rstrip(".") + " million")
    return sorted(forms, key=len, reverse=True)


def quoted(value: int, quotes: list[str], approximate: bool = False) -> bool:
    """True if some quote gives `value` as a whole figure (digits, a word for 1-20, or 'N million' if rounded)."""
    patterns = [re.compile(_BEFORE + re.escape(form) + _AFTER) for form in written_forms(value, approximate)]
    if value in NUMBER_WORDS:
        patterns.append(re.compile(r"\b" + NUMBER_WORDS[value] + r"\b", re.IGNORECASE))
    return any(pattern.search(quote) for quote in quotes for pattern in patterns)


@dataclass(frozen=True)
class Figure:
    block: str  # e.g. "retention[year=2019]"
    field: str  # e.g. "held.submunitions"
    value: int
    approximate: bool
    quotes: tuple[str, ...]


def _quotes(*source_lists) -> tuple[str, ...]:
    return tuple(quote for sources in source_lists for source in sources for quote in source.quotes)


def _quantity_figures(block, name, quantity, quotes) -> Iterator[Figure]:
    if quantity is None:
        return
    for part in ("munitions", "submunitions"):
        value = getattr(quantity, part)
        if value:  # null and 0 are not checked
            yield Figure(block, f"{name}.{part}", value, part in quantity.approximate, quotes)


def _row_figures(block, name, row, quotes) -> Iterator[Figure]:
    for part in ("munitions", "submunitions"):
        value = getattr(row, part)
        if value:
            yield Figure(block, f"{name}.{part}", value, False, quotes)


def figures(record) -> Iterator[Figure]:
    """Every non-null, non-zero figure of a state record, with the quotes of the block it belongs to."""
    stockpile = record.stockpile
    if stockpile is not None:
        quotes = _quotes(stockpile.sources)
        for name in ("declared", "destroyed"):
            yield from _quantity_figures("stockpile", name, getattr(stockpile, name), quotes)
        for index, discovery in enumerate(stockpile.discoveries):
            block = f"stockpile.discoveries[{index}]"
            yield from _quantity_figures(block, "quantity", discovery.quantity, _quotes(discovery.sources, stockpile.sources))
    for entry in record.retention:
        block = f"retention[year={entry.year}]"
        quotes = _quotes(entry.sources)
        for name in ("held", "consumed", "destroyed", "acquired"):
            yield from _quantity_figures(block, name, getattr(entry, name), quotes)
        for row in entry.by_type:
            yield from _row_figures(block, f"by_type[type={row.type}]", row, quotes)
        for index, transfer in enumerate(entry.transfers or []):
            yield from _row_figures(
                block, f"transfers[{index}]({transfer.direction.value} {transfer.counterpart})", transfer, quotes
            )


@pytest.fixture(scope="module")
def dataset(data_folder):
    """The shipped data, and the same with valid changes made (`conftest.data_folder`)."""
    return load(data_folder, "data")


def test_quoted_recognises_digits_words_and_rounded_figures():
    assert quoted(7335, ["destroyed 7335 submunitions"])
    assert quoted(7335, ["destroyed 7,335 submunitions"])
    assert quoted(7335, ["destroyed 7 335 submunitions"])
    assert quoted(7335, ["destroyed 7.335 submunitions"])
    assert quoted(7335, ["destroyed 7\u00a0335 submunitions"])
    assert quoted(10_138_480, ["ce qui représentait 10.138.480 sous-munitions"])
    assert quoted(114, ["destroyed a stockpile of 114 cluster munitions in May 2011."])
    assert quoted(5, ["retained five cluster munitions"])
    assert quoted(2, ["Two submunitions were consumed"])
    assert quoted(20, ["twenty bombs"])
    assert quoted(14_900_000, ["34,876 cluster munitions and 14.9 million submunitions"], approximate=True)
    assert quoted(63_000_000, ["nearly 63 million submunitions"], approximate=True)
    assert quoted(1_360_000, ["1.36 million submunitions"], approximate=True)
    assert quoted(1_360_000, ["1,360,000 submunitions"], approximate=True)


def test_quoted_refuses_other_numbers_sums_and_unmarked_rounding():
    assert not quoted(335, ["destroyed 7,335 submunitions"])  # the tail of a larger number
    assert not quoted(335, ["destroyed 7 335 submunitions"])
    assert not quoted(7, ["destroyed 7 335 submunitions"])  # the head of a larger number
    assert not quoted(1, ["destroyed 1,360 submunitions"])
    assert not quoted(6, ["6.5 tonnes"])
    assert not quoted(11, ["in May 2011"])
    assert not quoted(573_000, ["573,0001 items"])
    assert not quoted(3_000_000, ["nearly 63 million submunitions"], approximate=True)
    assert not quoted(2_000_000, ["2.8 million submunitions"], approximate=True)
    assert not quoted(14_900_000, ["14.9 million submunitions"])  # rounded in the source, not marked approximate
    assert not quoted(21, ["twenty-one"])  # words only for 1-20
    assert not quoted(4, ["someone forgot"])  # a word, not part of one
    assert not quoted(30, ["10 munitions and 20 submunitions"])  # a sum is not a quote
    assert not quoted(12, [])


def test_every_nonzero_figure_appears_in_a_quote_of_its_block(dataset):
    states = [loaded for loaded in dataset.states if loaded.record is not None]
    assert states, "no state record loaded"
    checked = 0
    missing = []
    for loaded in states:
        for figure in figures(loaded.record):
            checked += 1
            if not quoted(figure.value, list(figure.quotes), figure.approximate):
                rounded = " (approximate)" if figure.approximate else ""
                missing.append(
                    f"{loaded.display}: {figure.block}.{figure.field} = {figure.value:,}{rounded}: "
                    f"no quote of the block gives it ({len(figure.quotes)} quote(s))"
                )
    assert checked > 0, "no figure found to check"
    assert not missing, f"{len(missing)} of {checked} figures are not quoted:\n" + "\n".join(missing)
