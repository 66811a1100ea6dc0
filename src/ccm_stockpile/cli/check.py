"""`ccm check`: validate every record, run every check, print the findings."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, console, fail_usage, load_dataset, parse_as_of


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def parse_codes(value: str | None, option: str) -> list[str] | None:
    from ccm_stockpile.checks import RULES

    if not value:
        return None
    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    for code in codes:
        if not any(known.startswith(code) for known in RULES):
            raise UsageError(f"{option}: no finding code starts with {code!r} (codes: {', '.join(RULES)})")
    return codes


def check(
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    output: Annotated[CheckFormat, typer.Option("--format", help="text for people, json for scripts, github for "
                                                "pull-request annotations.")] = CheckFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    select: Annotated[str | None, typer.Option("--select", help="Only these codes or prefixes, comma-separated "
                                               "(e.g. R1,E002).")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Leave out these codes or prefixes.")] = None,
) -> None:
    """Validate every record and run every check; exit 1 on errors (with --strict, on warnings too)."""
    from ccm_stockpile.checks import exit_code, run_checks
    from ccm_stockpile.render.findings import print_text, to_github, to_json

    try:
        day = parse_as_of(as_of)
        selected, ignored = parse_codes(select, "--select"), parse_codes(ignore, "--ignore")
        dataset = load_dataset(data)
    except UsageError as error:
        fail_usage(str(error))
    findings = run_checks(dataset, day, selected, ignored)
    states = len(dataset.valid_states())
    if output == CheckFormat.JSON:
        typer.echo(to_json(findings, day, dataset.files, states))
    elif output == CheckFormat.GITHUB:
        text = to_github(findings)
        if text:
            typer.echo(text)
    else:
        print_text(findings, dataset.files, states, day, console())
    raise typer.Exit(exit_code(findings, strict))
