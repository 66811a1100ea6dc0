"""`ccm new-year ISO3 YEAR`: add next year's retention entry, scaffolded from the year before, to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import DataOption, UsageError, complete_iso3, load_dataset, parse_state


def new_year(
    iso3: Annotated[str, typer.Argument(help="The state's ISO3 code, e.g. ESP.", autocompletion=complete_iso3)],
    year: Annotated[int, typer.Argument(help="The calendar year the report covers, e.g. 2024.", min=2008, max=2100)],
    data: DataOption = Path("data"),
) -> int:
    """Add a retention entry for YEAR from the year before it: nothing invented, each field to fill marked."""
    from ccm_stockpile.domain.scaffold import MARK, ScaffoldError, scaffold_year
    from ccm_stockpile.io.reader import parse_text
    from ccm_stockpile.io.validation import validate
    from ccm_stockpile.io.writer import insert_list_item, write_atomic
    from ccm_stockpile.records.state import StateRecord

    dataset = load_dataset(data)
    code = parse_state(iso3, dataset) or iso3.upper()
    loaded = dataset.state(code)
    if loaded is None or loaded.record is None:
        raise UsageError(f"the record for {code} has errors; fix them first (`ccm check --state {code}`)")
    try:
        scaffold = scaffold_year(loaded.record, year)
    except ScaffoldError as error:
        typer.echo(f"ccm: {error}; nothing written", err=True)
        return 1
    fields = [(line.key, line.value, line.comment, line.above) for line in scaffold.lines]
    try:
        text = insert_list_item(loaded.path.read_text(encoding="utf-8"), "retention", scaffold.after, fields)
    except ValueError as error:
        typer.echo(f"ccm: {loaded.display}: {error}; run `ccm fmt {loaded.display}` first; nothing written", err=True)
        return 1
    parsed = parse_text(text, loaded.path, loaded.display)
    record, errors = validate(parsed, StateRecord) if parsed.readable else (None, parsed.findings)
    if record is None:  # pragma: no cover - the scaffold is valid by construction; this guards the file
        raise UsageError(f"{loaded.display}: the new entry would not validate ({errors[0].message}); nothing written")
    write_atomic(loaded.path, text)
    typer.echo(
        f"added {code} {year} to {loaded.display}, after {scaffold.previous}: fill in the lines marked `# {MARK}` "
        f"and delete each mark once done; `ccm todo --state {code}` lists what is still missing"
    )
    return 0
