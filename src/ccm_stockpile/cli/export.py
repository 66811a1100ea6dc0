"""`ccm export`: the records as tables for spreadsheets and scripts (CSV, JSON, Excel)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, load_dataset, parse_as_of


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


class TableName(StrEnum):
    STATES = "states"
    STOCKPILES = "stockpiles"
    RETENTION = "retention"
    ENGAGEMENTS = "engagements"
    PRACTICES = "practices"


def export(
    output: Annotated[
        ExportFormat, typer.Option("--format", help="csv (one table), json (every table) or xlsx (a sheet per table).")
    ] = ExportFormat.CSV,
    out: Annotated[
        Path | None, typer.Option("--out", help="The file to write; default: standard output (csv, json).", show_default=False)
    ] = None,
    table: Annotated[
        TableName, typer.Option("--table", help="For csv: the table to write (retention: one row per state and year).")
    ] = TableName.RETENTION,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write every figure with its sources as tables: states, stockpiles, retention, engagements, practices."""
    from ccm_stockpile.domain.export import tables
    from ccm_stockpile.io.writer import write_atomic
    from ccm_stockpile.render.export import to_csv, to_json, to_xlsx

    if output == ExportFormat.XLSX and out is None:
        raise UsageError("an Excel workbook is a binary file: give --out FILE.xlsx")
    day = parse_as_of(as_of)
    dataset = load_dataset(data)
    built = tables(dataset, day)
    content: str | bytes
    if output == ExportFormat.CSV:
        content = to_csv(built[table.value])
    elif output == ExportFormat.JSON:
        content = to_json(built)
    else:
        content = to_xlsx(built)
    if out is None:
        typer.echo(content, nl=False)
    else:
        write_atomic(out, content)
        typer.echo(f"wrote {out}", err=True)
    unchecked = [loaded.display for loaded in dataset.unchecked()]
    if unchecked:
        typer.echo(
            f"ccm: left out {len(unchecked)} file(s) that could not be checked: {', '.join(unchecked)}; "
            "run `ccm check` and fix them",
            err=True,
        )
        return 1
    return 0
