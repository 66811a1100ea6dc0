"""`ccm show ISO3`: one state on one screen."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    UsageError,
    complete_iso3,
    console,
    load_dataset,
    parse_as_of,
    parse_state,
)


def show(
    iso3: Annotated[str, typer.Argument(help="The state's ISO 3166-1 alpha-3 code, e.g. ESP.", autocompletion=complete_iso3)],
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Treaty dates, stockpile and deadline, retention year by year with its findings, engagements."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.render.state import print_state

    day = parse_as_of(as_of)
    dataset = load_dataset(data)
    code = parse_state(iso3, dataset)
    loaded = dataset.state(code or iso3)
    if loaded is None:
        broken = [f for file in dataset.state_files(iso3) for f in dataset.blocking(file.display)]
        first = broken[0] if broken else None
        where = f" ({first.file}:{first.line}: {first.message})" if first else ""
        raise UsageError(
            f"the record for {iso3.upper()} has errors; fix them first (run `ccm check --state {iso3.upper()}`){where}"
        )
    views = contexts(dataset, day)
    view = next(v for v in views if v.loaded is loaded)
    findings = [f for f in run_checks(dataset, day, state_contexts=views) if f.state == view.record.iso3]
    print_state(view, findings, console())
    return 0
