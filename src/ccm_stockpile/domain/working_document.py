"""The Working Document on retained cluster munitions (work plan objective (d)), computed from the data.

Every figure the document states is computed here from the records and the state-addressed findings;
the templates only put it into words, so a new report or a corrected figure changes the document on
the next run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.domain.situation import RetentionSituation, Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Addressee, Finding
from ccm_stockpile.records.settings import PublishedTotal
from ccm_stockpile.records.state import Omission, ReportStatus, StateRecord, StateStatus
from ccm_stockpile.records.types import PartialDate, Quantity, Source

YES, NO, NOT_KNOWN = "yes", "no", "not known"


@dataclass(frozen=True)
class RetentionRow:
    """One State Party that retains or retained, as its own reports show it."""

    record: StateRecord
    series: list[RetentionYear]
    latest: RetentionYear | None  # the latest year with known holdings
    first: RetentionYear | None  # the first year with known holdings
    last_report: RetentionYear | None  # the latest year whose report is recorded as submitted
    use_reported: str  # yes | no (its reporting is recorded as omitting use) | not known
    types_given: str
    situation: RetentionSituation  # the state's view's, never recomputed here

    @property
    def iso3(self) -> str:
        return self.record.iso3

    @property
    def source(self) -> Source | None:
        return self.latest.entry.sources[0] if self.latest and self.latest.entry.sources else None

    @property
    def change(self) -> tuple[int | None, int | None] | None:
        """Latest less first known holdings, per part; None with a single year of figures."""
        if self.latest is None or self.first is None or self.latest is self.first:
            return None
        before, after = self.first.held, self.latest.held
        if before is None or after is None:
            return None

        def delta(name: str) -> int | None:
            old, new = before.exact(name), after.exact(name)
            return None if old is None or new is None else new - old

        return (delta("munitions"), delta("submunitions"))

    @property
    def retains(self) -> bool:
        """The situation is `retains`, or `unknown` (said to retain, no quantity known); an `ended` situation
        with a conflict stays ended (the conflict is for the editor)."""
        return self.situation.kind in {Situation.RETAINS, Situation.UNKNOWN}


@dataclass(frozen=True)
class DestructionTotals:
    """The States Parties' stockpiles destroyed, summed from the records, beside the published total."""

    munitions: int
    submunitions: int
    approximate_munitions: int  # the part of `munitions` that comes from rounded figures
    approximate_submunitions: int
    states: list[str]  # States Parties with a destroyed figure
    without_figures: list[str]  # States Parties recorded as having destroyed a stockpile, with no figure
    published: PublishedTotal | None

    def share(self, name: str) -> float | None:
        """The data's total as a share of the published one (1.0 = the same)."""
        if self.published is None:
            return None
        published = getattr(self.published.quantity, name)
        return None if not published else getattr(self, name) / published


@dataclass(frozen=True)
class Unchanged:
    record: StateRecord
    first_year: int
    last_year: int
    held: Quantity


@dataclass(frozen=True)
class Discovery:
    record: StateRecord
    found: PartialDate
    quantity: Quantity
    destroyed: PartialDate | None
    source: Source | None


@dataclass(frozen=True)
class WorkingDocument:
    """Everything the Working Document states, as of a date."""

    as_of: dt.date
    rows: list[RetentionRow]
    totals: DestructionTotals
    use_omitted: list[StateRecord]  # states whose reporting is recorded as omitting use (R105, state-addressed)
    unchanged: list[Unchanged]  # R104
    largest: list[RetentionRow]  # R109, largest first
    discoveries: list[Discovery]
    parties: int
    findings: list[Finding] = field(default_factory=list, repr=False)

    @property
    def retaining(self) -> list[RetentionRow]:
        return [row for row in self.rows if row.retains]

    @property
    def ended(self) -> list[RetentionRow]:
        return [row for row in self.rows if not row.retains]

    @property
    def reporting_use(self) -> list[RetentionRow]:
        return [row for row in self.retaining if row.use_reported == YES]


