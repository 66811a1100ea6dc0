"""The results cache: the output of `ccm check` and `ccm show` for unchanged files, without reading them.

The key is a hash of everything the output depends on: the tool's version, the command and its options
(including --as-of, resolved), how the output is shown (terminal or not, width, colour, encoding), and
the path and full content of every file the data folder's reader would read. So the cache is never
wrong when a file changes: any byte changes the key. An entry that cannot be read, or that is not one of
ours, is ignored and rebuilt; entries are written atomically; a cache folder that cannot be written is
simply not used. It lives outside the data folder and outside git: $CCM_CACHE_DIR, else the user's cache
folder as platformdirs names it on each system ($XDG_CACHE_HOME/ccm-stockpile or ~/.cache/ccm-stockpile on
Linux, ~/Library/Caches/ccm-stockpile on macOS, %LOCALAPPDATA%\\ccm-stockpile\\Cache on Windows).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

FORMAT = 1
_DATA_SUFFIXES = {".yaml", ".yml"}


APP = "ccm-stockpile"


def cache_dir() -> Path:
    """Where cache entries are kept."""
    if os.environ.get("CCM_CACHE_DIR"):
        return Path(os.environ["CCM_CACHE_DIR"])
    if sys.platform.startswith("linux"):
        # Written out on Linux, where every command asks this first: importing platformdirs costs more than a
        # cached `ccm check` answer. The XDG rule is platformdirs' own, and a test holds the two equal.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(base if os.path.isabs(base) else os.path.expanduser("~/.cache")) / APP
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def _data_files(root: Path) -> list[Path]:
    files = []
    for folder in (root / "states", root / "practices"):
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix.lower() in _DATA_SUFFIXES)
    files += [root / name for name in ("settings.yaml", "workplan.yaml")]
    return files


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


def key(root: Path | None, command: dict[str, Any]) -> str | None:
    """The cache key of a run, or None when a data file cannot be read (the run reports it)."""
    from ccm_stockpile import __version__

    digest = hashlib.sha256()
    header = {"format": FORMAT, "version": __version__, "code": _code(), "command": command, "display": _display()}
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    for path in _data_files(root) if root is not None else []:
        try:
            content = path.read_bytes() if path.is_file() else None
        except OSError:
            return None
        digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode())  # type: ignore[arg-type]
        digest.update(b"-" if content is None else hashlib.blake2b(content, digest_size=16).digest())
    return digest.hexdigest()


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
