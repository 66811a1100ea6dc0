"""domain/provenance: what a document cites for a source (the document, never a mirror, never a note)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from ccm_stockpile.checks import run_checks
from ccm_stockpile.dataset import load
from ccm_stockpile.domain.provenance import citation, cited_once, is_mirror, mirror_only, plain_citation, sources_in
from ccm_stockpile.records.state import Language
from ccm_stockpile.records.types import DocumentKind, Source
from ccm_stockpile.render.filters import language_filters

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "provenance"

MONITOR_READING = {
    "url": "https://the-monitor.org/spain-2020",
    "title": "Cluster Munition Monitor, Spain, Cluster Munition Ban Policy (2020)",
    "quote": "In its Article 7 report for 2019, Spain reported retaining 10 cluster munitions",
    "note": "only the print version was read",
}
REPORT = {"state": "ESP", "kind": "article7_report", "year": 2019, "date": "2020-04-30"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://vdocuments.net/x.html", True),
        ("https://www.pdfslide.net/x", True),
        ("https://docslib.org/doc/1", True),
        ("https://wikimili.com/en/x", True),
        ("https://www.yumpu.com/x", True),
        ("https://ccm3.pronk.se/2018/07/25/x/", True),
        ("https://the-monitor.org/x", False),
        ("https://www.clusterconvention.org/x", False),
        ("https://notdocslib.org/x", False),
        (None, False),
    ],
)
def test_mirrors_are_recognised_from_the_address(url, expected):
    assert is_mirror(url) is expected


def test_a_report_read_in_the_monitor_cites_the_report_and_where_it_is_reported():
    cited = citation(Source.model_validate({"document": REPORT, "read": [MONITOR_READING]}))
    assert cited.kind == DocumentKind.ARTICLE7_REPORT
    assert (cited.state, cited.year, str(cited.date), cited.url) == ("ESP", 2019, "2020-04-30", None)
    assert [(item.title, item.url) for item in cited.reported_in] == [(MONITOR_READING["title"], MONITOR_READING["url"])]
    cite = language_filters(Language.EN)["cite"]
    assert cite(cited) == (
        "Spain, Article 7 report for 2019, submitted on 30 April 2020; as reported in Cluster Munition Monitor, "
        "Spain, Cluster Munition Ban Policy (2020), <https://the-monitor.org/spain-2020>"
    )
    assert language_filters(Language.FR)["cite"](cited).startswith(
        "Espagne, rapport présenté au titre de l'article 7 pour 2019, présenté le 30 avril 2020"
    )
    assert "print version" not in cite(cited)


def test_a_mirror_is_never_cited_and_the_original_is():
    source = Source.model_validate(
        {
            "document": {"author": "Cluster Munition Monitor", "title": "Spain", "url": "https://docslib.org/doc/1"},
            "read": [
                {"url": "https://docslib.org/doc/1", "quote": "a"},
                {"url": "https://the-monitor.org/spain", "quote": "b"},
            ],
        }
    )
    assert citation(source).url == "https://the-monitor.org/spain"
    copy_only = Source.model_validate({"document": REPORT, "read": [{"url": "https://vdocuments.net/x", "note": "cover"}]})
    assert citation(copy_only).url is None
    assert language_filters(Language.EN)["cite"](copy_only) == "Spain, Article 7 report for 2019, submitted on 30 April 2020"


def test_the_short_form_is_a_page_named_by_its_title_and_a_mirror_in_it_is_not_cited():
    page = Source(url="https://example.org/a", title="A page", quote="q")
    assert citation(page).url == "https://example.org/a"
    assert not citation(page).named
    assert not mirror_only(page)
    copy = Source(url="https://vdocuments.net/a", title="A copy")
    assert citation(copy).url is None
    assert mirror_only(copy)
    assert language_filters(Language.EN)["cite"](copy) == "A copy"
    assert plain_citation(citation(page)) == "A page, https://example.org/a"


def test_each_document_is_cited_once_with_every_publication_that_reports_it():
    first = Source.model_validate({"document": REPORT, "read": [MONITOR_READING]})
    other = {**MONITOR_READING, "url": "https://the-monitor.org/spain-2021", "title": "Monitor 2021"}
    second = Source.model_validate({"document": REPORT, "read": [other]})
    treaty = Source.model_validate({"document": {"author": "UN", "title": "Status"}, "read": [{"url": "https://un.org"}]})
    cited = cited_once([first, treaty, second, treaty])
    assert [item.title or item.year for item in cited] == [2019, "Status"]
    assert [item.url for item in cited[0].reported_in] == [MONITOR_READING["url"], "https://the-monitor.org/spain-2021"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"document": REPORT, "read": [{"url": "https://a.org"}], "url": "https://a.org"}, "gives `url` inside them"),
        ({"document": REPORT}, "not where it was read"),
        ({"document": {"title": "A"}, "read": [{"url": "https://a.org"}]}, "needs its `author`"),
        ({"document": {"author": "A"}, "read": [{"url": "https://a.org"}]}, "needs its `title`"),
        ({"document": {"author": "A", "kind": "article7_report"}, "read": [{"url": "https://a.org"}]}, "needs the `state`"),
        ({"document": REPORT, "read": [{"quote": "q"}]}, "needs its `url`"),
    ],
)
def test_a_source_that_cannot_be_cited_is_refused(data, message):
    with pytest.raises(ValidationError, match=message):
        Source.model_validate(data)


def test_sources_in_walks_every_block_with_its_path():
    dataset = load(FIXTURE, "fixture")
    record = dataset.valid_states()[0].record
    assert [path for path, _ in sources_in(record)] == [
        ("stockpile", "sources", 0),
        ("stockpile", "sources", 1),
        ("retention", 0, "sources", 0),
        ("retention", 0, "sources", 1),
        ("sources", 0),
    ]


def test_the_source_checks_of_a_fixture():
    findings = run_checks(load(FIXTURE, "fixture"), dt.date(2025, 6, 1), select=["S"])
    assert [(f.code, f.path, f.line, f.message) for f in findings] == [
        (
            "S301",
            "stockpile.sources[0]",
            14,
            "this source is read only on a copy (https://vdocuments.net/spain-article-7-report.html): name the "
            "original under `document` (author, title, symbol, date)",
        ),
        (
            "S301",
            "stockpile.sources[1].document.url",
            20,
            "the document's address https://docslib.org/doc/1/spain is a copy: give the original's address, or none",
        ),
        (
            "S302",
            "retention[year=2019].sources[1]",
            41,
            "names the same document as source 1 of this list: merge the two under one `document`, with every "
            "place read under its `read`",
        ),
    ]
    assert {f.addressee.value for f in findings} == {"editor"}
