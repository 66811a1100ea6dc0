"""`ccm check --format github` on a pull request: paths from the repository root, only the changed files
annotated, GitHub's limit of 10 annotations of each kind per step, and every finding in the job summary."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import entry, make_state

runner = CliRunner()


@pytest.fixture
def repository(tmp_path: Path, monkeypatch) -> Path:
    """A repository with data/ and a tools/ folder the check runs from (`--data ../data`)."""
    (tmp_path / "data" / "states").mkdir(parents=True)
    (tmp_path / "tools").mkdir()
    monkeypatch.chdir(tmp_path / "tools")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    return tmp_path


def write(repository: Path, record: dict | str, name: str) -> None:
    import json

    text = record if isinstance(record, str) else json.dumps(record, indent=2)
    (repository / "data" / "states" / name).write_text(text, encoding="utf-8")


def check(*args: str):
    return runner.invoke(app, ["check", "--data", "../data", "--as-of", "2025-06-01", "--format", "github", *args])


def test_paths_are_relative_to_the_repository_root_wherever_the_check_runs(repository):
    write(repository, "iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n", "esp.yaml")
    result = check()
    assert result.stdout.startswith("::error file=data/states/esp.yaml,line=4,col=1,title=E002::unknown key")


def test_without_github_workspace_paths_are_relative_to_the_current_folder(repository, monkeypatch):
    monkeypatch.delenv("GITHUB_WORKSPACE")
    monkeypatch.chdir(repository)
    write(repository, "iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n", "esp.yaml")
    result = runner.invoke(app, ["check", "--data", "data", "--format", "github"])
    assert result.stdout.startswith("::error file=data/states/esp.yaml,")


def many_warnings(iso3: str, name: str) -> dict:
    """R105 and R107 for each of 2013-2024 (no use, no types): 24 warnings, and R109 notices."""
    years = [entry(year, 1, 10, planned_use=None, actual_use=None, by_type=[]) for year in range(2013, 2025)]
    return make_state(iso3=iso3, name=name, retention=years)


def counts() -> Counter[tuple[str, str]]:
    payload = json.loads(runner.invoke(app, ["check", "--data", "../data", "--as-of", "2025-06-01", "--format", "json"]).stdout)
    return Counter((f["file"].removeprefix("../"), f["severity"]) for f in payload["findings"])


def test_only_the_changed_files_are_annotated_at_most_ten_of_each_kind(repository, tmp_path):
    write(repository, many_warnings("ESP", "Spain"), "esp.yaml")
    write(repository, many_warnings("PRT", "Portugal"), "prt.yaml")
    found = counts()
    assert found[("data/states/esp.yaml", "warning")] > 20
    changed = tmp_path / "changed.txt"
    changed.write_text("data/states/esp.yaml\nREADME.md\n", encoding="utf-8")
    result = check("--changed-files", str(changed))
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert all("file=data/states/esp.yaml," in line for line in annotations)
    assert sum(line.startswith("::warning ") for line in annotations) == 10
    assert sum(line.startswith("::notice ") for line in annotations) == found[("data/states/esp.yaml", "info")]
    left = [line for line in lines if not line.startswith("::")]
    more = found[("data/states/esp.yaml", "warning")] - 10
    assert left[0] == (
        f"{more} more finding(s) in the changed files, not annotated (GitHub shows 10 of each kind per step); all are "
        "in the job summary:"
    )
    assert all(line.startswith("data/states/esp.yaml:") for line in left[1 : 1 + more])
    outside = sum(number for (file, _), number in found.items() if file != "data/states/esp.yaml")
    assert left[-1] == f"{outside} finding(s) in files this change leaves untouched are in the job summary, not annotated"


def test_the_summary_lists_every_finding_and_those_of_the_changed_files_first(repository, tmp_path):
    write(repository, many_warnings("ESP", "Spain"), "esp.yaml")
    write(repository, many_warnings("PRT", "Portugal"), "prt.yaml")
    changed = tmp_path / "changed.txt"
    changed.write_text("data/states/prt.yaml\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    result = check("--changed-files", str(changed), "--summary", str(summary))
    assert result.exit_code == 0
    text = summary.read_text(encoding="utf-8")
    found = counts()
    warnings = sum(number for (_, severity), number in found.items() if severity == "warning")
    assert text.startswith(f"# Earlier step\n### ccm check: 0 error(s), {warnings} warning(s), ")
    mine = text.split("#### In the files this change touches (")[1].split("<details>")[0]
    assert "| data/states/prt.yaml |" in mine
    assert "| data/states/esp.yaml |" not in mine
    every = text.split("<details>")[1]
    assert (
        every.count("| data/states/esp.yaml |")
        == found[("data/states/esp.yaml", "warning")] + found[("data/states/esp.yaml", "info")]
    )


def test_a_missing_list_of_changed_files_is_bad_usage(repository):
    result = check("--changed-files", "nowhere.txt")
    assert result.exit_code == 2
    assert "--changed-files: cannot read nowhere.txt" in result.stderr


def test_a_link_loop_is_annotated_where_it_sits_not_an_internal_error(repository):
    write(repository, make_state(), "esp.yaml")
    (repository / "data" / "workplan.yaml").symlink_to(repository / "data" / "workplan.yaml")
    (repository / "data" / "states" / "prt.yaml").symlink_to(repository / "data" / "states" / "prt.yaml")
    result = check()
    assert result.exit_code == 1, result.output
    files = [line.split(",")[0] for line in result.stdout.splitlines() if "title=E001" in line]
    assert files == ["::error file=data/states/prt.yaml", "::error file=data/workplan.yaml"]


def git(repository: Path, *args: str) -> None:
    import subprocess

    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run(["git", "-C", str(repository), *identity, *args], check=True, capture_output=True)


@pytest.fixture
def pull_request(repository: Path) -> Path:
    """Spain and Portugal with two dozen old warnings each, committed; then the change: Spain's 2025 entry
    (no use, no types: R105 and R107 on its lines) and a comment added at the top of Portugal's file."""
    write(repository, many_warnings("ESP", "Spain"), "esp.yaml")
    write(repository, many_warnings("PRT", "Portugal"), "prt.yaml")
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "base")
    spain = many_warnings("ESP", "Spain")
    spain["retention"].append(entry(2025, 1, 10, planned_use=None, actual_use=None, by_type=[]))
    write(repository, spain, "esp.yaml")
    portugal = repository / "data" / "states" / "prt.yaml"
    portugal.write_text("# checked against the 2024 report\n" + portugal.read_text(encoding="utf-8"), encoding="utf-8")
    return repository


