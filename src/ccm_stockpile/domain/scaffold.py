"""A new year's retention entry, scaffolded from the year before it, for `ccm new-year`.

The scaffold never holds a figure nobody reported: `held` is written with both parts null (the state is
said to retain a quantity not yet recorded, which R110 and R105 put on the editor's list, `ccm todo`),
`report` is `unknown` until the report is read, and every field to fill carries a `# to fill:` comment
naming what goes there, with the previous year's figures as the opening point of reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccm_stockpile.domain.series import first_entry_per_year
from ccm_stockpile.records.state import ReportStatus, StateRecord, TypeRow
from ccm_stockpile.records.types import Quantity

MARK = "to fill:"


class ScaffoldError(Exception):
    """The year cannot be scaffolded: it exists, or there is no earlier year to start from."""


@dataclass(frozen=True)
class Line:
    """One key of the new entry: its value, the comment that says what to fill, and a comment line above it."""

    key: str
    value: object
    comment: str = ""
    above: str = ""


@dataclass(frozen=True)
class Scaffold:
    """The entry for `year`, to be inserted after the entry at `after` (an index into the file's list)."""

    year: int
    previous: int
    after: int
    lines: list[Line] = field(default_factory=list)


def _rows(rows: list[TypeRow]) -> str:
    def row(item: TypeRow) -> str:
        lots = f" (lots {', '.join(item.lots)})" if item.lots else ""
        return f"{item.type}: {Quantity(munitions=item.munitions, submunitions=item.submunitions)}{lots}"

    return "; ".join(row(item) for item in rows)


def scaffold_year(record: StateRecord, year: int) -> Scaffold:
    """The retention entry for `year`, from the entries before it (an `unchanged` report takes the figures of
    the last report that gave them, as the checks read it)."""
    years = [entry.year for entry in record.retention]
    if year in years:
        raise ScaffoldError(f"{record.iso3} already has a retention entry for {year}; edit it instead")
    if years != sorted(years):
        raise ScaffoldError(f"{record.iso3}'s retention entries are out of year order; put them in order first (E005)")
    earlier = [(index, entry) for index, entry in first_entry_per_year(record) if entry.year < year]
    if not earlier:
        raise ScaffoldError(
            f"{record.iso3} has no retention entry before {year} to start from; add the first entry by hand "
            f"(CONTRIBUTING.md, 'A state record, commented')"
        )
    held: Quantity | None = None
    known: tuple[int, Quantity] | None = None  # the last holdings given, and their year
    rows: list[TypeRow] = []
    for _, entry in earlier:
        carry = entry.report == ReportStatus.UNCHANGED
        if entry.held is not None and not entry.held.entirely_unknown:
            held = entry.held
            known = (entry.year, entry.held)
        elif not carry:
            held = entry.held
        if entry.by_type or not carry:
            rows = entry.by_type
    after, previous = earlier[-1]
    if held is not None and held.is_zero:
        raise ScaffoldError(
            f"{record.iso3} held none at the end of {previous.year} (retention ended); a later entry is needed only "
            f"if a report says it retains again: add it by hand with that report as its source"
        )
    if held is not None and not held.entirely_unknown:
        opening = f"at the end of {previous.year}: {held}"
    else:
        opening = f"not known at the end of {previous.year}"
        if known is not None:
            opening += f"; last given: {known[1]} at the end of {known[0]}"
    types = f"; at the end of {previous.year}: {_rows(rows)}" if rows else ""
    lines = [
        Line("year", year),
        Line(
            "report",
            ReportStatus.UNKNOWN.value,
            f"{MARK} reported, unchanged (the report says nothing changed) or not_submitted, once a source says which",
        ),
        Line("submitted", None, f"{MARK} the date the report reached the UN (YYYY-MM-DD, YYYY-MM or YYYY); null if not known"),
        Line(
            "held",
            {"munitions": None, "submunitions": None},
            f"{MARK} holdings at 31 December {year} ({opening}); 0 only where the report says none",
        ),
        Line("by_type", [], f"{MARK} one row per type: {{type, munitions, submunitions, lots: [...]}}{types}"),
        Line(
            "planned_use",
            None,
            f"{MARK} the planned use, in a sentence",
            above=f"{MARK} consumed, destroyed, acquired ({{munitions, submunitions}}) and transfers ([] for none) "
            "where the report gives them; leave them out where it does not",
        ),
        Line("actual_use", None, f"{MARK} the actual use, in a sentence"),
        Line("sources", [], f"{MARK} the URL of the report or profile each figure comes from, with a short quote"),
        Line("note", None, f"{MARK} which report this entry rests on, and anything a reader should know"),
    ]
    return Scaffold(year, previous.year, after, lines)
