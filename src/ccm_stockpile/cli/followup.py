"""`ccm followup`: the states that need follow-up, most urgent first."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, StateOption, console, load_dataset, parse_as_of, parse_state


class FollowupFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def followup(
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    output: Annotated[FollowupFormat, typer.Option("--format", help="text for people, json for scripts.")] = (
        FollowupFormat.TEXT
    ),
    state: StateOption = None,
) -> int:
    """List the states that need follow-up: reasons, latest holdings, last engagement, reply awaited.

    Exits 1 when a state file could not be checked (it is listed first, never left out).
    """
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.followup import followups
    from ccm_stockpile.render.followup import print_followups

    day = parse_as_of(as_of)
    dataset = load_dataset(data)
    only = parse_state(state, dataset)
    views = contexts(dataset, day)
    items = followups(dataset, list(views), run_checks(dataset, day, state_contexts=views))
    if only is not None:
        items = [item for item in items if item.iso3 == only]
    if output == FollowupFormat.JSON:
        typer.echo(json.dumps({"as_of": day.isoformat(), "states": [i.to_dict() for i in items]}, indent=2, ensure_ascii=False))
    else:
        print_followups(items, day, console())
    return 1 if any(item.blocked for item in items) else 0
