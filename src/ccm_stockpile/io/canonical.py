"""The canonical form of a record file, for `ccm fmt`: small diffs, every comment and blank line kept.

Canonical means: keys in the order of the record's model (the order of docs/record-format.md); mappings
and lists in block style, except quantities (`{munitions, submunitions}`) and lists of plain values
(`[planned_use, actual_use]`), which are written on one line as the shipped data always was; two spaces
of indentation, sequences indented under their key; double quotes wherever a value is quoted (as
prettier does, plain values stay plain and quoted ones stay quoted), and double quotes added around a
plain value that a YAML 1.1 reader (an editor, yamllint, a spreadsheet import) would take for something
else than the text `ccm` reads: `0123`, `yes`, `off`, `1_000`; no trailing spaces, one newline at the end.

It is made in three steps: ruamel's round trip re-indents and sets styles, then two edits of the text
located by the libyaml reader's marks quote the ambiguous values and put block mapping keys in model
order, each key moving with the comments and blank lines just above it. A result is only ever returned
when the project's reader gives it exactly the data of the input and it holds the same comments;
otherwise `FormatError` says why, and nothing is written.
"""

from __future__ import annotations

import io
import re
import typing
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ccm_stockpile.io.reader import _Loader, last_line, parse_text, resolve_scalar


class FormatError(Exception):
    """A file that cannot be put in canonical form safely (not valid YAML, or a comment would be lost)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class FieldLayout:
    """How one field is written: a nested model (in flow style or block), a list of them, or plain values."""

    model: type[BaseModel] | None
    is_list: bool
    flow: bool


def _flow_models() -> tuple[type[BaseModel], ...]:
    from ccm_stockpile.records.practice import PracticeQuantity
    from ccm_stockpile.records.types import Quantity

    return (Quantity, PracticeQuantity)


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (directly or as list items), and whether it is a list."""
    stack = [annotation]
    is_list = False
    while stack:
        current = stack.pop()
        if typing.get_origin(current) is list:
            is_list = True
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current, is_list
        stack.extend(typing.get_args(current))
    return None, is_list


def layout(model: type[BaseModel]) -> dict[str, FieldLayout]:
    """Each field of `model`, in canonical order, with how it is written."""
    flow_models = _flow_models()
    fields = {}
    for name, info in model.model_fields.items():
        nested, is_list = _nested_model(info.annotation)
        flow = (nested in flow_models) if nested is not None else is_list
        fields[name] = FieldLayout(nested, is_list, flow)
    return fields


def model_for(path: Path) -> type[BaseModel] | None:
    """The record model of a data file, from where it sits: states/, practices/ or settings.yaml."""
    from ccm_stockpile.records.practice import PracticeRecord
    from ccm_stockpile.records.settings import Settings
    from ccm_stockpile.records.state import StateRecord

    if path.suffix.lower() not in {".yaml", ".yml"}:
        return None
    if path.name == "settings.yaml":
        return Settings
    by_folder: dict[str, type[BaseModel]] = {"states": StateRecord, "practices": PracticeRecord}
    return by_folder.get(path.parent.name)


# ---------------------------------------------------------------------------------------------------
# Step 1: ruamel round trip, styles set from the model


def _filled(slots: Any) -> bool:
    """A comment slot (or a list of them, nested) holds a comment token."""
    if isinstance(slots, list):
        return any(_filled(slot) for slot in slots)
    return slots is not None


