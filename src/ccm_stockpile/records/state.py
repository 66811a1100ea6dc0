"""The state record: treaty dates, stockpile, retention reports and follow-up."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from ccm_stockpile.records.types import ISO3, Count, PartialDate, Quantity, Source, StrictModel, Text


class StateStatus(StrEnum):
    PARTY = "party"
    SIGNATORY = "signatory"
    WITHDRAWN = "withdrawn"


class ConsentType(StrEnum):
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"


class StockpileStatus(StrEnum):
    NEVER_HELD = "never_held"
    HELD = "held"
    DESTROYED = "destroyed"
    RETAINED = "retained"
    UNKNOWN = "unknown"


class ReportStatus(StrEnum):
    REPORTED = "reported"
    UNCHANGED = "unchanged"
    NOT_SUBMITTED = "not_submitted"
    UNKNOWN = "unknown"


class Omission(StrEnum):
    """What a source says a state's report left out (the evidence for a state-addressed request)."""

    PLANNED_USE = "planned_use"
    ACTUAL_USE = "actual_use"
    TYPES = "types"
    LOTS = "lots"
    QUANTITY = "quantity"
    MOVEMENTS = "movements"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class EngagementKind(StrEnum):
    LETTER = "letter"
    REPLY = "reply"
    MEETING = "meeting"
    REMINDER = "reminder"
    STATEMENT = "statement"
    INVITATION = "invitation"


class Language(StrEnum):
    """The languages letters and documents are written in."""

    EN = "en"
    FR = "fr"
    ES = "es"


class Names(StrictModel):
    """A name in each language, as it is written in running text (in French and Spanish with its article,
    e.g. `l'Espagne`, `le Royaume des Pays-Bas`, `el Reino de los Países Bajos`)."""

    en: str | None = Field(default=None, description="in English")
    fr: str | None = Field(default=None, description="in French, with its article")
    es: str | None = Field(default=None, description="in Spanish, with its article where it takes one")
    note: str | None = Field(default=None, description="which forms are confirmed, which are built from a pattern")
    sources: list[Source] = Field(default_factory=list, description="where the names come from")


def _lot_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


LotNumber = Annotated[str, BeforeValidator(_lot_as_text)]


class Consent(StrictModel):
    """Deposit of the instrument of ratification, acceptance, approval or accession."""

    date: PartialDate = Field(description="date the instrument was deposited with the UN Secretary-General")
    type: ConsentType = Field(description="kind of instrument")


class Withdrawal(StrictModel):
    """Article 20: notification of withdrawal and the date it took effect."""

    notified: PartialDate = Field(description="date the depositary received the instrument of withdrawal")
    effective: PartialDate = Field(description="date the withdrawal took effect (Art. 20(3): six months later)")


class Extension(StrictModel):
    """An extension of the stockpile destruction deadline granted under Art. 3(3)-(5)."""

    granted: PartialDate = Field(description="date the Meeting of States Parties granted it")
    meeting: str | None = Field(default=None, description="the meeting that granted it, e.g. 5MSP")
    new_deadline: PartialDate = Field(description="the deadline as extended")


class Discovery(StrictModel):
    """A stockpile found after reported completion of destruction (Art. 7(1)(g), Action 14)."""

    found: PartialDate = Field(description="when the stockpile was found")
    reported: PartialDate | None = Field(default=None, description="when it was reported")
    quantity: Quantity = Field(description="what was found")
    destroyed: PartialDate | None = Field(default=None, description="when it was destroyed; null: not yet, or not known")
    included_in_destroyed: bool = Field(
        default=False,
        description="true when the sources count this quantity already in the stockpile's `destroyed` (stock "
        "reported destroyed that was not): totals then count it once",
    )
    sources: list[Source] = Field(description="where these facts come from")

    def counts_beyond(self) -> bool:
        """Destroyed, and not already part of the stockpile's `destroyed`: a total adds it."""
        return self.destroyed is not None and not self.included_in_destroyed


class Stockpile(StrictModel):
    """Article 3(1)-(5): the stockpile, its destruction and any later discoveries."""

    status: StockpileStatus = Field(
        description="never_held only where a source says so; retained: the whole stockpile was kept for "
        "permitted purposes (Art. 3(6)), so none awaits destruction; else unknown"
    )
    declared: Quantity | None = Field(default=None, description="stockpile declared under Art. 7(1)(b)")
    destroyed: Quantity | None = Field(default=None, description="total destroyed under Article 3")
    deadline: PartialDate | None = Field(default=None, description="Art. 3(2) deadline; derived (EIF + 8 years) when absent")
    extensions: list[Extension] = Field(default_factory=list, description="extensions granted (Art. 3(3)-(5))")
    completed: PartialDate | None = Field(default=None, description="date destruction was completed")
    discoveries: list[Discovery] = Field(default_factory=list, description="stockpiles found after completion")
    note: str | None = Field(default=None, description="what a reader should know, e.g. where sources disagree")
    sources: list[Source] = Field(default_factory=list, description="where these facts come from")


class TypeRow(StrictModel):
    """Art. 3(8): one type of retained munition, its quantity and lot numbers."""

    type: Text = Field(description="type of munition or submunition, e.g. M42")
    munitions: Count | None = Field(description="cluster munitions of this type (null: not known)")
    submunitions: Count | None = Field(description="submunitions of this type (null: not known)")
    lots: list[LotNumber] | None = Field(default=None, description="lot numbers")


