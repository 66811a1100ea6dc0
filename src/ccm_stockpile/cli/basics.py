"""The typer-free half of the command line: parsing the shared options, loading the data, the console and
the results cache. The fast path (`cli/fast.py`) answers and computes `ccm check` with these alone, so it
starts without typer; the typer commands import them from `cli/common.py`."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ccm_stockpile.cli.output import degrade_to_ascii, write_out

if TYPE_CHECKING:
    from rich.console import Console

    from ccm_stockpile.dataset import Dataset

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO3 = re.compile(r"[A-Za-z]{3}")


class UsageError(Exception):
    """Bad usage: exit 2 with a one-line message."""


class DataError(Exception):
    """A file the command depends on has errors, so it cannot be used: exit 1 with a one-line message."""


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


def require_templates(templates: Path | None) -> None:
    """`--templates`: a folder of templates overriding the built-in ones, when given."""
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates: {templates} is not a folder")


def require_data_folder(data: Path) -> None:
    """A data folder that cannot be used at all is bad usage (exit 2), checked before anything is read."""
    from ccm_stockpile.io.folder import DataFolderError, check_data_folder

    try:
        check_data_folder(data)
    except DataFolderError as error:
        raise UsageError(str(error)) from None


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


class PlainConsole:
    """Where stdout is not a terminal and nothing asks for colour: a console that only collects text, so
    plain output is written without importing rich (see `render.findings.print_text`)."""

    is_terminal = False

    def __init__(self) -> None:
        self.file = _Buffer()


def plain_output() -> bool:
    """Output is plain text: stdout is not a terminal and no colour is forced."""
    import os

    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    return not tty and not os.environ.get("FORCE_COLOR") and not os.environ.get("TTY_COMPATIBLE")


def cached_run(data: Path, command: dict[str, Any], no_cache: bool, compute: Callable[[], tuple[str, int]]) -> int:
    """The output and exit code of a command: from the results cache when nothing it depends on changed."""
    from ccm_stockpile.io import cache

    entry = None if no_cache else cache.key(data, command)
    hit = cache.load(entry) if entry else None
    if hit is not None:
        output, code = hit
    else:
        output, code = computed_and_stored(data, command, no_cache, compute)
    write_out(output)
    return code


def computed_and_stored(
    data: Path, command: dict[str, Any], no_cache: bool, compute: Callable[[], tuple[str, int]]
) -> tuple[str, int]:
    """Run `compute` and keep its result under the bytes it actually parsed (not those seen before it ran:
    a file edited meanwhile must not leave an answer under content it was not computed from)."""
    from ccm_stockpile.io import cache
    from ccm_stockpile.io.reader import recording

    with recording() as read:
        output, code = compute()
    if not no_cache:
        entry = cache.key(data, command, read)
        if entry:
            cache.store(entry, output, code)
    return output, code


def console(stderr: bool = False) -> Console:
    """A rich console on stdout (or stderr) that degrades to ASCII when the output cannot take UTF-8."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    degrade_to_ascii(stream)
    return Console(file=stream, highlight=False, soft_wrap=True)
