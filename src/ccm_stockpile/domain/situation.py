"""Each State's retention situation (Art. 3(6)-(8)) as one value, with the evidence it rests on.

Computed once per State view (`StateView.situation`); `show`, `export`, letters, the Working Document and the
progress report read it and none recomputes it.

- **retains**: the latest known holdings are above zero (always with that figure's year);
- **ended**: holdings were above zero and the latest known figure is zero (its year, and how: consumed,
  destroyed, transferred, or not explained by the reported movements);
- **unknown**: retention entries exist, but no figure is known (a source says the State retains, with no
  quantity);
- **none**: no known holding was ever above zero. A `never_held` stockpile alone does not mean none: a State
  may acquire munitions for training later.

A holding is *known* when at least one of its parts is given. A later entry that contradicts the latest figure
is the `conflict`: after a zero, an entry that records what the State's report left out about retained
munitions (`omitted`) while giving no quantity, i.e. a source that still counts the State as retaining.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ccm_stockpile.domain.series import RetentionYear, known_holdings
from ccm_stockpile.records.state import Direction, Omission
from ccm_stockpile.records.types import Quantity, Source


class Situation(StrEnum):
    RETAINS = "retains"
    ENDED = "ended"
    UNKNOWN = "unknown"
    NONE = "none"


class EndedHow(StrEnum):
    """How holdings came to zero, from the movements reported between the last figure above zero and the zero."""

    CONSUMED = "consumed"
    DESTROYED = "destroyed"
    TRANSFERRED = "transferred"
    NOT_EXPLAINED = "not explained"


@dataclass(frozen=True)
class Figure:
    """One year's holdings as recorded, with the entry's sources."""

    year: int
    held: Quantity
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Conflict:
    """A later source that contradicts the latest figure: its year, what it says, and its sources."""

    year: int
    says: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class RetentionSituation:
    """The retention situation of one State and the evidence it rests on."""

    kind: Situation
    latest: Figure | None = None  # the latest known holdings (retains, ended, and none with a zero figure)
    peak: Figure | None = None  # ended: the last figure above zero before the zero
    ended_how: tuple[EndedHow, ...] = ()  # ended: how (NOT_EXPLAINED when no movement is reported)
    conflict: Conflict | None = None
    said_to_retain: tuple[int, ...] = ()  # unknown: the years whose entries say so with no quantity
    ended_in: int | None = None  # ended: the first year at whose end holdings were zero

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources the situation rests on (those of the latest figure), then the conflict's."""
        own = self.latest.sources if self.latest else ()
        return own + (self.conflict.sources if self.conflict else ())

    @property
    def retains(self) -> bool:
        return self.kind == Situation.RETAINS

    def describe(self) -> str:
        """One line for the editor's outputs (`show`, `export`): the situation with its evidence."""
        if self.kind == Situation.RETAINS and self.latest:
            text = f"retains: {self.latest.held} at the end of {self.latest.year}"
        elif self.kind == Situation.ENDED and self.latest:
            how = ", ".join(how.value for how in self.ended_how)
            since = f" (from {self.peak.held} in {self.peak.year})" if self.peak else ""
            text = f"ended in {self.ended_in}{since}: {how}; latest figure {self.latest.held} at the end of {self.latest.year}"
        elif self.kind == Situation.UNKNOWN:
            years = ", ".join(str(year) for year in self.said_to_retain)
            text = f"unknown: said to retain ({years}), no quantity known" if years else "unknown: no quantity known"
        elif self.latest:
            text = f"none: no holding above zero known (latest figure: {self.latest.held} in {self.latest.year})"
        else:
            text = "none: no holding above zero known"
        if self.conflict:
            text += f"; conflict: {self.conflict.year}: {self.conflict.says}"
        return text


_RETENTION_OMISSIONS = frozenset(Omission) - {Omission.MOVEMENTS}


def _figure(item: RetentionYear) -> Figure:
    assert item.held is not None
    return Figure(item.year, item.held, tuple(item.entry.sources))


def _said_to_retain(item: RetentionYear) -> bool:
    """The entry gives `held` with no part known: a source says the State retains an unknown quantity."""
    return item.held is not None and item.held.entirely_unknown


def _contradicts_zero(item: RetentionYear) -> bool:
    """A source still counts the State as retaining: the entry records what the report left out about retained
    munitions, and gives no quantity."""
    return item.held_unknown and bool(set(item.entry.omitted) & _RETENTION_OMISSIONS)


def _ended_how(series: list[RetentionYear], peak: RetentionYear, zero: RetentionYear) -> tuple[EndedHow, ...]:
    found: list[EndedHow] = []
    for item in series:
        if not peak.year < item.year <= zero.year:
            continue
        entry = item.entry
        if entry.consumed is not None and entry.consumed.positive:
            found.append(EndedHow.CONSUMED)
        if entry.destroyed is not None and entry.destroyed.positive:
            found.append(EndedHow.DESTROYED)
        if any(t.direction == Direction.OUT and (t.munitions or t.submunitions) for t in entry.transfers or []):
            found.append(EndedHow.TRANSFERRED)
    ordered = tuple(how for how in EndedHow if how in found)
    return ordered or (EndedHow.NOT_EXPLAINED,)


def retention_situation(series: list[RetentionYear]) -> RetentionSituation:
    """The situation from the year series of a State (the entries that count as of the date)."""
    known = known_holdings(series)
    if not known:
        said = tuple(item.year for item in series if _said_to_retain(item) or _contradicts_zero(item))
        if said:
            return RetentionSituation(Situation.UNKNOWN, said_to_retain=said)
        return RetentionSituation(Situation.NONE)
    latest = known[-1]
    later = [item for item in series if item.year > latest.year and _contradicts_zero(item)]
    conflict = None
    if later and latest.held_zero:
        item = later[-1]
        conflict = Conflict(
            item.year,
            f"a source counts the State as retaining (no quantity) after {latest.held} at the end of {latest.year}",
            tuple(item.entry.sources),
        )
    if latest.held_positive:
        return RetentionSituation(Situation.RETAINS, _figure(latest), conflict=conflict)
    positives = [item for item in known if item.held_positive]
    if not positives:
        return RetentionSituation(Situation.NONE, _figure(latest), conflict=conflict)
    peak = positives[-1]
    if latest.held_zero:
        zero = next(item for item in known if item.year > peak.year and item.held_zero)
        how = _ended_how(series, peak, zero)
        return RetentionSituation(Situation.ENDED, _figure(latest), _figure(peak), how, conflict, ended_in=zero.year)
    # The latest figure is partly known and not above zero (e.g. munitions 0, submunitions null) after holdings
    # above zero: whether any remain is not known.
    return RetentionSituation(Situation.UNKNOWN, _figure(latest), _figure(peak), conflict=conflict)
