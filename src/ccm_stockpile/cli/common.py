"""What every command shares: --data, --as-of, --state, loading, the console, and the one error handler.

Each command is a function returning its exit code; `command()` wraps it so that bad usage exits 2 with
one line, an internal error exits 3 with "please report" (the traceback only with --debug), and findings
at error level exit 1 (the command's own return value).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from ccm_stockpile.cli.output import degrade_to_ascii, write_out
from ccm_stockpile.io.writer import WriteError

if TYPE_CHECKING:
    from rich.console import Console

    from ccm_stockpile.dataset import Dataset

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO3 = re.compile(r"[A-Za-z]{3}")


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


class UsageError(Exception):
    """Bad usage: exit 2 with a one-line message."""


class DataError(Exception):
    """A file the command depends on has errors, so it cannot be used: exit 1 with a one-line message."""


class Options:
    """Global options set by the app's callback."""

    debug = False


def parse_as_of(value: str | None) -> dt.date:
    """`--as-of`: exactly YYYY-MM-DD (not `20250601`, not a week date); today when absent."""
    if value is None:
        return dt.date.today()
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of takes a date as YYYY-MM-DD, got {value!r}") from None


def parse_state(value: str | None, dataset: Dataset | None = None) -> str | None:
    """`--state`: an ISO3 code, upper-cased; with a dataset, one that has a file."""
    if value is None:
        return None
    if not _ISO3.fullmatch(value):
        raise UsageError(f"--state takes an ISO3 code such as ESP, got {value!r}")
    code = value.upper()
    if dataset is not None and not dataset.state_files(code):
        raise UsageError(f"no state {code} in {dataset.root}/states; give an ISO3 code such as ESP")
    return code


def load_dataset(data: Path, settings_needed: bool = False) -> Dataset:
    """Read the data folder; a missing or wrong folder is bad usage. A command that writes with the settings
    (letters, documents) refuses a settings.yaml with errors rather than silently use the defaults."""
    from ccm_stockpile.dataset import load

    require_data_folder(data)
    dataset = load(data, str(data))
    settings = str(data / "settings.yaml")  # as the dataset names it
    if settings_needed and dataset.blocking(settings):
        raise DataError(f"{settings} has errors, so none of its settings can be used; fix them first (`ccm check`)")
    return dataset


def require_data_folder(data: Path) -> None:
    """A data folder that cannot be used at all is bad usage (exit 2), checked before anything is read."""
    from ccm_stockpile.io.folder import DataFolderError, check_data_folder

    try:
        check_data_folder(data)
    except DataFolderError as error:
        raise UsageError(str(error)) from None


NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Compute everything again, ignoring and not writing the results cache.")
]


def _mirror_console(buffer: Any) -> Console:
    """A console that writes into `buffer` exactly what it would write to stdout (width, colours, encoding)."""
    from rich.console import Console

    real = console()
    buffer.encoding = real.encoding
    return Console(
        file=buffer,
        width=real.width,
        color_system=cast(Any, real.color_system),
        force_terminal=real.is_terminal,
        no_color=real.no_color,
        highlight=False,
        soft_wrap=True,
        legacy_windows=False,
    )


class _Buffer(io.StringIO):
    encoding = "utf-8"


def captured(render: Callable[[Console], None]) -> str:
    """Run `render` on a console mirroring stdout; return what it wrote."""
    buffer = _Buffer()
    render(_mirror_console(buffer))
    return buffer.getvalue()


def cached_run(data: Path, command: dict[str, Any], no_cache: bool, compute: Callable[[], tuple[str, int]]) -> int:
    """The output and exit code of a command: from the results cache when nothing it depends on changed."""
    from ccm_stockpile.io import cache

    entry = None if no_cache else cache.key(data, command)
    hit = cache.load(entry) if entry else None
    if hit is not None:
        output, code = hit
    else:
        output, code = compute()
        if entry:
            cache.store(entry, output, code)
    write_out(output)
    return code


def console(stderr: bool = False) -> Console:
    """A rich console on stdout (or stderr) that degrades to ASCII when the output cannot take UTF-8."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    degrade_to_ascii(stream)
    return Console(file=stream, highlight=False, soft_wrap=True)


def command(function: Callable[..., int]) -> Callable[..., None]:
    """Wrap a command that returns an exit code: map every exception to its exit code, once."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        raise typer.Exit(handle(lambda: function(*args, **kwargs)))

    return run


def handle(body: Callable[[], int]) -> int:
    """Run a command body: usage errors exit 2, bugs exit 3 with a request to report them."""
    try:
        return body()
    except UsageError as error:
        typer.echo(f"ccm: {error}", err=True)
        return EXIT_USAGE
    except DataError as error:
        typer.echo(f"ccm: {error}", err=True)
        return 1
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
