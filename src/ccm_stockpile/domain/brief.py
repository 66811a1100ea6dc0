"""What a briefing note for a bilateral meeting with one State says, computed from the data.

The brief never says more than the letter could say: its points to raise are exactly the requests of the
letter to the same State on the same date (`build_letter`, never re-derived here), and nothing that is only a
gap in our records (an editor's task) appears as something the State failed to do. Only the wording is left
to the template; nothing here knows a language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ccm_stockpile.domain.letters import FiguresRow, LetterError, Request, _figures, build_letter
from ccm_stockpile.domain.party import report_due
from ccm_stockpile.domain.situation import RetentionSituation, Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.state import Engagement, EngagementKind, Language, StateStatus, Stockpile
from ccm_stockpile.records.types import Quantity, Source
from ccm_stockpile.records.workplan import Measure, Workplan

# What "our correspondence" lists: what the coordinators sent and what the State answered or said to them
# (public statements are not correspondence).
CORRESPONDENCE = {
    EngagementKind.LETTER, EngagementKind.REMINDER, EngagementKind.INVITATION, EngagementKind.REPLY, EngagementKind.MEETING,
}  # fmt: skip

# Request kinds that the purpose sentence says with one phrase.
PURPOSE_GROUPS = {
    "lots": "types_lots", "reconcile": "explain_change", "if_retains": "whether_retains", "use_since": "use",
    "current_holdings": "quantity",
}  # fmt: skip

# How many other States' holdings the brief lists for comparison (the largest, with their years).
COMPARABLE_STATES = 5


@dataclass(frozen=True)
class Acknowledgement:
    """Something the State did well, to acknowledge before raising anything: `kind` is `on_time` (reports
    received by the due date), `use` (actual use reported), `types` (types of munitions reported),
    `completed` (stockpile destruction completed) or `practice` (destruction practice documented)."""

    kind: str
    years: list[int]
    date: object = None


@dataclass(frozen=True)
class Comparable:
    """Another State's latest known holdings, with the year and the source."""

    iso3: str
    record_name: object  # StateRecord, for the language's name
    year: int
    held: Quantity
    source: Source | None


@dataclass(frozen=True)
class Timeline:
    """The Working Document's place in the work plan and the meeting it is tabled at (from settings)."""

    quarter: str | None
    start: object
    end: object


@dataclass(frozen=True)
class Brief:
    """Everything a briefing note states about one State, language aside."""

    iso3: str
    language: Language
    date: dt.date
    status: StateStatus
    signed: object
    consent: object
    entry_into_force: dt.date | None
    stockpile: Stockpile | None
    deadline: dt.date | None
    practices: list[PracticeRecord]
    situation: RetentionSituation
    figures: list[FiguresRow]
    engagements: list[Engagement]
    reply_awaited_since: object
    requests: list[Request]
    acknowledgements: list[Acknowledgement]
    comparables: list[Comparable]
    timeline: Timeline | None
    sources: list[Source]

    @property
    def purpose(self) -> list[str]:
        """What the meeting should obtain: the open requests' kinds in the letter's order, those that one
        phrase covers (lots with types and lots, a reconciliation with an explained change) given once."""
        kinds: list[str] = []
        for request in self.requests:
            kind = PURPOSE_GROUPS.get(request.kind, request.kind)
            if kind not in kinds:
                kinds.append(kind)
        return kinds

    @property
    def source(self) -> Source | None:
        """The source of the situation's latest figure."""
        return _first(self.situation.latest.sources) if self.situation.latest else None


