"""The Working Document on retained cluster munitions: the domain's content put into words, with its chart."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.domain.working_document import WorkingDocument
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import Language, ReportStatus, StateRecord
from ccm_stockpile.records.types import Quantity, Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.chart import chart_file_name, render_chart
from ccm_stockpile.render.documents import Format, Safe, convert, drop_empty_columns, environment, render_markdown
from ccm_stockpile.render.filters import language_filters, sub_paragraph_mark
from ccm_stockpile.render.letters import CONVENTION


def _change(value: int | None, language: Language) -> Safe:
    if value is None:
        return Safe("--")
    if value == 0:
        return Safe("0")
    sign = "+" if value > 0 else "\u2212"
    return Safe(sign + words.number(abs(value), language))


def document_context(
    document: WorkingDocument,
    settings: Settings,
    language: Language,
    coordinators: list[StateRecord],
    chart: str,
    workplan_source: Source | None = None,
) -> dict[str, Any]:
    """What the template sees: the computed content, the heading block from settings, names in the language."""
    heading = settings.working_document
    return {
        "doc": document,
        "heading": heading,
        "meeting": getattr(heading.meeting, language.value),
        "place": getattr(heading.place, language.value),
        "agenda_title": getattr(heading.agenda_title, language.value),
        "convention": CONVENTION[language],
        "coordinators": [words.territory(record.iso3, language) for record in coordinators],
        "sources": document.documents,
        "chart": chart,
        "language": language.value,
        "workplan_source": workplan_source,
    }


def working_document_filters(language: Language) -> dict[str, Any]:
    """The language filters, plus names of states and signed changes."""
    filters = language_filters(language)
    filters["country"] = lambda record: words.territory(record.iso3, language)
    filters["date_range"] = lambda start, end: Safe(words.date_range(start.earliest, end.latest, language))
    filters["change"] = lambda value: _change(value, language)
    filters["join_and"] = lambda items: words.join_and([str(item) for item in items], language)
    filters["percent"] = lambda share: Safe(words.number(round(share * 100), language) if share is not None else "--")
    filters["territory"] = lambda iso3: words.territory(iso3, language)
    filters["mark_of"] = lambda letter: Safe(sub_paragraph_mark(ord(str(letter)[0]) - ord("a"), language))
    filters["territory_to"] = lambda iso3: words.to_name(_running_name(iso3, language), language)
    filters["figure"] = lambda held, name: _figure(held, name, language)
    filters["cell"] = lambda item, name: _cell(item, name, language)
    return filters


def _running_name(iso3: str, language: Language) -> str:
    """A State's name in running text, with its article in French ("la Bulgarie")."""
    name = words.territory(iso3, language)
    return words.french_article(iso3, name) if language == Language.FR else name


_NOT_REPORTED = {Language.EN: "not reported", Language.FR: "non communiqué", Language.ES: "no comunicado"}


def _figure(held: Quantity | None, name: str, language: Language) -> Safe:
    """A figure, or "--" where none was found: a gap in our sources, never a charge against the State."""
    value = None if held is None else getattr(held, name)
    if held is None or value is None:
        return Safe("--")
    return Safe(words.amount(value, name in held.approximate, language))


def _cell(item: RetentionYear, name: str, language: Language) -> Safe:
    """A year's figure; "not reported" only where the State's report is recorded as not submitted (rule 1)."""
    if item.entry.report == ReportStatus.NOT_SUBMITTED and (item.held is None or getattr(item.held, name) is None):
        return Safe(_NOT_REPORTED[language])
    return _figure(item.held, name, language)


def working_document_markdown(
    document: WorkingDocument,
    settings: Settings,
    language: Language,
    coordinators: list[StateRecord],
    chart: str,
    templates: Path | None = None,
    workplan_source: Source | None = None,
) -> str:
    """The document as Markdown, from `working-document.<language>.md.j2`; `chart` is the image's file name."""
    env = environment(templates, working_document_filters(language), language)
    context = document_context(document, settings, language, coordinators, chart, workplan_source)
    return drop_empty_columns(render_markdown(env, f"working-document.{language.value}.md.j2", context))


def render_working_document(
    document: WorkingDocument,
    settings: Settings,
    language: Language,
    coordinators: list[StateRecord],
    output: Format,
    templates: Path | None = None,
    workplan_source: Source | None = None,
) -> dict[str, bytes]:
    """File name -> bytes: the document, and for Markdown the chart beside it (SVG in HTML, PNG in Word)."""
    name = f"working-document-{document.as_of.isoformat()}.{language.value}"
    image_format = "png" if output == Format.DOCX else "svg"
    chart_name = chart_file_name(document.as_of, image_format)
    image = render_chart(document, image_format, language.value)
    markdown = working_document_markdown(document, settings, language, coordinators, chart_name, templates, workplan_source)
    if output == Format.MD:
        return {f"{name}.md": markdown.encode("utf-8"), chart_name: image}
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / chart_name).write_bytes(image)
        content = convert(
            markdown, output, settings.working_document.symbol, document.as_of, language.value, resource_path=Path(folder)
        )
    return {f"{name}.{output.value}": content}
