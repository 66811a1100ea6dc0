"""`ccm schema`: write the JSON Schemas of the record formats."""

from pathlib import Path
from typing import Annotated

import typer


def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the schemas to.")] = Path("schemas"),
) -> int:
    """Write the JSON Schema of state, practice and settings records (editors use it for completion)."""
    from ccm_stockpile.schema import write_schemas

    for path in write_schemas(out):
        typer.echo(f"wrote {path}")
    return 0
