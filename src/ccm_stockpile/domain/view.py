"""One state as of a date: party time, the year series, treaty facts and correspondence, computed once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ccm_stockpile.dataset import Dataset, LoadedFile
from ccm_stockpile.domain.balance import PartChange, compare
from ccm_stockpile.domain.correspondence import Correspondence, correspondence
from ccm_stockpile.domain.obligations import Obligations, report_obligations, retained_during
from ccm_stockpile.domain.party import PartyTime
from ccm_stockpile.domain.series import RetentionYear, build_series, known_holdings
from ccm_stockpile.domain.situation import RetentionSituation, retention_situation
from ccm_stockpile.domain.treaty import TreatyFacts, treaty_facts
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import StateRecord


@dataclass
class StateView:
    """One valid state record, seen as of a date."""

    loaded: LoadedFile[StateRecord]
    as_of: dt.date
    settings: Settings

    @property
    def record(self) -> StateRecord:
        assert self.loaded.record is not None, "a StateView is built from a valid record only"
        return self.loaded.record

    @cached_property
    def party(self) -> PartyTime:
        return PartyTime(self.record, self.as_of)

    @cached_property
    def series(self) -> list[RetentionYear]:
        """The retention entries that count: first entry of each year, in party time, as of the date."""
        return build_series(self.record, self.party, self.as_of)

    @cached_property
    def _changes(self) -> dict[tuple[int, int], list[PartChange]]:
        return {}

    def change(self, previous: RetentionYear, current: RetentionYear) -> list[PartChange]:
        """How the holdings moved between two years of the series (computed once per pair)."""
        key = (previous.index, current.index)
        if key not in self._changes:
            self._changes[key] = compare(previous, current)
        return self._changes[key]

    @cached_property
    def treaty(self) -> TreatyFacts:
        return treaty_facts(self.record, self.party)

    @cached_property
    def correspondence(self) -> Correspondence:
        return correspondence(self.record.engagements, self.as_of)

    @cached_property
    def situation(self) -> RetentionSituation:
        """The retention situation with its evidence, computed once; every output reads this."""
        return retention_situation(self.series)

    @cached_property
    def obligations(self) -> Obligations:
        """The reports the state owed or owes, with their due dates and legal bases."""
        return report_obligations(self.party, retained_during(self.series))

    @property
    def retention_ended(self) -> bool:
        """The latest entry that counts says holdings are zero."""
        return bool(self.series) and self.series[-1].held_zero

    @cached_property
    def _latest(self) -> dict[int | None, RetentionYear | None]:
        return {}

    def latest_holding(self, up_to: int | None = None) -> RetentionYear | None:
        """The latest year with known holdings, no later than `up_to` when given (remembered per `up_to`)."""
        if up_to not in self._latest:
            known = [item for item in known_holdings(self.series) if up_to is None or item.year <= up_to]
            self._latest[up_to] = known[-1] if known else None
        return self._latest[up_to]

    def forget(self) -> None:
        """Drop what is cheap to compute again (the year series and its changes), keeping the latest holdings
        already asked for: on a large data folder the series of every state would otherwise stay in memory."""
        for name in ("series", "_changes"):
            self.__dict__.pop(name, None)


def state_views(dataset: Dataset, as_of: dt.date) -> list[StateView]:
    """A view of every valid state record of the dataset."""
    return [StateView(loaded, as_of, dataset.settings) for loaded in dataset.valid_states()]