def test_annotations_go_first_to_the_changed_lines_then_to_what_the_change_introduced(pull_request, tmp_path):
    import json as json_module

    text = (pull_request / "data" / "states" / "esp.yaml").read_text(encoding="utf-8")
    start = text.count("\n", 0, text.index('"year": 2025')) + 1
    new_lines = set(range(start - 1, start + 40))
    result = runner.invoke(
        app, ["check", "--data", "../data", "--as-of", "2026-06-01", "--format", "github", "--base", "HEAD", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    payload = json_module.loads(
        runner.invoke(app, ["check", "--data", "../data", "--as-of", "2026-06-01", "--format", "json"]).stdout
    )
    on_new = [f for f in payload["findings"] if f["file"] == "../data/states/esp.yaml" and f["line"] in new_lines]
    assert {f["code"] for f in on_new} >= {"R105", "R107"}
    # every finding on the new entry is annotated, and before any other
    first = annotations[: len(on_new)]
    assert all("file=data/states/esp.yaml," in line for line in first)
    assert {int(line.split("line=")[1].split(",")[0]) for line in first} <= new_lines
    # Portugal's file only gained a comment: its old findings come after Spain's, if at all
    portugal = [index for index, line in enumerate(annotations) if "file=data/states/prt.yaml," in line]
    assert all(index >= len(on_new) for index in portugal)


def test_the_summary_lists_the_changed_lines_then_introduced_then_the_rest_and_stays_valid_when_appended_to(
    pull_request, tmp_path
):
    from markdown_it import MarkdownIt

    summary = tmp_path / "summary.md"
    options = ["--as-of", "2026-06-01", "--format", "github", "--base", "HEAD", "--summary", str(summary)]
    result = runner.invoke(app, ["check", "--data", "../data", *options])
    assert result.exit_code == 0, result.output
    diff = runner.invoke(app, ["diff", "HEAD", "--data", "../data", "--as-of", "2026-06-01", "--format", "markdown"])
    assert diff.exit_code == 0, diff.output
    with summary.open("a", encoding="utf-8") as handle:  # what the workflow's next step does
        handle.write(diff.stdout)
    text = summary.read_text(encoding="utf-8")
    titles = [line for line in text.splitlines() if line.startswith("#### ")]
    assert titles[0].startswith("#### On the lines this change touches (")
    assert titles[1].startswith("#### Introduced by this change, elsewhere (")
    assert titles[2].startswith("#### Elsewhere in the files this change touches (")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[index + 1].content for index, token in enumerate(tokens) if token.type == "heading_open"]
    assert any(heading.startswith("Data changes") for heading in headings), "the appended heading must render"
    assert "| --- |" not in "".join(token.content for token in tokens if token.type == "paragraph")


def test_a_base_git_does_not_know_is_bad_usage(pull_request):
    result = check("--base", "no-such-revision")
    assert result.exit_code == 2
    assert "--base: no commit 'no-such-revision'" in result.stderr
