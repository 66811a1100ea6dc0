"""The one YAML reader: libyaml-backed, keeps line marks, never lets YAML guess a type.

Parsing goes through PyYAML's C composer (libyaml), which gives a node tree with marks at C speed;
ruamel's round-trip parser is about 14x slower and is kept for the places that write records back.
Scalars are resolved here with YAML 1.2 core rules only where a number, boolean or null is meant:
`NO` stays the text "NO", `040` stays the text "040", and dates stay text for the models to parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ccm_stockpile.codes import new_finding
from ccm_stockpile.findings import Finding
from ccm_stockpile.io.digests import NOT_A_FILE, UNREADABLE, content_digest
from ccm_stockpile.io.locations import Locations, Mark, display_path
from ccm_stockpile.io.locations import year_of as _year_of

try:
    from yaml import CSafeLoader as _BaseLoader

    _OFFSETS_IN_BYTES = True  # libyaml reports a reader error's offset in bytes of the UTF-8 text
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml on every supported platform
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    _OFFSETS_IN_BYTES = False  # PyYAML's own reader, in characters

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):
    """libyaml's composer without PyYAML's implicit typing: every plain scalar is tagged as text, because
    `resolve_scalar` types scalars by YAML 1.2 rules itself. PyYAML's resolver runs a regular expression
    per scalar in Python; skipping it makes composing about a third faster. Explicit tags still arrive
    as written and are refused by the builder."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    # PyYAML's path resolvers (none are registered) are called twice per node: skip the calls.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


MAX_DEPTH = 40  # records nest 5 levels; anything deeper is hostile or broken input

_CORE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary", "merge", "value")
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+)([eE][-+]?[0-9]+)?")


@dataclass(slots=True)
class ParsedFile:
    """A file read into plain Python data, the marks of its nodes, and any problems found reading it."""

    path: Path
    display: str
    data: Any = None
    locations: Locations = field(default_factory=Locations)
    findings: list[Finding] = field(default_factory=list)
    empty: bool = False
    text: str | None = None  # the decoded text, kept so that positions can be found again later

    @property
    def readable(self) -> bool:
        return not any(f.code == "E001" for f in self.findings)


class _HostileInput(Exception):
    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.mark = mark


