"""The data repository's tooling: pre-commit hooks, the pull-request workflow, yamllint, the licence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ccm_stockpile.io.canonical import format_text
from ccm_stockpile.records.state import StateRecord
from tests.conftest import PROJECT


def load(name: str) -> object:
    return yaml.safe_load((PROJECT / name).read_text(encoding="utf-8"))


def test_the_hooks_manifest_is_valid_and_runs_ccm():
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(PROJECT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"ccm-check", "ccm-fmt"}
    assert hooks["ccm-check"]["entry"] == "ccm check --fail-on editor"
    assert hooks["ccm-check"]["pass_filenames"] is False
    assert hooks["ccm-fmt"]["entry"] == "ccm fmt"
    assert hooks["ccm-fmt"]["language"] == "python"


def test_the_repository_uses_the_same_hooks_and_yamllint():
    from pre_commit.clientlib import load_config

    config = load_config(str(PROJECT / ".pre-commit-config.yaml"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    manifest = {hook["id"]: hook for hook in load(".pre-commit-hooks.yaml")}  # type: ignore[union-attr]
    for name in ("ccm-check", "ccm-fmt"):
        assert hooks[name]["entry"] == manifest[name]["entry"]
    assert hooks["yamllint"]["entry"] == "yamllint --strict"


def test_the_pull_request_workflow_runs_fmt_check_and_diff_on_data_changes():
    workflow = load(".github/workflows/check.yml")
    assert isinstance(workflow, dict)
    assert workflow["on"]["pull_request"]["paths"] == ["data/**"]
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    assert "ccm fmt --check" in runs
    assert "ccm check --format github --fail-on editor --changed-files" in runs
    assert '--summary "$GITHUB_STEP_SUMMARY"' in runs
    assert 'ccm diff HEAD^1 HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs


def yamllint(*paths: str | Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "yamllint", "--strict", "-c", str(PROJECT / ".yamllint.yaml"), *map(str, paths)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_shipped_data_and_the_tooling_pass_yamllint():
    result = yamllint("data", ".github", ".pre-commit-hooks.yaml", ".pre-commit-config.yaml", ".yamllint.yaml")
    assert result.returncode == 0, result.stdout


def test_yamllint_refuses_what_other_readers_misread_and_ccm_fmt_fixes_it(tmp_path):
    text = "iso3: ESP\nretention:\n  - year: 2016\n    by_type:\n      - type: M42\n        lots: [0123]\n    note: yes\n"
    path = tmp_path / "esp.yaml"
    path.write_text(text, encoding="utf-8")
    result = yamllint(path)
    assert "forbidden implicit octal value" in result.stdout
    assert "truthy value" in result.stdout
    path.write_text(format_text(text, StateRecord), encoding="utf-8")
    assert yamllint(path).returncode == 0


def test_the_licence_is_the_one_the_package_declares():
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert 'license = "MIT"' in (PROJECT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("hook", "files"),
    [
        ("ccm-check", ["--all-files"]),
        # fmt on the shipped records only: the test fixtures elsewhere are broken or messy on purpose
        ("ccm-fmt", ["--files", *sorted(p.relative_to(PROJECT).as_posix() for p in (PROJECT / "data").rglob("*.yaml"))]),
    ],
)
def test_pre_commit_try_repo_passes_on_the_shipped_data(tmp_path, hook, files):
    """The hooks as another repository gets them: pre-commit builds ccm from this repository and runs it in a
    clone (so that a hook that rewrites files never touches the working tree)."""
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(clone)], check=True)
    shutil.rmtree(clone / "data")
    shutil.copytree(PROJECT / "data", clone / "data")  # the data as it stands, committed or not
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(PROJECT), hook, *files, "--verbose"],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
