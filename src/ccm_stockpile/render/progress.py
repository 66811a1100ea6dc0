"""The progress report for people (rich) and as a document (Markdown through the template, then pandoc)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ccm_stockpile.domain.progress import Progress, Status, Timing
from ccm_stockpile.records.state import Language
from ccm_stockpile.render.documents import drop_empty_columns, environment, render_markdown
from ccm_stockpile.render.text import markup

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Status.DONE: "green", Status.IN_PROGRESS: "yellow", Status.NOT_STARTED: "red"}


def print_progress(progress: Progress, console: Console) -> None:
    """One block per timeline item: quarter, status and timing, what the data shows, details."""
    console.print(f"[bold]{markup(progress.workplan.title)}[/bold]: progress as of {progress.as_of.isoformat()}")
    console.print(
        f"{progress.count(Status.DONE)} done, {progress.count(Status.IN_PROGRESS)} in progress, "
        f"{progress.count(Status.NOT_STARTED)} not started\n"
    )
    for entry in progress.items:
        style = _STYLES[entry.status]
        quarter = entry.item.quarter or "no date"
        timing = f"[red]{entry.timing.value}[/red]" if entry.timing == Timing.OVERDUE else entry.timing.value
        console.print(f"[bold]{quarter}[/bold] [{style}]{entry.status.value}[/{style}] ({timing}) {markup(entry.item.text)}")
        console.print(f"   {markup(entry.summary)}")
        for detail in entry.details:
            console.print(f"   - {markup(detail.label)}: {markup(detail.text)}")
        console.print()


def progress_markdown(progress: Progress, templates: Path | None = None, language: Language = Language.EN) -> str:
    """The report as Markdown, from `progress.md.j2`, its words from the language's catalogue."""
    from ccm_stockpile.render.working_document import working_document_filters

    env = environment(templates, working_document_filters(language), language)
    context = {"progress": progress, "language": language.value}
    return drop_empty_columns(render_markdown(env, "progress.md.j2", context))
