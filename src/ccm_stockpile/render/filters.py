"""Per-language template filters: dates, numbers and quantities (Babel), sources as notes, names."""

from __future__ import annotations

from typing import Any

from ccm_stockpile.domain.provenance import Citation, citation
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
_REPORT = {
    Language.EN: ("Article 7 report", "for {year}", "submitted on {date}", "submitted in {date}"),
    Language.FR: ("rapport présenté au titre de l'article 7", "pour {year}", "présenté le {date}", "présenté en {date}"),
    Language.ES: (
        "informe presentado en virtud del artículo 7",
        "correspondiente a {year}",
        "presentado el {date}",
        "presentado en {date}",
    ),
}
_REPORTED_IN = {Language.EN: "as reported in", Language.FR: "tel que cité dans", Language.ES: "según se recoge en"}
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

    def cite(source: Source | Citation) -> Safe:
        """The document a source rests on, as a meeting cites it (domain/provenance.citation): never a mirror,
        never a research note."""
        cited = source if isinstance(source, Citation) else citation(source)
        pieces: list[str] = []
        if cited.is_report:
            name, covered, on_date, in_month = _REPORT[language]
            author = words.territory(cited.state, language) if cited.state else ""
            report = f"{name} {covered.format(year=cited.year)}" if cited.year else name
            pieces = [escape_markdown(piece) for piece in (author, report, cited.title, cited.symbol) if piece]
            if cited.date:
                pattern = on_date if cited.date.is_complete else in_month
                pieces.append(pattern.format(date=partial_date(cited.date)))
        else:
            by = words.territory(cited.state, language) if cited.state else cited.author
            pieces = [escape_markdown(piece) for piece in (by, cited.title, cited.symbol) if piece]
            if cited.date:
                pieces.append(partial_date(cited.date))
        if cited.url:
            pieces.append(f"<{cited.url}>")
        elif cited.kept_at:
            pieces.append(f"{_KEPT_AT[language]} {escape_markdown(cited.kept_at)}")
        text = ", ".join(pieces)
        for publication in cited.reported_in:
            where = f", <{publication.url}>" if publication.url else ""
            text += f"; {_REPORTED_IN[language]} {escape_markdown(publication.title)}{where}"
        return Safe(text)

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