def _has_comments(node: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(node, CommentedMap | CommentedSeq):
        return False
    if _filled(node.ca.comment) or any(_filled(slots) for slots in node.ca.items.values()):
        return True
    children = node.values() if isinstance(node, CommentedMap) else node
    return any(_has_comments(child) for child in children)


def _merge_tokens(first: Any, second: Any) -> Any:
    """Comment tokens after one value: an end-of-line comment (first) and the blank lines or comments below it."""
    if first is None:
        return second
    if second is None:
        return first
    first.value = first.value + second.value[1:]
    return first


def _slot(collection: Any) -> int:
    """Where ruamel keeps the comment that follows an element: third slot in a mapping, first in a list."""
    from ruamel.yaml.comments import CommentedMap

    return 2 if isinstance(collection, CommentedMap) else 0


def _to_flow(parent: Any, key: Any, node: Any) -> None:
    """Put a block collection on one line, unless a comment inside it would move. What follows the
    collection (blank lines, the next key's comments) is handed to the parent, where it stays in place."""
    from ruamel.yaml.comments import CommentedMap

    if node.fa.flow_style() or not node or _filled(node.ca.comment):
        return
    children = list(node.values()) if isinstance(node, CommentedMap) else list(node)
    if any(_has_comments(child) for child in children):
        return
    last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    if any(_filled(slots) for element, slots in node.ca.items.items() if element != last):
        return
    slots = node.ca.items.get(last) or [None, None, None, None]
    token = slots[_slot(node)]
    if any(_filled(slot) for index, slot in enumerate(slots) if index != _slot(node)):
        return
    if token is not None:
        if not token.value.startswith("\n"):
            return  # an end-of-line comment on the last element
        own = parent.ca.items.get(key) or [None, None, None, None]
        if any(_filled(slot) for index, slot in enumerate(own) if index != _slot(parent)):
            return
        del node.ca.items[last]
        own = list(own)
        own[_slot(parent)] = _merge_tokens(own[_slot(parent)], token)
        parent.ca.items[key] = own
    node.fa.set_flow_style()


def _to_block(parent: Any, key: Any, node: Any) -> None:
    if not node.fa.flow_style() or not node:
        return
    own = parent.ca.items.get(key)
    if _filled(own) or _has_comments(node):
        return  # a comment on the line of a flow collection would drift when it is spread over lines
    node.fa.set_block_style()


def _restyle(node: Any, model: type[BaseModel] | None) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    fields = layout(model) if model is not None else {}
    pairs = list(node.items()) if isinstance(node, CommentedMap) else list(enumerate(node))
    for key, value in pairs:
        if isinstance(value, SingleQuotedScalarString):
            node[key] = DoubleQuotedScalarString(str(value))
            continue
        if not isinstance(value, CommentedMap | CommentedSeq):
            continue
        field = fields.get(str(key)) if isinstance(node, CommentedMap) else None
        nested = field.model if field else None
        if isinstance(node, CommentedSeq):
            nested = model  # list items are of the list's model, passed down by the caller
        if isinstance(value, CommentedSeq) and field is not None and field.is_list:
            if field.flow:
                _to_flow(node, key, value)
            else:
                _to_block(node, key, value)
            _restyle(value, field.model)
            continue
        if isinstance(value, CommentedMap) and nested is not None:
            if nested in _flow_models():
                _to_flow(node, key, value)
            else:
                _to_block(node, key, value)
            if value.fa.flow_style():
                _reorder_flow(value, nested)
        _restyle(value, nested)


def _reorder_flow(node: Any, model: type[BaseModel]) -> None:
    """Keys of a flow mapping in model order, unknown keys after them (ruamel keeps comments by key)."""
    order = list(model.model_fields)
    for key in sorted(node, key=lambda k: order.index(k) if k in order else len(order)):
        node.move_to_end(key)


def _round_trip_styles(text: str, model: type[BaseModel] | None) -> str:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    from ccm_stockpile.io.writer import _round_trip

    handler = _round_trip()
    try:
        data = handler.load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FormatError(f"not valid YAML: {getattr(error, 'problem', error)}", mark.line + 1 if mark else 1) from None
    except ValueError as error:  # ruamel builds dates, and `2015-13-01` is none (the models report it as E002)
        raise FormatError(
            f"a date that is not in the calendar ({error}); correct it first", _impossible_date_line(text)
        ) from None
    if not isinstance(data, CommentedMap):
        return text
    _restyle(data, model)
    out = io.StringIO()
    handler.dump(data, out)
    return out.getvalue()


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.-])")


