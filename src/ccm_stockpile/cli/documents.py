"""`ccm working-document` and `ccm chart`: the Working Document on retained cluster munitions and its chart."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataError, DataOption, UsageError, load_dataset, parse_as_of, require_templates
from ccm_stockpile.cli.letter import DocumentFormat, TemplatesOption

if TYPE_CHECKING:
    import datetime as dt

    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.domain.working_document import WorkingDocument


def _document(dataset: "Dataset", day: "dt.date") -> tuple[list["StateView"], "WorkingDocument"]:
    """The states' views as of `day` and the Working Document built from them (and from the checks' findings)."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.gate import blocked_message, editor_errors
    from ccm_stockpile.domain.working_document import working_document

    state_contexts = contexts(dataset, day)
    views: list[StateView] = list(state_contexts)
    findings = run_checks(dataset, day, state_contexts=state_contexts)
    # Nothing is addressed to a State from a record the editor must fix first: the whole document waits.
    blocked = [
        blocked_message(view.record.iso3, found)
        for view in views
        if (found := editor_errors(findings, view.record.iso3, view.loaded.display))
    ]
    if blocked:
        raise DataError("; ".join(blocked))
    return views, working_document(dataset, views, findings, day)


def _language(lang: str) -> str:
    if lang not in {"en", "fr", "es"}:
        raise UsageError(f"--lang takes en, fr or es, got {lang!r}")
    return lang


def working_document(
    output: Annotated[DocumentFormat, typer.Option("--format", help="md, docx (Word) or html.")] = DocumentFormat.MD,
    lang: Annotated[str, typer.Option("--lang", help="en, fr or es.")] = "en",
    out: Annotated[Path, typer.Option("--out", help="Folder to write the document to.")] = Path("build"),
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write the draft Working Document on retained cluster munitions, every figure computed from the data."""
    from ccm_stockpile.io.writer import write_atomic
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.documents import Format, RenderError
    from ccm_stockpile.render.working_document import render_working_document

    day = parse_as_of(as_of)
    _language(lang)
    require_templates(templates)
    dataset = load_dataset(data, settings_needed=True)
    _, document = _document(dataset, day)
    coordinators = [loaded.record for c in dataset.settings.coordinators if (loaded := dataset.state(c.state)) and loaded.record]
    workplan_source = dataset.workplan.sources[0] if dataset.workplan and dataset.workplan.sources else None
    try:
        files = render_working_document(
            document, dataset.settings, Language(lang), coordinators, Format(output.value), templates, workplan_source
        )
    except RenderError as error:
        typer.echo(f"ccm: {error}", err=True)
        return 1
    for name, content in files.items():
        write_atomic(out / name, content)
        typer.echo(f"wrote {out / name}")
    return 0


def chart(
    out: Annotated[Path | None, typer.Option("--out", help="File to write: .svg or .png.", show_default=False)] = None,
    lang: Annotated[str, typer.Option("--lang", help="en, fr or es.")] = "en",
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Draw the chart of retained holdings over time, per State Party (SVG or PNG)."""
    from ccm_stockpile.io.writer import write_atomic
    from ccm_stockpile.render.chart import chart_file_name, render_chart

    day = parse_as_of(as_of)
    _language(lang)
    target = out or Path("build") / chart_file_name(day, "svg")
    if target.suffix not in {".svg", ".png"}:
        raise UsageError(f"--out: the file must end in .svg or .png, got {target.name!r}")
    _, document = _document(load_dataset(data), day)
    write_atomic(target, render_chart(document, target.suffix[1:], lang))
    typer.echo(f"wrote {target}")
    return 0


class ProgressFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    DOCX = "docx"
    HTML = "html"


def progress(
    output: Annotated[ProgressFormat, typer.Option("--format", help="text (terminal), md, docx or html.")] = (
        ProgressFormat.TEXT
    ),
    out: Annotated[Path, typer.Option("--out", help="Folder to write a document to.")] = Path("build"),
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """The coordinators' progress report on their work plan (data/workplan.yaml), each status from the data."""
    from ccm_stockpile.cli.common import console
    from ccm_stockpile.domain.progress import progress as build_progress
    from ccm_stockpile.io.writer import write_atomic
    from ccm_stockpile.render.documents import Format, RenderError, convert
    from ccm_stockpile.render.progress import print_progress, progress_markdown

    day = parse_as_of(as_of)
    require_templates(templates)
    dataset = load_dataset(data, settings_needed=True)
    views, document = _document(dataset, day)
    report = build_progress(dataset, views, document, day)
    if report is None:
        workplan = str(data / "workplan.yaml")  # as the dataset names it (loaded from str(data))
        if dataset.blocking(workplan):
            raise DataError(f"{workplan} has errors; fix them first (`ccm check`)")
        raise UsageError(f"no workplan.yaml in {data}: record the work plan there first (see CONTRIBUTING.md)")
    if output == ProgressFormat.TEXT:
        print_progress(report, console())
        return 0
    try:
        markdown = progress_markdown(report, templates)
    except RenderError as error:
        typer.echo(f"ccm: {error}", err=True)
        return 1
    target = out / f"progress-{day.isoformat()}.en.{output.value}"
    write_atomic(target, convert(markdown, Format(output.value), report.workplan.title, day, "en"))
    typer.echo(f"wrote {target}")
    return 0
