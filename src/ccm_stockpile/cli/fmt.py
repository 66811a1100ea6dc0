"""`ccm fmt`: put record files in canonical form (model key order, one style), keeping every comment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import DataOption, UsageError


def record_files(paths: list[Path]) -> list[Path]:
    """The record files among `paths`: files as given, and in folders every state, practice and settings file."""
    from ccm_stockpile.io.canonical import model_for

    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and model_for(p) is not None)
        else:
            raise UsageError(f"no file or folder {path}")
    return list(dict.fromkeys(found))


def unified_diff(before: str, after: str, display: str) -> str:
    """A unified diff that `git apply` takes for a relative path (`a/` and `b/` prefixes)."""
    import difflib

    relative = not Path(display).is_absolute()
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        f"a/{display}" if relative else display,
        f"b/{display}" if relative else display,
    )
    return "".join(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines)


def _display(path: Path) -> str:
    """The path as the user gave it, relative where it can be (diffs then apply with `git apply`)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Record files or folders to format; default: the data folder.", show_default=False),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing: print a diff of each file not in canonical form, and exit 1.")
    ] = False,
    data: DataOption = Path("data"),
) -> int:
    """Rewrite records in canonical form (key order, quotes, indentation), keeping every comment and blank line."""
    from ccm_stockpile.io.canonical import FormatError, format_text, model_for
    from ccm_stockpile.io.writer import write_atomic

    if not paths and not data.is_dir():
        raise UsageError(f"no data folder at {data}; pass --data DIR or the files to format")
    files = record_files(paths or [data])
    changed, failed = [], 0
    for path in files:
        display = _display(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
            canonical = format_text(text, model_for(path), display)
        except (UnicodeDecodeError, OSError) as error:
            typer.echo(f"ccm: {display}: cannot read it as UTF-8 text ({error}); nothing changed", err=True)
            failed += 1
            continue
        except FormatError as error:
            typer.echo(f"ccm: {display}:{error.line}: cannot format: {error}; nothing changed", err=True)
            failed += 1
            continue
        if canonical.encode("utf-8") == path.read_bytes():
            continue
        changed.append(display)
        if check:
            difference = unified_diff(text.replace("\r\n", "\n"), canonical, display)
            if difference:
                typer.echo(difference, nl=False)
            else:
                typer.echo(f"{display}: only its line ends or byte-order mark differ (canonical: LF, no BOM)", err=True)
        else:
            write_atomic(path, canonical)
            typer.echo(f"reformatted {display}")
    unchanged = len(files) - len(changed) - failed
    if check and changed:
        typer.echo(f"{len(changed)} file(s) would be reformatted, {unchanged} already canonical; run `ccm fmt`", err=True)
    elif check:
        typer.echo(f"{unchanged} file(s) already canonical", err=True)
    else:
        typer.echo(f"{len(changed)} file(s) reformatted, {unchanged} already canonical", err=True)
    return 1 if failed or (check and changed) else 0
