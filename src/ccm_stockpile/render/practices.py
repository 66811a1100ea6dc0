"""The good-practice database for people (rich text), for scripts (JSON), and as a compendium (Markdown through
the project's template environment, Word and HTML through pandoc)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccm_stockpile.domain.practices import Compendium, CostRow, Money
from ccm_stockpile.domain.provenance import citation, plain_citation
from ccm_stockpile.records.practice import CostKind, Method, PracticeQuantity, PracticeRecord
from ccm_stockpile.records.settings import Comparison
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.records.types import Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Format, Safe, convert, environment, escape_markdown, render_markdown
from ccm_stockpile.render.filters import language_filters
from ccm_stockpile.render.text import markup

if TYPE_CHECKING:
    from rich.console import Console

METHOD_LABELS = {
    Method.OPEN_BURNING_DETONATION: "open burning and open detonation",
    Method.INCINERATION: "incineration",
    Method.CONTAINED_DETONATION: "contained detonation",
    Method.DISASSEMBLY_RECYCLING: "disassembly and recycling",
    Method.CRYOFRACTURE: "cryofracture",
    Method.OTHER: "other",
}
NO_METHOD = "method not known"
KIND_LABELS = {
    CostKind.OUTTURN: "cost",
    CostKind.ESTIMATE: "estimate",
    CostKind.BUDGET: "budget",
    CostKind.INVESTMENT: "investment",
    CostKind.OPTION: "option not chosen",
}


def method_label(method: Method | None) -> str:
    return NO_METHOD if method is None else METHOD_LABELS[method]


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"


def figure(value: float, approximate: bool = False) -> str:
    """`573,700`; `about 58 million` or `about 50,000` for a figure its source gives rounded."""
    if not approximate:
        return _number(value)
    if value >= 1_000_000:
        return "about " + f"{value / 1_000_000:,.3f}".rstrip("0").rstrip(".") + " million"
    return f"about {_number(value)}"


def quantity_text(quantity: PracticeQuantity | None) -> str:
    """`573,700 cluster munitions; about 58 million submunitions; about 50,000 tonnes`, or `not known`."""
    if quantity is None:
        return "not known"
    parts = []
    for name, unit in (("munitions", "cluster munitions"), ("submunitions", "submunitions"), ("tonnes", "tonnes")):
        value = getattr(quantity, name)
        if value is not None:
            parts.append(f"{figure(value, name in quantity.approximate)} {unit}")
    parts += [f"{figure(m.amount, m.approximate)} {m.unit or '(unit not given)'}" for m in quantity.other]
    return "; ".join(parts) or "not known"


def _scaled(value: float) -> tuple[str, str]:
    """`20 billion`, `17.5 million` as (figure, word); plain figures below a million."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if value >= size and value % (size // 100) == 0:
            return f"{value / size:,.2f}".rstrip("0").rstrip("."), f" {word}"
    return _number(value), ""


def _amount(value: float) -> str:
    figure_text, word = _scaled(value)
    return figure_text + word


def money_text(money: Money) -> str:
    """`about EUR 45 million`, `CHF 25 to 35 million`, `GBP 1.03`; `? 12,000` when the currency is not known."""
    currency = money.currency or "(currency not given)"
    if money.high is None or money.high == money.low:
        text = f"{currency} {_amount(money.low)}"
    elif _scaled(money.low)[1] and _scaled(money.low)[1] == _scaled(money.high)[1]:
        text = f"{currency} {_scaled(money.low)[0]} to {_amount(money.high)}"
    else:
        text = f"{currency} {_amount(money.low)} to {_amount(money.high)}"
    return f"about {text}" if money.approximate else text


def money_with_year(money: Money) -> str:
    year = f" ({money.year} prices)" if money.year else " (price year not given)"
    return money_text(money) + year