def resolve_scalar(node: ScalarNode) -> Any:
    """YAML 1.2 core resolution for plain scalars; quoted scalars are always text."""
    if node.style:  # the C composer gives '' for plain scalars, the Python one None
        return node.value
    return _resolve_plain(node.value)


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core resolution of a plain scalar's text."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text) and any(c in text for c in ".eE"):
        return float(text)
    return text


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Builds plain data from libyaml's node tree, keeping the position of every key and collection.

    Anchors, aliases and explicit tags are refused; the checks for them cost a set lookup per node, so
    they run only when the text holds `&`, `*` or `!` at all (libyaml's implicit tags are all core).
    """

    def __init__(self, parsed: ParsedFile, text: str) -> None:
        self.keys = parsed.locations.keys
        self.values = parsed.locations.values
        self.watch_aliases = "&" in text or "*" in text
        self.watch_tags = "!" in text
        self.seen: set[int] = set()
        self.duplicates: list[tuple[tuple[Any, ...], Mark]] = []

    def refuse_tags_and_aliases(self, node: Node) -> None:
        if self.watch_tags and node.tag not in _CORE_TAGS:
            raise _HostileInput(
                f"the tag `{node.tag}` is not allowed: records hold plain text, numbers, lists and mappings",
                _mark(node),
            )
        if self.watch_aliases:
            if id(node) in self.seen:
                raise _HostileInput("anchors and aliases (`&x`, `*x`) are not supported: write the value out", _mark(node))
            self.seen.add(id(node))

    def build(self, node: Node, path: tuple[Any, ...], depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _HostileInput(f"nesting deeper than {MAX_DEPTH} levels", _mark(node))
        self.refuse_tags_and_aliases(node)
        if isinstance(node, ScalarNode):
            return resolve_scalar(node)
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                item_path = (*path, index)
                if isinstance(item, ScalarNode):  # a list item has no key to be located by
                    item_mark = item.start_mark
                    self.values[item_path] = (item_mark.line + 1, item_mark.column + 1)
                items.append(self.build(item, item_path, depth + 1))
            return items
        result: dict[str, Any] = {}
        keys = self.keys
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _HostileInput("a key must be plain text, not a list or mapping", _mark(key_node))
            if self.watch_tags or self.watch_aliases:  # a key is refused a tag or an alias as a value is
                self.refuse_tags_and_aliases(key_node)
            key = key_node.value
            key_mark = key_node.start_mark
            if key in result:
                self.duplicates.append(((*path, key), Mark(key_mark.line + 1, key_mark.column + 1)))
                continue
            key_path = (*path, key)
            keys[key_path] = (key_mark.line + 1, key_mark.column + 1)
            if type(value_node) is ScalarNode and not self.watch_tags and not self.watch_aliases:
                # The common case, inlined: a scalar under a key (located by its key).
                result[key] = value_node.value if value_node.style else _resolve_plain(value_node.value)
            else:
                result[key] = self.build(value_node, key_path, depth + 1)
        return result


_HINTS = (
    ("end of stream", "a quote or bracket is probably not closed"),
    ("mapping values are not allowed", "a value probably contains `: `; put the value in quotes"),
    ("expected a single document", "keep one record per file (remove the `---` line)"),
    ("could not find expected ':'", "a key probably lacks its `:`, or a quote is not closed"),
    ("while parsing a flow", "a bracket `[` or brace `{` opened here is probably not closed"),
)


def _yaml_error_message(error: yaml.YAMLError, source: str) -> tuple[str, Mark]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context_mark = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    opened = "end of stream" in str(problem) or str(context or "").startswith("while parsing a flow")
    if context_mark is not None and opened:
        mark = context_mark  # an unclosed quote or bracket: point where it was opened, not where it ends
    text = f"not valid YAML: {problem}"
    if context:
        text += f" ({context})"
    hint = next((advice for needle, advice in _HINTS if needle in str(error)), "check the syntax near this line")
    if mark is not None:
        lines = source.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            hint = "indent with spaces, not tabs"
    if mark is None:  # a reader error (a control character): only its offset in the stream is known
        position = getattr(error, "position", None)
        return f"{text}; {hint}", Mark(1, 1) if position is None else _offset_mark(source, position)
    return f"{text}; {hint}", Mark(mark.line + 1, mark.column + 1)


def _offset_mark(source: str, position: int) -> Mark:
    """The line and column of a reader error's offset in the text, numbered as libyaml numbers lines."""
    before = source.encode("utf-8")[:position].decode("utf-8", errors="replace") if _OFFSETS_IN_BYTES else source[:position]
    starts = _line_starts(_YAML_LINE_BREAK, before)
    return Mark(len(starts), len(before) - starts[-1] + 1)


_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # where libyaml's marks start a new line
_EDITOR_LINE_BREAK = re.compile("\r\n|[\r\n]")  # where editors, git and GitHub do


def _line_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [0, *(match.end() for match in pattern.finditer(text))]


class _EditorLines:
    """libyaml starts a new line at NEL, LS and PS (U+0085, U+2028, U+2029), even inside a quoted value;
    editors, git and GitHub do not. In a text that holds one, marks are moved to the line and column an
    editor shows, so that every finding after it is not one line off."""

    def __init__(self, text: str) -> None:
        self.yaml = _line_starts(_YAML_LINE_BREAK, text)
        self.editor = _line_starts(_EDITOR_LINE_BREAK, text)

    def position(self, line: int, column: int) -> tuple[int, int]:
        offset = self.yaml[min(line, len(self.yaml)) - 1] + column - 1
        index = bisect_right(self.editor, offset) - 1
        return index + 1, offset - self.editor[index] + 1

    def mark(self, mark: Mark) -> Mark:
        return Mark(*self.position(mark.line, mark.column))

    def move(self, locations: Locations) -> None:
        for table in (locations.keys, locations.values):
            for path, (line, column) in table.items():
                table[path] = self.position(line, column)


def parse_text(text: str, path: Path, display: str) -> ParsedFile:
    """Parse one YAML document held in `text`; problems become findings, never exceptions."""
    parsed = ParsedFile(path=path, display=display, text=text)
    unusual = not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text)  # 0.1% of a parse
    lines = _EditorLines(text) if unusual else None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        message, mark = _yaml_error_message(error, text)
        mark = lines.mark(mark) if lines else mark
        parsed.findings.append(new_finding("E001", message, file=display, line=mark.line, column=mark.column))
        return parsed
    except RecursionError:
        parsed.findings.append(new_finding("E001", "not valid YAML: nesting is too deep to read", file=display, line=1, column=1))
        return parsed
    if root is None:
        parsed.empty = True
        return parsed
    builder = _Builder(parsed, text)
    try:
        parsed.data = builder.build(root, (), 0)
        if lines:
            lines.move(parsed.locations)
        for key_path, mark in builder.duplicates:
            mark = lines.mark(mark) if lines else mark
            first = parsed.locations.keys[key_path][0]
            parsed.findings.append(
                new_finding(
                    "E003",
                    f"the key `{key_path[-1]}` is given twice in this mapping (first at line {first}); "
                    "keep one and delete the other",
                    file=display,
                    line=mark.line,
                    column=mark.column,
                    path=display_path(key_path, parsed.data),
                    year=_year_of(parsed.data, key_path),
                )
            )
    except _HostileInput as problem:
        mark = lines.mark(problem.mark) if lines else problem.mark
        parsed.findings.append(
            new_finding("E001", f"not a plain record: {problem}", file=display, line=mark.line, column=mark.column)
        )
        parsed.data = None
    return parsed


