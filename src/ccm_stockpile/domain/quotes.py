"""Whether a source's quote carries a figure: the rule behind E009 (state records) and P006 (practices).

A figure carried by a quote stands alone in it (not the tail or head of a longer number), written in digits
(plain or grouped by thousands with any usual separator), as a word for 1-20, or, when the figure is marked
approximate, as `N(.N) million`; a practice's amounts may also be written `45 Millionen`, `£40m`, `17.5 million`,
`25 bis 35 Millionen`, `$2-million` or `20 billion`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.state import StateRecord
from ccm_stockpile.records.types import Quantity, Source

Path = tuple[str | int, ...]

NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen",
    18: "eighteen", 19: "nineteen", 20: "twenty",
}  # fmt: skip
# Thousands separators a source may use: comma, full stop, space, no-break space, narrow no-break space, apostrophes.
SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "'", "\u2019")
_SEPARATOR_CLASS = "[" + re.escape("".join(SEPARATORS)) + "]"
# A figure must stand alone: not the tail of a longer number ("2011", "7,335" for 335, "7 335" for 335) ...
_BEFORE = r"(?<![\d.,])(?<!\d" + _SEPARATOR_CLASS + ")"
# ... nor its head ("1,360" for 1, "7 335" for 7, "6.5" for 6).
_AFTER = r"(?!\d|[.,]\d|" + _SEPARATOR_CLASS + r"\d{3}(?!\d))"

# Words for "million" and "billion" in the languages of the sources, and number words for small amounts.
MILLION = r"(?:million|millions|Millionen|millones|millón|m\b|M€)"
BILLION = r"(?:billion|Milliarden|mil millones)"
SMALL = {2: ("two", "dos", "deux", "zwei"), 4: ("four", "cuatro", "quatre", "vier"), 6: ("six", "seis", "sechs")}


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


def amount_quoted(value: float, quotes: list[str], approximate: bool) -> bool:
    """Digits as `quoted` reads them; else `45 Millionen`, `£40m`, `17.5 million`, `25 bis 35 Millionen`,
    `$2-million`, `20 billion`, or a number word for a small figure."""
    if value == int(value) and quoted(int(value), quotes, approximate):
        return True
    for size, words in ((1_000_000_000, BILLION), (1_000_000, MILLION)):
        if value >= size and (value * 100) % size == 0:
            scaled = f"{value / size:.2f}".rstrip("0").rstrip(".")
            forms = {scaled, scaled.replace(".", ",")}
            if float(scaled) in SMALL:
                forms.update(SMALL[int(float(scaled))])
            number = "(?:" + "|".join(re.escape(form) for form in forms) + ")"
            range_tail = r"(?:\s*(?:to|bis|und|and|y|à|-|\u2013)\s*[£$€]?\d+(?:[.,]\d+)?)?"
            pattern = re.compile(r"(?<![\d.,])[£$€]?" + number + range_tail + r"[\s-]*" + words)
            if any(pattern.search(quote) for quote in quotes):
                return True
            # the upper end of a range: "30 to 40 million" carries 40 million
            if any(re.search(r"\d\s*(?:to|bis|und|and|y|-|\u2013)\s*[£$€]?" + number + r"\s*" + words, q) for q in quotes):
                return True
    if value in SMALL:
        return any(re.search(rf"\b(?:{'|'.join(SMALL[int(value)])})\b", quote, re.IGNORECASE) for quote in quotes)
    return False


def quotes_of(*source_lists: list[Source]) -> list[str]:
    """The quotes of the sources, in order."""
    return [source.quote for sources in source_lists for source in sources if source.quote]


def _quantity(path: Path, quantity: Quantity | None) -> Iterator[tuple[Path, int, bool]]:
    if quantity is None:
        return
    for part in ("munitions", "submunitions"):
        value = getattr(quantity, part)
        if value:  # null and 0 are not checked
            yield (*path, part), value, part in quantity.approximate


def state_figures(record: StateRecord) -> Iterator[tuple[Path, int, bool, list[str]]]:
    """Every non-null, non-zero figure of a state record: its path, value, whether approximate, and the quotes of
    the block it belongs to."""
    stockpile = record.stockpile
    if stockpile is not None:
        quotes = quotes_of(stockpile.sources)
        for name in ("declared", "destroyed"):
            for path, value, approximate in _quantity(("stockpile", name), getattr(stockpile, name)):
                yield path, value, approximate, quotes
        for index, discovery in enumerate(stockpile.discoveries):
            block = quotes_of(discovery.sources, stockpile.sources)
            for path, value, approximate in _quantity(("stockpile", "discoveries", index, "quantity"), discovery.quantity):
                yield path, value, approximate, block
    for position, entry in enumerate(record.retention):
        quotes = quotes_of(entry.sources)
        for name in ("held", "consumed", "destroyed", "acquired"):
            for path, value, approximate in _quantity(("retention", position, name), getattr(entry, name)):
                yield path, value, approximate, quotes
        rows = [("by_type", index, row) for index, row in enumerate(entry.by_type)]
        rows += [("transfers", index, row) for index, row in enumerate(entry.transfers or [])]  # type: ignore[misc]
        for key, index, row in rows:
            for part in ("munitions", "submunitions"):
                value = getattr(row, part)
                if value:
                    yield ("retention", position, key, index, part), value, False, quotes


def practice_figures(record: PracticeRecord) -> Iterator[tuple[Path, float, bool]]:
    """Every figure of a practice: its path, value and whether approximate."""
    quantity = record.quantity
    if quantity is not None:
        for name in ("munitions", "submunitions", "tonnes"):
            value = getattr(quantity, name)
            if value:
                yield ("quantity", name), value, name in quantity.approximate
        for index, measure in enumerate(quantity.other):
            yield ("quantity", "other", index, "amount"), measure.amount, measure.approximate
    for index, cost in enumerate(record.costs):
        yield ("costs", index, "amount"), cost.amount, cost.approximate
        if cost.up_to is not None:
            yield ("costs", index, "up_to"), cost.up_to, cost.approximate
    for index, rate in enumerate(record.throughput):
        yield ("throughput", index, "amount"), rate.amount, rate.approximate
    for index, transfer in enumerate(record.transfers):
        for name in ("munitions", "submunitions"):
            value = getattr(transfer, name)
            if value:
                yield ("transfers", index, name), value, False
