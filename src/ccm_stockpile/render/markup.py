"""Markdown that documents are written in: the built-in templates folder, text the templates built themselves,
and the escaping of values from the data. Apart from `render/documents.py` so that the catalogues (`render/i18n.py`)
can use it without importing the environment back."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class Safe(str):
    """Text the templates built themselves (a number, a date, a link): written out as it is."""

    __slots__ = ()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~^$!])")


def escape_markdown(value: object) -> str:
    """A value from the data as Markdown text: its special characters escaped, control characters gone."""
    if isinstance(value, Safe):
        return value
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A line that starts like a list item or a heading would change the document's structure.
    return re.sub(r"(?m)^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", text)
