"""The site's calls into APIs that other parts of the project are still settling, kept in one place.

- `situation(view)`: a State's retention situation (retains / ended / unknown / none) with its evidence.
  The domain's own computation (`StateView.situation`, SPEC 3b) is used when the view has it; until then
  the same definition is computed here from the view's year series, so that no page recomputes it.
- `original(source)`: the original document a source rests on (never a mirror); the source itself until
  the domain offers that function.
- `translations(language)`: the site's messages for a language, from the `site` catalogue.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.types import Quantity, Source

LOCALE = Path(__file__).resolve().parents[1] / "templates" / "locale"  # beside the documents' catalogues
DOMAIN = "site"

RETAINS, ENDED, UNKNOWN, NONE = "retains", "ended", "unknown", "none"
SITUATIONS = (RETAINS, ENDED, UNKNOWN, NONE)


@dataclass(frozen=True)
class Situation:
    """A State's retention situation and the evidence for it: the latest known figure and its year."""

    kind: str  # retains | ended | unknown | none
    year: int | None = None
    held: Quantity | None = None
    source: Source | None = None


def situation(view: StateView) -> Situation:
    """The State's retention situation as of the view's date (SPEC 3b)."""
    computed = getattr(view, "situation", None)
    if computed is not None and not callable(computed):
        return _from_domain(computed)
    series = view.series
    ever_positive = any(item.held_positive for item in series)
    latest = view.latest_holding()
    if ever_positive and latest is not None and latest.held is not None:
        source = latest.entry.sources[0] if latest.entry.sources else None
        kind = ENDED if latest.held_zero else RETAINS
        return Situation(kind, latest.year, latest.held, source)
    if series and all(item.held_unknown for item in series):
        return Situation(UNKNOWN, series[-1].year)
    return Situation(NONE)


def _from_domain(computed: Any) -> Situation:
    """The domain's situation in the site's terms (kind, year, figure, source)."""
    kind = str(getattr(computed, "kind", NONE))
    kind = getattr(computed.kind, "value", kind) if hasattr(computed, "kind") else kind
    return Situation(
        str(kind),
        getattr(computed, "year", None),
        getattr(computed, "held", None),
        getattr(computed, "source", None),
    )


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
