"""What the good-practice database holds, computed once: which practices concern a state and how, the
queries behind `ccm practices`, the cost comparison, and the states whose practice is still missing.

Unit costs are derived here (an amount divided by the practice's own quantity) and always said to be
derived; an amount is put in another currency or price year only with a sourced rate from settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.practice import Cost, CostBasis, Method, PracticeRecord
from ccm_stockpile.records.settings import Comparison, ConversionRate
from ccm_stockpile.records.state import StateStatus, StockpileStatus


class Role(StrEnum):
    """How a practice concerns a state."""

    STOCKPILE = "own stockpile"
    HOST = "destruction hosted"
    ASSISTANCE = "assistance given"


@dataclass(frozen=True)
class PracticeLink:
    """A practice as it concerns one state."""

    id: str
    title: str
    method: Method | None
    roles: tuple[Role, ...]

    @property
    def own(self) -> bool:
        """The practice is about the destruction of this state's own stockpile."""
        return Role.STOCKPILE in self.roles


def practice_records(dataset: Dataset) -> list[PracticeRecord]:
    """Every valid practice, by id."""
    records = [loaded.record for loaded in dataset.valid_practices() if loaded.record is not None]
    return sorted(records, key=lambda record: record.id)


def roles(record: PracticeRecord, iso3: str) -> tuple[Role, ...]:
    """How the practice concerns the state: its own stockpile, destruction it hosted, assistance it gave."""
    found = []
    if iso3 in record.states:
        found.append(Role.STOCKPILE)
    if any(transfer.destination == iso3 for transfer in record.transfers):
        found.append(Role.HOST)
    if any(assistance.state == iso3 for assistance in record.assistance):
        found.append(Role.ASSISTANCE)
    return tuple(found)


def practices_for(practices: Iterable[PracticeRecord], iso3: str) -> list[PracticeLink]:
    """The practices that concern a state, each with its roles: those of its own stockpile first, then by id."""
    links = []
    for record in practices:
        found = roles(record, iso3.upper())
        if found:
            links.append(PracticeLink(record.id, record.title, record.method, found))
    return sorted(links, key=lambda link: (Role.STOCKPILE not in link.roles, link.id))


def uses(record: PracticeRecord, method: Method) -> bool:
    """The practice used the method, as its main method or another one."""
    return record.method == method or method in record.other_methods


def select(practices: Iterable[PracticeRecord], method: Method | None = None, state: str | None = None) -> list[PracticeRecord]:
    """The practices that used `method` (main or other) and concern `state` (in any role)."""
    return [
        record
        for record in practices
        if (method is None or uses(record, method)) and (state is None or roles(record, state.upper()))
    ]


def find(practices: Iterable[PracticeRecord], identifier: str) -> PracticeRecord | None:
    return next((record for record in practices if record.id == identifier), None)


# --- the cost comparison --------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    """An amount, or a range, in a currency and price year (either may be unknown)."""

    low: float
    high: float | None
    approximate: bool
    currency: str | None
    year: int | None

    def scaled(self, factor: float, currency: str | None = None, year: int | None = None) -> Money:
        high = None if self.high is None else self.high * factor
        return Money(self.low * factor, high, self.approximate, currency or self.currency, year or self.year)

    def divided(self, count: float, approximate: bool) -> Money:
        high = None if self.high is None else self.high / count
        return Money(self.low / count, high, self.approximate or approximate, self.currency, self.year)


class Basis(StrEnum):
    """How a row's amounts are stated."""

    AS_GIVEN = "as given"
    CONVERTED = "converted"
    SAME = "comparable as published"


@dataclass(frozen=True)
class CostRow:
    """One published cost of one practice, with what can be derived from it."""

    practice: PracticeRecord
    cost: Cost
    given: Money
    shown: Money
    basis: Basis
    reason: str
    rate: ConversionRate | None
    per_munition: Money | None
    per_submunition: Money | None
    per_tonne: Money | None

    @property
    def derived(self) -> bool:
        """True when a unit cost was computed here rather than published."""
        return self.cost.per == CostBasis.TOTAL and any((self.per_munition, self.per_submunition, self.per_tonne))


