"""The coordinators' progress report: each work-plan item's status, derived from the data as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from ccm_stockpile.dataset import Dataset
from ccm_stockpile.domain.correspondence import ReplyStatus
from ccm_stockpile.domain.obligations import answers, late
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.domain.working_document import YES, WorkingDocument
from ccm_stockpile.records.state import EngagementKind
from ccm_stockpile.records.workplan import Measure, TimelineItem, Workplan


class Status(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in progress"
    NOT_STARTED = "not started"


class Timing(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due this quarter"
    OVERDUE = "overdue"
    PAST = "past"  # its quarter is over and it is done


@dataclass(frozen=True)
class Detail:
    """One line under an item: a state and where its correspondence stands, or a count."""

    label: str
    text: str


@dataclass(frozen=True)
class ItemProgress:
    item: TimelineItem
    status: Status
    timing: Timing
    summary: str
    details: list[Detail] = field(default_factory=list)


@dataclass(frozen=True)
class Progress:
    workplan: Workplan
    as_of: dt.date
    items: list[ItemProgress]

    def count(self, status: Status) -> int:
        return sum(item.status == status for item in self.items)


def quarter_bounds(quarter: str) -> tuple[dt.date, dt.date]:
    """`2025-Q1` -> (2025-01-01, 2025-03-31)."""
    year, number = int(quarter[:4]), int(quarter[-1])
    start = dt.date(year, 3 * number - 2, 1)
    end = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    return start, end - dt.timedelta(days=1)


def _timing(item: TimelineItem, status: Status, as_of: dt.date) -> Timing:
    start, end = quarter_bounds(item.quarter)
    if as_of < start:
        return Timing.UPCOMING
    if as_of <= end:
        return Timing.DUE
    return Timing.PAST if status == Status.DONE else Timing.OVERDUE


def _letters(item: TimelineItem, views: dict[str, StateView]) -> tuple[Status, str, list[Detail]]:
    details, sent, answered = [], 0, 0
    for code in item.states:
        view = views.get(code)
        if view is None:
            details.append(Detail(code, "no valid record"))
            continue
        correspondence = view.correspondence
        letter = correspondence.last_letter
        if letter is None:
            details.append(Detail(view.record.name, "no letter sent"))
            continue
        sent += 1
        reference = f" {letter.ref}" if letter.ref else ""
        if correspondence.status == ReplyStatus.RECEIVED:
            answered += 1
            reply = f"reply received ({correspondence.last.date if correspondence.last else ''})"
        elif letter.reply_by and late(letter.reply_by.latest, view.as_of):
            reply = f"no reply; reply was due by {letter.reply_by}"
        else:
            reply = "reply awaited" + (f" by {letter.reply_by}" if letter.reply_by else "")
        details.append(Detail(view.record.name, f"{letter.kind.value}{reference} sent {letter.date}; {reply}"))
    total = len(item.states)
    status = Status.DONE if total and answered == total else Status.IN_PROGRESS if sent else Status.NOT_STARTED
    return status, f"letters sent to {sent} of {total} States Parties; replies from {answered}", details


def _invitations(views: dict[str, StateView]) -> tuple[Status, str, list[Detail]]:
    details, answered = [], 0
    for view in views.values():
        engagements = view.correspondence.engagements
        invited = [e for e in engagements if e.kind.value == "invitation"]
        if not invited:
            continue
        last = max(invited, key=lambda e: e.date.latest)
        replied = any(e.kind == EngagementKind.REPLY and answers(e.date, last.date) for e in engagements)
        answered += replied
        details.append(Detail(view.record.name, f"invited {last.date}; {'answered' if replied else 'no answer yet'}"))
    status = Status.IN_PROGRESS if details else Status.NOT_STARTED
    return status, f"invitations sent to {len(details)} States Parties; answers from {answered}", details


def _practices(item: TimelineItem, dataset: Dataset) -> tuple[Status, str, list[Detail]]:
    count = sum(loaded.record is not None for loaded in dataset.practices)
    target = item.target
    done = target is not None and count >= target
    status = Status.DONE if done else Status.IN_PROGRESS if count else Status.NOT_STARTED
    return status, f"{count} practices in the database" + (f" (target {target})" if target else ""), []


def _reporting(document: WorkingDocument) -> tuple[Status, str, list[Detail]]:
    retaining = document.retaining
    reporting = [row for row in retaining if row.use_reported == YES]
    status = Status.IN_PROGRESS if retaining else Status.DONE
    summary = f"{len(reporting)} of {len(retaining)} retaining States Parties report the planned or actual use"
    return status, summary, []


def _working_document(item: TimelineItem, document: WorkingDocument) -> tuple[Status, str, list[Detail]]:
    if item.done is not None and not item.done.surely_after(document.as_of):
        return Status.DONE, f"tabled {item.done}", []
    summary = (
        f"not recorded as tabled; `ccm working-document` drafts it from the data "
        f"({len(document.rows)} States Parties that retain or retained)"
    )
    return Status.IN_PROGRESS, summary, []


def progress(dataset: Dataset, views: list[StateView], document: WorkingDocument, as_of: dt.date) -> Progress | None:
    """Each timeline item's status as of the date; None when the data folder has no workplan.yaml."""
    workplan = dataset.workplan
    if workplan is None:
        return None
    by_code = {view.record.iso3: view for view in views}
    items = []
    for item in workplan.timeline:
        if item.measure == Measure.LETTERS:
            status, summary, details = _letters(item, by_code)
        elif item.measure == Measure.INVITATIONS:
            status, summary, details = _invitations(by_code)
        elif item.measure == Measure.PRACTICES:
            status, summary, details = _practices(item, dataset)
        elif item.measure == Measure.REPORTING:
            status, summary, details = _reporting(document)
        else:
            status, summary, details = _working_document(item, document)
        if item.done is not None and not item.done.surely_after(as_of):
            status = Status.DONE
        items.append(ItemProgress(item, status, _timing(item, status, as_of), summary, details))
    return Progress(workplan, as_of, items)
