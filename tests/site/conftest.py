"""The site's fixture folder (one State per retention situation, a practice) and a hostile variant of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import make_practice, make_state

DATA = Path(__file__).parent / "data"
AS_OF = "2025-06-01"

# Text a hostile editor could put in the data: each tries to run a script in a reader's browser.
HOSTILE_TEXT = '"\'><script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 1">'
HOSTILE_URL = "https://example.org/\"><script>window.__pwned=1</script><a\"href='javascript:window.__pwned=1'"
HOSTILE_JS = "javascript:window.__pwned=1"


def _source(url: str = "https://example.org/report", **extra: Any) -> dict[str, Any]:
    return {"url": url, **extra}


def fixture_states() -> list[dict[str, Any]]:
    """Germany retains (every kind of reporting year), the Netherlands ended, Italy unknown, Austria none."""
    held = {"munitions": 10, "submunitions": 400}
    deu = make_state(
        iso3="DEU",
        name="Germany",
        signed="2008-12-03",
        consent={"date": "2009-07-08", "type": "ratification"},
        entry_into_force="2010-08-01",
        stockpile={
            "status": "destroyed",
            "destroyed": {"munitions": 66000, "submunitions": 8000000, "approximate": ["submunitions"]},
            "completed": "2015-11-23",
            "sources": [_source("https://example.org/deu-stockpile", title="Germany, Article 7 report 2015")],
        },
        retention=[
            {
                "year": 2019,
                "report": "reported",
                "submitted": "2020-04-28",
                "held": held,
                "by_type": [{"type": "DM 632", **held}],
                "planned_use": "training of explosive ordnance disposal teams",
                "actual_use": "none",
                "consumed": {"munitions": 0, "submunitions": 0},
                "sources": [_source("https://example.org/deu-2019", title="Germany, Article 7 report for 2019")],
            },
            {
                "year": 2020,
                "report": "not_submitted",
                "sources": [_source("https://example.org/deu-2020", title="UNODA, reports received")],
            },
            {"year": 2021, "report": "unknown"},
            {
                "year": 2023,
                "report": "reported",
                "submitted": "2024-04-30",
                "held": {"munitions": 8, "submunitions": 380},
                "by_type": [{"type": "DM 632", "munitions": 8, "submunitions": 380}],
                "planned_use": "training",
                "actual_use": "training",
                "sources": [_source("https://example.org/deu-2023", title="Germany, Article 7 report for 2023")],
            },
        ],
        engagements=[
            {
                "date": "2024-10-01",
                "kind": "letter",
                "ref": "CSD/2024/3",
                "codes": ["R106"],
                "summary": "asked for the 2020 and 2022 reports",
            },
            {"date": "2024-12-15", "kind": "reply", "summary": "Germany sent its 2022 report"},
        ],
        sources=[_source("https://example.org/untc", title="UN Treaty Collection, Convention on Cluster Munitions")],
    )
    nld = make_state(
        iso3="NLD",
        name="Netherlands (Kingdom of the)",
        consent={"date": "2011-02-23", "type": "acceptance"},
        entry_into_force="2011-08-01",
        stockpile={"status": "destroyed", "completed": "2014-07-28"},
        retention=[
            {
                "year": 2019,
                "report": "reported",
                "held": {"munitions": 5, "submunitions": 100},
                "by_type": [{"type": "M261", "munitions": 5, "submunitions": 100}],
                "planned_use": "training",
                "actual_use": "training",
                "sources": [_source("https://example.org/nld-2019")],
            },
            {
                "year": 2021,
                "report": "reported",
                "held": {"munitions": 0, "submunitions": 0},
                "destroyed": {"munitions": 5, "submunitions": 100},
                "sources": [_source("https://example.org/nld-2021")],
            },
        ],
    )
    ita = make_state(
        iso3="ITA",
        name="Italy",
        consent={"date": "2011-09-21", "type": "ratification"},
        entry_into_force="2012-03-01",
        stockpile={"status": "destroyed", "completed": "2015-10-01"},
        retention=[{"year": 2022, "report": "reported", "held": {"munitions": None, "submunitions": None}}],
    )
    aut = make_state(
        iso3="AUT",
        name="Austria",
        consent={"date": "2009-04-02", "type": "ratification"},
        entry_into_force="2010-08-01",
        stockpile={"status": "destroyed", "completed": "2009-02-01"},
    )
    return [deu, nld, ita, aut]


def fixture_practice() -> dict[str, Any]:
    return make_practice(id="deu-industrial", title="Germany has its stockpile disassembled by industry", states=["DEU"])


def hostile(record: dict[str, Any]) -> dict[str, Any]:
    """The record with hostile text in every free-text field the site shows, and hostile addresses."""
    record = json.loads(json.dumps(record))
    record["name"] = f"Germany {HOSTILE_TEXT}"
    for item in record.get("retention", []):
        item["planned_use"] = HOSTILE_TEXT
        item["actual_use"] = HOSTILE_JS
        for source in item.get("sources", []):
            source["url"] = HOSTILE_URL
            source["title"] = HOSTILE_TEXT
        for row in item.get("by_type", []):
            row["type"] = HOSTILE_TEXT
    for engagement in record.get("engagements", []):
        engagement["ref"] = HOSTILE_TEXT
        engagement["summary"] = HOSTILE_TEXT
    record["sources"] = [{"title": HOSTILE_TEXT, "kept_at": HOSTILE_JS}]
    return record


def write_data(folder: Path, hostile_text: bool = False) -> Path:
    """The fixture folder written to `folder` (as JSON, which is YAML), optionally with hostile text."""
    (folder / "states").mkdir(parents=True, exist_ok=True)
    (folder / "practices").mkdir(exist_ok=True)
    for record in fixture_states():
        if hostile_text and record["iso3"] == "DEU":
            record = hostile(record)
        (folder / "states" / f"{record['iso3'].lower()}.yaml").write_text(
            json.dumps(record, indent=2, ensure_ascii=False), "utf-8"
        )
    practice = fixture_practice()
    if hostile_text:
        practice.update(title=HOSTILE_TEXT, facility=HOSTILE_TEXT, safety=HOSTILE_JS, lessons=HOSTILE_TEXT)
        practice["sources"] = [{"url": HOSTILE_URL, "title": HOSTILE_TEXT}]
    (folder / "practices" / f"{practice['id']}.yaml").write_text(json.dumps(practice, indent=2, ensure_ascii=False), "utf-8")
    return folder
