"""Where the correspondence stands: a reply answers a letter unless it is surely earlier (partial dates: the
doubt goes to the State)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.domain.correspondence import ReplyStatus, correspondence
from ccm_stockpile.records.state import Engagement

AS_OF = dt.date(2025, 6, 1)


def engagement(date: str, kind: str) -> Engagement:
    return Engagement.model_validate({"date": date, "kind": kind, "summary": kind})


@pytest.mark.parametrize(
    ("engagements", "status"),
    [
        ([], ReplyStatus.NO_LETTER),
        ([engagement("2024", "statement")], ReplyStatus.NO_LETTER),
        ([engagement("2025-02-10", "letter")], ReplyStatus.AWAITED),
        ([engagement("2025-02-10", "letter"), engagement("2025-03-10", "reply")], ReplyStatus.RECEIVED),
        ([engagement("2025-02-10", "letter"), engagement("2025-02-10", "reply")], ReplyStatus.RECEIVED),
        ([engagement("2025-02-10", "letter"), engagement("2025-01-20", "reply")], ReplyStatus.AWAITED),
        # A reply dated by month counts as received in that month: it answers a letter of that month.
        ([engagement("2025-02-10", "letter"), engagement("2025-02", "reply")], ReplyStatus.RECEIVED),
        ([engagement("2025-05-10", "letter"), engagement("2025-05", "reply")], ReplyStatus.RECEIVED),
        # Month boundary: a reply of April does not answer a letter of 1 May; one of May answers 31 May.
        ([engagement("2025-05-01", "letter"), engagement("2025-04", "reply")], ReplyStatus.AWAITED),
        ([engagement("2025-05-31", "letter"), engagement("2025-05", "reply")], ReplyStatus.RECEIVED),
        # Year boundary: a reply dated 2024 does not answer a letter of 1 January 2025; one dated 2025 answers
        # a letter of 31 December 2025 (as of the next year).
        ([engagement("2025-01-01", "letter"), engagement("2024", "reply")], ReplyStatus.AWAITED),
        (
            [engagement("2025-02-10", "letter"), engagement("2025-03-10", "reply"), engagement("2025-04-01", "reminder")],
            ReplyStatus.AWAITED,
        ),
        # A reply dated after the as-of date is not known yet.
        ([engagement("2025-02-10", "letter"), engagement("2025-07-01", "reply")], ReplyStatus.AWAITED),
    ],
)
def test_reply_status(engagements, status):
    state = correspondence(engagements, AS_OF)
    assert state.status == status
    assert state.reply_awaited == (status == ReplyStatus.AWAITED)


def test_a_reply_dated_by_year_answers_a_letter_of_the_last_day_of_that_year():
    engagements = [engagement("2025-12-31", "letter"), engagement("2025", "reply")]
    assert correspondence(engagements, dt.date(2026, 3, 1)).status == ReplyStatus.RECEIVED
