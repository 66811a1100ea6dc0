"""Where the coordinators' correspondence with a state stands: letters sent, replies received."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ccm_stockpile.domain.obligations import answers
from ccm_stockpile.records.state import Engagement, EngagementKind

_SENT = {EngagementKind.LETTER, EngagementKind.REMINDER}


class ReplyStatus(StrEnum):
    NO_LETTER = "no letter"
    AWAITED = "awaited"
    RECEIVED = "received"


@dataclass(frozen=True)
class Correspondence:
    """The engagements known on the as-of date, oldest first, and whether a reply is awaited."""

    engagements: list[Engagement]
    last_letter: Engagement | None
    status: ReplyStatus
    detail: str = ""

    @property
    def last(self) -> Engagement | None:
        return self.engagements[-1] if self.engagements else None

    @property
    def invitations(self) -> list[Engagement]:
        """Invitations to share destruction practice. They ask for no reply under the Convention, so they never
        make a reply awaited (nor R111): only letters and reminders do."""
        return [e for e in self.engagements if e.kind == EngagementKind.INVITATION]

    @property
    def reply_awaited(self) -> bool:
        """A letter or reminder with no reply dated on or after it (`obligations.answers`)."""
        return self.status == ReplyStatus.AWAITED


def correspondence(engagements: list[Engagement], as_of: dt.date) -> Correspondence:
    """The correspondence as of a date. A reply answers the latest letter when it is not surely earlier
    (`obligations.answers`): a reply dated `2025-05` answers a letter of 2025-05-10, received in that month."""
    known = sorted((e for e in engagements if not e.date.surely_after(as_of)), key=lambda e: e.date)
    letters = [e for e in known if e.kind in _SENT]
    if not letters:
        return Correspondence(known, None, ReplyStatus.NO_LETTER)
    letter = max(letters, key=lambda e: e.date.latest)
    if any(e.kind == EngagementKind.REPLY and answers(e.date, letter.date) for e in known):
        return Correspondence(known, letter, ReplyStatus.RECEIVED)
    return Correspondence(known, letter, ReplyStatus.AWAITED)
