"""`ccm check`: validate every record, run every check, print the findings."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    NoCacheOption,
    StateOption,
    UsageError,
    cached_run,
    captured,
    complete_codes,
    load_dataset,
    parse_as_of,
    parse_state,
    require_data_folder,
)
from ccm_stockpile.cli.fast import check_command, github_root


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def parse_codes(value: str | None, option: str) -> list[str] | None:
    """`--select`/`--ignore`: comma-separated codes or prefixes, each matching a known code."""
    from ccm_stockpile.codes import CODES

    if not value:
        return None
    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    for code in codes:
        if not any(known.startswith(code) for known in CODES):
            raise UsageError(f"{option}: no finding code starts with {code!r} (codes: {', '.join(sorted(CODES))})")
    return codes


def read_changed_files(path: Path) -> set[str]:
    """The paths a change touches, one a line (blank lines and `./` ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"--changed-files: cannot read {path} ({error.strerror or error})") from None
    return {line.strip().removeprefix("./") for line in text.splitlines() if line.strip()}


def check(
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
    output: Annotated[
        CheckFormat, typer.Option("--format", help="text for people, json for scripts, github for pull-request annotations.")
    ] = CheckFormat.TEXT,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    select: Annotated[
        str | None,
        typer.Option(
            "--select", help="Only these codes or prefixes, comma-separated (e.g. R1,E002).", autocompletion=complete_codes
        ),
    ] = None,
    ignore: Annotated[
        str | None, typer.Option("--ignore", help="Leave out these codes or prefixes.", autocompletion=complete_codes)
    ] = None,
    state: StateOption = None,
    no_cache: NoCacheOption = False,
    changed_files: Annotated[
        Path | None,
        typer.Option(
            "--changed-files",
            help="With --format github: annotate only the files this list names (one path a line, relative to the "
            "repository root, as `git diff --name-only` prints them).",
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help="Also append every finding, as Markdown, to this file (on GitHub: $GITHUB_STEP_SUMMARY).",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Validate every record and run every check; exit 1 on errors (with --strict, on warnings too)."""
    day = parse_as_of(as_of)
    selected, ignored = parse_codes(select, "--select"), parse_codes(ignore, "--ignore")
    changed = read_changed_files(changed_files) if changed_files is not None else None
    require_data_folder(data)
    if state is not None:
        parse_state(state)
    # GitHub places an annotation by its path from the repository root, wherever the command ran.
    root = github_root() if output == CheckFormat.GITHUB else None
    command = check_command(data, day, output.value, strict, selected, ignored, state, root)
    if changed is not None:
        command["changed"] = sorted(changed)

    def compute() -> tuple[str, int]:
        from ccm_stockpile.checks import exit_code, run_checks
        from ccm_stockpile.render.findings import Totals, print_text, to_github, to_json, to_markdown

        dataset = load_dataset(data)
        only = parse_state(state, dataset)
        findings = run_checks(dataset, day, selected, ignored)
        totals = Totals(dataset.files, len(dataset.valid_states()), [loaded.display for loaded in dataset.unchecked()])
        if only is not None:
            findings = [f for f in findings if f.state == only]
            files = dataset.state_files(only)
            totals = Totals(len(files), sum(f.record is not None for f in files), [f.display for f in files if f.record is None])
        code = max(exit_code(findings, strict), 1 if totals.unchecked else 0)
        if summary is not None:  # a side effect: never answered from the cache (see below)
            # Appended, not replaced through write_atomic: every step of a GitHub job appends to this file.
            with summary.open("a", encoding="utf-8") as handle:
                handle.write(to_markdown(findings, totals, day, root or github_root(), changed))
        if output == CheckFormat.JSON:
            return to_json(findings, day, totals) + "\n", code
        if output == CheckFormat.GITHUB:
            text = to_github(findings, root or github_root(), changed)
            return (text + "\n" if text else ""), code
        return captured(lambda out: print_text(findings, totals, day, out)), code

    return cached_run(data, command, no_cache or summary is not None, compute)
