"""`ccm new-year`: a scaffold from the year before, nothing invented, comments kept, refusals that write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.findings import Addressee
from ccm_stockpile.io.canonical import comments, format_text
from ccm_stockpile.records.state import StateRecord
from tests.conftest import findings_for

runner = CliRunner()

RECORD = """\
# yaml-language-server: $schema=../../schemas/state.schema.json
iso3: ESP
name: Spain
status: party
signed: 2008-12-03
consent:
  date: 2009-06-17
  type: ratification
entry_into_force: 2010-08-01
stockpile:
  status: destroyed
  completed: 2009-03-31
retention:
  # From the Monitor's profiles.
  - year: 2014
    report: reported
    held: {munitions: 315, submunitions: 7335}   # Form D
    by_type:
      - type: M42
        munitions: 315
        submunitions: 7335
        lots: ["0123", "0456"]
    planned_use: training
    actual_use: training
    sources:
      - url: https://example.org/2014
  - year: 2015
    report: unchanged
    sources:
      - url: https://example.org/2015

  # 2017 comes from the 2018 profile.
  - year: 2017
    report: reported
    held: {munitions: 5, submunitions: 578}
    planned_use: training
    actual_use: training
    sources:
      - url: https://example.org/2017
engagements: []
sources: []
"""


def new_year(data: Path, *args: str):
    return runner.invoke(app, ["new-year", *args, "--data", str(data)])


@pytest.fixture
def spain(data_dir: Path) -> Path:
    path = data_dir / "states" / "esp.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return path


def test_a_year_in_a_gap_goes_after_its_previous_year_and_before_the_comment_of_the_next(data_dir, spain):
    result = new_year(data_dir, "esp", "2016")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"added ESP 2016 to {spain.as_posix()}, after 2015: fill in the lines marked `# to fill:` and delete each mark "
        "once done; `ccm todo --state ESP` lists what is still missing\n"
    )
    text = spain.read_text(encoding="utf-8")
    added = text[text.index("  - year: 2016") : text.index("\n\n  # 2017 comes")]
    assert text.replace(added + "\n", "") == RECORD  # nothing else changed
    lines = added.splitlines()
    assert [line.split(":")[0].strip(" -") for line in lines if not line.strip().startswith("#")] == [
        "year",
        "report",
        "submitted",
        "held",
        "by_type",
        "planned_use",
        "actual_use",
        "sources",
        "note",
    ]
    held = next(line for line in lines if "held:" in line)
    assert held.startswith("    held: {munitions: null, submunitions: null}  # to fill: holdings at 31 December 2016 ")
    assert "(at the end of 2015: 315 munitions / 7,335 submunitions)" in held  # 2015 unchanged: 2014's figures
    by_type = next(line for line in lines if "by_type:" in line)
    assert "at the end of 2015: M42: 315 munitions / 7,335 submunitions (lots 0123, 0456)" in by_type
    assert comments(RECORD) <= comments(text)


def test_the_scaffold_is_valid_canonical_and_only_the_editor_is_asked_to_fill_it(data_dir, spain):
    assert new_year(data_dir, "ESP", "2018").exit_code == 0
    text = spain.read_text(encoding="utf-8")
    assert format_text(text, StateRecord) == text
    assert text.endswith("  - year: 2018\n" + text.split("  - year: 2018\n")[1])
    assert "engagements: []\nsources: []\n" in text
    found = [f for f in findings_for(data_dir) if f.year == 2018]
    assert {f.code for f in found} == {"E020", "R105", "R110"}
    assert {f.addressee for f in found} == {Addressee.EDITOR}


def test_each_to_fill_mark_is_an_editor_finding_until_it_is_deleted(data_dir, spain):
    assert new_year(data_dir, "ESP", "2018").exit_code == 0
    marks = [f for f in findings_for(data_dir) if f.code == "E020"]
    lines = spain.read_text(encoding="utf-8").splitlines()
    assert [(f.path, f.year, f.addressee) for f in marks] == [
        ("retention[year=2018].report", 2018, Addressee.EDITOR),
        ("retention[year=2018].submitted", 2018, Addressee.EDITOR),
        ("retention[year=2018].held", 2018, Addressee.EDITOR),
        ("retention[year=2018].by_type", 2018, Addressee.EDITOR),
        ("retention[year=2018].planned_use", 2018, Addressee.EDITOR),  # the line above it, about the movements
        ("retention[year=2018].planned_use", 2018, Addressee.EDITOR),
        ("retention[year=2018].actual_use", 2018, Addressee.EDITOR),
        ("retention[year=2018].sources", 2018, Addressee.EDITOR),
        ("retention[year=2018].note", 2018, Addressee.EDITOR),
    ]
    assert all("# to fill:" in lines[f.line - 1][f.column - 1 :] for f in marks)
    assert marks[4].message.startswith("a `# to fill:` mark remains above `retention[year=2018].planned_use`")
    assert marks[2].message.startswith("`retention[year=2018].held` is still marked `# to fill:` (left by `ccm new-year`)")
    filled = "\n".join(line.split("  # to fill:")[0] for line in lines if not line.strip().startswith("# to fill:"))
    spain.write_text(filled + "\n", encoding="utf-8")
    assert [f for f in findings_for(data_dir) if f.code == "E020"] == []


def test_the_last_year_without_a_final_newline(data_dir):
    path = data_dir / "states" / "esp.yaml"
    path.write_text(RECORD.split("engagements:")[0].rstrip("\n"), encoding="utf-8")
    assert new_year(data_dir, "ESP", "2018").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "      - url: https://example.org/2017\n  - year: 2018\n" in text


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2017", "ccm: ESP already has a retention entry for 2017; edit it instead; nothing written\n"),
        ("2013", "ccm: ESP has no retention entry before 2013 to start from; add the first entry by hand"),
    ],
)
def test_refusals_write_nothing_and_exit_1(data_dir, spain, year, message):
    result = new_year(data_dir, "ESP", year)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert spain.read_text(encoding="utf-8") == RECORD


def test_a_state_whose_retention_ended_is_refused(data_dir, spain):
    spain.write_text(RECORD.replace("{munitions: 5, submunitions: 578}", "{munitions: 0, submunitions: 0}"), encoding="utf-8")
    result = new_year(data_dir, "ESP", "2018")
    assert result.exit_code == 1
    assert "held none at the end of 2017 (retention ended)" in result.stderr


def test_unknown_holdings_name_the_last_ones_given(data_dir, spain):
    unknown = RECORD.replace("{munitions: 5, submunitions: 578}", "{munitions: null, submunitions: null}")
    spain.write_text(unknown, encoding="utf-8")
    assert new_year(data_dir, "ESP", "2018").exit_code == 0
    assert "(not known at the end of 2017; last given: 315 munitions / 7,335 submunitions at the end of 2014)" in spain.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(("args", "words"), [(["PRT", "2018"], "no state PRT"), (["ESP", "1990"], "2008")])
def test_bad_usage_exits_2(data_dir, spain, args, words):
    result = new_year(data_dir, *args)
    assert result.exit_code == 2
    assert words in result.output


def test_a_retention_list_in_flow_style_asks_for_ccm_fmt_first(data_dir):
    path = data_dir / "states" / "esp.yaml"
    text = "iso3: ESP\nname: Spain\nstatus: party\nretention: [{year: 2015, report: reported}]\n"
    path.write_text(text, encoding="utf-8")
    result = new_year(data_dir, "ESP", "2016")
    assert result.exit_code == 1
    assert "is not a block list" in result.stderr
    assert "run `ccm fmt" in result.stderr
    assert path.read_text(encoding="utf-8") == text