def _reported(items: list[RetentionYear], attributes: tuple[str, ...], omissions: tuple[Omission, ...]) -> str:
    """yes: the reports give it; no: a source says the reporting left it out; otherwise not known."""
    if any(getattr(item, attribute) for item in items for attribute in attributes):
        return YES
    return NO if any(item.omits(*omissions) for item in items) else NOT_KNOWN


def _row(view: StateView) -> RetentionRow | None:
    series = view.series
    if view.situation.kind == Situation.NONE:
        return None  # no known holding was ever above zero
    known = [item for item in series if item.held is not None and not item.held_unknown]
    submitted = [item for item in series if item.entry.report in {ReportStatus.REPORTED, ReportStatus.UNCHANGED}]
    return RetentionRow(
        record=view.record,
        series=series,
        latest=known[-1] if known else None,
        first=known[0] if known else None,
        last_report=submitted[-1] if submitted else None,
        use_reported=_reported(series, ("planned_use", "actual_use"), (Omission.PLANNED_USE, Omission.ACTUAL_USE)),
        types_given=_reported(series, ("by_type",), (Omission.TYPES,)),
        situation=view.situation,
    )


def _totals(views: list[StateView], published: PublishedTotal | None) -> DestructionTotals:
    munitions = submunitions = approximate_m = approximate_s = 0
    states: list[str] = []
    without: list[str] = []
    for view in views:
        stockpile = view.record.stockpile
        if view.record.status != StateStatus.PARTY or stockpile is None:
            continue
        quantities = [stockpile.destroyed] if stockpile.destroyed else []
        quantities += [d.quantity for d in stockpile.discoveries if d.counts_beyond()]
        if not quantities:
            if stockpile.completed is not None:
                without.append(view.record.iso3)
            continue
        states.append(view.record.iso3)
        for quantity in quantities:
            munitions += quantity.munitions or 0
            submunitions += quantity.submunitions or 0
            approximate_m += quantity.munitions or 0 if "munitions" in quantity.approximate else 0
            approximate_s += quantity.submunitions or 0 if "submunitions" in quantity.approximate else 0
    return DestructionTotals(munitions, submunitions, approximate_m, approximate_s, states, without, published)


def _discoveries(views: list[StateView], as_of: dt.date) -> list[Discovery]:
    found = []
    for view in views:
        stockpile = view.record.stockpile
        for discovery in stockpile.discoveries if stockpile else []:
            if discovery.found.surely_after(as_of):
                continue
            destroyed = discovery.destroyed if discovery.destroyed and not discovery.destroyed.surely_after(as_of) else None
            source = discovery.sources[0] if discovery.sources else None
            found.append(Discovery(view.record, discovery.found, discovery.quantity, destroyed, source))
    return found


def working_document(dataset: Dataset, views: list[StateView], findings: list[Finding], as_of: dt.date) -> WorkingDocument:
    """The Working Document's content as of a date, from the valid records and their findings."""
    parties = [view for view in views if view.party.ever_party and view.party.end is None]
    rows = [row for row in (_row(view) for view in parties) if row is not None]
    rows.sort(key=lambda row: row.record.name)
    by_iso3 = {row.iso3: row for row in rows}
    state_findings = [f for f in findings if f.addressee == Addressee.STATE]
    records = {view.record.iso3: view.record for view in parties}
    omitting = sorted({f.state for f in state_findings if f.code == "R105" and f.state})
    use_omitted = [records[code] for code in omitting if code in records]
    unchanged = [
        Unchanged(records[f.state], int(f.facts["first_year"]), int(f.facts["year"]), f.facts["held"])  # type: ignore[call-overload, arg-type]
        for f in state_findings
        if f.code == "R104" and f.state in records
    ]
    largest = [by_iso3[f.state] for f in state_findings if f.code == "R109" and f.state in by_iso3]
    largest.sort(key=lambda row: -((row.latest.held.submunitions or 0) if row.latest and row.latest.held else 0))
    return WorkingDocument(
        as_of=as_of,
        rows=rows,
        totals=_totals(parties, dataset.settings.working_document.destroyed_total),
        use_omitted=use_omitted,
        unchanged=unchanged,
        largest=largest,
        discoveries=_discoveries(parties, as_of),
        parties=len(parties),
        findings=state_findings,
    )
