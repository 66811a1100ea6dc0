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
    complete_codes,
    parse_as_of,
    parse_state,
    require_data_folder,
)
from ccm_stockpile.cli.runs import check_command, check_output, github_root


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class FailOn(StrEnum):
    """Whose error-level findings fail the run (values: `runs.FAIL_ON`)."""

    EDITOR = "editor"
    ANY = "any"


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
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Whose findings fail the run: any (every error) or editor (only what the editor must fix, as the "
            "gates use it: a true finding about a State, such as R101 or T201, is reported but does not fail).",
        ),
    ] = FailOn.ANY,
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
    """Validate every record and run every check; exit 1 on errors (with --strict, on warnings too; with
    --fail-on editor, only on those addressed to the editor)."""
    day = parse_as_of(as_of)
    selected, ignored = parse_codes(select, "--select"), parse_codes(ignore, "--ignore")
    changed = read_changed_files(changed_files) if changed_files is not None else None
    require_data_folder(data)
    if state is not None:
        parse_state(state)
    # GitHub places an annotation by its path from the repository root, wherever the command ran.
    root = github_root() if output == CheckFormat.GITHUB else None
    command = check_command(data, day, output.value, strict, selected, ignored, state, root, fail_on.value)
    if changed is not None:
        command["changed"] = sorted(changed)

    def compute() -> tuple[str, int]:
        return check_output(data, day, output.value, strict, selected, ignored, state, root, changed, summary, fail_on.value)

    return cached_run(data, command, no_cache or summary is not None, compute)
