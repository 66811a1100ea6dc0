"""scripts/migrate_sources.py: the short form becomes {document, read}; every (url, quote) pair is kept."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.provenance import sources_in
from scripts.migrate_sources import main, migrate_list

FIXTURES = Path(__file__).resolve().parent / "golden"


def _pairs(root: Path) -> Counter[tuple[str | None, str | None]]:
    dataset = load(root, "data")
    records = [loaded.record for loaded in dataset.valid_states() + dataset.valid_practices()]
    return Counter(
        (reading.url, reading.quote) for record in records for _, source in sources_in(record) for reading in source.readings
    )


def test_migration_keeps_every_url_and_quote_and_names_every_document(tmp_path):
    for name in ("documents-data", "letters-data", "practices-data"):
        folder = tmp_path / name
        shutil.copytree(FIXTURES / name, folder)
        before = _pairs(folder)
        assert main([str(folder)]) == 0
        dataset = load(folder, "data")
        assert dataset.findings == []
        assert dataset.unchecked() == []
        assert _pairs(folder) == before
        records = [loaded.record for loaded in dataset.valid_states() + dataset.valid_practices()]
        assert all(source.document is not None for record in records for _, source in sources_in(record))


def test_readings_of_one_document_become_one_source_and_a_year_named_in_a_quote_names_the_report():
    monitor = "Cluster Munition Monitor, Spain, Cluster Munition Ban Policy (last updated 4 May 2020)"
    sources = [
        {"url": "https://a.org/1", "title": monitor, "quote": "Spain submitted its Article 7 report for 2019 on 30 April 2020"},
        {"url": "https://a.org/2", "title": monitor, "quote": "it retains 10"},
        {"url": "https://a.org/3", "title": monitor.replace("(last", "(page in the 2022 archive; last"), "quote": "x"},
        {
            "url": "https://vdocuments.net/x",
            "title": "Spain, Article 7 report for 1 January to 31 December 2016 (copy; cover page read)",
        },
        {"url": "https://treaties.un.org/x", "title": "UN Treaty Collection", "accessed": "2026-02-03"},
    ]
    migrated = migrate_list(sources, "ESP", {"year": 2019, "submitted": "2020-04-30"})
    assert [block["document"] for block in migrated] == [
        {"kind": "article7_report", "state": "ESP", "year": 2019, "date": "2020-04-30"},
        {
            "kind": "profile",
            "author": "Cluster Munition Monitor",
            "title": "Spain, Cluster Munition Ban Policy",
            "date": "2020-05-04",
        },
        {"kind": "article7_report", "state": "ESP", "year": 2016},
        {
            "author": "United Nations, Secretary-General as depositary",
            "kind": "treaty_record",
            "title": "Multilateral Treaties Deposited with the Secretary-General, chapter XXVI, 6: "
            "Convention on Cluster Munitions",
        },
    ]
    assert migrated[0]["read"][0]["title"] == "Cluster Munition Monitor, Spain, Cluster Munition Ban Policy (2020-05-04)"
    assert [read["url"] for read in migrated[1]["read"]] == ["https://a.org/2", "https://a.org/3"]
    assert migrated[1]["read"][1]["note"] == "page in the 2022 archive"
    assert migrated[2]["read"][0]["note"] == "copy; cover page read"
