"""The coordinators' progress report: each work-plan item's status, derived from the data as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.correspondence import ReplyStatus
from ccm_stockpile.domain.obligations import answers, late
from ccm_stockpile.domain.situation import Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.domain.working_document import YES, WorkingDocument
from ccm_stockpile.records.state import EngagementKind
from ccm_stockpile.records.workplan import Measure, Objective, TimelineItem, Workplan


class Status(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in progress"
    NOT_STARTED = "not started"


class Timing(StrEnum):
    NO_DATE = "no date in the work plan"  # only the work plan's own timeline sets deadlines
    UPCOMING = "upcoming"
    DUE = "due this quarter"
    OVERDUE = "overdue"
    PAST = "past"  # its quarter is over and it is done


@dataclass(frozen=True)
class Detail:
    """One line under an item: a state and where its correspondence stands, or a count. `text` is the
    English line for the terminal; `key` and `values` are the same facts for a document in any language."""

    label: str
    text: str
    key: str = ""
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemProgress:
    item: TimelineItem
    status: Status
    timing: Timing
    summary: str
    details: list[Detail] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)  # the summary's figures, for the document's words


@dataclass(frozen=True)
class Progress:
    workplan: Workplan
    as_of: dt.date
    items: list[ItemProgress]

    def count(self, status: Status) -> int:
        return sum(item.status == status for item in self.items)

    @property
    def by_objective(self) -> list[tuple[Objective | None, list[ItemProgress]]]:
        """Every objective of the work plan with the items that serve it (an objective without items too),
        then the items that name no objective."""
        groups: list[tuple[Objective | None, list[ItemProgress]]] = [
            (objective, [entry for entry in self.items if entry.item.objective == objective.id])
            for objective in self.workplan.objectives
        ]
        known = {objective.id for objective in self.workplan.objectives}
        rest = [entry for entry in self.items if entry.item.objective not in known]
        return groups + ([(None, rest)] if rest else [])


def quarter_bounds(quarter: str) -> tuple[dt.date, dt.date]:
    """`2025-Q1` -> (2025-01-01, 2025-03-31)."""
    year, number = int(quarter[:4]), int(quarter[-1])
    start = dt.date(year, 3 * number - 2, 1)
    end = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    return start, end - dt.timedelta(days=1)


# An item's status, its English summary (the terminal), its details, and the summary's facts (documents).
Outcome = tuple[Status, str, list[Detail], dict[str, object]]


def _timing(item: TimelineItem, status: Status, as_of: dt.date) -> Timing:
    if item.quarter is None:
        return Timing.NO_DATE
    start, end = quarter_bounds(item.quarter)
    if as_of < start:
        return Timing.UPCOMING
    if as_of <= end:
        return Timing.DUE
    return Timing.PAST if status == Status.DONE else Timing.OVERDUE


def _letters(item: TimelineItem, views: dict[str, StateView]) -> Outcome:
    details, sent, answered = [], 0, 0
    for code in item.states:
        view = views.get(code)
        if view is None:
            details.append(Detail(code, "no valid record", "invalid"))
            continue
        correspondence = view.correspondence
        letter = correspondence.last_letter
        if letter is None:
            details.append(Detail(view.record.name, "no letter sent", "not_sent", {"iso3": code}))
            continue
        sent += 1
        reference = f" {letter.ref}" if letter.ref else ""
        values: dict[str, object] = {"iso3": code, "ref": letter.ref or "", "sent": letter.date, "kind": letter.kind.value}
        if correspondence.status == ReplyStatus.RECEIVED:
            answered += 1
            key, values["reply"] = "received", correspondence.last.date if correspondence.last else ""
            reply = f"reply received ({values['reply']})"
        elif letter.reply_by and late(letter.reply_by.latest, view.as_of):
            key, values["due"] = "overdue", letter.reply_by
            reply = f"no reply; reply was due by {letter.reply_by}"
        else:
            key, values["due"] = "awaited", letter.reply_by or ""
            reply = "reply awaited" + (f" by {letter.reply_by}" if letter.reply_by else "")
        details.append(Detail(view.record.name, f"{letter.kind.value}{reference} sent {letter.date}; {reply}", key, values))
    total = len(item.states)
    status = Status.DONE if total and answered == total else Status.IN_PROGRESS if sent else Status.NOT_STARTED
    facts: dict[str, object] = {"sent": sent, "total": total, "answered": answered}
    return status, f"letters sent to {sent} of {total} States Parties; replies from {answered}", details, facts


def _invitations(views: dict[str, StateView]) -> Outcome:
    details, answered = [], 0
    for view in views.values():
        engagements = view.correspondence.engagements
        invited = [e for e in engagements if e.kind.value == "invitation"]
        if not invited:
            continue
        last = max(invited, key=lambda e: e.date.latest)
        replied = any(e.kind == EngagementKind.REPLY and answers(e.date, last.date) for e in engagements)
        answered += replied
        details.append(
            Detail(
                view.record.name,
                f"invited {last.date}; {'answered' if replied else 'no answer yet'}",
                "answered" if replied else "unanswered",
                {"iso3": view.record.iso3, "invited": last.date},
            )
        )
    status = Status.IN_PROGRESS if details else Status.NOT_STARTED
    facts: dict[str, object] = {"sent": len(details), "answered": answered}
    return status, f"invitations sent to {len(details)} States Parties; answers from {answered}", details, facts


def _practices(item: TimelineItem, dataset: Dataset) -> Outcome:
    count = sum(loaded.record is not None for loaded in dataset.practices)
    target = item.target
    done = target is not None and count >= target
    status = Status.DONE if done else Status.IN_PROGRESS if count else Status.NOT_STARTED
    summary = f"{count} practices in the database" + (f" (target {target})" if target else "")
    return status, summary, [], {"count": count, "target": target or 0}


def _reporting(document: WorkingDocument) -> Outcome:
    retaining = document.retaining
    reporting = [row for row in retaining if row.use_reported == YES]
    status = Status.IN_PROGRESS if retaining else Status.DONE
    summary = f"{len(reporting)} of {len(retaining)} retaining States Parties report the planned or actual use"
    if document.unknown:  # not counted as retaining, nor forgotten
        names = [row.record.name for row in document.unknown]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        summary += f"; for {listed}, whether any are retained is unknown"
    facts = {"reporting": len(reporting), "retaining": len(retaining), "unknown": [row.iso3 for row in document.unknown]}
    return status, summary, [], facts


def _reports(document: WorkingDocument) -> Outcome:
    """Objective (a): of the States Parties that retain or retained, whose report for the latest year due is
    recorded as submitted; the others are listed, as a gap to follow up (the records may simply lack it)."""
    year = document.latest_due
    rows = [row for row in document.rows if row.situation != Situation.ENDED]
    recorded = [row for row in rows if row.last_report is not None and row.last_report.year >= year]
    details = [
        Detail(
            row.record.name,
            f"latest report recorded: {row.last_report.year}" if row.last_report else "no report recorded",
            "latest" if row.last_report else "none",
            {"iso3": row.iso3, "year": row.last_report.year if row.last_report else ""},
        )
        for row in rows
        if row not in recorded
    ]
    status = Status.DONE if rows and len(recorded) == len(rows) else Status.IN_PROGRESS
    summary = f"reports for {year} recorded for {len(recorded)} of {len(rows)} States Parties that retain or may retain"
    return status, summary, details, {"year": year, "recorded": len(recorded), "total": len(rows)}


def _working_document(item: TimelineItem, document: WorkingDocument) -> Outcome:
    if item.done is not None and not item.done.surely_after(document.as_of):
        return Status.DONE, f"tabled {item.done}", [], {"tabled": item.done}
    summary = (
        f"not recorded as tabled; a draft is computed from the data ({len(document.rows)} States Parties that retain or retained)"
    )
    return Status.IN_PROGRESS, summary, [], {"tabled": "", "rows": len(document.rows)}


def progress(dataset: Dataset, views: list[StateView], document: WorkingDocument, as_of: dt.date) -> Progress | None:
    """Each timeline item's status as of the date; None when the data folder has no workplan.yaml."""
    workplan = dataset.workplan
    if workplan is None:
        return None
    by_code = {view.record.iso3: view for view in views}
    items = []
    for item in workplan.timeline:
        if item.measure == Measure.LETTERS:
            status, summary, details, facts = _letters(item, by_code)
        elif item.measure == Measure.INVITATIONS:
            status, summary, details, facts = _invitations(by_code)
        elif item.measure == Measure.PRACTICES:
            status, summary, details, facts = _practices(item, dataset)
        elif item.measure == Measure.REPORTING:
            status, summary, details, facts = _reporting(document)
        elif item.measure == Measure.REPORTS:
            status, summary, details, facts = _reports(document)
        else:
            status, summary, details, facts = _working_document(item, document)
        if item.done is not None and not item.done.surely_after(as_of):
            status = Status.DONE
        items.append(ItemProgress(item, status, _timing(item, status, as_of), summary, details, facts))
    return Progress(workplan, as_of, items)
