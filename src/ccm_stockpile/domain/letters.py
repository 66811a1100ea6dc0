"""What a follow-up letter says, computed from the data: its reference and dates, the state's own latest
figures with their source, and one request per state-addressed finding. Only the wording is left to the
templates; nothing here knows a language.

A letter asks only for what the state's own reporting lacks: editor-addressed findings (gaps in our
records) never become requests. What it asks about retention follows from the State's situation
(`retains`, `ended`, `unknown`): a State whose latest figure is zero is asked to confirm it and to account
for what it retained up to then, never about munitions "it retains"; a State for which no figure is known
is asked whether it retains any; a retaining State is asked for its use and current holdings, with the
year of the latest figure we hold, and never told that a report missing from our records was not made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

from ccm_stockpile.domain.followup import is_reason
from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.domain.situation import EndedHow, RetentionSituation, Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.settings import LetterForm
from ccm_stockpile.records.state import Engagement, EngagementKind, Language
from ccm_stockpile.records.types import Source

# The order requests are put in: the report first, then what it lacks, then figures to explain.
REQUEST_ORDER = (
    "report", "use", "quantity", "types_lots", "lots", "reconcile", "explain_change", "still_needed",
    "stockpile_deadline", "discovery",
)  # fmt: skip


# Requests that presume the State retains: a situation request replaces them where it does not, or says
# them better where it does (with the year of our latest figure).
_RETENTION_REQUESTS = {"use", "quantity", "types_lots", "lots", "still_needed"}


def _situation_requests(found: RetentionSituation, requests: list[Request]) -> list[Request]:
    """The requests about retention that follow from the situation, in front of the other requests."""
    asked = [r for r in requests if r.kind in _RETENTION_REQUESTS]
    contradicted = found.kind == Situation.ENDED and found.conflict is not None
    if not asked and not contradicted and found.kind != Situation.UNKNOWN:
        return requests
    others = [r for r in requests if r.kind not in _RETENTION_REQUESTS]
    if found.kind == Situation.ENDED and found.latest is not None and found.peak is not None:
        facts: dict[str, object] = {"year": found.latest.year, "previous_year": found.peak.year, "held": found.peak.held}
        first = [Request("confirm_ended", "", facts)]
        if EndedHow.NOT_EXPLAINED in found.ended_how:  # never ask for what the records show
            first.append(Request("account_ended", "", facts))
    elif found.kind == Situation.UNKNOWN:
        first = [Request("whether_retains", "", {}), Request("if_retains", "", {})]
    elif found.kind == Situation.RETAINS and found.latest is not None:
        facts = {"year": found.latest.year, "held": found.latest.held}
        first = [Request("use_since", "", facts), Request("current_holdings", "", facts)]
        others = [r for r in requests if r.kind in _RETENTION_REQUESTS - {"use", "quantity"}] + others
    else:
        return requests
    codes = sorted({r.code for r in asked})
    first = [Request(r.kind, ", ".join(codes), r.facts) for r in first]
    return first + others


class LetterError(Exception):
    """A letter cannot be written from the data (nothing to ask, no letter to remind of)."""


@dataclass(frozen=True)
class Request:
    """One thing the letter asks for, with the facts its sentence needs (see the templates)."""

    kind: str
    code: str
    facts: dict[str, object]


@dataclass(frozen=True)
class FiguresRow:
    """A year of the state's own reported holdings, with the source it comes from."""

    year: int
    held: object  # Quantity
    source: Source | None


@dataclass(frozen=True)
class Letter:
    """Everything a follow-up letter or reminder states, language aside."""

    iso3: str
    language: Language
    form: LetterForm
    reference: str
    date: dt.date
    reply_by: dt.date
    requests: list[Request]
    figures: list[FiguresRow]
    situation: RetentionSituation = field(default_factory=lambda: RetentionSituation(Situation.NONE))
    reminder_of: Engagement | None = None
    codes: list[str] = field(default_factory=list)

    @property
    def latest(self) -> FiguresRow | None:
        return self.figures[-1] if self.figures else None

    def note_of(self, year: int) -> int:
        """The number of the footnote that gives the source of `year`'s figure (0: none)."""
        for number, row in enumerate(self.figures, start=1):
            if row.year == year and row.source is not None:
                return number
        return 0


