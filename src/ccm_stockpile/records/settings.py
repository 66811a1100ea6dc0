"""`data/settings.yaml`: coordinators, ISU contact, next meeting, check thresholds."""

from __future__ import annotations

from enum import StrEnum
from string import Formatter
from typing import Annotated

from pydantic import Field, Strict, field_validator
from pydantic_core import PydanticCustomError

from ccm_stockpile.records.types import ISO3, Count, PartialDate, Quantity, Source, StrictModel


class Coordinator(StrictModel):
    """A Coordinator on Stockpile Destruction and Retention."""

    state: ISO3 = Field(description="the coordinating state")
    name: str | None = Field(default=None, description="the person who signs letters for it, where known")
    title: str | None = Field(default=None, description="that person's title, e.g. Ambassador, Permanent Representative")


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


class LetterForm(StrEnum):
    NOTE_VERBALE = "note_verbale"
    LETTER = "letter"


class Wording(StrictModel):
    """A text in each language (what is not confirmed stays editable here, not fixed in code)."""

    en: str = Field(description="in English")
    fr: str = Field(description="in French")
    es: str = Field(description="in Spanish")


def _mission_pattern() -> Wording:
    return Wording(
        en="Permanent Mission of {state} to the United Nations Office and other international organizations in Geneva",
        fr="Mission permanente {de_state} auprès de l'Office des Nations Unies et des autres organisations "
        "internationales à Genève",
        es="Misión Permanente {de_state} ante la Oficina de las Naciones Unidas en Ginebra",
    )


def _place() -> Wording:
    return Wording(en="Geneva", fr="Genève", es="Ginebra")


def check_pattern(text: str, placeholders: tuple[str, ...], where: str = "") -> str:
    """A pattern filled with `str.format`: only the given `{name}`s, with no attribute, index, conversion or
    width (`{iso3.__class__}`, `{0}`, `{year!r}`, `{number:>99999999}`), so that settings can neither reach
    Python internals nor stop a letter; a literal brace is written `{{` or `}}`."""
    allowed = ", ".join(f"{{{name}}}" for name in placeholders)
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text) if name is not None]
    except ValueError as error:
        raise PydanticCustomError(
            "pattern",
            "{where}the pattern's braces do not pair ({error}); write a brace that is text as {doubled}",
            {"where": where, "error": str(error), "doubled": "{{ or }}"},
        ) from None
    for name, spec, conversion in fields:
        if name not in placeholders or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise PydanticCustomError(
                "pattern",
                "{where}`{written}` is not a placeholder of this pattern; use {allowed}",
                {"where": where, "written": written, "allowed": allowed},
            )
    return text


class Letters(StrictModel):
    """How follow-up letters are written and sent."""

    form: LetterForm = Field(
        default=LetterForm.NOTE_VERBALE,
        description="note_verbale (third person, unsigned, initialled) or letter (first person, signed)",
    )
    reply_days: Annotated[int, Strict(), Field(ge=1, le=365)] = Field(
        default=60, description="days between the letter and the reply-by date"
    )
    reference: str = Field(
        default="{sender}/GVA/SDR/{iso3}/{number}/{year}",
        description="the sending mission's own reference pattern, never like a CCM document symbol; {sender} (the "
        "first coordinator's ISO3 code), {year}, {iso3} (the addressee) and {number} (the letter's rank that year)",
    )
    address: str | None = Field(
        default=None,
        description="the sending mission's address line, printed under its name in the letterhead (left out if not known)",
    )
    place: Wording = Field(default_factory=_place, description="where letters are dated")
    mission_pattern: Wording = Field(
        default_factory=_mission_pattern,
        description="a Permanent Mission's name where its record gives none; {state} / {de_state} is the state",
    )
    archive: str = Field(
        default="CCM Implementation Support Unit, Geneva",
        description="where sent letters and received replies are kept (the source of a recorded engagement)",
    )

    @field_validator("reference")
    @classmethod
    def _reference_placeholders(cls, value: str) -> str:
        return check_pattern(value, ("year", "iso3", "number", "sender"))

    @field_validator("mission_pattern")
    @classmethod
    def _mission_placeholders(cls, value: Wording) -> Wording:
        for language in ("en", "fr", "es"):
            check_pattern(getattr(value, language), ("state", "de_state"), f"{language}: ")
        return value


