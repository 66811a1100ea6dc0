"""The built site in a real browser: Debian's chromium driven by Playwright, accessibility by axe-core.

Marker `browser` (`make test-browser`, `scripts/ci-browser`); never part of `make test`. The browser is the
system's (`CHROMIUM`, default /usr/bin/chromium): nothing is downloaded. Screenshots go to `build/screenshots`;
with `CCM_SCREENSHOTS=docs/images` the README's two are rewritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from ccm_stockpile.dataset import load
from ccm_stockpile.site.build import build_site, render_site, write_site
from tests.conftest import PROJECT
from tests.site.conftest import DATA, write_data

pytestmark = pytest.mark.browser

AS_OF = dt.date(2025, 6, 1)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-extensions", "--disable-default-apps",
]  # fmt: skip
LANGUAGES = ("en", "fr", "es")


def _build(data: Path, out: Path, working_documents: bool = False) -> Path:
    site = build_site(load(data, str(data)), AS_OF, working_documents=working_documents)
    write_site(render_site(site), out)
    return out


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(DATA, tmp_path_factory.mktemp("fixture-site") / "site")


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(PROJECT / "data", tmp_path_factory.mktemp("shipped-site") / "site", working_documents=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no browser at {CHROMIUM}: install Debian's chromium (scripts/ci-browser does) or set CHROMIUM")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Visitor:
    """A page that refuses and records every request outside the site, and records script errors and dialogs."""

    def __init__(self, browser: Any, root: Path, **options: Any) -> None:
        self.root = root.resolve().as_uri() + "/"
        self.context = browser.new_context(**options)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.root):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, relative: str) -> Any:
        self.page.goto(self.root + relative)
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visitor(browser: Any) -> Iterator[Any]:
    made: list[Visitor] = []

    def make(root: Path, **options: Any) -> Visitor:
        made.append(Visitor(browser, root, **options))
        return made[-1]

    yield make
    for item in made:
        item.close()


def _internal_links(page: Any) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return sorted({href.split("#")[0] for href in hrefs if href.startswith("file:")})


def _one_state_per_situation(root: Path) -> list[str]:
    site = build_site(load(PROJECT / "data", "data"), AS_OF, working_documents=False)
    chosen: dict[str, str] = {}
    for page in site.states:
        chosen.setdefault(page.situation.kind, f"en/states/{page.slug}.html")
    return [chosen[kind] for kind in sorted(chosen)]


def test_every_link_on_the_overview_and_a_state_page_per_situation_works(browser, visitor, shipped_site):
    guest = visitor(shipped_site)
    pages = ["en/index.html", *_one_state_per_situation(shipped_site)]
    assert len(pages) >= 4, pages  # the overview and one State per situation found in the shipped data
    checked = set()
    for start in pages:
        links = _internal_links(guest.open(start))
        assert links, start
        for link in links:
            if link in checked:
                continue
            checked.add(link)
            target = Path(unquote(urlparse(link).path))
            assert target.is_file(), f"{start} links to a missing file {target}"
            if target.suffix == ".html":
                guest.page.goto(link)
                assert guest.page.title(), link
    assert guest.outside == []
    assert guest.errors == []
    assert guest.dialogs == []
    assert len(checked) > 20


def test_no_page_fetches_anything_from_outside_the_site(browser, visitor, shipped_site):
    guest = visitor(shipped_site)
    for language in LANGUAGES:
        for page in ("index.html", "states.html", "practices.html", "downloads.html", "states/esp.html", "states/nld.html"):
            guest.open(f"{language}/{page}")
            assert guest.page.locator("link[rel=stylesheet]").count() == 1
            assert guest.page.evaluate("getComputedStyle(document.body).margin") == "0px"  # the stylesheet loaded
    guest.open("index.html")
    assert guest.outside == [], guest.outside
    assert guest.errors == []


def _column(page: Any, table: str, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not([hidden])", f"rows => rows.map(r => r.cells[{index}].textContent.trim())"
    )


def test_a_table_sorts_and_filters_with_javascript(browser, visitor, fixture_site):
    page = visitor(fixture_site).open("en/states.html")
    assert _column(page, "states-table", 0) == ["Austria", "Germany", "Italy", "Netherlands (Kingdom of the)"]
    page.get_by_role("button", name="Explosive submunitions retained").click()
    assert _column(page, "states-table", 4) == ["—", "—", "0", "380"]
    assert page.locator("#states-table th[aria-sort=ascending]").count() == 1
    page.get_by_role("button", name="Explosive submunitions retained").click()
    assert _column(page, "states-table", 4) == ["380", "0", "—", "—"]
    page.get_by_label("Filter this table").fill("ital")
    assert _column(page, "states-table", 0) == ["Italy"]
    page.get_by_label("Filter this table").fill("")
    assert len(_column(page, "states-table", 0)) == 4

    practices = visitor(fixture_site).open("en/practices.html")
    assert len(_column(practices, "practices-table", 0)) == 1
    practices.get_by_label("Method").select_option("incineration")
    assert _column(practices, "practices-table", 0) == []
    practices.get_by_label("Method").select_option("disassembly_recycling")
    practices.get_by_label("Region").select_option("europe")
    assert _column(practices, "practices-table", 0) == ["Germany has its stockpile disassembled by industry"]
    practices.get_by_label("Cost").select_option("no")
    assert _column(practices, "practices-table", 0) == []


def test_without_javascript_every_row_shows_and_the_orders_are_pages(browser, visitor, fixture_site):
    page = visitor(fixture_site, java_script_enabled=False).open("en/states.html")
    assert len(_column(page, "states-table", 0)) == 4
    assert not page.get_by_label("Filter this table").is_visible()  # a filter box that cannot work is hidden
    page.get_by_role("link", name="by retention situation").click()
    assert page.url.endswith("en/states-by-situation.html")
    assert _column(page, "states-table", 0) == ["Germany", "Netherlands (Kingdom of the)", "Italy", "Austria"]


def test_switching_language_keeps_the_page(browser, visitor, fixture_site):
    page = visitor(fixture_site).open("en/states/deu.html")
    page.get_by_role("link", name="Français").click()
    assert page.url.endswith("/fr/states/deu.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Allemagne"
    assert page.get_by_role("heading", name="Historique des rapports").is_visible()
    page.get_by_role("link", name="Español").click()
    assert page.url.endswith("/es/states/deu.html")
    assert page.locator("h1").inner_text() == "Alemania"
    hreflangs = page.eval_on_selector_all("link[rel=alternate]", "links => links.map(l => l.hreflang)")
    assert hreflangs == ["en", "fr", "es"]


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 900), ("phone", 390, 844)])
def test_screenshots_at_desktop_and_phone_widths(browser, visitor, shipped_site, name, width, height):
    out = Path(os.environ.get("CCM_SCREENSHOTS", PROJECT / "build" / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    guest = visitor(shipped_site, viewport={"width": width, "height": height}, device_scale_factor=1)
    for page, file in (("en/index.html", "overview"), ("en/states/esp.html", "state")):
        shown = guest.open(page)
        # Nothing wider than the screen but the tables, which scroll on their own.
        assert shown.evaluate("document.documentElement.scrollWidth") <= width, (page, name)
        shown.screenshot(path=str(out / f"site-{file}-{name}.png"))
        assert (out / f"site-{file}-{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_accessibility_violation(browser, visitor, shipped_site, language):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    guest = visitor(shipped_site)
    for page in ("index.html", "states/esp.html", "practices/esp-faex-el-gordo.html"):
        results = axe.run(guest.open(f"{language}/{page}"))
        bad = [
            (v["id"], v["impact"], len(v["nodes"]))
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert bad == [], f"{language}/{page}: {bad}"
    assert guest.outside == []  # axe-core runs from the package, offline


def test_no_script_from_hostile_data_runs(browser, visitor, tmp_path):
    root = _build(write_data(tmp_path / "data", hostile_text=True), tmp_path / "site")
    guest = visitor(root)
    pages = sorted(str(path.relative_to(root)) for path in root.rglob("*.html"))
    for page in pages:
        shown = guest.open(page)
        assert shown.evaluate("typeof window.__pwned") == "undefined", page
        scripts = shown.eval_on_selector_all("script", "s => s.map(e => e.getAttribute('src'))")
        assert all(src and src.endswith("assets/site.js") for src in scripts), (page, scripts)
        handlers = shown.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"
        )
        assert handlers == [], page
    shown = guest.open("en/states/deu.html")
    assert "<script>window.__pwned = 1; alert(1)</script>" in shown.locator("h1").inner_text()
    links = shown.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert not [href for href in links if re.match(r"\s*javascript:", href, re.IGNORECASE)]
    assert guest.dialogs == []
    assert guest.errors == []
