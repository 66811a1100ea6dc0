"""`ccm todo`: the editor's list, what to look up or fix in our own records, per file and line."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, StateOption, console, load_dataset, parse_as_of, parse_state


class TodoFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def todo(
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    output: Annotated[TodoFormat, typer.Option("--format", help="text for people, json for scripts.")] = TodoFormat.TEXT,
    state: StateOption = None,
) -> int:
    """List the editor-addressed findings: gaps and faults in our records, never requests to a state."""
    from ccm_stockpile.checks import exit_code, run_checks
    from ccm_stockpile.findings import Addressee
    from ccm_stockpile.render.findings import Totals, print_text, to_json

    day = parse_as_of(as_of)
    dataset = load_dataset(data)
    only = parse_state(state, dataset)
    findings = [f for f in run_checks(dataset, day) if f.addressee == Addressee.EDITOR and (only is None or f.state == only)]
    totals = Totals(dataset.files, len(dataset.valid_states()), [loaded.display for loaded in dataset.unchecked()])
    if output == TodoFormat.JSON:
        typer.echo(to_json(findings, day, totals))
    else:
        print_text(findings, totals, day, console())
    return exit_code(findings)
