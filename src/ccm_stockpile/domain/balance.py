"""The balance of retained holdings from one year to the next, with unknown movements kept unknown.

held(previous) - consumed - destroyed - transferred out + acquired + transferred in = held(this year).
A movement not reported is not known: never zero, never "needed". An unreported outflow can only lower
holdings and an unreported inflow only raise them, so the known terms bound what the figures allow:
- the known terms give the reported holdings exactly: the change is accounted for;
- no unreported movement could give them: the figures contradict each other (R101);
- otherwise part of the change is not accounted for, and the finding says how much (R102, R103).
Approximate figures are never used: an approximate part is treated as not known.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from ccm_stockpile.domain.series import PARTS, RetentionYear, known_holdings
from ccm_stockpile.records.state import Direction, RetentionEntry
from ccm_stockpile.records.types import Quantity

OUTFLOWS = ("consumed", "destroyed", "transferred out")
INFLOWS = ("acquired", "transferred in")


def exact(quantity: Quantity | None, name: str) -> int | None:
    """One part of a quantity when known exactly; None when unknown, approximate or absent."""
    return None if quantity is None else quantity.exact(name)


def _transferred(entry: RetentionEntry, direction: Direction, name: str) -> int | None:
    """Sum of one part over the transfers in one direction; None when transfers or a row are unknown."""
    if entry.transfers is None:
        return None
    values = [getattr(transfer, name) for transfer in entry.transfers if transfer.direction == direction]
    return None if None in values else sum(values)


def movements(entry: RetentionEntry, name: str) -> dict[str, int | None]:
    """The year's movements of one part, by term; None where not known."""
    return {
        "consumed": exact(entry.consumed, name),
        "destroyed": exact(entry.destroyed, name),
        "transferred out": _transferred(entry, Direction.OUT, name),
        "acquired": exact(entry.acquired, name),
        "transferred in": _transferred(entry, Direction.IN, name),
    }


@dataclass(frozen=True)
class PartChange:
    """How one part (munitions or submunitions) moved between two years with known holdings."""

    part: str
    before: int
    after: int
    known_net: int  # known inflows less known outflows
    unknown_out: tuple[str, ...]
    unknown_in: tuple[str, ...]
    gap: bool  # the years are not consecutive: nothing is known of the years between

    @property
    def expected(self) -> int:
        """What the known terms give."""
        return self.before + self.known_net

    @property
    def unaccounted(self) -> int:
        """Reported holdings less what the known terms give: below zero, an outflow is missing."""
        return self.after - self.expected

    @property
    def contradictory(self) -> bool:
        """No unreported movement could close the gap: the reported figures cannot all be right."""
        if self.gap:
            return False
        return (self.unaccounted < 0 and not self.unknown_out) or (self.unaccounted > 0 and not self.unknown_in)

    def describe(self) -> str:
        """`submunitions 7,335 -> 6,605`, with the part not accounted for when known movements explain some."""
        text = f"{self.part} {self.before:,} -> {self.after:,}"
        if self.known_net and self.unaccounted:
            text += f" ({abs(self.unaccounted):,} not accounted for by the reported movements)"
        return text


def compare(previous: RetentionYear, current: RetentionYear) -> list[PartChange]:
    """The parts whose holdings are known exactly in both years, and how the year's movements explain them."""
    gap = current.year != previous.year + 1
    changes = []
    for name in PARTS:
        before, after = exact(previous.held, name), exact(current.held, name)
        if before is None or after is None:
            continue
        if gap:
            changes.append(PartChange(name, before, after, 0, (), (), gap=True))
            continue
        terms = movements(current.entry, name)
        known_net = sum(terms[t] or 0 for t in INFLOWS) - sum(terms[t] or 0 for t in OUTFLOWS)
        unknown_out = tuple(t for t in OUTFLOWS if terms[t] is None)
        unknown_in = tuple(t for t in INFLOWS if terms[t] is None)
        changes.append(PartChange(name, before, after, known_net, unknown_out, unknown_in, gap=False))
    return changes


def consecutive_known(series: list[RetentionYear]) -> Iterator[tuple[RetentionYear, RetentionYear]]:
    """Pairs of successive years whose holdings are at least partly known (years of unknown holdings are
    stepped over, which makes the pair a gap)."""
    known = known_holdings(series)
    return itertools.pairwise(known)
