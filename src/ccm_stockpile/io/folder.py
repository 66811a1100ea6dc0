"""The data folder itself: whether it can be used at all (checked before anything is read or cached)."""

from __future__ import annotations

from pathlib import Path


class DataFolderError(Exception):
    """The data folder itself cannot be used (missing, not a folder): bad usage, exit 2."""


def check_data_folder(root: Path) -> None:
    """Raise DataFolderError unless `root` is a folder with a states/ folder in it."""
    if not root.exists():
        raise DataFolderError(f"no data folder at {root}; pass --data DIR")
    if not root.is_dir():
        raise DataFolderError(f"{root} is not a folder; pass --data DIR")
    if not (root / "states").is_dir():
        raise DataFolderError(f"{root} has no states/ folder: is it the data folder? pass --data DIR")