def _acknowledgements(view: StateView, practices: list[PracticeRecord]) -> list[Acknowledgement]:
    """What the State's own reporting shows it did: only facts recorded with a source, never an absence."""
    series = [item for item in view.series if item.submitted]
    on_time = [
        item.year for item in series if item.entry.submitted is not None and item.entry.submitted.latest <= report_due(item.year)
    ]
    use = [item.year for item in series if item.actual_use]
    types = [item.year for item in series if item.by_type]
    found = []
    if on_time:
        found.append(Acknowledgement("on_time", on_time[-3:]))
    if use:
        found.append(Acknowledgement("use", use[-3:]))
    if types:
        found.append(Acknowledgement("types", types[-3:]))
    stockpile = view.record.stockpile
    if stockpile is not None and stockpile.completed is not None and not stockpile.completed.surely_after(view.as_of):
        found.append(Acknowledgement("completed", [], stockpile.completed))
    if practices:
        found.append(Acknowledgement("practice", []))
    return found


def _comparables(view: StateView, others: Sequence[StateView]) -> list[Comparable]:
    """The largest holdings other States report, latest year each, by submunitions then munitions."""
    rows = []
    for other in others:
        if other.record.iso3 == view.record.iso3:
            continue
        situation = other.situation
        if situation.kind != Situation.RETAINS or situation.latest is None:
            continue
        latest = situation.latest
        rows.append(Comparable(other.record.iso3, other.record, latest.year, latest.held, _first(latest.sources)))
    rows.sort(key=lambda row: (-(row.held.submunitions or 0), -(row.held.munitions or 0), row.iso3))
    return rows[:COMPARABLE_STATES]


def _timeline(view: StateView, workplan: Workplan | None) -> Timeline | None:
    quarter = None
    if workplan is not None:
        items = [item for item in workplan.timeline if item.measure == Measure.WORKING_DOCUMENT]
        quarter = items[0].quarter if items else None
    settings = view.settings.working_document
    if quarter is None and settings.start is None:
        return None
    return Timeline(quarter, settings.start, settings.end)


def _first(sources: tuple[Source, ...]) -> Source | None:
    return sources[0] if sources else None


def _sources(brief_parts: list[Source | None]) -> list[Source]:
    """Each document once, in the order the brief first cites it (two readings of one document are one)."""
    from ccm_stockpile.domain.provenance import citation

    seen: set[tuple[object, ...]] = set()
    kept = []
    for source in brief_parts:
        if source is None:
            continue
        key = citation(source).key
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def build_brief(
    view: StateView,
    views: Sequence[StateView],
    findings: list[Finding],
    practices: list[PracticeRecord],
    workplan: Workplan | None,
    language: Language | None = None,
) -> Brief:
    """The brief on one State as of the view's date. Its requests are the letter's (none when the State's
    own reporting lacks nothing)."""
    record = view.record
    try:
        requests = build_letter(view, findings, language).requests
    except LetterError:
        requests = []
    own_practices = sorted((p for p in practices if record.iso3 in p.states), key=lambda p: p.id)
    situation = view.situation
    figures = _figures(view)
    comparables = _comparables(view, views)
    correspondence = view.correspondence
    stockpile = record.stockpile
    cited: list[Source | None] = [row.source for row in figures]
    cited.append(_first(situation.latest.sources) if situation.latest else None)
    if stockpile is not None and stockpile.sources:
        cited.append(stockpile.sources[0])
    cited += [row.source for row in comparables]
    return Brief(
        iso3=record.iso3,
        language=language or record.language,
        date=view.as_of,
        status=record.status,
        signed=record.signed,
        consent=record.consent,
        entry_into_force=view.treaty.entry_into_force,
        stockpile=stockpile,
        deadline=view.treaty.deadline.day if view.treaty.deadline else None,
        practices=own_practices,
        situation=situation,
        figures=figures,
        engagements=[e for e in correspondence.engagements if e.kind in CORRESPONDENCE],
        reply_awaited_since=correspondence.last_letter.date
        if correspondence.reply_awaited and correspondence.last_letter
        else None,
        requests=requests,
        acknowledgements=_acknowledgements(view, own_practices),
        comparables=comparables,
        timeline=_timeline(view, workplan),
        sources=_sources(cited),
    )
