"""Per-language template filters: dates, numbers and quantities (Babel), sources as notes, names."""

from __future__ import annotations

from typing import Any

from ccm_stockpile.records.state import Language
from ccm_stockpile.records.types import PartialDate, Quantity, Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Safe, escape_markdown

_USES = {
    Language.EN: {"planned_use": "planned use", "actual_use": "actual use"},
    Language.FR: {"planned_use": "utilisation prévue", "actual_use": "utilisation effective"},
    Language.ES: {"planned_use": "uso previsto", "actual_use": "uso real"},
}
_KEPT_AT = {Language.EN: "kept at", Language.FR: "conservé à", Language.ES: "archivado en"}
_NOT_REPORTED = {Language.EN: "not reported", Language.FR: "non indiqué", Language.ES: "no indicado"}


def language_filters(language: Language) -> dict[str, Any]:
    """The filters a template in `language` uses: dates, numbers, quantities, sources, names."""

    def long_date(day: Any) -> Safe:
        return Safe(words.long_date(day, language))

    def partial_date(day: PartialDate) -> Safe:
        if day.is_complete:
            return long_date(day.earliest)
        if day.month is not None:
            from babel.dates import format_date

            pattern = "MMMM 'de' y" if language == Language.ES else "MMMM y"  # "abril de 2018"
            return Safe(format_date(day.earliest, format=pattern, locale=words.LOCALES[language]))
        return Safe(str(day.year))

    def part(held: Quantity, name: str) -> Safe:
        value = getattr(held, name)
        if value is None:
            return Safe(_NOT_REPORTED[language])
        return Safe(words.amount(value, name in held.approximate, language))

    def cite(source: Source) -> str:
        pieces = [piece for piece in (source.title, str(source.date) if source.date else None, source.reference) if piece]
        text = ", ".join(pieces)
        if source.url:
            return Safe(f"{escape_markdown(text)}, <{source.url}>" if text else f"<{source.url}>")
        return Safe(f"{escape_markdown(text)}, {_KEPT_AT[language]} {escape_markdown(source.kept_at or '')}")

    return {
        "long_date": long_date,
        "partial_date": partial_date,
        "quantity": lambda held: Safe(words.quantity(held, language)),
        "part": part,
        "number": lambda value: Safe(words.number(value, language)),
        "use_label": lambda item: Safe(_USES[language][item]),
        "cite": cite,
        "to_name": lambda name: words.to_name(name, language),
    }
