"""What `ccm check` and `ccm show` compute and how a run is described to the results cache: shared by the
typer commands and the fast path (`cli/fast.py`), which both import this module and never each other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

FAIL_ON = ("editor", "any")  # `ccm check --fail-on`: whose error-level findings fail the run


def github_root() -> Path:
    """The repository root GitHub places annotations from: $GITHUB_WORKSPACE, else the current folder."""
    import os

    return Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())


def check_command(
    data: Path,
    as_of: dt.date,
    output: str,
    strict: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    state: str | None,
    root: Path | None = None,
    fail_on: str = "any",
) -> dict[str, object]:
    """What a `ccm check` run's output depends on, besides the files and the display."""
    return {
        "name": "check",
        "format": output,
        "strict": strict,
        "fail_on": fail_on,
        "select": select,
        "ignore": ignore,
        "state": state.upper() if state else None,
        "as_of": as_of.isoformat(),
        "data": str(data),
        "root": str(root) if root else None,
    }


def check_output(
    data: Path,
    day: dt.date,
    output: str,
    strict: bool,
    selected: list[str] | None,
    ignored: list[str] | None,
    state: str | None,
    root: Path | None = None,
    changed: set[str] | None = None,
    summary: Path | None = None,
    fail_on: str = "any",
) -> tuple[str, int]:
    """What `ccm check` prints, and its exit code; the same whether typer or the fast path runs it."""
    from ccm_stockpile.checks import exit_code, run_checks
    from ccm_stockpile.cli.basics import PlainConsole, captured, load_dataset, parse_state, plain_output
    from ccm_stockpile.render.findings import Totals, print_text, to_github, to_json, to_markdown

    dataset = load_dataset(data)
    only = parse_state(state, dataset)
    findings = run_checks(dataset, day, selected, ignored)
    totals = Totals(dataset.files, len(dataset.valid_states()), [loaded.display for loaded in dataset.unchecked()])
    if only is not None:
        findings = [f for f in findings if f.state == only]
        files = dataset.state_files(only)
        totals = Totals(len(files), sum(f.record is not None for f in files), [f.display for f in files if f.record is None])
    code = max(exit_code(findings, strict, fail_on), 1 if totals.unchecked else 0)
    if summary is not None:  # a side effect: the callers never answer such a run from the cache
        # Appended, not replaced through write_atomic: every step of a GitHub job appends to this file.
        with summary.open("a", encoding="utf-8") as handle:
            handle.write(to_markdown(findings, totals, day, root or github_root(), changed))
    if output == "json":
        return to_json(findings, day, totals) + "\n", code
    if output == "github":
        text = to_github(findings, root or github_root(), changed)
        return (text + "\n" if text else ""), code
    if plain_output():
        plain = PlainConsole()
        print_text(findings, totals, day, plain)  # type: ignore[arg-type]
        return plain.file.getvalue(), code
    return captured(lambda out: print_text(findings, totals, day, out)), code


def show_command(data: Path, as_of: dt.date, iso3: str) -> dict[str, object]:
    """What a `ccm show` run's output depends on, besides the files and the display."""
    return {"name": "show", "state": iso3.upper(), "as_of": as_of.isoformat(), "data": str(data)}
