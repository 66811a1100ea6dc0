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

from ccm_stockpile.cli.runs import FAIL_ON, check_command, check_output, github_root, show_command

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO3 = re.compile(r"[A-Za-z]{3}")
_FORMATS = {"text", "json", "github"}

# Every option the fast path understands, by command: True for an option that takes a value, False for a
# flag. Anything else (--help, a typo, an option added to the full command only) goes to the full command
# line. tests/cli/test_fast_path.py runs every combination of these against the full command line.
ACCEPTED: dict[str, dict[str, bool]] = {
    "check": {
        "--data": True,
        "--as-of": True,
        "--format": True,
        "--select": True,
        "--ignore": True,
        "--state": True,
        "--fail-on": True,
        "--strict": False,
        "--no-cache": False,
    },
    "show": {"--data": True, "--as-of": True},
}


def _table(name: str) -> tuple[set[str], set[str]]:
    options = ACCEPTED[name]
    return {o for o, value in options.items() if value}, {o for o, value in options.items() if not value}


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
        parsed = _options(argv[1:], *_table("check"))
        if parsed is None or parsed[2]:
            return None
        found, flags, _ = parsed
        day, output, state = _as_of(found), found.get("--format", "text"), found.get("--state")
        fail_on = found.get("--fail-on", "any")
        if day is None or output not in _FORMATS or (state is not None and not _ISO3.fullmatch(state)):
            return None
        if fail_on not in FAIL_ON:
            return None
        select = codes_of(found["--select"]) if "--select" in found else None
        ignore = codes_of(found["--ignore"]) if "--ignore" in found else None
        if ("--select" in found and select is None) or ("--ignore" in found and ignore is None):
            return None
        data = Path(found.get("--data", "data"))
        root = github_root() if output == "github" else None
        description = check_command(data, day, output, "--strict" in flags, select, ignore, state, root, fail_on)
        return data, description, "--no-cache" in flags
    parsed = _options(argv[1:], *_table("show"))
    if parsed is None or len(parsed[2]) != 1 or not _ISO3.fullmatch(parsed[2][0]):
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
        from ccm_stockpile.io.reader import recording

        try:
            with recording() as read:
                hit = _compute_check(data, description)
        except Exception:
            return None
        stored = None if no_cache else cache.key(data, description, read)
        if stored:  # keyed on the bytes parsed, not on those seen before the run (a file may change meanwhile)
            cache.store(stored, *hit)
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
        fail_on=str(description["fail_on"]),
    )


# A bare `ccm` is not here: typer answers it (help, exit 2), and shell completion also runs `ccm` with no
# arguments (the words are in the environment), so an empty argument list is never answered from the cache.
_HELP: tuple[list[str], ...] = (["--help"], ["-h"])


def completing() -> bool:
    """A shell is asking for completions (click's `_CCM_COMPLETE`, whatever the program's name): only the
    full command line answers, never the cache."""
    import os

    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


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
    code = None
    if argv and not completing():
        code = help_from_cache(argv)
        if code is None:
            code = answer_from_cache(argv)
    if code is not None:
        sys.exit(code)
    from ccm_stockpile.cli.app import main as full

    full()
