"""The fast path: `ccm check` and `ccm show` answered from the results cache before typer is imported.

Typer builds a pydantic adapter for every option of a command, so its start-up alone costs more than
answering from the cache. This module reads the few options these two commands take; anything it does
not recognise, any doubt, and every cache miss go to the full command line, which validates, reports
and fills the cache. The command descriptions built here are the ones the full commands use (`runs`).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccm_stockpile.render.findings import Focus

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO3 = re.compile(r"[A-Za-z]{3}")
_CHECK_VALUES = {"--data", "--as-of", "--format", "--select", "--ignore", "--state"}
_CHECK_FLAGS = {"--strict", "--no-cache"}
_FORMATS = {"text", "json", "github"}


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
) -> dict[str, object]:
    """What a `ccm check` run's output depends on, besides the files and the display."""
    return {
        "name": "check",
        "format": output,
        "strict": strict,
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
    focus: Focus | None = None,
    summary: Path | None = None,
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
    code = max(exit_code(findings, strict), 1 if totals.unchecked else 0)
    if summary is not None:  # a side effect: the callers never answer such a run from the cache
        # Appended, not replaced through write_atomic: every step of a GitHub job appends to this file.
        with summary.open("a", encoding="utf-8") as handle:
            handle.write(to_markdown(findings, totals, day, root or github_root(), focus))
    if output == "json":
        return to_json(findings, day, totals) + "\n", code
    if output == "github":
        text = to_github(findings, root or github_root(), focus)
        return (text + "\n" if text else ""), code
    if plain_output():
        plain = PlainConsole()
        print_text(findings, totals, day, plain)  # type: ignore[arg-type]
        return plain.file.getvalue(), code
    return captured(lambda out: print_text(findings, totals, day, out)), code


def show_command(data: Path, as_of: dt.date, iso3: str) -> dict[str, object]:
    """What a `ccm show` run's output depends on, besides the files and the display."""
    return {"name": "show", "state": iso3.upper(), "as_of": as_of.isoformat(), "data": str(data)}


def codes_of(value: str) -> list[str] | None:
    """`--select`/`--ignore` as the full command normalises them; None when one is not a known prefix."""
    from ccm_stockpile.codes import CODES

    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    if not all(any(known.startswith(code) for known in CODES) for code in codes):
        return None
    return codes or None


def _options(arguments: list[str], values: set[str], flags: set[str]) -> tuple[dict[str, str], set[str], list[str]] | None:
    found: dict[str, str] = {}
    set_flags: set[str] = set()
    positional: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        name, equals, inline = argument.partition("=")
        if name in values:
            if equals:
                found[name] = inline
            elif index + 1 < len(arguments):
                index += 1
                found[name] = arguments[index]
            else:
                return None
        elif argument in flags:
            set_flags.add(argument)
        elif argument.startswith("-"):
            return None  # --help and anything else: the full command line
        else:
            positional.append(argument)
        index += 1
    return found, set_flags, positional


def _as_of(found: dict[str, str]) -> dt.date | None:
    text = found.get("--as-of")
    if text is None:
        return dt.date.today()
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _command(argv: list[str]) -> tuple[Path, dict[str, object], bool] | None:
    if not argv or argv[0] not in {"check", "show"}:
        return None
    if argv[0] == "check":
        parsed = _options(argv[1:], _CHECK_VALUES, _CHECK_FLAGS)
        if parsed is None or parsed[2]:
            return None
        found, flags, _ = parsed
        day, output, state = _as_of(found), found.get("--format", "text"), found.get("--state")
        if day is None or output not in _FORMATS or (state is not None and not _ISO3.fullmatch(state)):
            return None
        select = codes_of(found["--select"]) if "--select" in found else None
        ignore = codes_of(found["--ignore"]) if "--ignore" in found else None
        if ("--select" in found and select is None) or ("--ignore" in found and ignore is None):
            return None
        data = Path(found.get("--data", "data"))
        root = github_root() if output == "github" else None
        return data, check_command(data, day, output, "--strict" in flags, select, ignore, state, root), "--no-cache" in flags
    parsed = _options(argv[1:], {"--data", "--as-of"}, {"--no-cache"})
    if parsed is None or len(parsed[2]) != 1 or "--no-cache" in parsed[1] or not _ISO3.fullmatch(parsed[2][0]):
        return None
    found, _, (iso3,) = parsed
    day = _as_of(found)
    if day is None:
        return None
    data = Path(found.get("--data", "data"))
    return data, show_command(data, day, iso3), False


def answer_from_cache(argv: list[str]) -> int | None:
    """The exit code after writing the answer (from the cache, or for `check` computed here), or None to run
    the full command line, which then validates, reports and fills the cache."""
    command = _command(argv)
    if command is None:
        return None
    data, description, no_cache = command
    if not (data / "states").is_dir():
        return None
    from ccm_stockpile.io import cache

    entry = None if no_cache else cache.key(data, description)
    hit = cache.load(entry) if entry else None
    if hit is None:
        if description["name"] != "check":
            return None
        try:
            hit = _compute_check(data, description)
        except Exception:
            return None
        if entry:
            cache.store(entry, *hit)
    from ccm_stockpile.cli.output import write_out

    output, code = hit
    write_out(output)
    return code


def _compute_check(data: Path, description: dict[str, object]) -> tuple[str, int]:
    root = description["root"]
    return check_output(
        data,
        dt.date.fromisoformat(str(description["as_of"])),
        str(description["format"]),
        bool(description["strict"]),
        description["select"],  # type: ignore[arg-type]
        description["ignore"],  # type: ignore[arg-type]
        description["state"],  # type: ignore[arg-type]
        Path(str(root)) if root else None,
    )


_HELP: tuple[list[str], ...] = (["--help"], ["-h"], [])


def help_from_cache(argv: list[str]) -> int | None:
    """`ccm --help`: the text depends on the code and the display only, so it is kept like any result."""
    if argv not in _HELP:
        return None
    import contextlib
    import io

    from ccm_stockpile.cli.output import write_out
    from ccm_stockpile.io import cache

    entry = cache.key(None, {"name": "help", "argv": argv})
    hit = cache.load(entry) if entry else None
    if hit is None:
        from ccm_stockpile.cli.app import app

        buffer = io.StringIO()
        code = 0
        with contextlib.redirect_stdout(buffer):
            try:
                app(args=argv, prog_name="ccm")
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
        hit = (buffer.getvalue(), code)
        if entry:
            cache.store(entry, *hit)
    write_out(hit[0])
    return hit[1]


def main() -> None:
    """Entry point of `ccm`: the cache's fast path, else the full command line."""
    import gc

    # A command is a short-lived process that makes few reference cycles; the cycle collector only costs it
    # time (each pass walks every record object), so it stays off until the process ends.
    gc.disable()
    argv = sys.argv[1:]
    code = help_from_cache(argv)
    if code is None:
        code = answer_from_cache(argv)
    if code is not None:
        sys.exit(code)
    from ccm_stockpile.cli.app import main as full

    full()
