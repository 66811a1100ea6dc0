"""The site's calls into APIs that other parts of the project are still settling, kept in one place.

- `situation(view)`: a State's retention situation (retains / ended / unknown / none) with its evidence,
  the domain's `StateView.situation` (SPEC 3b): no page recomputes it.
- `original(source)`: the original document a source rests on (never a mirror); the source itself until
  the domain offers that function.
- `translations(language)`: the site's messages for a language, from the `site` catalogue.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from ccm_stockpile.domain.situation import RetentionSituation, Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.types import Source

LOCALE = Path(__file__).resolve().parents[1] / "templates" / "locale"  # beside the documents' catalogues
DOMAIN = "site"

SITUATIONS = tuple(kind.value for kind in Situation)  # retains, ended, unknown, none: the order of the index


def situation(view: StateView) -> RetentionSituation:
    """The State's retention situation with its evidence (SPEC 3b), as the domain computes it once per view."""
    return view.situation


def original(source: Source) -> Source:
    """The original document a source rests on (the domain's answer once it gives one)."""
    try:
        from ccm_stockpile.domain import sources as provenance  # type: ignore[attr-defined]
    except ImportError:
        return source
    finder = getattr(provenance, "original", None)
    return finder(source) if callable(finder) else source


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The `site` catalogue of a language, compiled from its .po file (English is the source language)."""
    po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == "en" or not po.is_file():
        return gettext.NullTranslations()
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