def _impossible_date_line(text: str) -> int:
    """The line of the first date that the calendar does not have (`2025-02-30`), or 1."""
    import datetime as dt

    for number, line in enumerate(text.splitlines(), 1):
        for match in _DATE_LIKE.finditer(line):
            try:
                dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return number
    return 1


# ---------------------------------------------------------------------------------------------------
# Steps 2 and 3: edits of the text, located by the reader's marks

_PLAIN_MEANS_TEXT = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}  # dates stay plain: the models parse them
_RESOLVER = yaml.resolver.Resolver()


def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FormatError(f"not valid YAML: {getattr(error, 'problem', error)}", mark.line + 1 if mark else 1) from None


def _walk(node: Node | None) -> typing.Iterator[Node]:
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, MappingNode):
            for key, value in reversed(current.value):
                stack.extend((value, key))
        elif isinstance(current, SequenceNode):
            stack.extend(reversed(current.value))


def _offset(starts: list[int], line: int, column: int) -> int:
    return starts[line] + column


_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml's marks count as a new line


def _line_starts(text: str) -> list[int]:
    """Where each line starts, as libyaml numbers lines (a NEL, LS or PS inside a quoted value starts one)."""
    return [0, *(match.end() for match in _YAML_LINE_BREAK.finditer(text))]


def _ambiguous(node: ScalarNode) -> bool:
    """A plain value the reader takes as text that a YAML 1.1 reader would take as a number, a boolean or null."""
    if node.style or not isinstance(resolve_scalar(node), str):
        return False
    return _RESOLVER.resolve(ScalarNode, node.value, (True, False)) not in _PLAIN_MEANS_TEXT


