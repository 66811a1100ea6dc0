"""Writing records back: round-trip through ruamel (every comment, quote and blank line kept), atomically
(a temporary file in the same folder, then a rename), so a failure never leaves half a file."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file readable by its owner only: give it the mode the file has, or would get.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long note onto new lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda _: True  # the reader refuses anchors: write every value out
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def append_to_list(path: Path, key: str, item: dict[str, Any]) -> str:
    """The file's text with `item` appended to its top-level list `key`; nothing else changes."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _round_trip()
    data = yaml.load(path.read_text(encoding="utf-8"))
    entries = data.get(key)
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq()
        data[key] = entries
    entries.fa.set_block_style()
    mapping = CommentedMap()
    for name, value in item.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            sequence = CommentedSeq(value)
            sequence.fa.set_flow_style()
            value = sequence
        mapping[name] = value
    entries.append(mapping)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
