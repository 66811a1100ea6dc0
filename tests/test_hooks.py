"""The data repository's tooling: pre-commit hooks, the pull-request workflow, yamllint, the licence."""

from __future__ import annotations

import os
import re
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
    assert set(hooks) == {"ccm-check", "ccm-fmt", "ccm-schema"}
    assert hooks["ccm-schema"]["entry"] == "ccm check --select E001,E002,E003,E004,P005"
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
        # the same command, run by scripts/ccm-hook with the project's .venv (no activated environment needed)
        assert hooks[name]["entry"] == "scripts/ccm-hook " + manifest[name]["entry"].removeprefix("ccm ")
        assert hooks[name]["language"] in {"script", "unsupported_script"}  # pre-commit 4.4 renamed it
    assert hooks["yamllint"]["entry"] == "yamllint --strict"


def _hook(*arguments: str, path: str = "/usr/bin:/bin", cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    """scripts/ccm-hook as a git GUI runs it: a bare PATH, no virtual environment activated."""
    environment = {"PATH": path, "HOME": os.environ.get("HOME", "/tmp"), "CCM_CACHE_DIR": os.environ.get("CCM_CACHE_DIR", "")}
    return subprocess.run(
        [str(PROJECT / "scripts" / "ccm-hook"), *arguments], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


@pytest.mark.skipif(not (PROJECT / ".venv" / "bin" / "ccm").exists(), reason="needs the project's .venv (make check)")
def test_the_hook_runs_without_an_activated_environment_and_says_first_what_to_fix(data_dir, write_state):
    from tests.conftest import make_state

    write_state(make_state())
    assert _hook("check", "--data", str(data_dir), "--as-of", "2025-06-01").returncode == 0
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    failed = _hook("check", "--data", str(data_dir), "--as-of", "2025-06-01", "--no-cache")
    assert failed.returncode == 1
    lines = failed.stdout.splitlines()
    assert lines[0].startswith("ccm check failed: 1 error(s), ")
    assert lines[1].startswith("Fix the error(s) listed first below (file:line:column, then what to do)")
    report = lines[lines.index("") + 1 :]
    assert report[0].endswith("states/esp.yaml")
    assert "E002 error" in report[1]


def test_the_hook_without_any_ccm_says_how_to_install_it(tmp_path):
    hook = tmp_path / "scripts" / "ccm-hook"
    hook.parent.mkdir()
    shutil.copy(PROJECT / "scripts" / "ccm-hook", hook)
    done = subprocess.run([str(hook), "check"], env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith("ccm is not installed for this repository: run `make check` once")


def test_the_pull_request_workflow_runs_fmt_check_and_diff_on_data_changes():
    workflow = load(".github/workflows/check.yml")
    assert isinstance(workflow, dict)
    assert workflow["on"]["pull_request"]["paths"] == ["data/**"]
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    assert "ccm fmt --check" in runs
    assert "ccm check --format github --fail-on editor --base HEAD^1" in runs
    assert '--summary "$GITHUB_STEP_SUMMARY"' in runs
    assert 'ccm diff HEAD^1 HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs


def test_the_workflow_pins_each_action_by_commit_with_its_version_and_keeps_no_credentials():
    workflow = load(".github/workflows/check.yml")
    assert isinstance(workflow, dict)
    text = (PROJECT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    uses = [line.split("uses:", 1)[1].strip() for line in text.splitlines() if "uses:" in line]
    assert uses
    for use in uses:
        action, _, rest = use.partition("@")
        commit, _, comment = rest.partition(" # ")
        assert re.fullmatch(r"[0-9a-f]{40}", commit), f"{use}: pin by the full commit, not a tag"
        assert comment.startswith("v"), f"{action}: say the version the commit is in a comment"
    steps = workflow["jobs"]["check"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]


@pytest.mark.slow
def test_zizmor_finds_nothing_at_medium_severity_or_above_in_the_workflows():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if zizmor is None:  # pragma: no cover
        pytest.skip("zizmor is not installed (it comes with the test extra)")
    done = subprocess.run(
        [zizmor, "--offline", "--min-severity", "medium", "--format", "plain", str(PROJECT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


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
