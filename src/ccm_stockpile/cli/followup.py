"""`ccm followup`: the states that need follow-up, most urgent first."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, console, fail_usage, load_dataset, parse_as_of


class FollowupFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def followup(
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    output: Annotated[FollowupFormat, typer.Option("--format", help="text for people, json for scripts.")] = (
        FollowupFormat.TEXT
    ),
) -> None:
    """List the states that need follow-up: reasons, latest holdings, last engagement, reply awaited."""
    from ccm_stockpile.followup import followups
    from ccm_stockpile.render.followup import print_followups

    try:
        day = parse_as_of(as_of)
        dataset = load_dataset(data)
    except UsageError as error:
        fail_usage(str(error))
    items = followups(dataset, day)
    if output == FollowupFormat.JSON:
        typer.echo(json.dumps({"as_of": day.isoformat(), "states": [i.to_dict() for i in items]}, indent=2,
                              ensure_ascii=False))
    else:
        print_followups(items, day, console())
