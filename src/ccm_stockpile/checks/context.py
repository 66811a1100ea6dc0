"""What a check sees of one state: its record, where its nodes are, treaty time, settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ccm_stockpile.checks.registry import severity_of
from ccm_stockpile.checks.series import RetentionYear, build_series
from ccm_stockpile.checks.timeline import PartyTime
from ccm_stockpile.dataset import LoadedFile
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import StateRecord


@dataclass
class StateContext:
    """One valid state record, checked as of a date."""

    loaded: LoadedFile[StateRecord]
    as_of: dt.date
    settings: Settings

    @property
    def record(self) -> StateRecord:
        assert self.loaded.record is not None
        return self.loaded.record

    @cached_property
    def party(self) -> PartyTime:
        return PartyTime(self.record, self.as_of)

    @cached_property
    def series(self) -> list[RetentionYear]:
        """The retention entries the checks use: first entry of each year, in party time, as of the date."""
        return build_series(self.record, self.party, self.as_of)

    def finding(self, code: str, message: str, path: tuple = (), year: int | None = None, value: object = None) -> Finding:
        """A finding at `path`; a key the file leaves out is located (and named) by its nearest parent."""
        mark = self.loaded.mark(path)
        return Finding(
            code, severity_of(code), message, self.loaded.display, mark.line, mark.column,
            self.loaded.name(path), state=self.record.iso3, year=year, value=value,
        )
