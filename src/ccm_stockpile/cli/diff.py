"""`ccm diff [REV [REV2]]`: what a change does to the figures and to the findings, not to the YAML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, parse_as_of

if TYPE_CHECKING:
    from ccm_stockpile.dataset import Dataset


class DiffFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def diff(
    revisions: Annotated[
        list[str] | None,
        typer.Argument(help="REV: the working tree against REV (default HEAD); REV REV2: REV against REV2.", show_default=False),
    ] = None,
    output: Annotated[
        DiffFormat, typer.Option("--format", help="text, json, or markdown (a pull-request comment).")
    ] = DiffFormat.TEXT,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Compare the data of two git revisions (or a revision and the working tree): figures per state and year,
    entries added and removed, engagements logged, findings introduced and resolved."""
    import tempfile

    from ccm_stockpile.checks import run_checks
    from ccm_stockpile.dataset import load
    from ccm_stockpile.domain.changes import compare
    from ccm_stockpile.io.git import GitError, commit, extract, repository
    from ccm_stockpile.render.changes import to_json, to_markdown, to_text

    day = parse_as_of(as_of)
    revisions = revisions or []
    if len(revisions) > 2:
        raise UsageError("give at most two revisions: ccm diff [REV [REV2]]")
    if not data.is_dir():
        raise UsageError(f"no data folder at {data}; pass --data DIR")
    display = str(data)
    try:
        top, inside = repository(data)
        sides = [(revision, commit(top, revision)) for revision in (revisions or ["HEAD"])]
        with tempfile.TemporaryDirectory(prefix="ccm-diff-") as temporary:
            datasets: list[Dataset | None] = []
            for number, (_, full) in enumerate(sides):
                target = Path(temporary) / str(number)
                datasets.append(load(target / inside, display) if extract(top, full, inside, target) else None)
            if len(sides) == 1:
                datasets.append(load(data, display))
            old, new = datasets
            findings = [run_checks(dataset, day) if dataset is not None else [] for dataset in (old, new)]
            changes = compare(old, new, findings[0], findings[1], display)
    except GitError as error:
        raise UsageError(str(error)) from None
    before = sides[0][0]
    after = sides[1][0] if len(sides) == 2 else "working tree"
    render = {DiffFormat.TEXT: to_text, DiffFormat.JSON: to_json, DiffFormat.MARKDOWN: to_markdown}[output]
    typer.echo(render(changes, before, after, day), nl=False)
    return 0
