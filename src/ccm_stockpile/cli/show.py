"""`ccm show ISO3`: one state on one screen."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, console, fail_usage, load_dataset, parse_as_of


def show(
    iso3: Annotated[str, typer.Argument(help="The state's ISO 3166-1 alpha-3 code, e.g. ESP.")],
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> None:
    """Treaty dates, stockpile and deadline, retention year by year with its findings, engagements."""
    from ccm_stockpile.checks import StateContext, run_checks
    from ccm_stockpile.render.state import print_state

    try:
        day = parse_as_of(as_of)
        dataset = load_dataset(data)
        loaded = dataset.state(iso3)
        if loaded is None:
            broken = [f for f in dataset.findings if (f.state or "").upper() == iso3.upper()]
            if broken:
                raise UsageError(f"the record for {iso3.upper()} does not validate; run `ccm check` "
                                 f"({broken[0].file}:{broken[0].line}: {broken[0].message})")
            raise UsageError(f"no state {iso3.upper()} in {data}/states; give an ISO3 code such as ESP")
    except UsageError as error:
        fail_usage(str(error))
    findings = [f for f in run_checks(dataset, day) if f.state == loaded.record.iso3]
    print_state(StateContext(loaded, day, dataset.settings), findings, console())
