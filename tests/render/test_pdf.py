"""PDF through pandoc's Typst output and the `typst` package: A4, footnotes and tables kept, same bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.render.documents import Format, convert

pytest.importorskip("typst")

MARKDOWN = """# Note

| Year | Cluster munitions |
|:--|--:|
| 2023[^1] | 1,000 |

Text with accents: l'Espagne, España.

[^1]: A source, <https://example.org/report>
"""


def _pdf(day: dt.date = dt.date(2025, 6, 1)) -> bytes:
    return convert(MARKDOWN, Format.PDF, "Note", day, "en")


def test_pdf_is_a4_and_dated_by_the_document():
    content = _pdf()
    assert content.startswith(b"%PDF-")
    assert b"/MediaBox[0 0 595.2756 841.8898]" in content  # A4 in points
    assert b"D:20250601000000" in content  # the document's date, never the clock's


def test_same_input_same_bytes_and_the_date_shows():
    assert _pdf() == _pdf()
    assert _pdf() != _pdf(dt.date(2025, 6, 2))
