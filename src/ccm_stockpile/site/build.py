"""`ccm site`: a static site of the data (HTML, CSS, a little optional JavaScript), in English, French and Spanish.

Pages are Jinja templates of their own (`templates/site/`) rendered in one sandboxed environment with
autoescaping and strict undefined names; their words come from the `site` gettext catalogue (Jinja's i18n
extension). Every figure comes from the domain layer (views, the Working Document's content, the follow-up
list). Every link is relative, so the site works from `file://` and from any static host, and nothing is
loaded from outside it. The same data and date give the same bytes: nothing reads the clock, files are
written in a fixed order, the downloads carry fixed dates.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccm_stockpile.domain.obligations import ObligationKind
from ccm_stockpile.domain.series import RetentionYear
from ccm_stockpile.domain.situation import RetentionSituation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.state import ReportStatus, StateRecord
from ccm_stockpile.records.types import PartialDate, Quantity, Source
from ccm_stockpile.site import LANGUAGES, adapter
from ccm_stockpile.site.chart import Chart, chart

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.domain.followup import FollowUp
    from ccm_stockpile.domain.working_document import WorkingDocument
    from ccm_stockpile.findings import Finding

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "site"
MARKER = ".ccm-site"  # marks a folder this command wrote, so that a rebuild may replace its old files

REPORTED, NOT_SUBMITTED, NOT_KNOWN = "reported", "not_submitted", "not_known"


@dataclass(frozen=True)
class ReportYear:
    """What we know of one year's report: reported, not submitted, or not known to us (never confused)."""

    year: int
    status: str
    submitted: PartialDate | None = None
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class Letter:
    """One engagement in summary: its date, kind, reference and the subjects it raised (no text)."""

    date: PartialDate
    kind: str
    ref: str | None
    codes: list[str]


@dataclass
class StatePage:
    """Everything one State's page shows."""

    view: StateView
    situation: RetentionSituation
    series: list[RetentionYear]
    reports: list[ReportYear]
    letters: list[Letter]
    practices: list[Any]
    sources: list[adapter.Cited]
    chart: Chart | None
    followup: FollowUp | None

    @property
    def record(self) -> StateRecord:
        return self.view.record

    @property
    def iso3(self) -> str:
        return self.view.record.iso3

    @property
    def slug(self) -> str:
        return self.view.record.iso3.lower()


@dataclass
class PracticePage:
    record: PracticeRecord
    regions: list[str]
    sources: list[adapter.Cited]

    @property
    def has_cost(self) -> bool:
        return bool(self.record.costs)


@dataclass
class Site:
    """The whole site's content as of a date, computed once for every language."""

    as_of: dt.date
    states: list[StatePage]
    practices: list[PracticePage]
    document: WorkingDocument
    followups: list[FollowUp]
    overview_chart: Chart | None
    downloads: dict[str, bytes]
    working_documents: dict[str, bytes] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)


def _record_sources(record: StateRecord) -> list[adapter.Cited]:
    sources = list(record.sources)
    if record.stockpile is not None:
        sources += record.stockpile.sources
        for discovery in record.stockpile.discoveries:
            sources += discovery.sources
    for item in record.retention:
        sources += item.sources
    for engagement in record.engagements:
        sources += engagement.sources
    return adapter.cited(sources)


def reporting_record(view: StateView) -> list[ReportYear]:
    """Each year from the first retention entry to the latest report due (the domain's obligations): what we
    know of its report. A year with no entry, or an entry that says `unknown`, is not known to us: never shown
    as a report not submitted."""
    series = {item.year: item for item in view.series}
    if not series:
        return []
    first = min(series)
    reports = {ObligationKind.ANNUAL_REPORT, ObligationKind.RETENTION_REPORT}
    due = {
        item.year
        for item in view.obligations.items
        if item.kind in reports and item.year is not None and item.year >= first and item.due <= view.as_of
    }
    result = []
    for year in sorted(due | set(series)):
        item = series.get(year)
        if item is None or item.entry.report == ReportStatus.UNKNOWN:
            result.append(ReportYear(year, NOT_KNOWN, sources=item.entry.sources if item else []))
        elif item.entry.report == ReportStatus.NOT_SUBMITTED:
            result.append(ReportYear(year, NOT_SUBMITTED, sources=item.entry.sources))
        else:
            result.append(ReportYear(year, REPORTED, item.entry.submitted, item.entry.sources))
    return result


