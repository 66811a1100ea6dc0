"""`ccm schema`: write the JSON Schemas of the record formats."""

import os
from pathlib import Path
from typing import Annotated

import typer

# The folder of records each schema describes, under a data folder.
_FOLDERS = {"state.schema.json": "states", "practice.schema.json": "practices"}


def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the schemas to.")] = Path("schemas"),
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="A data folder (in this repository or another): say the header line each of its records takes to "
            "find the schemas written to --out.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Write the JSON Schema of state, practice and settings records (editors use it for completion)."""
    from ccm_stockpile.schema import write_schemas

    for path in write_schemas(out):
        typer.echo(f"wrote {path}")
    if data is not None:
        for name, folder in _FOLDERS.items():
            relative = Path(os.path.relpath(out / name, data / folder)).as_posix()
            typer.echo(f"first line of each record in {(data / folder).as_posix()}: # yaml-language-server: $schema={relative}")
    return 0
