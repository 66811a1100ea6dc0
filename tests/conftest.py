"""Shared helpers: small records written to a temporary data folder, checked as of a fixed date."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ccm_stockpile.checks import run_checks
from ccm_stockpile.dataset import load
from ccm_stockpile.findings import Finding

PROJECT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2025, 6, 1)
SOURCE = [{"url": "https://example.org/report"}]

BASE_STATE: dict[str, Any] = {
    "iso3": "ESP",
    "name": "Spain",
    "status": "party",
    "signed": "2008-12-03",
    "consent": {"date": "2009-06-17", "type": "ratification"},
    "entry_into_force": "2010-08-01",
    "withdrawal": None,
    "stockpile": {"status": "destroyed", "completed": "2009-03-31"},
    "retention": [],
    "engagements": [],
    "sources": [],
}


def make_state(**overrides: Any) -> dict[str, Any]:
    """A valid party record (Spain's treaty dates) with `overrides` applied."""
    record = copy.deepcopy(BASE_STATE)
    record.update(overrides)
    return record


def entry(year: int, munitions: int | None = None, submunitions: int | None = None, **fields: Any) -> dict[str, Any]:
    """A `reported` retention entry holding (munitions, submunitions), with a source and uses given."""
    item: dict[str, Any] = {"year": year, "report": "reported"}
    if munitions is not None or submunitions is not None or "held" not in fields:
        item["held"] = {"munitions": munitions, "submunitions": submunitions}
    item.update(
        {
            "planned_use": "training",
            "actual_use": "training",
            "by_type": [{"type": "M42", "munitions": munitions, "submunitions": submunitions}],
        }
    )
    item["sources"] = SOURCE
    item.update(fields)
    return item


@pytest.fixture(autouse=True)
def results_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has a results cache of its own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CCM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "states").mkdir()
    return tmp_path


@pytest.fixture
def write_state(data_dir: Path) -> Callable[..., Path]:
    """Write a record (a dict, dumped as JSON, which is YAML) or raw text under states/."""

    def write(record: dict[str, Any] | str | bytes, name: str | None = None) -> Path:
        if isinstance(record, dict):
            name = name or f"{str(record.get('iso3', 'xxx')).lower()}.yaml"
            text: str | bytes = json.dumps(record, indent=2)
        else:
            text = record
        path = data_dir / "states" / (name or "esp.yaml")
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


BASE_PRACTICE: dict[str, Any] = {
    "id": "esp-example",
    "title": "Spain destroys its stockpile at a national plant",
    "method": "disassembly_recycling",
    "states": ["ESP"],
    "quantity": {"munitions": 100, "submunitions": 2000},
    "costs": [{"amount": 5000, "currency": "EUR", "year": 2009, "whole_quantity": True}],
    "sources": [{"url": "https://example.org/practice", "quote": "100 cluster munitions and 2,000 submunitions for EUR 5,000"}],
}


def make_practice(**overrides: Any) -> dict[str, Any]:
    """A valid practice concerning Spain (id `esp-example`) with `overrides` applied."""
    record = copy.deepcopy(BASE_PRACTICE)
    record.update(overrides)
    return record


@pytest.fixture
def write_practice(data_dir: Path) -> Callable[..., Path]:
    """Write a practice (a dict, dumped as JSON) under practices/, named after its id unless `name` is given."""

    def write(record: dict[str, Any] | str, name: str | None = None) -> Path:
        folder = data_dir / "practices"
        folder.mkdir(exist_ok=True)
        if isinstance(record, dict):
            name = name or f"{record.get('id', 'x')}.yaml"
            text = json.dumps(record, indent=2)
        else:
            text = record
        path = folder / (name or "x.yaml")
        path.write_text(text, encoding="utf-8")
        return path

    return write


def findings_for(data_dir: Path, as_of: dt.date = AS_OF, codes: tuple[str, ...] | None = None) -> list[Finding]:
    found = run_checks(load(data_dir, str(data_dir)), as_of)
    return [f for f in found if codes is None or f.code in codes]


def codes_of(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/expected/NAME, or rewrite it with --update-golden (`make golden`)."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, text: str) -> None:
        path = PROJECT / "tests" / "golden" / "expected" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden file {path.name}: run `make golden` and review it"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file; if intended, `make golden`"

    return compare
