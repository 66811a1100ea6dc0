"""Reusable types: partial dates, counts, quantities, sources, ISO3 codes."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from functools import total_ordering
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, Strict, model_validator
from pydantic_core import PydanticCustomError, core_schema

_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(-(?P<month>\d{2})(-(?P<day>\d{2}))?)?")


@total_ordering
class PartialDate:
    """A date as a source gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, kept as written.

    A partial date is a range (`2012` is 2012-01-01..2012-12-31): comparisons between dates use
    `earliest` and `latest`, so only sure contradictions are reported.
    """

    __slots__ = ("day", "month", "text", "year")

    def __init__(self, text: str) -> None:
        match = _PARTIAL_DATE.fullmatch(text)
        if not match:
            raise ValueError(f"`{text}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
        self.text = text
        self.year = int(match["year"])
        self.month = int(match["month"]) if match["month"] else None
        self.day = int(match["day"]) if match["day"] else None
        if not 1900 <= self.year <= 2100:
            raise ValueError(f"`{text}` is not a plausible date: the year must be between 1900 and 2100")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"`{text}` is not a date: there is no month {self.month}; write YYYY-MM-DD")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]  # type: ignore[arg-type]
            if not 1 <= self.day <= last:
                raise ValueError(f"`{text}` is not a date: month {self.month} of {self.year} has {last} days")

    @property
    def is_complete(self) -> bool:
        return self.day is not None

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def surely_before(self, other: PartialDate | dt.date) -> bool:
        """True when every day this date may mean is before every day `other` may mean."""
        other_earliest = other.earliest if isinstance(other, PartialDate) else other
        return self.latest < other_earliest

    def surely_after(self, other: PartialDate | dt.date) -> bool:
        other_latest = other.latest if isinstance(other, PartialDate) else other
        return self.earliest > other_latest

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self.text == other.text

    def __lt__(self, other: PartialDate) -> bool:
        return (self.earliest, self.latest) < (other.earliest, other.latest)

    def __hash__(self) -> int:
        return hash(self.text)

    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.isoformat())
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return cls(str(value))
        if not isinstance(value, str):
            raise PydanticCustomError(
                "partial_date", "expected a date (YYYY-MM-DD, YYYY-MM or YYYY), got `{value}`", {"value": value}
            )
        try:
            return cls(value.strip())
        except ValueError as error:
            raise PydanticCustomError("partial_date", str(error)) from None

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
        return {
            "anyOf": [
                # months 01-12 and days 01-31; a day the month lacks (30 February) is left to `ccm check`
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "YYYY-MM-DD, or YYYY-MM / YYYY where the source gives only a month or a year",
        }


Count = Annotated[int, Strict(), Field(ge=0, le=10**10)]
"""A whole number of items, 0 or more (strict: `1.5`, `"12"` and `true` are refused)."""

ISO3 = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code, upper case", examples=["ESP"]),
]

Text = Annotated[str, Field(min_length=1)]


class StrictModel(BaseModel):
    """Base of every record model: unknown keys are errors, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_attribute_docstrings=False)


QuantityPart = Literal["munitions", "submunitions"]


class Quantity(StrictModel):
    """A number of cluster munitions and of explosive submunitions; null means not known, 0 means none.

    A part that a source gives rounded ("25.9 million", "over 573,000") is recorded as that number and
    named in `approximate`: it is printed as "about ..." and never used in a balance.
    """

    munitions: Count | None = Field(description="cluster munitions (null: not known)")
    submunitions: Count | None = Field(description="explosive submunitions (null: not known)")
    approximate: list[QuantityPart] = Field(
        default_factory=list,
        description="the parts that the source gives rounded (e.g. [submunitions] for '14.9 million'); "
        "an exact figure from any source always replaces a rounded one",
    )

    def exact(self, name: str) -> int | None:
        """The part `name` when known exactly; None when unknown or approximate."""
        return None if name in self.approximate else getattr(self, name)

    @property
    def fully_known(self) -> bool:
        return self.munitions is not None and self.submunitions is not None

    @property
    def entirely_unknown(self) -> bool:
        return self.munitions is None and self.submunitions is None

    @property
    def is_zero(self) -> bool:
        """Known to be none at all."""
        return self.munitions == 0 and self.submunitions == 0

    @property
    def positive(self) -> bool:
        """Known to be more than none in at least one part."""
        return bool(self.munitions) or bool(self.submunitions)

    @model_validator(mode="after")
    def _check_approximate_parts_are_given(self) -> Quantity:
        for name in self.approximate:
            if getattr(self, name) is None:
                raise PydanticCustomError(
                    "approximate_unknown",
                    "`approximate` names {part}, which is null; give the rounded figure or remove it from `approximate`",
                    {"part": name},
                )
        if len(set(self.approximate)) != len(self.approximate):
            raise PydanticCustomError("approximate_twice", "`approximate` names a part twice; name it once")
        return self

    def __str__(self) -> str:
        def show(name: str) -> str:
            value = getattr(self, name)
            if value is None:
                return "?"
            if name not in self.approximate:
                return f"{value:,}"
            if value >= 1_000_000:  # as sources write rounded figures: "about 14.9 million"
                return f"about {value / 1_000_000:,.3f}".rstrip("0").rstrip(".") + " million"
            return f"about {value:,}"

        return f"{show('munitions')} munitions / {show('submunitions')} submunitions"


