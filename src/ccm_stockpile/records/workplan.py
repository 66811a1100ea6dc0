"""`data/workplan.yaml`: the coordinators' work plan as data (objectives, strategies, timeline by quarter)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, Strict

from ccm_stockpile.records.types import ISO3, PartialDate, Source, StrictModel, Text


class Measure(StrEnum):
    """How an item's status is derived from the data."""

    LETTERS = "letters"  # letters to the states named, and their replies
    INVITATIONS = "invitations"  # invitations to share destruction practice, and their replies
    PRACTICES = "practices"  # practices in the database, against a target
    REPORTING = "reporting"  # retaining States Parties whose reports give planned or actual use
    REPORTS = "reports"  # States Parties that retain or retained whose report for the latest year due is recorded
    WORKING_DOCUMENT = "working_document"  # the Working Document, done when recorded as tabled


class Objective(StrictModel):
    """One objective of the work plan."""

    id: Text = Field(description="its letter, e.g. a")
    text: Text = Field(description="the objective, as the work plan words it")


class Strategy(StrictModel):
    """One strategy of the work plan."""

    id: Text = Field(description="its letter, e.g. a")
    text: Text = Field(description="the strategy, as the work plan words it")
    states: list[ISO3] = Field(default_factory=list, description="the States Parties it names")


class TimelineItem(StrictModel):
    """One item of the timeline, with how its status is derived."""

    id: Text = Field(description="a short name for the item")
    quarter: Annotated[str, Field(pattern=r"^\d{4}-Q[1-4]$")] | None = Field(
        default=None, description="e.g. 2025-Q1, as the work plan's timeline sets it; null: the work plan sets no date"
    )
    text: Text = Field(description="the item, as the work plan words it")
    objective: str | None = Field(default=None, description="the objective it serves")
    measure: Measure = Field(description="how its status is derived from the data")
    states: list[ISO3] = Field(default_factory=list, description="for letters: the states written to")
    target: Annotated[int, Strict(), Field(ge=1)] | None = Field(default=None, description="for practices: how many")
    done: PartialDate | None = Field(default=None, description="when it was completed, where the data cannot tell")
    note: str | None = Field(default=None, description="what a reader should know")
    sources: list[Source] = Field(default_factory=list, description="where `done` comes from")


class Workplan(StrictModel):
    """The coordinators' work plan."""

    title: Text = Field(description="the work plan's title")
    period: Text = Field(description="e.g. 2024-2025")
    objectives: list[Objective] = Field(default_factory=list, description="objectives (a)-(d)")
    strategies: list[Strategy] = Field(default_factory=list, description="strategies (a)-(b)")
    timeline: list[TimelineItem] = Field(default_factory=list, description="the timeline, by quarter")
    sources: list[Source] = Field(default_factory=list, description="where the work plan is published")
