"""The Working Document on retained cluster munitions: the domain's content put into words, with its chart."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from ccm_stockpile.domain.working_document import WorkingDocument
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.records.types import Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.chart import chart_file_name, render_chart
from ccm_stockpile.render.documents import Format, Safe, convert, environment, render_markdown
from ccm_stockpile.render.filters import language_filters
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
    filters["percent"] = lambda share: Safe(words.number(round(share * 100, 1), language) if share is not None else "--")
    return filters


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
    return render_markdown(env, f"working-document.{language.value}.md.j2", context)


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
