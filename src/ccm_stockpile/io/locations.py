"""Where each key and value of a record sits in its file, and how to name a path for people."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

# The field that names an item of each list, so paths read `retention[year=2016]`, not `retention[7]`.
NATURAL_KEYS: dict[str, str] = {
    "retention": "year",
    "by_type": "type",
    "transfers": "counterpart",
    "extensions": "granted",
    "discoveries": "found",
    "engagements": "date",
    "coordinators": "state",
    "assistance": "state",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column."""

    line: int
    column: int


Position = tuple[int, int]  # 1-based line and column, stored bare: a file has a mark for every key


@dataclass(slots=True)
class Locations:
    """Where the keys of one file sit, and its lists, list items and mappings, indexed by path (list items
    by index). A scalar value is located by its key, so its own position is not kept."""

    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)

    def at(self, path: Path) -> Mark:
        """The mark of a path's key (or list item), falling back to its nearest located parent."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return Mark(*self.keys[path])
            if path in self.values:
                return Mark(*self.values[path])
            path = path[:-1]
        return Mark(*self.values.get((), (1, 1)))

    def located(self, path: Path) -> Path:
        """The longest part of `path` that is in the file (a finding about a key left out names its parent)."""
        path = tuple(path)
        while path and path not in self.keys and path not in self.values:
            path = path[:-1]
        return path

    def of_mapping(self, path: Path) -> Mark:
        """The mark of the mapping at `path` itself (where a missing key would go)."""
        path = tuple(path)
        while path:
            if path in self.values and not isinstance(path[-1], int):
                # A mapping that is the value of a key: point at the key, which names it.
                return Mark(*self.keys.get(path, self.values[path]))
            if path in self.values:
                return Mark(*self.values[path])
            path = path[:-1]
        return Mark(*self.values.get((), (1, 1)))


def display_path(path: Path, data: Any) -> str:
    """Render a path for people: `retention[year=2016].held.submunitions`."""
    parts: list[str] = []
    node = data
    parent_key: str | None = None
    for element in path:
        if isinstance(element, int):
            item = node[element] if isinstance(node, list) and 0 <= element < len(node) else None
            natural = NATURAL_KEYS.get(parent_key or "")
            if natural and isinstance(item, dict) and item.get(natural) is not None:
                parts.append(f"[{natural}={item[natural]}]")
            else:
                parts.append(f"[{element}]")
            node = item
        else:
            parts.append(f".{element}" if parts else str(element))
            node = node.get(element) if isinstance(node, dict) else None
            parent_key = element
    return "".join(parts)


def year_of(data: Any, path: Path) -> int | None:
    """The `year` of the retention entry a path lies in, if any."""
    if len(path) >= 2 and path[0] == "retention" and isinstance(path[1], int) and isinstance(data, dict):
        entries = data.get("retention")
        if isinstance(entries, list) and path[1] < len(entries) and isinstance(entries[path[1]], dict):
            year = entries[path[1]].get("year")
            return year if isinstance(year, int) and not isinstance(year, bool) else None
    return None
