"""Options and helpers every command shares: --data, --as-of, loading, exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

DataOption = Annotated[
    Path, typer.Option("--data", help="The data folder (states/, practices/, settings.yaml).", show_default=True)
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Check as of this date (YYYY-MM-DD); default today. Reproduces a run exactly.",
                 show_default=False),
]


class UsageError(Exception):
    """Bad usage: exit 2 with a one-line message."""


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of takes a date as YYYY-MM-DD, got {value!r}") from None


def load_dataset(data: Path):  # noqa: ANN201
    from ccm_stockpile.dataset import DataFolderError, load

    try:
        return load(data, str(data))
    except DataFolderError as error:
        raise UsageError(str(error)) from None


def fail_usage(message: str) -> None:
    typer.echo(f"ccm: {message}", err=True)
    raise typer.Exit(2)


def console(stderr: bool = False):  # noqa: ANN201
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)
