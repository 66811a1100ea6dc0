"""`ccm diff`: a temporary git repository with two commits; figures, entries, engagements and findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.domain.changes import MISSING, compare
from ccm_stockpile.render.changes import change_line
from ccm_stockpile.render.text import markdown_cell as cell
from tests.cli.test_new_year import RECORD

runner = CliRunner()

PORTUGAL = """\
iso3: PRT
name: Portugal
status: party
entry_into_force: 2011-10-01
stockpile:
  status: destroyed
  completed: 2015
  sources:
    - url: https://example.org/prt
sources: []
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds Spain, and whose second changes it and adds Portugal."""
    git(tmp_path, "init", "-q", "-b", "main")
    states = tmp_path / "data" / "states"
    states.mkdir(parents=True)
    (states / "esp.yaml").write_text(RECORD, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Spain")
    changed = (
        RECORD.replace("held: {munitions: 315, submunitions: 7335}   # Form D", "held: {munitions: 315, submunitions: 7300}")
        .replace("        submunitions: 7335\n", "        submunitions: 7300\n")
        .replace('lots: ["0123", "0456"]', 'lots: ["0123"]')
        .replace("      - url: https://example.org/2015\n", "      - url: https://example.org/2015-report\n")
        .replace(
            "engagements: []\n",
            "engagements:\n  - date: 2025-08-20\n    kind: reply\n    ref: NV 1|2025\n    summary: Spain answered @all.\n",
        )
    )
    (states / "esp.yaml").write_text(changed, encoding="utf-8")
    (states / "prt.yaml").write_text(PORTUGAL, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Spain's 2014 report, Portugal")
    return tmp_path


def diff(repo: Path, *args: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(repo)
    return runner.invoke(app, ["diff", *args, "--as-of", "2025-06-01"])


def test_two_revisions_as_text(repo, monkeypatch):
    result = diff(repo, "HEAD~1", "HEAD", monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("HEAD~1 -> HEAD: 7 change(s) in 2 record(s); findings: ")
    assert lines[2:9] == [
        "ESP engagement added: 2025-08-20 reply (NV 1|2025): Spain answered @all.",
        "ESP 2014 held.submunitions 7,335 -> 7,300",
        "ESP 2014 by_type[type=M42].submunitions 7,335 -> 7,300",
        "ESP 2014 by_type[type=M42].lots [0123, 0456] -> [0123]",
        "ESP 2015 sources removed: https://example.org/2015",
        "ESP 2015 sources added: https://example.org/2015-report",
        "PRT record added: Portugal (party)",
    ]


def test_json_gives_every_change_and_the_findings_introduced_and_resolved(repo, monkeypatch):
    result = diff(repo, "HEAD~1", "HEAD", "--format", "json", monkeypatch=monkeypatch)
    payload = json.loads(result.stdout)
    assert (payload["from"], payload["to"], payload["as_of"]) == ("HEAD~1", "HEAD", "2025-06-01")
    held = next(change for change in payload["changes"] if change["path"] == "held.submunitions")
    assert held == {
        "subject": "ESP",
        "file": "data/states/esp.yaml",
        "year": 2014,
        "path": "held.submunitions",
        "kind": "changed",
        "old": 7335,
        "new": 7300,
        "old_given": True,
        "new_given": True,
    }
    changed = [(f["before"]["code"], f["before"]["year"], f["after"]["year"]) for f in payload["findings"]["changed"]]
    # 2017's fall is now from 7,300: the same finding with another figure, not one introduced and one resolved
    assert ("R102", 2017, 2017) in changed
    assert payload["findings"]["introduced"] == payload["findings"]["resolved"] == []
    assert payload["summary"]["changes"] == 7


def test_the_working_tree_against_head_by_default(repo, monkeypatch):
    path = repo / "data" / "states" / "prt.yaml"
    path.write_text(PORTUGAL.replace("completed: 2015", "completed: 2015-06"), encoding="utf-8")
    result = diff(repo, monkeypatch=monkeypatch)
    assert result.stdout.splitlines()[0].startswith("HEAD -> working tree: 1 change(s) in 1 record(s)")
    assert "PRT stockpile.completed 2015 -> 2015-06" in result.stdout


def test_a_revision_without_the_data_folder_adds_every_record(repo, monkeypatch):
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    (repo / "README").write_text("nothing", encoding="utf-8")
    git(repo, "add", "README")
    git(repo, "commit", "-q", "-m", "empty")
    result = diff(repo, "empty", "main", monkeypatch=monkeypatch)
    assert "ESP record added: Spain (party)" in result.stdout
    assert "PRT record added: Portugal (party)" in result.stdout


def test_markdown_fit_for_a_pull_request_comment(repo, monkeypatch):
    result = diff(repo, "HEAD~1", "HEAD", "--format", "markdown", monkeypatch=monkeypatch)
    text = result.stdout
    assert text.startswith("### Data changes: `HEAD~1` → `HEAD`\n")
    assert "#### ESP (data/states/esp.yaml)\n\n| year | field | before | after |\n| --- | --- | --- | --- |\n" in text
    assert "| 2014 | `held.submunitions` | 7,335 | 7,300 |" in text
    assert "NV 1\\|2025" in text  # a pipe from the data never splits the table
    assert "&#64;all" in text
    assert "@all" not in text
    assert "#### Findings changed (1)\n\n| state | year | code | severity | message |\n" in text
    assert "submunitions ~~7,335~~" in text
    assert "submunitions **7,300**" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [(["nope"], "no commit 'nope'"), (["HEAD", "HEAD", "HEAD"], "at most two revisions"), (["HEAD~9"], "no commit 'HEAD~9'")],
)
def test_bad_revisions_are_bad_usage(repo, monkeypatch, args, words):
    result = diff(repo, *args, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert words in result.stderr


def test_outside_a_repository(tmp_path, monkeypatch):
    (tmp_path / "data" / "states").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = runner.invoke(app, ["diff"])
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_null_zero_and_a_missing_key_are_three_different_values(data_dir):
    from ccm_stockpile.dataset import load

    states = data_dir / "states"
    (states / "esp.yaml").write_text("iso3: ESP\nname: Spain\nstatus: party\nsigned: null\nwithdrawal: 0\n", encoding="utf-8")
    old = load(data_dir)
    (states / "esp.yaml").write_text("iso3: ESP\nname: Spain\nstatus: party\nsigned: 0\nlanguage: en\n", encoding="utf-8")
    new = load(data_dir)
    changes = compare(old, new, [], [], "data").changes
    assert [change_line(change) for change in changes] == [
        "ESP signed null -> 0",
        "ESP withdrawal 0 -> (not given)",
        "ESP language (not given) -> en",
    ]
    assert changes[1].new is MISSING


def test_a_table_cell_never_breaks_the_table():
    assert cell("a | b\nc <script> @x") == "a \\| b c \\<script\\> &#64;x"


def test_a_file_that_cannot_be_read_is_said_so(repo, monkeypatch):
    (repo / "data" / "states" / "prt.yaml").write_text('iso3: PRT\nname: "Portugal\n', encoding="utf-8")
    result = diff(repo, monkeypatch=monkeypatch)
    assert result.exit_code == 0
    assert "PRT record (readable) -> (cannot be read: run `ccm check`)" in result.stdout


def _commit_change(repo: Path, text: str) -> None:
    (repo / "data" / "states" / "esp.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")


def test_a_record_that_became_invalid_could_not_be_checked_and_resolves_nothing(repo, monkeypatch):
    (repo / "data" / "states" / "esp.yaml").write_text(RECORD.replace("report: unchanged", "report: unchnaged"), encoding="utf-8")
    result = diff(repo, "--format", "json", monkeypatch=monkeypatch)
    payload = json.loads(result.stdout)
    assert payload["findings"]["resolved"] == []
    assert [f["code"] for f in payload["findings"]["introduced"]] == ["E002"]
    assert payload["summary"]["unchecked"] == ["data/states/esp.yaml"]
    text = diff(repo, monkeypatch=monkeypatch).stdout.splitlines()[0]
    assert text.endswith(
        "findings: 1 introduced, 0 changed, 0 resolved; 1 record file(s) could not be checked, so their findings are "
        "not compared (none counts as resolved): data/states/esp.yaml; run `ccm check` (checked as of 2025-06-01)"
    )


def test_a_narrowed_gap_is_one_finding_changed_not_one_introduced_and_one_resolved(repo, monkeypatch):
    added = "  - year: 2016\n    report: not_submitted\n    sources:\n      - url: https://example.org/2016\n"
    _commit_change(repo, RECORD)
    before = diff(repo, "--format", "json", monkeypatch=monkeypatch)
    gap = [f for f in json.loads(before.stdout)["findings"]["introduced"]]
    assert gap == []
    (repo / "data" / "states" / "esp.yaml").write_text(
        RECORD.replace("\n  # 2017 comes from the 2018 profile.\n", "\n" + added + "  # 2017 comes from the 2018 profile.\n"),
        encoding="utf-8",
    )
    payload = json.loads(diff(repo, "--format", "json", monkeypatch=monkeypatch).stdout)
    changed = payload["findings"]["changed"]
    assert [(f["before"]["code"], f["after"]["code"]) for f in changed] == [("R106", "R106")]
    assert "no entry recorded for 2016, 2018-" in changed[0]["before"]["message"]
    assert "no entry recorded for 2018-" in changed[0]["after"]["message"]
    assert "R106" not in {f["code"] for f in payload["findings"]["resolved"]}
    assert [f["code"] for f in payload["findings"]["introduced"]] == ["R106"]  # 2016 not submitted: a new finding
    text = diff(repo, monkeypatch=monkeypatch).stdout
    assert "Findings changed:\n  ESP 2024 R106 warning: no entry recorded for [-2016,-] 2018-2024 (each report due 30..." in text


def test_a_changed_note_shows_the_words_that_changed(repo, monkeypatch):
    long = "From the Monitor's profile of 2018, which cites the Article 7 report of 30 April 2018 for the year"
    _commit_change(repo, RECORD.replace("  - year: 2017\n", f"  - year: 2017\n    note: {long} 2017.\n"))
    changed = RECORD.replace("  - year: 2017\n", f"  - year: 2017\n    note: {long.replace('30 April', '2 May')} 2017.\n")
    (repo / "data" / "states" / "esp.yaml").write_text(changed, encoding="utf-8")
    text = diff(repo, monkeypatch=monkeypatch).stdout
    assert "ESP 2017 note: ...the Article 7 report of [-30 April-]{+2 May+} 2018 for the year 2017.\n" in text
    markdown = diff(repo, "--format", "markdown", monkeypatch=monkeypatch).stdout
    cells = "| ...the Article 7 report of ~~30 April~~ 2018 for the year 2017. | ...the Article 7 report of **2 May** 2018 for"
    assert f"| 2017 | `note` {cells}" in markdown
