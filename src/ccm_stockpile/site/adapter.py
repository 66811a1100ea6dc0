"""The site's calls into APIs that other parts of the project are still settling, kept in one place.

- `situation(view)`: a State's retention situation (retains / ended / unknown / none) with its evidence,
  the domain's `StateView.situation` (SPEC 3b): no page recomputes it.
- `cited(sources)`: the original documents the sources rest on, each once (never a mirror): the domain's
  citations (`domain.provenance.cited_once`) once the project has them, each source's title and address until then.
- `translations(language)`: the site's messages for a language, from the `site` catalogue.
"""

from __future__ import annotations

import gettext
import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ccm_stockpile.domain.situation import RetentionSituation, Situation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.types import PartialDate, Source

LOCALE = Path(__file__).resolve().parents[1] / "templates" / "locale"  # beside the documents' catalogues
DOMAIN = "site"

SITUATIONS = tuple(kind.value for kind in Situation)  # retains, ended, unknown, none: the order of the index


def situation(view: StateView) -> RetentionSituation:
    """The State's retention situation with its evidence (SPEC 3b), as the domain computes it once per view."""
    return view.situation


@dataclass(frozen=True)
class Cited:
    """A source as the site cites it: the original document (its title, date, address), never a mirror."""

    title: str | None
    url: str | None
    date: PartialDate | None = None
    kept_at: str | None = None


def cited(sources: Iterable[Source]) -> list[Cited]:
    """Each original document once, in first-cited order: the domain's citations (`domain.provenance`) when
    the project has them, else each source's own title and address."""
    try:
        provenance: Any = importlib.import_module("ccm_stockpile.domain.provenance")
    except ImportError:
        provenance = None
    if provenance is not None and hasattr(provenance, "cited_once"):
        return [_from_citation(item) for item in provenance.cited_once(sources)]
    found: dict[tuple[str | None, str | None], Cited] = {}
    for source in sources:
        item = Cited(source.title, source.url, source.date, source.kept_at)
        found.setdefault((item.url, item.title if not item.url else None), item)
    return list(found.values())


def _from_citation(citation: Any) -> Cited:
    pieces = [getattr(citation, name, None) for name in ("author", "title", "symbol")]
    title = ", ".join(str(piece) for piece in pieces if piece) or None
    if getattr(citation, "is_report", False) and getattr(citation, "year", None):
        title = f"{citation.state or ''} Article 7 report for {citation.year}".strip() + (f", {title}" if title else "")
    return Cited(title, citation.url, getattr(citation, "date", None), getattr(citation, "kept_at", None))


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
