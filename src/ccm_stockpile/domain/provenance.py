"""What a fact rests on, and what a document cites for it.

A source names a document (author or State, title, symbol, date; for a State's report: the State, the
calendar year covered, the submission date) and the places it was read (address, quote, accessed, research
note). A document that a State or a meeting reads cites the document, with its original address where one
is known: never a copy on a file-sharing site (a *mirror*, recognised from its address by `MIRROR_HOSTS`),
and never a research note. `citation` is the one function that makes that citation; the Working Document's
annex, letters' footnotes, `ccm show` and the site all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import urlparse

from pydantic import BaseModel

from ccm_stockpile.records.types import DocumentKind, PartialDate, Reading, Source

MIRROR_HOSTS = frozenset(
    {
        "vdocuments.net",
        "vdocuments.mx",
        "vdocuments.site",
        "vdocument.in",
        "pdfslide.net",
        "pdfslide.us",
        "docslib.org",
        "wikimili.com",
        "yumpu.com",
        "dokumen.tips",
        "fdocuments.net",
        "fdocuments.in",
        "documents.pub",
        "silo.tips",
        "studylib.net",
        "pdfcoffee.com",
        "scribd.com",
        "ccm3.pronk.se",
        "vets4politics.blogspot.com",
        "barcelonaradical.net",
        "silkway.news",
    }
)
"""Sites that copy other people's documents (and ccm3.pronk.se, a copy of the Convention's former website).
A copy may support a figure; what a State or a meeting reads cites the original."""


def is_mirror(url: str | None) -> bool:
    """The address is on a site that copies other people's documents (`MIRROR_HOSTS`, any subdomain)."""
    if not url:
        return False
    host = (urlparse(url).hostname or "").lower()
    return any(host == mirror or host.endswith("." + mirror) for mirror in MIRROR_HOSTS)


@dataclass(frozen=True)
class ReportedIn:
    """A publication in which a document was read (the Monitor reporting a State's report)."""

    title: str
    url: str | None


@dataclass(frozen=True)
class Citation:
    """What a document cites for a source: the document, its original address, where else it is reported.

    `state` is an ISO3 code (the renderer names the State in the document's language); `url` is never a mirror.
    """

    kind: DocumentKind | None
    state: str | None
    author: str | None
    title: str | None
    symbol: str | None
    year: int | None
    date: PartialDate | None
    url: str | None
    kept_at: str | None = None
    reported_in: tuple[ReportedIn, ...] = field(default=())
    named: bool = True  # False: the source names no document, only the title of the page it was read on

    @property
    def is_report(self) -> bool:
        """A State's report under Article 7."""
        return self.kind == DocumentKind.ARTICLE7_REPORT

    @property
    def key(self) -> tuple[object, ...]:
        """One key per document: two sources with the same key are two readings of one document."""
        if self.is_report:
            return ("report", self.state, self.year, self.date.text if self.date and self.year is None else None)
        if self.named:
            return ("document", self.state, self.author, self.title, self.symbol, self.date.text if self.date else None)
        return ("page", self.title, self.url, self.kept_at)

    @property
    def citable(self) -> bool:
        """A reader can find it: a named document, or a page with an address that is not a copy."""
        return self.named or self.url is not None or self.kept_at is not None


def _original_and_reports(readings: Iterable[Reading]) -> tuple[str | None, tuple[ReportedIn, ...], str | None]:
    """The first address at which the document itself was read, the publications that report it, the archive."""
    original = kept_at = None
    reports: list[ReportedIn] = []
    for reading in readings:
        if is_mirror(reading.url):
            continue
        if reading.kept_at and kept_at is None:
            kept_at = reading.kept_at
        if reading.title:
            item = ReportedIn(reading.title, reading.url)
            if item not in reports:
                reports.append(item)
        elif reading.url and original is None:
            original = reading.url
    return original, tuple(reports), kept_at


def citation(source: Source) -> Citation:
    """What a document cites for `source`: the named document (never a mirror's address, never a note)."""
    document = source.document
    if document is None:  # the short form: a page, or an archived document, named by its title
        url = None if is_mirror(source.url) else source.url
        return Citation(
            kind=None,
            state=None,
            author=None,
            title=source.title,
            symbol=source.reference,
            year=None,
            date=source.date,
            url=url,
            kept_at=source.kept_at,
            named=False,
        )
    original, reports, kept_at = _original_and_reports(source.readings)
    url = document.url if document.url and not is_mirror(document.url) else original
    return Citation(
        kind=document.kind,
        state=document.state,
        author=document.author,
        title=document.title,
        symbol=document.symbol,
        year=document.year,
        date=document.date,
        url=url,
        kept_at=kept_at,
        reported_in=reports,
    )


def cited_once(sources: Iterable[Source]) -> list[Citation]:
    """Each document once, in the order first cited; the publications reporting it are gathered."""
    found: dict[tuple[object, ...], Citation] = {}
    for source in sources:
        cited = citation(source)
        earlier = found.get(cited.key)
        if earlier is None:
            found[cited.key] = cited
            continue
        reports = earlier.reported_in + tuple(item for item in cited.reported_in if item not in earlier.reported_in)
        found[cited.key] = replace(
            earlier, url=earlier.url or cited.url, kept_at=earlier.kept_at or cited.kept_at, reported_in=reports
        )
    return list(found.values())


def mirror_only(source: Source) -> bool:
    """Only a mirror can be cited: the source names no document and every place it was read is a copy."""
    if source.document is not None:
        return False
    return all(is_mirror(reading.url) for reading in source.readings if reading.kept_at is None) and any(
        reading.url for reading in source.readings
    )


def sources_in(model: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Source]]:
    """Every source block of a record, with its path (e.g. `("retention", 3, "sources", 0)`)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Source):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from sources_in(value, (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Source):
                    yield (*path, name, index), item
                elif isinstance(item, BaseModel):
                    yield from sources_in(item, (*path, name, index))


def plain_citation(cited: Citation, state_name: Callable[[str], str] = str) -> str:
    """The citation as plain English text (for `ccm show` and exports): author, title, symbol, date, address."""
    by = state_name(cited.state) if cited.state else cited.author
    if cited.is_report:
        report = f"Article 7 report for {cited.year}" if cited.year else "Article 7 report"
        pieces = [by, report, cited.title, cited.symbol, f"submitted {cited.date}" if cited.date else None]
    else:
        pieces = [by, cited.title, cited.symbol, str(cited.date) if cited.date else None]
    if cited.url:
        pieces.append(cited.url)
    elif cited.kept_at:
        pieces.append(f"kept at {cited.kept_at}")
    text = ", ".join(piece for piece in pieces if piece)
    for publication in cited.reported_in:
        text += f"; as reported in {publication.title}" + (f", {publication.url}" if publication.url else "")
    return text
