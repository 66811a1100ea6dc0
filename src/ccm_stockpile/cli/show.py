"""`ccm show ISO3`: one state on one screen."""

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    NoCacheOption,
    UsageError,
    cached_run,
    captured,
    complete_iso3,
    load_dataset,
    parse_as_of,
    parse_state,
    require_data_folder,
)
from ccm_stockpile.cli.runs import show_command


def show(
    iso3: Annotated[str, typer.Argument(help="The state's ISO 3166-1 alpha-3 code, e.g. ESP.", autocompletion=complete_iso3)],
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    no_cache: NoCacheOption = False,
) -> int:
    """Treaty dates, stockpile and deadline, retention year by year with its findings, engagements, practices."""
    day = parse_as_of(as_of)
    require_data_folder(data)
    parse_state(iso3)
    command = show_command(data, day, iso3)

    def compute() -> tuple[str, int]:
        from ccm_stockpile.checks import contexts, run_checks
        from ccm_stockpile.domain.practices import practice_records, practices_for
        from ccm_stockpile.render.state import print_state

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
        practices = practices_for(practice_records(dataset), view.record.iso3)
        return captured(lambda out: print_state(view, findings, out, practices)), 0

    return cached_run(data, command, no_cache, compute)