def _quote_ambiguous(text: str) -> str:
    root = _compose(text)
    starts = _line_starts(text)
    edits = []
    for node in _walk(root):
        if isinstance(node, ScalarNode) and _ambiguous(node) and node.start_mark.line == node.end_mark.line:
            start = _offset(starts, node.start_mark.line, node.start_mark.column)
            end = _offset(starts, node.end_mark.line, node.end_mark.column)
            edits.append((start, end, f'"{node.value}"'))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _is_trivia(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _children_models(node: MappingNode, model: type[BaseModel]) -> typing.Iterator[tuple[Node, type[BaseModel]]]:
    fields = layout(model)
    for key, value in node.value:
        field = fields.get(key.value) if isinstance(key, ScalarNode) else None
        if field is None or field.model is None:
            continue
        if isinstance(value, MappingNode):
            yield value, field.model
        elif isinstance(value, SequenceNode):
            yield from ((item, field.model) for item in value.value if isinstance(item, MappingNode))


def _out_of_order(root: Node, model: type[BaseModel]) -> tuple[MappingNode, list[int]] | None:
    """The first block mapping whose keys are not in model order, and the order they should take."""
    stack: list[tuple[Node, type[BaseModel]]] = [(root, model)]
    while stack:
        node, current = stack.pop()
        if not isinstance(node, MappingNode):
            continue
        order = list(current.model_fields)
        names = [key.value if isinstance(key, ScalarNode) else "" for key, _ in node.value]
        rank = [order.index(name) if name in order else len(order) for name in names]
        wanted = sorted(range(len(names)), key=lambda index: rank[index])
        if not node.flow_style and wanted != list(range(len(names))):
            return node, wanted
        stack.extend(_children_models(node, current))
    return None


def _reorder_mapping(lines: list[str], node: MappingNode, wanted: list[int]) -> list[str]:
    keys = [key for key, _ in node.value]
    column = keys[0].start_mark.column
    first_line = keys[0].start_mark.line
    ends = [last_line(value) for _, value in node.value]
    starts_of_keys = [key.start_mark.line for key in keys]
    ends = [min(end, starts_of_keys[i + 1] - 1) if i + 1 < len(keys) else end for i, end in enumerate(ends)]
    ends = [max(end, starts_of_keys[i]) for i, end in enumerate(ends)]
    segments: list[tuple[list[str], str, list[str]]] = []  # (leading trivia, key line from the key on, the rest)
    tails: list[list[str]] = []
    for index, key_line in enumerate(starts_of_keys):
        lead_start = key_line if index == 0 else ends[index - 1] + 1
        lead = lines[lead_start:key_line]
        # Comments indented deeper than the keys close the value above them: they stay with it.
        keep = 0
        while keep < len(lead) and lead[keep].strip().startswith("#") and _indent(lead[keep]) > column:
            keep += 1
        if index:
            tails[index - 1].extend(lead[:keep])
        segments.append((lead[keep:], lines[key_line][column:], lines[key_line + 1 : ends[index] + 1]))
        tails.append([])
    prefix = lines[first_line][:column]
    out = lines[:first_line]
    for position, index in enumerate(wanted):
        lead, key_text, rest = segments[index]
        out += lead
        out.append((prefix if position == 0 else " " * column) + key_text)
        out += rest + tails[index]
    return out + lines[ends[-1] + 1 :]


def _order_keys(text: str, model: type[BaseModel]) -> str:
    for _ in range(10_000):  # one mapping per pass; a file has far fewer mappings
        root = _compose(text)
        if root is None:
            return text
        found = _out_of_order(root, model)
        if found is None:
            return text
        node, wanted = found
        text = "".join(_reorder_mapping(text.splitlines(keepends=True), node, wanted))
    raise FormatError("the keys could not be put in order")  # pragma: no cover - each pass orders one mapping


def _block_scalar_lines(root: Node | None) -> set[int]:
    lines: set[int] = set()
    for node in _walk(root):
        if isinstance(node, ScalarNode) and node.style in {"|", ">"}:
            lines.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
    return lines


def _tidy_lines(text: str) -> str:
    """No trailing spaces (except inside block scalars, where they are text), one newline at the end."""
    keep = _block_scalar_lines(_compose(text))
    lines = text.split("\n")
    tidy = [line if index in keep else line.rstrip(" \t") for index, line in enumerate(lines)]
    return "\n".join(tidy).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------------
# The safety net: same data, same comments

_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#")


def comments(text: str) -> Counter[str]:
    """Every comment of a YAML text (outside quoted and plain values), with how often it occurs."""
    root = _compose(text)
    starts = _line_starts(text)
    spans = [
        (_offset(starts, node.start_mark.line, node.start_mark.column), _offset(starts, node.end_mark.line, node.end_mark.column))
        for node in _walk(root)
        if isinstance(node, ScalarNode)
    ]
    spans.sort()
    found: Counter[str] = Counter()
    for line_number, line in enumerate(text.split("\n")):
        base = starts[line_number] if line_number < len(starts) else len(text)
        for match in _COMMENT.finditer(line):
            at = base + match.start()
            if any(start <= at < end for start, end in spans):
                continue
            found[line[match.start() :].rstrip()] += 1
            break
    return found


def format_text(text: str, model: type[BaseModel] | None, display: str = "<text>") -> str:
    """`text` in canonical form; raises FormatError when that cannot be done without changing the data or
    losing a comment."""
    original = text.removeprefix("\ufeff").replace("\r\n", "\n")
    before = parse_text(original, Path(display), display)
    broken = [finding for finding in before.findings if finding.code in {"E001", "E003"}]
    if broken:
        raise FormatError(broken[0].message, broken[0].line or 1)
    if before.data is None:
        return original
    result = _round_trip_styles(original, model)
    result = _quote_ambiguous(result)
    if model is not None:
        result = _order_keys(result, model)
    result = _tidy_lines(result)
    after = parse_text(result, Path(display), display)
    if not after.readable or _types(after.data) != _types(before.data):
        raise FormatError("formatting would change the data; format this file by hand (and please report it)")
    lost = comments(original) - comments(result)
    if lost:
        raise FormatError(f"formatting would lose the comment {next(iter(lost))!r}; move it onto a line of its own")
    return result


def _types(data: object) -> object:
    """The data with each value's type beside it (1 == 1.0 == True in Python, not in a record)."""
    if isinstance(data, dict):
        return {key: _types(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_types(value) for value in data]
    return (type(data).__name__, data)
