"""Where the correspondence stands: a reply clears a letter only when it surely comes after it."""

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
        # A reply dated only 2025-02 may be before the letter of 10 February: it does not clear it.
        ([engagement("2025-02-10", "letter"), engagement("2025-02", "reply")], ReplyStatus.UNCLEAR),
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
    assert state.reply_awaited == (status in {ReplyStatus.AWAITED, ReplyStatus.UNCLEAR})


def test_an_unclear_reply_says_what_to_record():
    state = correspondence([engagement("2025-02-10", "letter"), engagement("2025-02", "reply")], AS_OF)
    assert state.detail == (
        "the reply dated 2025-02 may be before or after the letter of 2025-02-10: record the reply's full date"
    )
