"""A documented stockpile destruction practice: `data/practices/<id>.yaml`.

Every text field is a summary in the project's own words; every figure is as a source in `sources`
publishes it (with a short verbatim quote), and a figure no source gives is left out, never estimated.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from ccm_stockpile.records.types import ISO3, Count, Source, StrictModel, Text

Amount = Annotated[float, Field(ge=0)]


class Method(StrEnum):
    """How cluster munitions were destroyed."""

    OPEN_BURNING_DETONATION = "open_burning_detonation"
    INCINERATION = "incineration"
    CONTAINED_DETONATION = "contained_detonation"
    DISASSEMBLY_RECYCLING = "disassembly_recycling"
    CRYOFRACTURE = "cryofracture"
    OTHER = "other"


PracticePart = Literal["munitions", "submunitions", "tonnes"]


class Measure(StrictModel):
    """A figure a source gives in a unit of its own: 200,000 artillery projectiles, 26,000 rockets."""

    amount: Amount = Field(description="the figure as the source gives it")
    unit: str | None = Field(
        default=None, description="what is counted or weighed, e.g. `155 mm ICM projectiles`, `tonnes` (P003 when missing)"
    )
    approximate: bool = Field(default=False, description="true when the source gives the figure rounded ('about', 'over')")


class PracticeQuantity(StrictModel):
    """What the practice destroyed; each part optional (left out: not known)."""

    munitions: Count | None = Field(default=None, description="cluster munitions destroyed")
    submunitions: Count | None = Field(default=None, description="explosive submunitions destroyed")
    tonnes: Amount | None = Field(default=None, description="weight destroyed, in tonnes, as the source gives it")
    approximate: list[PracticePart] = Field(
        default_factory=list, description="the parts the source gives rounded, e.g. [tonnes] for 'about 50,000 tonnes'"
    )
    other: list[Measure] = Field(
        default_factory=list, description="figures in other units, e.g. by type of munition, each with its unit"
    )

    @model_validator(mode="after")
    def _check_approximate_parts_are_given(self) -> PracticeQuantity:
        for name in self.approximate:
            if getattr(self, name) is None:
                raise PydanticCustomError(
                    "approximate_unknown",
                    "`approximate` names {part}, which is not given; give the rounded figure or remove it from `approximate`",
                    {"part": name},
                )
        return self


class CostKind(StrEnum):
    """What a published amount is."""

    OUTTURN = "outturn"
    ESTIMATE = "estimate"
    BUDGET = "budget"
    INVESTMENT = "investment"
    OPTION = "option"


class CostBasis(StrEnum):
    """What one `amount` pays for."""

    TOTAL = "total"
    MUNITION = "munition"
    SUBMUNITION = "submunition"
    TONNE = "tonne"


class Cost(StrictModel):
    """An amount as published: never converted, never derived (comparisons derive, and say so)."""

    amount: Amount = Field(description="the amount in `currency`, as published (for a range, its lower end)")
    up_to: Amount | None = Field(default=None, description="the upper end, where the source gives a range ('30 to 40 million')")
    approximate: bool = Field(
        default=False, description="true when the source gives the amount rounded ('about', 'just under', 'estimated at')"
    )
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = Field(
        default=None, description="ISO 4217 code, e.g. EUR (P002 when missing)"
    )
    year: Annotated[int, Strict(), Field(ge=1990, le=2100)] | None = Field(
        default=None,
        description="price year: the year the source gives the amount for, else the year it was published (P002 when missing)",
    )
    per: CostBasis = Field(default=CostBasis.TOTAL, description="what one amount pays for: total, munition, submunition, tonne")
    kind: CostKind = Field(
        default=CostKind.OUTTURN,
        description="outturn (what it cost), estimate, budget (allocated), investment (a plant, used beyond this "
        "practice), option (the costed alternative that was not chosen)",
    )
    covers: str | None = Field(default=None, description="what the amount covers, in a few words")
    whole_quantity: bool = Field(
        default=False,
        description="true when the amount pays for destroying the practice's whole `quantity`, so that a cost per "
        "munition, submunition or tonne may be derived from it (never for research or a plant's investment)",
    )

    @model_validator(mode="after")
    def _check_range(self) -> Cost:
        if self.up_to is not None and self.up_to < self.amount:
            raise PydanticCustomError(
                "range_reversed",
                "`up_to` ({up_to}) is below `amount` ({amount}); give the range low to high",
                {"up_to": self.up_to, "amount": self.amount},
            )
        return self


class TimeUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Throughput(StrictModel):
    """A rate of destruction as the source gives it: 2,500 tonnes a year, six missiles a day."""

    amount: Amount = Field(description="how many, or how much, in one `per`")
    unit: str | None = Field(
        default=None, description="what is counted or weighed, e.g. `tonnes`, `missiles` (P003 when missing)"
    )
    per: TimeUnit = Field(description="day, week, month or year")
    approximate: bool = Field(default=False, description="true when the source gives the rate rounded")
    covers: str | None = Field(default=None, description="what the rate covers, e.g. all ammunition types of the plant")


class Transfer(StrictModel):
    """Art. 3(7): cluster munitions transferred to another state for destruction."""

    origin: ISO3 = Field(description="the state whose stock was transferred")
    destination: ISO3 = Field(description="the state where it was destroyed")
    year: Annotated[int, Strict(), Field(ge=1990, le=2100)] | None = Field(default=None, description="year of the transfer")
    munitions: Count | None = Field(default=None, description="cluster munitions transferred (left out: not known)")
    submunitions: Count | None = Field(default=None, description="explosive submunitions transferred (left out: not known)")
    what: str | None = Field(default=None, description="what was transferred, in a few words")


class Assistance(StrictModel):
    """Art. 6(5): assistance another state gave for this destruction."""

    state: ISO3 = Field(description="the state that gave it")
    means: str | None = Field(default=None, description="funding, technical assistance, ... in a few words")
    sources: list[Source] = Field(
        min_length=1, description="where the assistance is documented (invitations cite it, so it carries its own source)"
    )


class PracticeRecord(StrictModel):
    """A documented stockpile destruction practice, summarised in the project's own words."""

    id: Text = Field(description="slug, lower case words joined by hyphens; must match the file name")
    title: Text = Field(description="one-line title: who did what, where")
    method: Method | None = Field(default=None, description="main destruction method (left out: no source says)")
    other_methods: list[Method] = Field(default_factory=list, description="further methods used in the same programme")
    states: list[ISO3] = Field(default_factory=list, description="states whose stockpile this concerns")
    facility: str | None = Field(default=None, description="where destruction took place, and by whom")
    period: str | None = Field(default=None, description="when, as the sources date it, e.g. `April 2009 - July 2010`")
    quantity: PracticeQuantity | None = Field(default=None, description="what was destroyed")
    costs: list[Cost] = Field(default_factory=list, description="amounts as published, each with currency and price year")
    funding: str | None = Field(default=None, description="who paid: national budget, donors, sale of recovered materials")
    procurement: str | None = Field(
        default=None, description="how the work was organised: own forces, tender, NATO Support Agency, NGO partnership"
    )
    transfers: list[Transfer] = Field(default_factory=list, description="transfers for destruction (Art. 3(7))")
    assistance: list[Assistance] = Field(default_factory=list, description="assistance from other states (Art. 6(5))")
    safety: str | None = Field(default=None, description="safety measures and record")
    environment: str | None = Field(default=None, description="environmental impact and measures, recycling")
    efficiency: str | None = Field(default=None, description="speed, planning, cost-effectiveness")
    throughput: list[Throughput] = Field(default_factory=list, description="rates of destruction as published")
    verification: str | None = Field(default=None, description="how destruction was witnessed, certified or verified")
    lessons: str | None = Field(default=None, description="lessons for other states")
    note: str | None = Field(default=None, description="for readers and editors: where sources disagree, what is not known")
    sources: list[Source] = Field(
        default_factory=list, description="where these facts come from, each with a short verbatim quote (P004 when empty)"
    )