def _letters(view: StateView) -> list[Letter]:
    """Every engagement known on the date, oldest first, as date, kind, reference and subjects."""
    return [Letter(e.date, e.kind.value, e.ref, sorted(set(e.codes))) for e in view.correspondence.engagements]


def state_chart(series: list[RetentionYear]) -> Chart | None:
    """Munitions and submunitions held at the end of each year with a known figure."""
    points: dict[str, list[tuple[int, int]]] = {"munitions": [], "submunitions": []}
    for item in series:
        if item.held is None:
            continue
        for name in points:
            value = getattr(item.held, name)
            if value is not None:
                points[name].append((item.year, value))
    if not any(value for values in points.values() for _, value in values):
        return None
    return chart(points, log=False)


def overview_chart(document: WorkingDocument) -> Chart | None:
    """Submunitions retained per State Party over time (logarithmic: holdings differ a thousandfold)."""
    from ccm_stockpile.render.chart import chart_series

    # The Working Document's series mark a year without a figure as None (a gap in its chart); here a gap is a
    # year left out.
    series = {
        iso3: [(year, value) for year, value in points["submunitions"] if value is not None]
        for iso3, points in chart_series(document).items()
        if points["submunitions"]
    }
    return chart(series, log=True)


# Continents from the time zones Babel knows for each territory; the few island states whose zones name an
# ocean are placed by hand.
_OCEAN_REGIONS = {"CPV": "africa", "COM": "africa", "MDG": "africa", "MUS": "africa", "SYC": "africa", "STP": "africa",
                  "MDV": "asia", "ISL": "europe", "PRT": "europe", "ESP": "europe"}  # fmt: skip
_ZONE_REGIONS = {"Europe": "europe", "Africa": "africa", "America": "americas", "Asia": "asia", "Australia": "oceania",
                 "Pacific": "oceania"}  # fmt: skip


def region(iso3: str) -> str:
    """africa, americas, asia, europe, oceania; `other` when Babel does not place the territory."""
    if iso3 in _OCEAN_REGIONS:
        return _OCEAN_REGIONS[iso3]
    from babel.core import get_global

    from ccm_stockpile.render.language import _alpha2

    try:
        zones = get_global("territory_zones").get(_alpha2(iso3), [])
    except KeyError:
        return "other"
    for zone in zones:
        found = _ZONE_REGIONS.get(zone.split("/")[0])
        if found:
            return found
    return "other"


def _practice_sources(record: PracticeRecord) -> list[adapter.Cited]:
    sources = list(record.sources)
    for assistance in record.assistance:
        sources += assistance.sources
    return adapter.cited(sources)


