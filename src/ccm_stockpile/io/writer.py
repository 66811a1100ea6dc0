"""Writing records back: round-trip through ruamel (every comment, quote and blank line kept), atomically
(a temporary file in the same folder, then a rename), so a failure never leaves half a file."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any


class WriteError(OSError):
    """A file could not be written (its folder is a file, the disk is full, no permission): nothing was
    changed, and the message says which path and why."""


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename: on any failure,
    the file is as it was and no temporary file is left. OSErrors come out as WriteError, naming the path."""
    try:
        _write_atomic(path, data)
    except WriteError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, FileExistsError | NotADirectoryError) and error.filename != str(path):
            reason = f"{error.filename} is a file, not a folder"
        raise WriteError(error.errno, f"cannot write {path}: {reason}") from error


def _write_atomic(path: Path, data: str | bytes) -> None:
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


def _flow_value(value: object) -> str:
    """A value written on one line: null, numbers, plain or double-quoted text, `{k: v}` and `[...]`."""
    import json
    import re

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow_value(item) for item in value) + "]"
    text = str(value)
    if re.fullmatch(r"[A-Za-z][A-Za-z_]*", text) and text.lower() not in {
        "null",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
    }:
        return text
    return json.dumps(text, ensure_ascii=False)


def insert_list_item(text: str, key: str, after: int, fields: list[tuple[str, object, str, str]]) -> str:
    """`text` with a new mapping after item `after` of its top-level block list `key`; nothing else changes.

    `fields` are (key, value, end-of-line comment, comment line above). The new item goes right after the
    last line of the item before it, so the comments and blank lines that follow that item, which belong to
    what comes next, stay where they are.
    """
    import yaml
    from yaml.nodes import MappingNode, SequenceNode

    from ccm_stockpile.io.reader import _Loader, last_line

    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, MappingNode):
        raise ValueError("the file is not a mapping")
    sequence = next((value for name, value in root.value if name.value == key), None)
    if not isinstance(sequence, SequenceNode) or sequence.flow_style or not 0 <= after < len(sequence.value):
        raise ValueError(f"`{key}` is not a block list with an item {after}")
    previous = sequence.value[after]
    column = previous.start_mark.column
    lines = text.splitlines(keepends=True)
    prefix = lines[previous.start_mark.line][:column]
    if prefix.strip() != "-":
        raise ValueError(f"the items of `{key}` are not written `- key: value`")
    written = [f"{name}: {_flow_value(value)}" for name, value, _, _ in fields]
    width = max(len(line) for line, (_, _, comment, _) in zip(written, fields, strict=True) if comment) + 2
    new: list[str] = []
    for position, (line, (_, _, comment, above)) in enumerate(zip(written, fields, strict=True)):
        if above:
            new.append(f"{' ' * column}# {above}\n")
        start = prefix if position == 0 else " " * column
        new.append(f"{start}{line.ljust(width)}# {comment}\n" if comment else f"{start}{line}\n")
    end = last_line(previous) + 1
    if end == len(lines) and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines[:end] + new + lines[end:])
