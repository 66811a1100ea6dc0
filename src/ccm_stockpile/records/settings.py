"""`data/settings.yaml`: coordinators, ISU contact, next meeting, check thresholds."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict

from ccm_stockpile.records.types import ISO3, PartialDate, StrictModel


class Coordinator(StrictModel):
    """A Coordinator on Stockpile Destruction and Retention."""

    state: ISO3 = Field(description="the coordinating state")
    name: str | None = Field(default=None, description="the person or mission, where known")


class ISUContact(StrictModel):
    """The CCM Implementation Support Unit's contact line for letters."""

    name: str = Field(default="CCM Implementation Support Unit", description="name of the unit")
    email: str | None = Field(default=None, description="e-mail address")
    address: str | None = Field(default=None, description="postal address, where verified")


class Meeting(StrictModel):
    """The next Meeting of States Parties or Review Conference."""

    name: str = Field(description="e.g. Third Review Conference")
    start: PartialDate | None = Field(default=None, description="first day")
    end: PartialDate | None = Field(default=None, description="last day")
    city: str | None = Field(default=None, description="where")


class Thresholds(StrictModel):
    """Numbers the checks use."""

    unchanged_years: Annotated[int, Strict(), Field(ge=2)] = Field(
        default=3, description="R104: consecutive years of identical holdings with no consumption"
    )
    large_holding_submunitions: Annotated[int, Strict(), Field(ge=0)] = Field(
        default=10_000, description="R109: submunitions above which holdings are flagged"
    )
    largest_holders: Annotated[int, Strict(), Field(ge=0)] = Field(
        default=3, description="R109: how many of the largest holders to list"
    )


class Settings(StrictModel):
    """Every setting has a default, so a data folder without settings.yaml still checks."""

    coordinators: list[Coordinator] = Field(default_factory=list, description="Coordinators on Stockpile Destruction")
    isu: ISUContact = Field(default_factory=ISUContact, description="ISU contact line")
    next_meeting: Meeting | None = Field(default=None, description="the next meeting")
    thresholds: Thresholds = Field(default_factory=Thresholds, description="check thresholds")