def _convert(money: Money, comparison: Comparison | None) -> tuple[Money, Basis, str, ConversionRate | None]:
    if comparison is None:
        return money, Basis.AS_GIVEN, "no comparison currency and year are set (settings.yaml: comparison)", None
    target = f"{comparison.currency} {comparison.year}"
    if money.currency is None or money.year is None:
        return money, Basis.AS_GIVEN, "the currency or price year is not known", None
    if (money.currency, money.year) == (comparison.currency, comparison.year):
        return money, Basis.SAME, f"already in {target}", None
    rate = next((r for r in comparison.rates if (r.currency, r.year) == (money.currency, money.year)), None)
    if rate is None:
        return money, Basis.AS_GIVEN, f"no sourced rate from {money.currency} {money.year} to {target}", None
    return money.scaled(rate.factor, comparison.currency, comparison.year), Basis.CONVERTED, f"converted to {target}", rate


def cost_rows(practices: Iterable[PracticeRecord], comparison: Comparison | None = None) -> list[CostRow]:
    """Every published cost of the practices, converted where a sourced rate allows, with unit costs.

    A unit cost is derived only from a total that the record says pays for the practice's whole quantity,
    divided by that quantity; a cost published per unit is shown in its column as it is.
    """
    rows = []
    for record in practices:
        quantity = record.quantity
        for cost in record.costs:
            given = Money(cost.amount, cost.up_to, cost.approximate, cost.currency, cost.year)
            shown, basis, reason, rate = _convert(given, comparison)
            units: dict[str, Money | None] = {"munition": None, "submunition": None, "tonne": None}
            if cost.per != CostBasis.TOTAL:
                units[cost.per.value] = shown
            elif cost.whole_quantity and quantity is not None:
                for unit, part in (("munition", "munitions"), ("submunition", "submunitions"), ("tonne", "tonnes")):
                    count = getattr(quantity, part)
                    if count:
                        units[unit] = shown.divided(count, part in quantity.approximate)
            rows.append(
                CostRow(record, cost, given, shown, basis, reason, rate, units["munition"], units["submunition"], units["tonne"])
            )
    return rows


# --- who has not shared yet -----------------------------------------------------------------------


def completed(view: StateView) -> bool:
    """The state's record says it completed destruction, on a date not after the view's date."""
    stockpile = view.record.stockpile
    if stockpile is None or stockpile.status != StockpileStatus.DESTROYED or stockpile.completed is None:
        return False
    return not stockpile.completed.surely_after(view.as_of)


def state_party(view: StateView) -> bool:
    """A State Party on the view's date (bound by the Convention, not withdrawn)."""
    return view.record.status == StateStatus.PARTY and view.party.ever_party and view.party.end is None


def completed_without_practice(views: Iterable[StateView], practices: Iterable[PracticeRecord]) -> list[StateView]:
    """States Parties that completed destruction and have no practice of their own stockpile in the database."""
    covered = {code for record in practices for code in record.states}
    return [view for view in views if state_party(view) and completed(view) and view.record.iso3 not in covered]


@dataclass(frozen=True)
class Compendium:
    """What the compendium states: the practices by method, the cost comparison, and what is missing."""

    date: dt.date
    by_method: list[tuple[Method | None, list[PracticeRecord]]]
    costs: list[CostRow]
    comparison: Comparison | None
    missing: list[StateView]

    @property
    def count(self) -> int:
        return sum(len(records) for _, records in self.by_method)


def compendium(dataset: Dataset, views: list[StateView], as_of: dt.date) -> Compendium:
    """The compendium as of a date: practices grouped by main method (method not known last)."""
    practices = practice_records(dataset)
    groups: list[tuple[Method | None, list[PracticeRecord]]] = []
    for method in [*Method, None]:
        members = [record for record in practices if record.method == method]
        if members:
            groups.append((method, members))
    comparison = dataset.settings.comparison
    return Compendium(as_of, groups, cost_rows(practices, comparison), comparison, completed_without_practice(views, practices))