def build_site(dataset: Dataset, as_of: dt.date, working_documents: bool = True, languages: Iterable[str] = LANGUAGES) -> Site:
    """The site's content: every valid State and practice, the overview, the downloads (and the Working Document
    in each of `languages`)."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.export import tables
    from ccm_stockpile.domain.followup import followups
    from ccm_stockpile.domain.practices import practice_records, practices_for
    from ccm_stockpile.domain.working_document import working_document
    from ccm_stockpile.render.export import to_csv, to_json, to_xlsx

    state_contexts = contexts(dataset, as_of)
    views: list[StateView] = list(state_contexts)
    findings: list[Finding] = run_checks(dataset, as_of, state_contexts=state_contexts)
    document = working_document(dataset, views, findings, as_of)
    follow = [item for item in followups(dataset, views, findings) if not item.blocked]
    by_state = {item.iso3: item for item in follow}
    practices = practice_records(dataset)
    pages = []
    for view in sorted(views, key=lambda v: v.record.name):
        pages.append(
            StatePage(
                view=view,
                situation=adapter.situation(view),
                series=view.series,
                reports=reporting_record(view),
                letters=_letters(view),
                practices=practices_for(practices, view.record.iso3),
                sources=_record_sources(view.record),
                chart=state_chart(view.series),
                followup=by_state.get(view.record.iso3),
            )
        )
    practice_pages = [
        PracticePage(record, sorted({region(code) for code in record.states}), _practice_sources(record)) for record in practices
    ]
    built = tables(dataset, as_of)
    stamp = as_of.isoformat()
    downloads: dict[str, bytes] = {f"ccm-{stamp}.json": to_json(built).encode("utf-8"), f"ccm-{stamp}.xlsx": to_xlsx(built)}
    for name, table in built.items():
        downloads[f"{name}-{stamp}.csv"] = to_csv(table).encode("utf-8")
    site = Site(
        as_of=as_of,
        states=pages,
        practices=practice_pages,
        document=document,
        followups=follow,
        overview_chart=overview_chart(document),
        downloads=downloads,
        left_out=[loaded.display for loaded in dataset.unchecked()],
    )
    if working_documents:
        site.working_documents = _working_documents(dataset, document, languages)
    return site


def _working_documents(dataset: Dataset, document: WorkingDocument, languages: Iterable[str]) -> dict[str, bytes]:
    """The current draft Working Document as HTML in each language (pandoc, as `ccm working-document`)."""
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.documents import Format
    from ccm_stockpile.render.working_document import render_working_document

    coordinators = [loaded.record for c in dataset.settings.coordinators if (loaded := dataset.state(c.state)) and loaded.record]
    workplan_source = dataset.workplan.sources[0] if dataset.workplan and dataset.workplan.sources else None
    files: dict[str, bytes] = {}
    for language in LANGUAGES:
        files.update(
            render_working_document(
                document, dataset.settings, Language(language), coordinators, Format.HTML, None, workplan_source
            )
        )
    return files


# --- rendering ---------------------------------------------------------------------------------------------


class Words:
    """Numbers, dates and names in one language, for the templates (Babel)."""

    def __init__(self, language: str) -> None:
        from ccm_stockpile.records.state import Language

        self.language = Language(language)

    def number(self, value: float | None) -> str:
        from ccm_stockpile.render import language as words

        if value is None:
            return ""
        if isinstance(value, float) and not value.is_integer():
            from babel.numbers import format_decimal

            return str(format_decimal(value, locale=words.LOCALES[self.language]))
        return words.number(int(value), self.language)

    def amount(self, quantity: Quantity | None, part: str) -> str | None:
        """A part of a quantity as its source gives it (`about 14.9 million`); None when not known."""
        from ccm_stockpile.render import language as words

        if quantity is None:
            return None
        value = getattr(quantity, part)
        if value is None:
            return None
        text = words.amount(value, part in quantity.approximate, self.language)
        # "environ 14,9 millions de" reads on into its noun; in a cell the column names the noun.
        return text.removesuffix(" de")

    def quantity(self, held: Quantity | None) -> str:
        """`5 cluster munitions and 578 explosive submunitions`; an unknown part is left out."""
        from ccm_stockpile.render import language as words

        return words.quantity(held, self.language) if held is not None else ""

    def date(self, value: PartialDate | dt.date | None) -> str:
        from ccm_stockpile.render.filters import language_filters

        if value is None:
            return ""
        filters = self._filters(language_filters)
        if isinstance(value, dt.date):
            return str(filters["long_date"](value))
        return str(filters["partial_date"](value))

    def _filters(self, factory: Any) -> dict[str, Any]:
        cached = self.__dict__.get("_cached_filters")
        if cached is None:
            cached = factory(self.language)
            self.__dict__["_cached_filters"] = cached
        return cached

    def name(self, record: StateRecord) -> str:
        """The State's name: the UN Treaty Collection's in English, Babel's (without article) in French and Spanish."""
        return record.name if self.language.value == "en" else self.country(record.iso3)

    def country(self, iso3: str) -> str:
        from ccm_stockpile.render import language as words

        try:
            return words.territory(iso3, self.language)
        except KeyError:
            return iso3


