"""Per-language template filters: dates, numbers and quantities (Babel), sources as notes, sub-paragraph
marks, names. Their words are messages in the catalogues (`render/i18n.py`), like the templates' own."""

from __future__ import annotations

from typing import Any

from ccm_stockpile.domain.provenance import Citation, citation
from ccm_stockpile.records.state import Language
from ccm_stockpile.records.types import PartialDate, Quantity, Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Safe, escape_markdown
from ccm_stockpile.render.i18n import N_, translate

_USES = {"planned_use": N_("planned use"), "actual_use": N_("actual use")}
# Translators: a document kept in an archive, cited in a footnote: "Letter CCM/1, 2 May 2025, kept at <archive>".
_KEPT_AT = N_("kept at")
# Translators: a cell of a table of figures for which the State's report gives no figure.
_NOT_REPORTED = N_("not reported")
# Translators: the mark of the n-th sub-paragraph of a request, "(a)" in English; "a)" in French and Spanish.
_MARK = N_("(%(letter)s)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Translators: a Babel (CLDR) date pattern for a month and year, "April 2018"; Spanish "MMMM 'de' y".
_MONTH_YEAR = N_("MMMM y")
# Translators: a State's report under Article 7 cited in a footnote or an annex: "Spain, Article 7 report for 2019".
_REPORT = N_("Article 7 report")
_REPORT_FOR = N_("Article 7 report for %(year)s")
# Translators: when a State's report reached the UN, in a citation: "submitted on 30 April 2020".
_SUBMITTED_ON = N_("submitted on %(date)s")
# Translators: the same with a month or a year only: "submitted in April 2020".
_SUBMITTED_IN = N_("submitted in %(date)s")
# Translators: a document read in another publication: "...; as reported in Cluster Munition Monitor, <url>".
_REPORTED_IN = N_("as reported in")


def sub_paragraph_mark(index: int, language: Language) -> str:
    """The mark of the `index`-th sub-paragraph (from 0): `(a)`, `a)`; after `z`, `aa`, `bb`, ..."""
    letter = _LETTERS[index % 26] * (1 + index // 26)
    return translate(_MARK, language) % {"letter": letter}


def language_filters(language: Language) -> dict[str, Any]:
    """The filters a template in `language` uses: dates, numbers, quantities, sources, names."""

    def long_date(day: Any) -> Safe:
        return Safe(words.long_date(day, language))

    def partial_date(day: PartialDate) -> Safe:
        if day.is_complete:
            return long_date(day.earliest)
        if day.month is not None:
            from babel.dates import format_date

            pattern = translate(_MONTH_YEAR, language)
            return Safe(format_date(day.earliest, format=pattern, locale=words.LOCALES[language]))
        return Safe(str(day.year))

    def part(held: Quantity, name: str) -> Safe:
        value = getattr(held, name)
        if value is None:
            return Safe(translate(_NOT_REPORTED, language))
        return Safe(words.amount(value, name in held.approximate, language))

    def cite(source: Source | Citation) -> Safe:
        """The document a source rests on, as a meeting cites it (domain/provenance.citation): never a mirror,
        never a research note."""
        cited = source if isinstance(source, Citation) else citation(source)
        pieces: list[str] = []
        if cited.is_report:
            author = words.territory(cited.state, language) if cited.state else ""
            report = translate(_REPORT_FOR, language) % {"year": cited.year} if cited.year else translate(_REPORT, language)
            pieces = [escape_markdown(piece) for piece in (author, report, cited.title, cited.symbol) if piece]
            if cited.date:
                pattern = _SUBMITTED_ON if cited.date.is_complete else _SUBMITTED_IN
                pieces.append(translate(pattern, language) % {"date": partial_date(cited.date)})
        else:
            by = words.territory(cited.state, language) if cited.state else cited.author
            pieces = [escape_markdown(piece) for piece in (by, cited.title, cited.symbol) if piece]
            if cited.date:
                pieces.append(partial_date(cited.date))
        if cited.url:
            pieces.append(f"<{cited.url}>")
        elif cited.kept_at:
            pieces.append(f"{translate(_KEPT_AT, language)} {escape_markdown(cited.kept_at)}")
        text = ", ".join(pieces)
        for publication in cited.reported_in:
            where = f", <{publication.url}>" if publication.url else ""
            text += f"; {translate(_REPORTED_IN, language)} {escape_markdown(publication.title)}{where}"
        return Safe(text)

    return {
        "long_date": long_date,
        "partial_date": partial_date,
        "quantity": lambda held: Safe(words.quantity(held, language)),
        "part": part,
        "number": lambda value: Safe(words.number(value, language)),
        "use_label": lambda item: Safe(translate(_USES[item], language)),
        "mark": lambda index: Safe(sub_paragraph_mark(index, language)),
        "cite": cite,
        "to_name": lambda name: words.to_name(name, language),
    }
