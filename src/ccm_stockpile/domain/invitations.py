"""What an invitation to share destruction practice says, computed from the data (work plan, strategy (b)).

An invitation recalls only what the state's own record sources: its completion of destruction and the
figures, with the sources that carry them, and any assistance to other states that a practice record
documents with its own sources. Its questionnaire annex asks one question per field of the practice record,
generated from the model, so that a reply can be entered as a record. Nothing here knows a language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ccm_stockpile.domain.letters import heading
from ccm_stockpile.domain.practices import PracticeLink, Role, practices_for
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.settings import LetterForm
from ccm_stockpile.records.state import Language, StockpileStatus
from ccm_stockpile.records.types import PartialDate, Quantity, Source

# Fields the editor keeps, not the state: the id names the file, the note is for readers of our records.
NOT_ASKED = ("id", "note")


def questionnaire_fields() -> list[str]:
    """The practice record's fields, in the record's order, that the questionnaire asks about."""
    return [name for name in PracticeRecord.model_fields if name not in NOT_ASKED]


class InvitationError(Exception):
    """An invitation cannot be written from the data (nothing the state's record shows to recall)."""


@dataclass(frozen=True)
class AssistanceGiven:
    """Assistance the state gave to another state's destruction (Art. 6(5)), as a practice documents it."""

    practice: str
    beneficiaries: tuple[str, ...]
    means: str | None
    sources: list[Source]


@dataclass(frozen=True)
class Invitation:
    """Everything an invitation states, language aside."""

    iso3: str
    language: Language
    form: LetterForm
    reference: str
    date: dt.date
    reply_by: dt.date
    completed: bool
    completion_date: PartialDate | None
    destroyed: Quantity | None
    sources: list[Source]
    assistance: list[AssistanceGiven]
    practices: list[PracticeLink]
    fields: list[str] = field(default_factory=questionnaire_fields)

    @property
    def own_practices(self) -> int:
        """Practices in the database on the destruction of the state's own stockpile."""
        return sum(Role.STOCKPILE in link.roles for link in self.practices)

    @property
    def other_practices(self) -> int:
        """Practices of other states' stockpiles in which the state took part (as host or with assistance)."""
        return len(self.practices) - self.own_practices


_SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "'", "\u2019")


def _written(value: int, approximate: bool) -> list[str]:
    grouped = f"{value:,}"
    forms = {str(value), *(grouped.replace(",", separator) for separator in _SEPARATORS)}
    if approximate and value >= 1_000_000:
        forms.add(f"{value / 1_000_000:.3f}".rstrip("0").rstrip(".") + " million")
    return sorted(forms, key=len, reverse=True)


def _gives(quote: str, value: int, approximate: bool) -> bool:
    return any(re.search(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)", quote) for form in _written(value, approximate))


def supporting_sources(sources: list[Source], destroyed: Quantity | None, completion: PartialDate | None) -> list[Source]:
    """The sources whose quote gives the destroyed figures or the year of completion (the first source when none
    does), so that the invitation's footnote points at the words that carry what it recalls."""
    found = []
    for source in sources:
        quote = " ".join(source.quotes)
        figures = destroyed is not None and any(
            value is not None and _gives(quote, value, part in destroyed.approximate)
            for part, value in (("munitions", destroyed.munitions), ("submunitions", destroyed.submunitions))
        )
        year = completion is not None and str(completion.year) in quote
        if (figures or year) and source not in found:
            found.append(source)
    return found or sources[:1]


def destruction_completed(view: StateView) -> bool:
    """The record says the stockpile was destroyed, and not on a date after the view's date."""
    stockpile = view.record.stockpile
    if stockpile is None or stockpile.status != StockpileStatus.DESTROYED:
        return False
    return stockpile.completed is None or not stockpile.completed.surely_after(view.as_of)


def assistance_given(iso3: str, practices: Iterable[PracticeRecord]) -> list[AssistanceGiven]:
    """What the practice records document of the state's assistance to others, each with its own sources."""
    given = []
    for record in practices:
        for assistance in record.assistance:
            if assistance.state == iso3:
                beneficiaries = tuple(code for code in record.states if code != iso3)
                given.append(AssistanceGiven(record.id, beneficiaries, assistance.means, assistance.sources))
    return given


def build_invitation(view: StateView, practices: list[PracticeRecord], language: Language | None = None) -> Invitation:
    """The invitation to one state as of the view's date."""
    record = view.record
    stockpile = record.stockpile
    # Completion is recalled only when the record sources it: an invitation states nothing the record does not.
    done = destruction_completed(view) and stockpile is not None and bool(stockpile.sources)
    assistance = assistance_given(record.iso3, practices)
    if not done and not assistance:
        raise InvitationError(
            f"{record.iso3}: its record shows no sourced completion of destruction and no assistance to another "
            f"state's destruction as of {view.as_of.isoformat()}; no invitation to write"
        )
    destroyed = stockpile.destroyed if done and stockpile is not None else None
    if destroyed is not None and destroyed.entirely_unknown:
        destroyed = None
    completion = stockpile.completed if done and stockpile is not None else None
    sources = supporting_sources(stockpile.sources, destroyed, completion) if done and stockpile is not None else []
    return Invitation(
        **heading(view, language),
        completed=done,
        completion_date=completion,
        destroyed=destroyed,
        sources=sources,
        assistance=assistance,
        practices=practices_for(practices, record.iso3),
    )