def environment() -> SandboxedEnvironment:
    """The one environment of the site: autoescaped HTML, strict undefined names, the i18n extension."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


class _Messages:
    """The translations of the language being rendered. Installed once: Jinja caches imported templates (the
    labels) with the gettext functions they were first given, so these delegate to the current catalogue."""

    def __init__(self) -> None:
        self.current: gettext.NullTranslations = gettext.NullTranslations()

    def gettext(self, message: str) -> str:
        return self.current.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.current.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.current.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.current.npgettext(context, singular, plural, n)


def _page_list(site: Site) -> list[tuple[str, str, dict[str, Any]]]:
    """(path inside a language folder, template, context) of every page."""
    by_name = site.states
    pages: list[tuple[str, str, dict[str, Any]]] = [
        ("index.html", "overview.html.j2", {}),
        ("states.html", "states.html.j2", {"order": "name", "rows": by_name}),
        ("states-by-situation.html", "states.html.j2", {"order": "situation", "rows": _by_situation(by_name)}),
        ("practices.html", "practices.html.j2", {}),
        ("downloads.html", "downloads.html.j2", {}),
    ]
    pages += [(f"states/{page.slug}.html", "state.html.j2", {"page": page}) for page in site.states]
    pages += [(f"practices/{page.record.id}.html", "practice.html.j2", {"page": page}) for page in site.practices]
    return pages


def _by_situation(pages: list[StatePage]) -> list[StatePage]:
    order = {kind: index for index, kind in enumerate(adapter.SITUATIONS)}
    return sorted(pages, key=lambda page: (order[page.situation.kind.value], page.record.name))


def _safe_practice_id(identifier: str) -> bool:
    import re

    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]*", identifier))


def render_site(site: Site, languages: Iterable[str] = LANGUAGES, base_url: str | None = None) -> dict[str, bytes]:
    """Every file of the site: relative path -> bytes, in a fixed order."""
    from markupsafe import Markup

    env = environment()
    languages = list(languages)
    site.practices = [page for page in site.practices if _safe_practice_id(page.record.id)]
    files: dict[str, bytes] = {}
    pages = _page_list(site)
    base = base_url.rstrip("/") + "/" if base_url else None
    states_by_iso3 = {page.iso3: page for page in site.states}
    messages = _Messages()
    env.install_gettext_translations(messages, newstyle=True)  # type: ignore[attr-defined]
    for language in languages:
        messages.current = adapter.translations(language)
        words = Words(language)
        for path, template, extra in pages:
            depth = path.count("/") + 1
            root = "../" * depth
            alternates = [(other, (base or root) + f"{other}/{path}") for other in languages]
            context = {
                "site": site,
                "lang": language,
                "languages": languages,
                "path": path,
                "root": root,
                "home": f"{root}{language}/",
                "alternates": alternates,
                "canonical": f"{base}{language}/{path}" if base else None,
                "w": words,
                "states": states_by_iso3,
                "cite": adapter.cited,
                # Text from the data (titles, summaries, uses) is in English: marked so in other languages.
                "data_lang": Markup(' lang="en"') if language != "en" else "",
                **extra,
            }
            files[f"{language}/{path}"] = env.get_template(template).render(context).encode("utf-8")
    messages.current = adapter.translations("en")
    files["index.html"] = (
        env.get_template("languages.html.j2")
        .render({"languages": languages, "site": site, "root": "", "w": Words("en"), "lang": "en"})
        .encode("utf-8")
    )
    for name in ("site.css", "site.js"):
        files[f"assets/{name}"] = (TEMPLATES / name).read_bytes()
    for name, content in site.downloads.items():
        files[f"downloads/{name}"] = content
    for name, content in site.working_documents.items():
        files[f"downloads/{name}"] = content
    files[MARKER] = b"written by ccm site; a rebuild replaces this folder's files\n"
    return dict(sorted(files.items()))


class OutError(Exception):
    """The output folder cannot take the site (it holds files this command did not write)."""


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write the files under `out`, removing what an earlier build left there that this one does not write.
    A folder that exists, is not empty and was not written by `ccm site` is refused."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutError(f"--out: {out} is not empty and was not written by `ccm site`; give an empty or new folder")
    for path in sorted(out.rglob("*"), reverse=True) if out.exists() else []:
        relative = path.relative_to(out).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    from ccm_stockpile.io.writer import write_atomic

    for relative, content in files.items():
        target = out / relative
        if target.is_file() and target.read_bytes() == content:
            continue  # unchanged: a rebuild of the same data touches nothing
        write_atomic(target, content)