def last_line(node: Node) -> int:
    """The last line (0-based) holding any of the node's own text."""
    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return last_line(last[1] if isinstance(node, MappingNode) else last)
    end = node.end_mark
    if end.column == 0 and end.line > node.start_mark.line:
        return end.line - 1
    return end.line


_read_log: list[dict[Path, str]] = []


@contextmanager
def recording() -> Iterator[dict[Path, str]]:
    """Within the block, every path `read_file` reads, with the digest of the very bytes it parsed (or
    NOT_A_FILE, UNREADABLE): what the results cache keys a computed output on, so that a file edited while a
    command runs can never be stored under its new content."""
    log: dict[Path, str] = {}
    _read_log.append(log)
    try:
        yield log
    finally:
        _read_log.remove(log)


def _logged(path: Path, digest: str) -> None:
    for log in _read_log:
        log[path] = digest


def read_file(path: Path, display: str | None = None) -> ParsedFile:
    """Read one YAML record file into plain data and line marks."""
    display = display or str(path)
    if not path.is_file():
        _logged(path, NOT_A_FILE)
        parsed = ParsedFile(path=path, display=display)
        parsed.findings.append(
            new_finding(
                "E001",
                "cannot read the file: it is not a regular file (a folder, a broken link or a link loop); "
                "replace it with the record or remove it",
                file=display,
                line=1,
                column=1,
            )
        )
        return parsed
    try:
        raw = path.read_bytes()
    except OSError as error:
        _logged(path, UNREADABLE)
        parsed = ParsedFile(path=path, display=display)
        reason = error.strerror or str(error)
        parsed.findings.append(new_finding("E001", f"cannot read the file: {reason}", file=display, line=1, column=1))
        return parsed
    _logged(path, content_digest(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        parsed = ParsedFile(path=path, display=display)
        parsed.findings.append(
            new_finding(
                "E001",
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it with UTF-8 encoding",
                file=display,
                line=line,
                column=column,
            )
        )
        return parsed
    return parse_text(text, path, display)
