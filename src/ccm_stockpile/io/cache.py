"""The results cache: the output of `ccm check` and `ccm show` for unchanged files, without reading them.

The key is a hash of everything the output depends on: the tool's version and code, the Python and the
installed distributions (pydantic, PyYAML and its libyaml extension, typer/click, rich, jinja2, ...), the
command and its options (including --as-of, resolved), how the output is shown (terminal or not, width,
colour, encoding), and the path and full content of every file the data folder's reader reads. A result is
looked up under the files as they are now, and stored under the bytes the run actually parsed (recorded by
the reader), so a file edited while a command runs never leaves a result under content it was not computed
from. So the cache is never wrong when a file changes: any byte changes the key. An entry that cannot be
read, or that is not one of ours, is ignored and rebuilt; entries are written atomically; a cache folder that cannot be written is
simply not used. It lives outside the data folder and outside git: $CCM_CACHE_DIR, else
$XDG_CACHE_HOME/ccm-stockpile, else ~/.cache/ccm-stockpile.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from ccm_stockpile.io.digests import NOT_A_FILE, UNREADABLE, content_digest

FORMAT = 2
_DATA_SUFFIXES = {".yaml", ".yml"}
_SINGLE_FILES = ("settings.yaml", "workplan.yaml")


def cache_dir() -> Path:
    """Where cache entries are kept."""
    if os.environ.get("CCM_CACHE_DIR"):
        return Path(os.environ["CCM_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ccm-stockpile"


def snapshot(root: Path) -> dict[Path, str] | None:
    """The files the data folder's reader would read now (as `dataset.load` lists them), each with the digest
    of its content; None when one cannot be read (the run reports it)."""
    paths = []
    for folder in (root / "states", root / "practices"):
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.suffix.lower() in _DATA_SUFFIXES)
    paths += [root / name for name in _SINGLE_FILES if os.path.lexists(root / name)]
    files = {}
    for path in paths:
        try:
            files[path] = content_digest(path.read_bytes()) if path.is_file() else NOT_A_FILE
        except OSError:
            return None
    return files


def _dependencies() -> dict[str, Any]:
    """The Python and every installed distribution (name and version, from the names of their metadata
    folders: much faster than importlib.metadata), with the size and time of PyYAML's libyaml extension: an
    upgrade of pydantic, PyYAML, libyaml, typer, click, rich or jinja2 can change an output."""
    distributions: list[str] = []
    extensions: list[tuple[str, int, int]] = []
    for entry in dict.fromkeys(sys.path):
        if not entry or not os.path.isdir(entry):
            continue
        with contextlib.suppress(OSError), os.scandir(entry) as found:
            for item in found:
                if item.name.endswith((".dist-info", ".egg-info")):
                    distributions.append(item.name)
                elif item.name == "yaml" and item.is_dir():
                    with os.scandir(item.path) as inner:
                        compiled = [e for e in inner if e.name.startswith("_yaml")]
                        extensions += [(e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in compiled]
    return {"python": sys.version, "distributions": sorted(distributions), "libyaml": sorted(extensions)}


def _display() -> dict[str, Any]:
    """How output will be shown: what rich looks at to choose width, colours and characters."""
    stream = sys.stdout
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    size = None
    if tty:
        import shutil

        size = tuple(shutil.get_terminal_size())
    names = ("COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")
    return {
        "tty": tty,
        "size": size,
        "encoding": getattr(stream, "encoding", None),
        "env": {name: os.environ.get(name) for name in names},
    }


def _code() -> list[tuple[str, int, int]]:
    """The package's own files, by size and time of change: an edited checkout never reuses old results."""
    package = Path(__file__).resolve().parents[1]
    return sorted((str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in package.rglob("*.py"))


def key(root: Path | None, command: dict[str, Any], files: dict[Path, str] | None = None) -> str | None:
    """The cache key of a run over `files` (path: digest, as `snapshot` or the reader's `recording` give
    them; the data folder as it is now when None), or None when a file could not be read."""
    from ccm_stockpile import __version__

    if root is not None and files is None:
        files = snapshot(root)
        if files is None:
            return None
    files = files or {}
    if UNREADABLE in files.values():
        return None
    digest = hashlib.sha256()
    header = {
        "format": FORMAT,
        "version": __version__,
        "code": _code(),
        "dependencies": _dependencies(),
        "command": command,
        "display": _display(),
    }
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    for name, content in sorted((_relative(path, root), content) for path, content in files.items()):
        digest.update(f"\0{name}\0{content}".encode())
    return digest.hexdigest()


def _relative(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root is not None else path.as_posix()
    except ValueError:
        return path.as_posix()


def load(entry_key: str) -> tuple[str, int] | None:
    """The stored output and exit code of a run, or None (missing, corrupt or foreign entries alike)."""
    try:
        payload = json.loads((cache_dir() / f"{entry_key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT or payload.get("key") != entry_key:
        return None
    output, code = payload.get("output"), payload.get("exit")
    if not isinstance(output, str) or not isinstance(code, int) or isinstance(code, bool):
        return None
    return output, code


def store(entry_key: str, output: str, code: int) -> None:
    """Keep a run's output; a cache that cannot be written is not an error."""
    from ccm_stockpile.io.writer import write_atomic

    payload = {"format": FORMAT, "key": entry_key, "exit": code, "output": output}
    with contextlib.suppress(OSError):
        write_atomic(cache_dir() / f"{entry_key}.json", json.dumps(payload, ensure_ascii=False))
