"""Text from the data is made safe before it reaches a terminal or a CI log."""

from __future__ import annotations

import pytest

from ccm_stockpile.render.text import markup, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Spain", "Spain"),
        ("Türkiye", "Türkiye"),
        ("a\nb", "a\\nb"),
        ("x\r\n::error file=README.md,line=1::y", "x\\r\\n::error file=README.md,line=1::y"),
        ("\x1b[31mred", "\\u001b[31mred"),
        ("tab\there", "tab\\there"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
        ("line\u2028break", "line\\u2028break"),
    ],
)
def test_printable_escapes_control_characters_only(text, shown):
    assert printable(text) == shown


def test_markup_escapes_rich_markup_too():
    assert markup("[bold]x[/bold]\n") == "\\[bold]x\\[/bold]\\n"