def states_text(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(codes) if codes else "-"


def _methods(record: PracticeRecord) -> str:
    text = method_label(record.method)
    if record.other_methods:
        text += " (also " + ", ".join(METHOD_LABELS[m] for m in record.other_methods) + ")"
    return text


# --- terminal -------------------------------------------------------------------------------------


def print_list(practices: list[PracticeRecord], console: Console) -> None:
    """One block per practice: id, methods and states, then its title and period."""
    console.print(f"{len(practices)} practice(s)")
    for record in practices:
        console.print(f"\n[bold]{markup(record.id)}[/bold]  {markup(_methods(record))}  {markup(states_text(record.states))}")
        console.print(f"  {markup(record.title)}")
        console.print(f"  period: {markup(record.period or 'not known')}; {len(record.sources)} source(s)")


def practices_json(practices: list[PracticeRecord]) -> str:
    """`{"count", "practices": [...]}`: the records as they validate, fields left out where not known."""
    payload = {"count": len(practices), "practices": [record.model_dump(mode="json", exclude_none=True) for record in practices]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


_TEXT_FIELDS = ("facility", "period", "funding", "procurement", "safety", "environment", "efficiency", "verification", "lessons")


def print_practice(record: PracticeRecord, console: Console) -> None:
    """The whole record, every field labelled, `not known` where it is left out, sources with their quotes."""
    console.print(f"[bold]{markup(record.title)}[/bold]")
    console.print(f"id {markup(record.id)}; states {markup(states_text(record.states))}; method {markup(_methods(record))}")
    console.print(f"quantity: {markup(quantity_text(record.quantity))}")
    for cost in record.costs:
        money = Money(cost.amount, cost.up_to, cost.approximate, cost.currency, cost.year)
        covers = f": {cost.covers}" if cost.covers else ""
        console.print(f"{KIND_LABELS[cost.kind]}: {markup(money_with_year(money))}, per {cost.per.value}{markup(covers)}")
    for transfer in record.transfers:
        figures = ", ".join(
            f"{_number(value)} {name}"
            for name, value in (("munitions", transfer.munitions), ("submunitions", transfer.submunitions))
            if value is not None
        )
        detail = "; ".join(part for part in (str(transfer.year or ""), figures, transfer.what or "") if part)
        console.print(
            f"transfer (Art. 3(7)): {transfer.origin} -> {transfer.destination}{markup(': ' + detail if detail else '')}"
        )
    for assistance in record.assistance:
        console.print(f"assistance (Art. 6(5)) from {assistance.state}: {markup(assistance.means or 'not described')}")
    for rate in record.throughput:
        covers = f" ({rate.covers})" if rate.covers else ""
        unit = rate.unit or "(unit not given)"
        console.print(
            f"throughput: {markup(figure(rate.amount, rate.approximate))} {markup(unit)} per {rate.per.value}{markup(covers)}"
        )
    for name in _TEXT_FIELDS:
        value = getattr(record, name)
        console.print(f"{name}: {markup(value) if value else '[dim]not known[/dim]'}")
    if record.note:
        console.print(f"[dim]note: {markup(record.note)}[/dim]")
    console.print(f"\n[bold]Sources[/bold] ({len(record.sources)})")
    for index, source in enumerate(record.sources, start=1):
        console.print(f"  {index}. {markup(plain_citation(citation(source)))}")
        for reading in source.readings:
            if reading.url and reading.url != citation(source).url:
                console.print(f"     read at {markup(reading.url)}")
            if reading.quote:
                console.print(f"     [italic]{markup(reading.quote)}[/italic]")


def _unit(money: Money | None) -> str:
    if money is None:
        return "-"
    return ("~" if money.approximate else "") + money_text(Money(money.low, money.high, False, money.currency, None))


def print_costs(rows: list[CostRow], comparison: Comparison | None, console: Console) -> None:
    """The cost table: each published amount, its unit costs where the data allows, and how it is stated."""
    from rich.table import Table

    if not rows:
        console.print("no published cost among these practices")
        return
    target = f"{comparison.currency} at {comparison.year} prices" if comparison else None
    console.print(
        f"{len(rows)} published cost(s); " + (f"compared in {target}" if target else "no comparison currency and year set")
    )
    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
    for header, justify in (
        ("practice", "left"),
        ("amount (price year)", "left"),
        ("/munition", "right"),
        ("/submunition", "right"),
        ("/tonne", "right"),
        ("stated", "left"),
    ):
        table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in rows:
        year = row.shown.year or "year?"
        table.add_row(
            markup(row.practice.id),
            markup(f"{KIND_LABELS[row.cost.kind]}: {money_text(row.shown)} ({year})"),
            markup(_unit(row.per_munition)),
            markup(_unit(row.per_submunition)),
            markup(_unit(row.per_tonne)),
            row.basis.value,
        )
    console.print(table)
    console.print(
        "\nUnit costs are derived here: a published total that pays for the practice's whole quantity, divided by "
        "that quantity; ~ marks one that rests on a rounded figure."
    )
    console.print(
        "as given: the amount stays in its own currency and price year, because no sourced rate converts it; "
        "amounts stated as given in different currencies or years cannot be compared directly."
    )
    for row in rows:
        if row.rate is not None:
            source = plain_citation(citation(row.rate.source))
            console.print(f"rate for {row.given.currency} {row.given.year}: {row.rate.factor:g} ({markup(source)})")


def _money_dict(money: Money | None) -> dict[str, Any] | None:
    if money is None:
        return None
    return {
        "amount": money.low,
        "up_to": money.high,
        "approximate": money.approximate,
        "currency": money.currency,
        "year": money.year,
    }


def costs_json(rows: list[CostRow], comparison: Comparison | None) -> str:
    """`{"comparison", "costs": [...]}`; every row says whether it is converted or stated as given, and why."""
    payload = {
        "comparison": None if comparison is None else {"currency": comparison.currency, "year": comparison.year},
        "costs": [
            {
                "practice": row.practice.id,
                "kind": row.cost.kind.value,
                "per": row.cost.per.value,
                "covers": row.cost.covers,
                "given": _money_dict(row.given),
                "shown": _money_dict(row.shown),
                "basis": row.basis.value,
                "reason": row.reason,
                "rate_source": None if row.rate is None else row.rate.source.model_dump(mode="json", exclude_none=True),
                "derived": row.derived,
                "per_munition": _money_dict(row.per_munition),
                "per_submunition": _money_dict(row.per_submunition),
                "per_tonne": _money_dict(row.per_tonne),
            }
            for row in rows
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


# --- the compendium -------------------------------------------------------------------------------


def _cite(source: Source) -> Safe:
    """The document (domain/provenance: never a mirror, never a note), with the first quote read."""
    text = language_filters(Language.EN)["cite"](source)
    quote = next(iter(source.quotes), None)
    return Safe(f"{text}: \u201c{escape_markdown(quote)}\u201d" if quote else text)


def _filters(states: dict[str, StateRecord]) -> dict[str, Any]:
    def state_name(code: str) -> str:
        record = states.get(code)
        return words.state_name(record, Language.EN) if record else code

    return {
        "method_label": method_label,
        "quantity_text": quantity_text,
        "money": money_with_year,
        "unit_cost": _unit,
        "kind_label": lambda kind: KIND_LABELS[kind],
        "figure": lambda value, approximate=False: Safe(figure(value, approximate)),
        "state_name": state_name,
        "state_names": lambda codes: ", ".join(state_name(code) for code in codes),
        "cite": _cite,
        "long_date": lambda day: Safe(words.long_date(day, Language.EN)),
        "cost_money": lambda cost: money_with_year(Money(cost.amount, cost.up_to, cost.approximate, cost.currency, cost.year)),
        # a table cell is one line: a line break from the data would end the table
        "one_line": lambda text: " ".join(str(text).split()),
    }


def compendium_markdown(built: Compendium, states: dict[str, StateRecord], templates: Path | None = None) -> str:
    """The compendium as Markdown, from `practices/compendium.en.md.j2`."""
    env = environment(templates, _filters(states))
    context = {"compendium": built}
    return render_markdown(env, "practices/compendium.en.md.j2", context)


def compendium_file(built: Compendium, output: Format) -> str:
    """The file name: fixed words and the date only."""
    return f"practices-compendium-{built.date.isoformat()}.en.{output.value}"


def render_compendium(built: Compendium, states: dict[str, StateRecord], output: Format, templates: Path | None = None) -> bytes:
    """The compendium in the chosen format."""
    markdown = compendium_markdown(built, states, templates)
    return convert(markdown, output, "Compendium of stockpile destruction practices", built.date, "en")
