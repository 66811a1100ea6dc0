"""Text from the data made safe for a terminal or a CI log: no raw control characters, ever.

A name or note holding a newline could otherwise start a line of its own in a log (where
`::error file=...::` forges a GitHub annotation) and escape sequences could rewrite the terminal.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _NAMED.get(character) or f"\\u{ord(character):04x}"


def printable(text: object) -> str:
    """`text` as one safe line: control characters written as escapes (`\\n`, `\\u001b`)."""
    return _UNSAFE.sub(_escape, str(text))


def markup(text: object) -> str:
    """`printable(text)` escaped for rich markup, for text from the data inside a rich string."""
    from rich.markup import escape

    return escape(printable(text))


def markdown_cell(value: object) -> str:
    """Text from the data for a Markdown table cell (a pull-request comment, a job summary): special characters
    escaped, on one line, and no `@` that would notify someone."""
    from ccm_stockpile.render.documents import escape_markdown

    return escape_markdown(value).replace("\n", " ").replace("@", "&#64;")