class DocumentKind(StrEnum):
    """What kind of document a source rests on."""

    ARTICLE7_REPORT = "article7_report"
    STATEMENT = "statement"
    PROFILE = "profile"
    REPORT = "report"
    MEETING_DOCUMENT = "meeting_document"
    TREATY_RECORD = "treaty_record"
    CORRESPONDENCE = "correspondence"
    NEWS = "news"
    PAGE = "page"
    LEGISLATION = "legislation"


class Document(StrictModel):
    """The document a fact rests on, as a meeting cites it: author (or State), title, symbol, date.

    For a State's report under Article 7: `state`, `kind: article7_report`, the calendar `year` it covers and
    the submission `date` where known. `url` is the original's address, never a copy on a file-sharing site.
    """

    kind: DocumentKind | None = Field(
        default=None,
        description="article7_report | statement | profile | report | meeting_document | treaty_record | "
        "correspondence | news | page | legislation",
    )
    state: ISO3 | None = Field(default=None, description="the State whose report or statement it is (ISO3)")
    author: str | None = Field(
        default=None, description="author or publisher, e.g. Cluster Munition Monitor (for a State: use `state`)"
    )
    title: str | None = Field(default=None, description="the document's own title (an Article 7 report may omit it)")
    symbol: str | None = Field(default=None, description="the document symbol where one exists, e.g. CCM/MSP/2023/5")
    year: Annotated[int, Strict(), Field(ge=1990, le=2100)] | None = Field(
        default=None, description="for an Article 7 report: the calendar year it covers"
    )
    date: PartialDate | None = Field(default=None, description="date of the document; for a report, the date it was submitted")
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="the original's address where known (never a mirror)"
    )

    @model_validator(mode="after")
    def _check_it_is_named(self) -> Document:
        if self.state is None and self.author is None:
            raise PydanticCustomError(
                "document_without_author", "a document needs its `author`, or for a State's own document its `state`"
            )
        if self.title is None and self.kind != DocumentKind.ARTICLE7_REPORT:
            raise PydanticCustomError(
                "document_without_title", "a document needs its `title` (only an Article 7 report may omit it)"
            )
        if self.kind == DocumentKind.ARTICLE7_REPORT and self.state is None:
            raise PydanticCustomError("report_without_state", "an Article 7 report needs the `state` that made it")
        return self


class Reading(StrictModel):
    """One place a document was read: its address (or the archive it is kept in), the quote, when, and a
    research note for editors (never printed in a document)."""

    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="address of the page or file read"
    )
    title: str | None = Field(
        default=None,
        description="the page read, when it is not the document itself: a publication that reports it "
        "(e.g. the Monitor reporting a State's report) or a copy",
    )
    quote: str | None = Field(default=None, description="a short verbatim quote that carries the fact")
    accessed: PartialDate | None = Field(default=None, description="when it was read")
    kept_at: str | None = Field(default=None, description="where an archived document is kept, e.g. ISU archive, Geneva")
    note: str | None = Field(default=None, description="research note for editors: how the page was read; never printed")

    @model_validator(mode="after")
    def _check_it_can_be_found(self) -> Reading:
        if self.url is None and self.kept_at is None:
            raise PydanticCustomError("reading_not_findable", "a place read needs its `url`, or `kept_at` for an archive")
        return self


class Source(StrictModel):
    """What a fact rests on (`document`) and where it was read (`read`: address, quote, accessed, note).

    The short form `{url, title, quote, accessed}` (or, for a document kept in an archive, `title`, `date`,
    `reference`, `kept_at`) is one reading of a document named only by its title; `ccm_stockpile.domain.provenance`
    turns either form into what a document cites.
    """

    document: Document | None = Field(default=None, description="the document the facts rest on")
    read: list[Reading] | None = Field(default=None, description="where it was read: one entry per place")
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="short form: address of the page or document"
    )
    title: str | None = Field(default=None, description="short form: title of the page or document")
    quote: str | None = Field(default=None, description="short form: a short verbatim quote that carries the fact")
    accessed: PartialDate | None = Field(default=None, description="short form: when the source was read")
    date: PartialDate | None = Field(default=None, description="short form: date of the document (for an archived document)")
    reference: str | None = Field(default=None, description="short form: the document's reference number, e.g. of a note verbale")
    kept_at: str | None = Field(default=None, description="short form: where an archived document is kept, e.g. ISU archive")
    note: str | None = Field(default=None, description="research note for editors; never printed in a document")

    @model_validator(mode="after")
    def _check_it_can_be_found(self) -> Source:
        short = [name for name in ("url", "title", "quote", "accessed", "date", "reference", "kept_at") if getattr(self, name)]
        if self.document is not None or self.read:
            if short:
                raise PydanticCustomError(
                    "source_two_forms",
                    "a source with `document` or `read` gives {names} inside them: move it under `document` "
                    "(title, date, symbol) or under `read` (url, quote, accessed, kept_at)",
                    {"names": ", ".join(f"`{name}`" for name in short)},
                )
            if not self.read:
                raise PydanticCustomError(
                    "source_not_read", "a source names its `document` but not where it was read: add `read` with its url"
                )
            return self
        if self.url is None and (self.kept_at is None or self.title is None):
            raise PydanticCustomError(
                "source_not_findable",
                "a source needs a `url`, or for a document kept in an archive its `title` and `kept_at`",
            )
        return self

    @property
    def readings(self) -> list[Reading]:
        """Every place the source was read; the short form is one."""
        if self.read:
            return self.read
        return [Reading(url=self.url, quote=self.quote, accessed=self.accessed, kept_at=self.kept_at)]

    @property
    def quotes(self) -> list[str]:
        """The quotes of every reading."""
        return [reading.quote for reading in self.readings if reading.quote]
