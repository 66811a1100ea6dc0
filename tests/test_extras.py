"""The core install and the `documents` extra: core commands need none of the extra's modules, and a command
that needs a missing one says which extra to install, exits 2 and writes nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.cli.common import handle
from ccm_stockpile.extras import EXTRA_OF
from tests.conftest import PROJECT, entry, make_state

runner = CliRunner()
ADVICE = (
    "which comes with the `documents` extra: install it with `pip install 'ccm-stockpile[documents]'` "
    "(in this repository: `make check` installs everything)"
)


def _without(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Simulate an install without these modules: importing one raises ModuleNotFoundError."""
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)


@pytest.mark.parametrize(
    ("arguments", "module", "what"),
    [
        (["export", "--format", "xlsx", "--out", "{out}/table.xlsx"], "openpyxl", "`ccm export --format xlsx`"),
        (["letter", "ESP", "--out", "{out}"], "jinja2", "`ccm letter`"),
        (["letter", "ESP", "--format", "docx", "--out", "{out}"], "pypandoc", "`ccm letter`"),
        (["invite", "ESP", "--out", "{out}"], "babel", "`ccm invite`"),
        (["chart", "--out", "{out}/chart.svg"], "matplotlib", "`ccm chart`"),
        (["working-document", "--out", "{out}"], "matplotlib", "`ccm working-document`"),
        (["progress", "--format", "md", "--out", "{out}"], "jinja2", "`ccm progress`"),
        (["practices", "compendium", "--out", "{out}"], "jinja2", "`ccm practices compendium`"),
    ],
)
def test_a_command_that_needs_a_missing_extra_says_which_and_writes_nothing(
    data_dir, write_state, tmp_path, monkeypatch, arguments, module, what
):
    write_state(make_state(retention=[entry(2023, 315, 7335)]))
    out = tmp_path / "out"
    _without(monkeypatch, module)
    argv = [argument.format(out=out) for argument in arguments]
    dated = [] if argv[0] == "export" else ["--as-of", "2025-06-01"]
    result = runner.invoke(app, [*argv, "--data", str(data_dir), *dated])
    assert result.exit_code == 2, result.output
    assert result.output == f"ccm: {what} needs {module}, {ADVICE}\n"
    assert not out.exists()


def test_an_import_of_an_extra_that_no_command_checked_for_is_the_same_message_not_a_bug(monkeypatch, capsys):
    _without(monkeypatch, "openpyxl")

    def body() -> int:
        import openpyxl  # noqa: F401

        return 0

    assert handle(body, "`ccm site`") == 2
    assert capsys.readouterr().err == f"ccm: `ccm site` needs openpyxl, {ADVICE}\n"


def test_any_other_missing_module_is_still_a_bug(monkeypatch, capsys):
    _without(monkeypatch, "yaml")

    def body() -> int:
        import yaml  # noqa: F401

        return 0

    assert handle(body) == 3
    assert "internal error, please report it" in capsys.readouterr().err


_CORE = """
import sys
for module in {modules!r}:
    sys.modules[module] = None
sys.argv = ["ccm", *{argv!r}]
from ccm_stockpile.cli.fast import main
main()
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--as-of", "2025-06-01", "--no-cache"],
        ["check", "--as-of", "2025-06-01", "--format", "github", "--no-cache"],
        ["fmt", "--check"],
        ["schema", "--out", "{out}"],
        ["show", "ESP", "--as-of", "2025-06-01", "--no-cache"],
        ["todo", "--as-of", "2025-06-01"],
        ["followup", "--as-of", "2025-06-01"],
        ["export"],
        ["diff", "HEAD", "--as-of", "2025-06-01"],
    ],
)
def test_the_core_commands_run_without_any_module_of_the_documents_extra(data_dir, write_state, tmp_path, argv):
    write_state(make_state(retention=[entry(2023, 315, 7335)]))
    git = ["git", "-C", str(data_dir), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(data_dir)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "records"], check=True)
    arguments = [argument.format(out=tmp_path / "schemas") for argument in argv]
    if arguments[0] != "schema":
        arguments += ["--data", str(data_dir)]
    done = subprocess.run(
        [sys.executable, "-c", _CORE.format(modules=sorted(EXTRA_OF), argv=arguments)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        check=False,
    )
    assert done.returncode in {0, 1}, done.stderr
    assert "Traceback" not in done.stderr
    assert "extra" not in done.stderr
