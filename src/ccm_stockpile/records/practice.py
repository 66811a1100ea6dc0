"""A documented stockpile destruction practice: `data/practices/<slug>.yaml`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, Strict

from ccm_stockpile.records.types import ISO3, Count, Source, StrictModel, Text


class Method(StrEnum):
    OPEN_BURNING_DETONATION = "open_burning_detonation"
    INCINERATION = "incineration"
    CONTAINED_DETONATION = "contained_detonation"
    DISASSEMBLY_RECYCLING = "disassembly_recycling"
    CRYOFRACTURE = "cryofracture"
    OTHER = "other"


class PracticeQuantity(StrictModel):
    """What the practice destroyed; each part optional."""

    munitions: Count | None = Field(default=None, description="cluster munitions destroyed")
    submunitions: Count | None = Field(default=None, description="submunitions destroyed")
    tonnes: Annotated[float, Field(ge=0)] | None = Field(default=None, description="net weight destroyed, tonnes")


class Cost(StrictModel):
    """What the practice cost, as published."""

    amount: Annotated[float, Field(ge=0)] = Field(description="amount in `currency`")
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = Field(description="ISO 4217 code, e.g. EUR")
    year: Annotated[int, Strict(), Field(ge=1990, le=2100)] = Field(description="price year")
    per: str | None = Field(default=None, description="unit the amount is for (total, munition, tonne...)")


class PracticeRecord(StrictModel):
    """A documented stockpile destruction practice, summarised in the project's own words."""

    id: Text = Field(description="slug; must match the file name")
    title: Text = Field(description="one-line title")
    method: Method = Field(description="main destruction method")
    states: list[ISO3] = Field(default_factory=list, description="states whose stockpile this concerns")
    facility: str | None = Field(default=None, description="where destruction took place")
    period: str | None = Field(default=None, description="when, e.g. 2011-2012")
    quantity: PracticeQuantity | None = Field(default=None, description="what was destroyed")
    cost: Cost | None = Field(default=None, description="what it cost, where published")
    safety: str | None = Field(default=None, description="safety measures and record")
    environment: str | None = Field(default=None, description="environmental impact and measures")
    efficiency: str | None = Field(default=None, description="speed, cost-effectiveness")
    lessons: str | None = Field(default=None, description="lessons for other states")
    sources: list[Source] = Field(default_factory=list, description="where these facts come from")
