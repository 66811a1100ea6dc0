"""`ccm practices list|show|compare|compendium` on the frozen practices fixture, and `ccm show` listing a state's
practices."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.cli.practices import MethodOption
from ccm_stockpile.records.practice import Method
from tests.conftest import PROJECT, make_practice, make_state

runner = CliRunner()
DATA = "tests/golden/practices-data"
ENV = {"COLUMNS": "100"}


def practices(*args: str, data: str | Path = DATA):
    return runner.invoke(app, ["practices", *args, "--data", str(data), "--as-of", "2025-06-01"], env=ENV)


@pytest.fixture(autouse=True)
def _from_the_project(monkeypatch):
    monkeypatch.chdir(PROJECT)  # file names in the output are relative, as a user would type them


def test_the_method_option_offers_the_models_methods():
    assert [option.value for option in MethodOption] == [method.value for method in Method]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("practices-list.txt", ["list"]),
        ("practices-compare.txt", ["compare"]),
        ("practices-show-nor.txt", ["show", "nor-lokken-mine"]),
    ],
)
def test_output_matches_its_golden_file(golden, name, args):
    result = practices(*args)
    assert result.exit_code == 0, result.output
    golden(name, result.stdout)


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (
            [],
            [
                "bih-initial-programme-and-later-stocks",
                "deu-industrial-disassembly",
                "gbr-destruction-abroad",
                "mkd-npa-krivolak",
                "nor-lokken-mine",
            ],
        ),
        (["--method", "disassembly_recycling"], ["deu-industrial-disassembly", "gbr-destruction-abroad"]),
        (["--method", "incineration"], ["deu-industrial-disassembly"]),  # another method of the programme counts
        (["--method", "cryofracture"], []),
        (["--state", "ita"], ["gbr-destruction-abroad"]),  # destruction hosted
        (["--state", "NOR"], ["mkd-npa-krivolak", "nor-lokken-mine"]),  # assistance given, own stockpile
        (["--state", "DEU", "--method", "open_burning_detonation"], ["mkd-npa-krivolak"]),
    ],
)
def test_list_filters_by_method_and_state(args, ids):
    result = practices("list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [p["id"] for p in payload["practices"]] == ids
    assert payload["count"] == len(ids)


def test_list_json_leaves_out_what_is_not_known():
    payload = json.loads(practices("list", "--format", "json", "--state", "BIH").stdout)
    (bih,) = payload["practices"]
    assert "method" not in bih
    assert bih["costs"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["show", "nor-lokken"],
            "no practice `nor-lokken` in tests/golden/practices-data/practices; did you mean nor-lokken-mine?",
        ),
        (["show", "zzz"], "no practice `zzz` in tests/golden/practices-data/practices; `ccm practices list` shows the ids"),
        (["list", "--state", "Norway"], "--state takes an ISO3 code such as ESP"),
        (["list", "--method", "burning"], "Invalid value for '--method'"),
    ],
)
def test_bad_usage(args, message):
    result = practices(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_compare_marks_every_unconverted_amount_as_given():
    result = practices("compare", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["comparison"] is None
    assert {row["basis"] for row in payload["costs"]} == {"as given"}
    assert {row["practice"] for row in payload["costs"]} == {"deu-industrial-disassembly", "gbr-destruction-abroad"}
    germany = next(row for row in payload["costs"] if row["practice"] == "deu-industrial-disassembly")
    assert germany["given"] == {"amount": 45000000.0, "up_to": None, "approximate": True, "currency": "EUR", "year": 2015}
    assert germany["per_tonne"] == {"amount": 900.0, "up_to": None, "approximate": True, "currency": "EUR", "year": 2015}
    assert germany["derived"] is True
    assert "as given" in practices("compare").stdout


def test_compare_converts_with_a_sourced_rate_and_says_so(data_dir, write_state, write_practice):
    write_state(make_state())
    write_practice(make_practice(costs=[{"amount": 5000, "currency": "EUR", "year": 2009, "whole_quantity": True}]))
    write_practice(make_practice(id="esp-other", costs=[{"amount": 5000, "currency": "ESP", "year": 2001}]))
    (data_dir / "settings.yaml").write_text(
        "comparison:\n  currency: EUR\n  year: 2015\n  rates:\n    - currency: EUR\n      year: 2009\n      factor: 1.1\n"
        "      source: {url: 'https://example.org/deflator', quote: '2009 = 0.909 of 2015'}\n",
        encoding="utf-8",
    )
    payload = json.loads(practices("compare", "--format", "json", data=data_dir).stdout)
    assert [(row["practice"], row["basis"], row["shown"]["amount"]) for row in payload["costs"]] == [
        ("esp-example", "converted", pytest.approx(5500.0)),
        ("esp-other", "as given", 5000.0),
    ]
    assert payload["costs"][0]["rate_source"] == {"url": "https://example.org/deflator", "quote": "2009 = 0.909 of 2015"}
    text = practices("compare", "--method", "disassembly_recycling", data=data_dir).stdout
    assert "compared in EUR at 2015 prices" in text
    assert "rate for EUR 2009: 1.1 (https://example.org/deflator)" in text


def test_golden_compendium(golden, tmp_path):
    result = practices("compendium", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path}/practices-compendium-2025-06-01.en.md (5 practices)\n"
    golden("practices/compendium.en.md", (tmp_path / "practices-compendium-2025-06-01.en.md").read_text("utf-8"))


def test_word_compendium_reads_back(tmp_path):
    import docx

    assert practices("compendium", "--format", "docx", "--out", str(tmp_path)).exit_code == 0
    document = docx.Document(str(tmp_path / "practices-compendium-2025-06-01.en.docx"))
    headings = {level: [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"] for level in (1, 2, 3)}
    assert headings[1] == ["Compendium of stockpile destruction practices"]
    assert headings[2] == [
        "About this compendium",
        "Open burning and open detonation",
        "Contained detonation",
        "Disassembly and recycling",
        "Method not known",
        "Costs compared",
        "States Parties whose practice is not yet in the database",
    ]
    assert len(headings[3]) == 5
    cost_table = document.tables[-1]
    assert [cell.text for cell in cost_table.rows[0].cells][-1] == "Stated"
    assert {row.cells[-1].text for row in cost_table.rows[1:]} == {"as given"}


def test_html_compendium_and_identical_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert practices("compendium", "--format", "html", "--out", str(out)).exit_code == 0
    name = "practices-compendium-2025-06-01.en.html"
    assert (first / name).read_bytes() == (second / name).read_bytes()

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)

    tags = Tags()
    tags.feed((first / name).read_text(encoding="utf-8"))
    assert tags.tags.count("h1") == 1
    assert tags.tags.count("table") == 6  # one per practice, and the costs


def test_compendium_text_from_the_data_stays_text(tmp_path, data_dir, write_state, write_practice):
    write_state(make_state())
    write_practice(make_practice(title="A | table *breaker*\n# and a heading", facility="<script>x</script>"))
    assert practices("compendium", "--format", "html", "--out", str(tmp_path), data=data_dir).exit_code == 0
    html = (tmp_path / "practices-compendium-2025-06-01.en.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "*breaker*" in html
    assert html.count("<h1") == 1


def test_show_lists_the_practices_that_concern_the_state():
    result = runner.invoke(app, ["show", "NOR", "--data", DATA, "--as-of", "2025-06-01"], env=ENV)
    assert result.exit_code == 0, result.output
    section = result.stdout.split("Destruction practices")[1].splitlines()[1:]
    assert [line.split(":")[0].strip() for line in section] == [
        "nor-lokken-mine (own stockpile)",
        "mkd-npa-krivolak (assistance given)",
    ]