def _requests(findings: list[Finding]) -> list[Request]:
    requests = [Request(str(f.facts["request"]), f.code, f.facts) for f in findings if is_reason(f) and "request" in f.facts]
    order = {kind: rank for rank, kind in enumerate(REQUEST_ORDER)}
    return sorted(requests, key=lambda r: (order.get(r.kind, len(order)), str(r.facts.get("year", ""))))


def _figures(view: StateView, limit: int = 5) -> list[FiguresRow]:
    """The latest years whose holdings the state reported, oldest first, each with its source."""
    known: list[RetentionYear] = [item for item in view.series if item.held is not None and not item.held_unknown]
    rows = []
    for item in known[-limit:]:
        source = item.entry.sources[0] if item.entry.sources else None
        rows.append(FiguresRow(item.year, item.held, source))
    return rows


def reference(pattern: str, iso3: str, date: dt.date, engagements: list[Engagement], sender: str = "") -> str:
    """The sender mission's own reference: the pattern with the sender's ISO3 code, the year, the addressee's
    ISO3 code and the rank that year of what the coordinators sent the state (letters, reminders and
    invitations share one sequence, so no two share a reference)."""
    sent = [e for e in engagements if e.kind in {EngagementKind.LETTER, EngagementKind.REMINDER, EngagementKind.INVITATION}]
    number = 1 + sum(1 for e in sent if e.date.year == date.year)
    return pattern.format(year=date.year, iso3=iso3, number=number, sender=sender)


class Heading(TypedDict):
    """What every letter to a state carries, whatever it asks."""

    iso3: str
    language: Language
    form: LetterForm
    reference: str
    date: dt.date
    reply_by: dt.date


def heading(view: StateView, language: Language | None, dispatch: dt.date | None = None) -> Heading:
    """What every letter to a state carries, whatever it asks: its language and form, its reference (one
    sequence for letters, reminders and invitations) and its dispatch date (default: the as-of date, so the
    same inputs give the same bytes) and reply-by date."""
    settings = view.settings.letters
    day = dispatch or view.as_of
    sender = view.settings.coordinators[0].state if view.settings.coordinators else ""
    return Heading(
        iso3=view.record.iso3,
        language=language or view.record.language,
        form=settings.form,
        reference=reference(settings.reference, view.record.iso3, day, view.correspondence.engagements, sender),
        date=day,
        reply_by=day + dt.timedelta(days=settings.reply_days),
    )


def build_letter(
    view: StateView,
    findings: list[Finding],
    language: Language | None = None,
    reminder: bool = False,
    dispatch: dt.date | None = None,
) -> Letter:
    """The letter to one state as of the view's date, from its state-addressed findings and its situation."""
    record = view.record
    own = [f for f in findings if f.state == record.iso3]
    requests = [r for r in _requests(own) if r.kind != "reply"]
    found = view.situation
    # A zero that a later source contradicts (the work plan still lists the State as retaining) is for the
    # State to confirm: the letter asks that, and never about the later years the conflict concerns.
    if requests or (found.kind == Situation.ENDED and found.conflict is not None):
        requests = _situation_requests(found, requests)
    reminder_of = None
    if reminder:
        reminder_of = view.correspondence.last_letter
        if reminder_of is None:
            raise LetterError(f"{record.iso3}: no letter is recorded, so there is nothing to remind of")
    if not requests:
        raise LetterError(
            f"{record.iso3}: nothing the state's own reporting lacks as of {view.as_of.isoformat()}; "
            f"no letter to write (`ccm todo --state {record.iso3}` lists what to look up in our records)"
        )
    return Letter(
        **heading(view, language, dispatch),
        requests=requests,
        figures=_figures(view),
        situation=found,
        reminder_of=reminder_of,
        codes=sorted({code for r in requests for code in r.code.split(", ") if code}),
    )