def _placeholder(text: str) -> Wording:
    return Wording(en=text, fr=text, es=text)


class PublishedTotal(StrictModel):
    """A collective figure published by a monitor, to compare the data's own totals with."""

    quantity: Quantity = Field(description="the figure as published (mark rounded parts approximate)")
    source: Source = Field(description="where it is published, with a quote that carries it")


class PublishedRetention(StrictModel):
    """What a monitor last published about retention across States Parties, to compare the data with."""

    states_parties: Count | None = Field(default=None, description="how many States Parties retain, as published")
    largest: list[ISO3] = Field(
        default_factory=list, description="the States Parties it names as the largest holders, largest first"
    )
    sources: list[Source] = Field(min_length=1, description="where it is published, with the quotes that carry it")


class WorkingDocumentSettings(StrictModel):
    """The heading block of the Working Document on retained cluster munitions: the meeting it is tabled at.

    What is not confirmed (the agenda item, the document's number) stays a visible placeholder here."""

    symbol: str = Field(default="CCM/MSP/[year]/WP.[n]", description="document symbol, e.g. CCM/MSP/2025/WP.3")
    meeting: Wording = Field(
        default_factory=lambda: _placeholder("[Meeting of States Parties]"), description="the meeting, per language"
    )
    place: Wording = Field(default_factory=_place, description="where the meeting is held, per language")
    start: PartialDate | None = Field(default=None, description="first day of the meeting")
    end: PartialDate | None = Field(default=None, description="last day of the meeting")
    agenda_item: str = Field(default="[X]", description="the agenda item number, from the provisional agenda")
    agenda_title: Wording = Field(
        default_factory=lambda: _placeholder("[Agenda item title]"), description="the agenda item's title"
    )
    destroyed_total: PublishedTotal | None = Field(
        default=None, description="the monitors' collective total of stockpiled cluster munitions destroyed (the latest)"
    )
    retaining: PublishedRetention | None = Field(
        default=None,
        description="the latest published count of States Parties that retain, and the largest holders it names",
    )


Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. EUR")]
PriceYear = Annotated[int, Strict(), Field(ge=1990, le=2100)]


class ConversionRate(StrictModel):
    """A published factor that turns an amount in `currency` at `year` prices into the comparison's currency and
    price year (exchange rate and inflation together), with the source that gives it."""

    currency: Currency = Field(description="the currency of the amounts it converts")
    year: PriceYear = Field(description="the price year of the amounts it converts")
    factor: Annotated[float, Field(gt=0)] = Field(description="one unit of `currency` at `year` prices, in the target")
    source: Source = Field(description="where the factor is published (never computed here)")


class Comparison(StrictModel):
    """How `ccm practices compare` states costs in one currency and price year. An amount is converted only
    with a rate listed here; any other amount is shown as given, and marked so."""

    currency: Currency = Field(description="the currency costs are compared in")
    year: PriceYear = Field(description="the price year costs are compared in")
    rates: list[ConversionRate] = Field(default_factory=list, description="sourced conversion factors")


def _classification() -> Wording:
    return Wording(en="For official use only", fr="À usage officiel uniquement", es="Solo para uso oficial")


class BriefSettings(StrictModel):
    """Briefing notes for bilateral meetings (`ccm brief`): internal documents, never sent to a State."""

    classification: Wording = Field(
        default_factory=_classification, description="the classification line printed at the top of every brief"
    )


class Settings(StrictModel):
    """Every setting has a default, so a data folder without settings.yaml still checks."""

    coordinators: list[Coordinator] = Field(default_factory=list, description="Coordinators on Stockpile Destruction")
    isu: ISUContact = Field(default_factory=ISUContact, description="ISU contact line")
    next_meeting: Meeting | None = Field(default=None, description="the next meeting")
    thresholds: Thresholds = Field(default_factory=Thresholds, description="check thresholds")
    working_document: WorkingDocumentSettings = Field(
        default_factory=WorkingDocumentSettings, description="the Working Document's heading block"
    )
    letters: Letters = Field(default_factory=Letters, description="how follow-up letters and invitations are written")
    comparison: Comparison | None = Field(
        default=None, description="the currency and price year of `ccm practices compare`, with sourced rates"
    )
    brief: BriefSettings = Field(default_factory=BriefSettings, description="briefing notes for bilateral meetings")
