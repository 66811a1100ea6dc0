"""What every command shares: --data, --as-of, --state, loading, the console, and the one error handler.

Each command is a function returning its exit code; `command()` wraps it so that bad usage exits 2 with
one line, an internal error exits 3 with "please report" (the traceback only with --debug), and findings
at error level exit 1 (the command's own return value).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ccm_stockpile.cli.basics import (
    _ISO3,
    DataError,
    PlainConsole,
    UsageError,
    cached_run,
    captured,
    console,
    load_dataset,
    parse_as_of,
    parse_state,
    plain_output,
    require_data_folder,
    require_templates,
)
from ccm_stockpile.extras import MissingExtra, from_import_error
from ccm_stockpile.io.writer import WriteError

__all__ = [
    "DataError", "PlainConsole", "UsageError", "cached_run", "captured", "console", "load_dataset", "parse_as_of", "parse_state",
    "plain_output", "require_data_folder", "require_templates",
]  # fmt: skip


def _data_folder(ctx: typer.Context | None) -> Path:
    value = ctx.params.get("data") if ctx is not None else None
    return Path(value) if value else Path("data")


def _stems(folder: Path) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(name.rsplit(".", 1)[0] for name in names if name.lower().endswith((".yaml", ".yml")))


def complete_iso3(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of ISO3 codes: the state files' names in the data folder, nothing parsed."""
    typed = str.lower if incomplete.islower() else str.upper  # shells keep only what starts as typed
    codes = [typed(stem) for stem in _stems(_data_folder(ctx) / "states") if _ISO3.fullmatch(stem)]
    return [code for code in codes if code.startswith(typed(incomplete))]


def complete_practice(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of practice ids: the practice files' names in the data folder."""
    return [stem for stem in _stems(_data_folder(ctx) / "practices") if stem.startswith(incomplete)]


def complete_codes(incomplete: str) -> list[str]:
    """Shell completion of finding codes in a comma-separated list (`--select R1,E0`): the last one is completed."""
    from ccm_stockpile.codes import CODES

    done, comma, last = incomplete.rpartition(",")
    return [f"{done}{comma}{code}" for code in sorted(CODES) if code.startswith(last.strip().upper())]


DataOption = Annotated[
    Path, typer.Option("--data", help="The data folder (states/, practices/, settings.yaml).", show_default=True)
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Check as of this date (YYYY-MM-DD); default today. Reproduces a run exactly.", show_default=False
    ),
]
StateOption = Annotated[
    str | None,
    typer.Option("--state", help="Only this state (ISO3 code, e.g. ESP).", show_default=False, autocompletion=complete_iso3),
]

EXIT_USAGE = 2
EXIT_BUG = 3


class Options:
    """Global options set by the app's callback."""

    debug = False


NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Compute everything again, ignoring and not writing the results cache.")
]


def command(function: Callable[..., int]) -> Callable[..., None]:
    """Wrap a command that returns an exit code: map every exception to its exit code, once."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        raise typer.Exit(handle(lambda: function(*args, **kwargs), f"`ccm {function.__name__.replace('_', '-')}`"))

    return run


def handle(body: Callable[[], int], name: str = "this command") -> int:
    """Run a command body: usage errors exit 2, bugs exit 3 with a request to report them."""
    try:
        return body()
    except UsageError as error:
        typer.echo(f"ccm: {error}", err=True)
        return EXIT_USAGE
    except DataError as error:
        typer.echo(f"ccm: {error}", err=True)
        return 1
    except MissingExtra as error:  # the install lacks an extra: nothing was written
        typer.echo(f"ccm: {error}", err=True)
        return EXIT_USAGE
    except ImportError as error:  # a module of an extra imported before any command checked for it
        missing = from_import_error(error, name)
        if missing is None:
            return _internal_error(error)
        typer.echo(f"ccm: {missing}", err=True)
        return EXIT_USAGE
    except WriteError as error:  # an --out that is a file, a full disk: nothing was written
        typer.echo(f"ccm: {error.strerror}", err=True)
        return EXIT_USAGE
    except BrokenPipeError:  # `ccm check | head`: the reader went away, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # keeps the interpreter's exit quiet
        return 0
    except Exception as error:
        return _internal_error(error)


def _internal_error(error: Exception) -> int:
    if Options.debug:
        import traceback

        traceback.print_exception(error)
    typer.echo(
        f"ccm: internal error, please report it with the command you ran ({type(error).__name__}: {error}); "
        f"run again with --debug for the traceback",
        err=True,
    )
    return EXIT_BUG
