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
SHIPPED = PROJECT / "data"
VALID_CHANGES = PROJECT / "tests" / "data" / "valid-changes"
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


def apply_valid_changes(root: Path) -> None:
    """Changes an editor makes by the book to a copy of the data, each of which must leave every shipped-data
    test green (issue 15, point 4): the Netherlands' reply recorded (holdings 0 at the end of 2023, as
    CONTRIBUTING asks), a new year entered with `ccm new-year`, a new accession, a practice added. Written
    to work on any later version of the data, not only today's."""
    import shutil

    from typer.testing import CliRunner

    from ccm_stockpile.cli.app import app
    from ccm_stockpile.io.writer import _round_trip

    runner = CliRunner()

    def run(*args: str) -> None:
        result = runner.invoke(app, [*args, "--data", str(root)])
        assert result.exit_code == 0, f"ccm {' '.join(args)}: {result.output}"

    # 1. A reply: logged with `ccm log`, then entered in the year it concerns with the reply as its source.
    run(
        "log",
        "NLD",
        "--kind",
        "reply",
        "--date",
        "2025-08-20",
        "--ref",
        "NV 1/2025",
        "--summary",
        "The Netherlands held no cluster munitions at the end of 2023.",
    )
    path = root / "states" / "nld.yaml"
    yaml = _round_trip()
    record = yaml.load(path.read_text(encoding="utf-8"))
    reply = {
        "title": "Reply of 2025-08-20 (NV 1/2025)",
        "date": dt.date(2025, 8, 20),
        "reference": "NV 1/2025",
        "kept_at": "CCM Implementation Support Unit, Geneva",
    }
    year = next((item for item in record["retention"] if item["year"] == 2023), None)
    if year is None:
        year = {"year": 2023, "report": "unknown", "by_type": [], "sources": []}
        record["retention"].append(year)
    year["held"] = {"munitions": 0, "submunitions": 0}
    year.pop("omitted", None)
    year["sources"] = [reply, *year.get("sources", [])]
    import io

    out = io.StringIO()
    yaml.dump(record, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    # 2. A new year for a retaining state, scaffolded by `ccm new-year` after its latest entry.
    dataset = load(root)
    spain = dataset.state("ESP").record
    run("new-year", "ESP", str(max(item.year for item in spain.retention) + 1))
    # 3. An accession and 4. a practice: files of their own.
    shutil.copy(VALID_CHANGES / "fin.yaml", root / "states" / "fin.yaml")
    shutil.copy(VALID_CHANGES / "nld-nammo-demilitarisation.yaml", root / "practices" / "nld-nammo-demilitarisation.yaml")
    run("fmt")


@pytest.fixture(scope="session")
def changed_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped data with `apply_valid_changes` made."""
    import shutil

    root = tmp_path_factory.mktemp("changed") / "data"
    shutil.copytree(SHIPPED, root)
    apply_valid_changes(root)
    return root


@pytest.fixture(scope="session", params=["shipped", "changed"])
def data_folder(request: pytest.FixtureRequest) -> Path:
    """The shipped data, then the same with valid changes made: every shipped-data test runs on both, so a
    test tied to today's content, not to an invariant, fails here before an editor meets it."""
    if request.param == "shipped":
        return SHIPPED
    return request.getfixturevalue("changed_data")