class Transfer(StrictModel):
    """Art. 3(7): a transfer to or from another State Party."""

    direction: Direction = Field(description="in: received; out: sent")
    counterpart: ISO3 = Field(description="the other State Party (ISO3)")
    purpose: str | None = Field(default=None, description="destruction, training, research, ...")
    munitions: Count | None = Field(description="cluster munitions transferred (null: not known)")
    submunitions: Count | None = Field(description="submunitions transferred (null: not known)")


class RetentionEntry(StrictModel):
    """One calendar year of retention under Art. 3(6)-(8), as reported under Art. 7."""

    year: Annotated[int, Strict(), Field(ge=2008, le=2100)] = Field(
        description="calendar year covered; figures are as at 31 December"
    )
    report: ReportStatus = Field(description="what is known of that year's report")
    submitted: PartialDate | None = Field(default=None, description="when the report reached the UN")
    held: Quantity | None = Field(default=None, description="retained at the end of the year")
    by_type: list[TypeRow] = Field(default_factory=list, description="type, quantity and lot numbers (Art. 3(8))")
    consumed: Quantity | None = Field(default=None, description="used for permitted purposes during the year")
    destroyed: Quantity | None = Field(default=None, description="destroyed as excess during the year")
    acquired: Quantity | None = Field(default=None, description="acquired during the year, other than by transfer")
    transfers: list[Transfer] | None = Field(
        default=None, description="transfers (Art. 3(7)); [] means none, absent means not known"
    )
    planned_use: str | None = Field(default=None, description="planned use (Art. 3(8))")
    actual_use: str | None = Field(default=None, description="actual use (Art. 3(8))")
    omitted: list[Omission] = Field(
        default_factory=list,
        description="what a source in `sources` says the state's report for the year left out: planned_use, "
        "actual_use, types, lots, quantity, movements (consumption, destruction, transfers); the "
        "evidence that lets a letter ask the state for it. Leave empty when the report was simply not "
        "read: that gap is ours, not the state's",
    )
    sources: list[Source] = Field(default_factory=list, description="required when any figure is given")
    note: str | None = Field(default=None, description="which source year was used and why; disagreements")

    def has_figures(self) -> bool:
        quantities = [self.held, self.consumed, self.destroyed, self.acquired]
        if any(q is not None and not q.entirely_unknown for q in quantities):
            return True
        if any(row.munitions is not None or row.submunitions is not None for row in self.by_type):
            return True
        return any(t.munitions is not None or t.submunitions is not None for t in self.transfers or [])

    @model_validator(mode="after")
    def _check_figures_are_sourced(self) -> RetentionEntry:
        if (self.has_figures() or self.omitted) and not self.sources:
            raise PydanticCustomError(
                "unsourced_figures",
                "the entry for {year} gives figures or omissions but no `sources`; add the URL each comes from",
                {"year": self.year},
            )
        return self


class Engagement(StrictModel):
    """The coordinators' follow-up with the state: letters, replies, meetings, reminders, statements, invitations."""

    date: PartialDate = Field(description="date of the letter, reply, meeting or statement")
    kind: EngagementKind = Field(
        description="letter | reply | meeting | reminder | statement | invitation (to share destruction practice)"
    )
    ref: str | None = Field(default=None, description="reference number of the letter or note")
    reply_by: PartialDate | None = Field(default=None, description="for a letter, reminder or invitation: the reply asked for by")
    codes: list[str] = Field(default_factory=list, description="for a letter or reminder: the finding codes it raised")
    summary: Text = Field(description="what was said or asked, in a sentence")
    sources: list[Source] = Field(default_factory=list, description="where it is recorded")


class StateRecord(StrictModel):
    """One state that signed, joined or left the Convention: `data/states/<iso3>.yaml`."""

    iso3: ISO3 = Field(description="ISO 3166-1 alpha-3 code, upper case; must match the file name")
    name: Text = Field(description="the name the UN Treaty Collection uses")
    status: StateStatus = Field(description="party | signatory | withdrawn")
    signed: PartialDate | None = Field(default=None, description="date of signature; null where the state acceded")
    consent: Consent | None = Field(default=None, description="deposit of the instrument of consent to be bound")
    entry_into_force: PartialDate | None = Field(
        default=None, description="entry into force for the state (checked against Article 17)"
    )
    withdrawal: Withdrawal | None = Field(default=None, description="Article 20 withdrawal")
    language: Language = Field(
        default=Language.EN, description="the language the coordinators write to the state in (`--lang auto`)"
    )
    names: Names | None = Field(
        default=None, description="the state's name in running text per language (default: from the ISO code)"
    )
    mission: Names | None = Field(
        default=None,
        description="its Permanent Mission in Geneva per language (default: built from the pattern in settings)",
    )
    stockpile: Stockpile | None = Field(default=None, description="Article 3(1)-(5), Action 14")
    retention: list[RetentionEntry] = Field(
        default_factory=list, description="one entry per calendar year, ascending (Art. 3(6)-(8), Action 17)"
    )
    engagements: list[Engagement] = Field(default_factory=list, description="the coordinators' follow-up")
    sources: list[Source] = Field(default_factory=list, description="where the treaty dates come from")
