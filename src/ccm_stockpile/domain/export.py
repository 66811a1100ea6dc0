"""The records as flat tables for spreadsheets and scripts: states, stockpiles, retention (one row per state
and year), engagements and practices, each row with every figure and the sources it rests on.

A figure is a number, `None` where the record says *not known* (null or left out), and 0 only where it says
*none*. Lists (types, transfers, extensions, discoveries) are written as one line of text per item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.situation import RetentionSituation
from ccm_stockpile.domain.view import state_views
from ccm_stockpile.records.practice import Cost, PracticeRecord
from ccm_stockpile.records.state import Extension, RetentionEntry, StateRecord, Transfer, TypeRow
from ccm_stockpile.records.types import Quantity, Source

Cell = str | int | float | None

TABLES = ("states", "stockpiles", "retention", "engagements", "practices")


@dataclass
class Table:
    """A named table: its columns in order and its rows."""

    name: str
    columns: list[str]
    rows: list[dict[str, Cell]] = field(default_factory=list)

    def add(self, **values: Cell) -> None:
        """A row; columns not given are empty."""
        unknown = set(values) - set(self.columns)
        if unknown:  # pragma: no cover - a programming error, caught by the tests of every table
            raise KeyError(f"{self.name}: no column {sorted(unknown)}")
        self.rows.append({column: values.get(column) for column in self.columns})


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def source_text(source: Source) -> str:
    """`url`, or for an archived document `title, date, reference (kept at ...)`."""
    if source.url:
        return source.url
    pieces = [piece for piece in (source.title, _date(source.date), source.reference) if piece]
    return f"{', '.join(pieces)} (kept at {source.kept_at})"


def _sources(sources: list[Source]) -> str | None:
    return "\n".join(source_text(source) for source in sources) or None


def _parts(prefix: str, quantity: Quantity | None) -> dict[str, Cell]:
    return {
        f"{prefix}_munitions": quantity.munitions if quantity else None,
        f"{prefix}_submunitions": quantity.submunitions if quantity else None,
    }


def _approximate(**quantities: Quantity | None) -> str | None:
    parts = [f"{name}.{part}" for name, quantity in quantities.items() if quantity for part in quantity.approximate]
    return ", ".join(parts) or None


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def _types(rows: list[TypeRow]) -> str | None:
    def one(row: TypeRow) -> str:
        lots = f"; lots {', '.join(row.lots)}" if row.lots else ""
        return f"{row.type}: {_count(row.munitions)} munitions / {_count(row.submunitions)} submunitions{lots}"

    return "\n".join(one(row) for row in rows) or None


def _transfers(transfers: list[Transfer] | None) -> str | None:
    if transfers is None:
        return None
    if not transfers:
        return "none"

    def one(item: Transfer) -> str:
        purpose = f" ({item.purpose})" if item.purpose else ""
        return (
            f"{item.direction.value} {item.counterpart}{purpose}: {_count(item.munitions)} munitions / "
            f"{_count(item.submunitions)} submunitions"
        )

    return "\n".join(one(item) for item in transfers)


def _extensions(extensions: list[Extension]) -> str | None:
    def one(item: Extension) -> str:
        meeting = f" ({item.meeting})" if item.meeting else ""
        return f"granted {item.granted}{meeting}: new deadline {item.new_deadline}"

    return "\n".join(one(item) for item in extensions) or None


def _states(records: list[tuple[StateRecord, str, RetentionSituation]]) -> Table:
    table = Table(
        "states",
        [
            "iso3",
            "name",
            "status",
            "signed",
            "consent_date",
            "consent_type",
            "entry_into_force",
            "withdrawal_notified",
            "withdrawal_effective",
            "situation",
            "situation_year",
            "situation_evidence",
            "situation_sources",
            "sources",
            "file",
        ],
    )
    for record, file, situation in records:
        table.add(
            iso3=record.iso3,
            name=record.name,
            status=record.status.value,
            signed=_date(record.signed),
            consent_date=_date(record.consent.date) if record.consent else None,
            consent_type=record.consent.type.value if record.consent else None,
            entry_into_force=_date(record.entry_into_force),
            withdrawal_notified=_date(record.withdrawal.notified) if record.withdrawal else None,
            withdrawal_effective=_date(record.withdrawal.effective) if record.withdrawal else None,
            situation=situation.kind.value,
            situation_year=situation.latest.year if situation.latest else None,
            situation_evidence=situation.describe(),
            situation_sources=_sources(list(situation.sources)),
            sources=_sources(record.sources),
            file=file,
        )
    return table


def _stockpiles(records: list[tuple[StateRecord, str]]) -> Table:
    table = Table(
        "stockpiles",
        [
            "iso3",
            "name",
            "status",
            "declared_munitions",
            "declared_submunitions",
            "destroyed_munitions",
            "destroyed_submunitions",
            "approximate",
            "deadline",
            "extensions",
            "completed",
            "discoveries",
            "note",
            "sources",
        ],
    )
    for record, _ in records:
        stockpile = record.stockpile
        if stockpile is None:
            continue
        discoveries = "\n".join(
            f"found {item.found}: {item.quantity}; "
            + (f"destroyed {item.destroyed}" if item.destroyed else "not reported destroyed")
            + (f" ({', '.join(source_text(source) for source in item.sources)})" if item.sources else "")
            for item in stockpile.discoveries
        )
        table.add(
            iso3=record.iso3,
            name=record.name,
            status=stockpile.status.value,
            **_parts("declared", stockpile.declared),
            **_parts("destroyed", stockpile.destroyed),
            approximate=_approximate(declared=stockpile.declared, destroyed=stockpile.destroyed),
            deadline=_date(stockpile.deadline),
            extensions=_extensions(stockpile.extensions),
            completed=_date(stockpile.completed),
            discoveries=discoveries or None,
            note=stockpile.note,
            sources=_sources(stockpile.sources),
        )
    return table


RETENTION_COLUMNS = [
    "iso3",
    "name",
    "year",
    "report",
    "submitted",
    "held_munitions",
    "held_submunitions",
    "by_type",
    "consumed_munitions",
    "consumed_submunitions",
    "destroyed_munitions",
    "destroyed_submunitions",
    "acquired_munitions",
    "acquired_submunitions",
    "transfers",
    "approximate",
    "planned_use",
    "actual_use",
    "omitted",
    "note",
    "sources",
]


def _retention_row(record: StateRecord, entry: RetentionEntry) -> dict[str, Cell]:
    return {
        "iso3": record.iso3,
        "name": record.name,
        "year": entry.year,
        "report": entry.report.value,
        "submitted": _date(entry.submitted),
        **_parts("held", entry.held),
        "by_type": _types(entry.by_type),
        **_parts("consumed", entry.consumed),
        **_parts("destroyed", entry.destroyed),
        **_parts("acquired", entry.acquired),
        "transfers": _transfers(entry.transfers),
        "approximate": _approximate(held=entry.held, consumed=entry.consumed, destroyed=entry.destroyed, acquired=entry.acquired),
        "planned_use": entry.planned_use,
        "actual_use": entry.actual_use,
        "omitted": ", ".join(item.value for item in entry.omitted) or None,
        "note": entry.note,
        "sources": _sources(entry.sources),
    }


def _retention(records: list[tuple[StateRecord, str]]) -> Table:
    table = Table("retention", RETENTION_COLUMNS)
    for record, _ in records:
        for entry in sorted(record.retention, key=lambda item: item.year):
            table.add(**_retention_row(record, entry))
    return table


def _engagements(records: list[tuple[StateRecord, str]]) -> Table:
    table = Table("engagements", ["iso3", "name", "date", "kind", "ref", "reply_by", "codes", "summary", "sources"])
    for record, _ in records:
        for item in record.engagements:
            table.add(
                iso3=record.iso3,
                name=record.name,
                date=str(item.date),
                kind=item.kind.value,
                ref=item.ref,
                reply_by=_date(item.reply_by),
                codes=", ".join(item.codes) or None,
                summary=item.summary,
                sources=_sources(item.sources),
            )
    return table


def _cost(cost: Cost) -> str:
    """`45000000 EUR 2015 total (outturn)`: the amount as published, with what a reader needs to compare it."""
    amount = f"{cost.amount:g}" + (f"-{cost.up_to:g}" if cost.up_to is not None else "")
    parts = [
        ("about " if cost.approximate else "") + amount,
        cost.currency or "currency not given",
        str(cost.year) if cost.year else "year not given",
        cost.per.value,
        f"({cost.kind.value})",
    ]
    return " ".join(parts)


def _practices(practices: list[PracticeRecord]) -> Table:
    table = Table(
        "practices",
        [
            "id",
            "title",
            "method",
            "states",
            "facility",
            "period",
            "quantity_munitions",
            "quantity_submunitions",
            "quantity_tonnes",
            "costs",
            "safety",
            "environment",
            "efficiency",
            "lessons",
            "sources",
        ],
    )
    for practice in practices:
        table.add(
            id=practice.id,
            title=practice.title,
            method=practice.method.value if practice.method else None,
            states=", ".join(practice.states) or None,
            facility=practice.facility,
            period=practice.period,
            quantity_munitions=practice.quantity.munitions if practice.quantity else None,
            quantity_submunitions=practice.quantity.submunitions if practice.quantity else None,
            quantity_tonnes=practice.quantity.tonnes if practice.quantity else None,
            costs="; ".join(_cost(cost) for cost in practice.costs) or None,
            safety=practice.safety,
            environment=practice.environment,
            efficiency=practice.efficiency,
            lessons=practice.lessons,
            sources=_sources(practice.sources),
        )
    return table


def tables(dataset: Dataset, as_of: dt.date) -> dict[str, Table]:
    """Every table, from the records that validated (the others cannot be read reliably); the retention
    situation of each state as of `as_of`."""
    views = sorted(state_views(dataset, as_of), key=lambda view: view.record.iso3)
    with_situation = [(view.record, view.loaded.display, view.situation) for view in views]
    records = [(record, display) for record, display, _ in with_situation]
    practices = sorted((loaded.record for loaded in dataset.practices if loaded.record is not None), key=lambda p: p.id)
    built = [_states(with_situation), _stockpiles(records), _retention(records), _engagements(records), _practices(practices)]
    return {table.name: table for table in built}
