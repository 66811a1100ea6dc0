"""Safety (issue 12, point 5): user templates cannot reach Python internals, and no crafted id, file name, ISO3
argument or --out value makes a command write outside the folder it was given.

Every document command is run with a user template or crafted data, and the whole run folder is compared
before and after: the only new files are the expected ones, directly in the resolved --out folder.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import PROJECT, make_practice

runner = CliRunner()
GOLDEN = PROJECT / "tests" / "golden"
AS_OF = ["--as-of", "2025-06-01"]
CANARY = "CANARY"


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file() or path.is_symlink()}


@pytest.fixture
def run_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/work/ is the working folder (relative --out values start there); tmp/ is watched for any write."""
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return tmp_path


# -- The template sandbox -----------------------------------------------------------------------------------

PYTHON_INTERNALS = {
    "the class of a string": ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object is unsafe"),
    "cycler's globals": ("{{ cycler.__init__.__globals__ }}", "access to attribute '__init__' of 'type' object is unsafe"),
    "joiner's os module": (
        "{{ joiner.__init__.__globals__.os.system('touch CANARY') }}",
        "'__init__' of 'type' object is unsafe",
    ),
    "lipsum's globals": (
        "{{ lipsum.__globals__['os'].popen('touch CANARY').read() }}",
        "access to attribute '__globals__' of 'function' object is unsafe",
    ),
    "namespace's globals": ("{{ namespace.__init__.__globals__ }}", "access to attribute '__init__' of 'type' object is unsafe"),
    "the attr filter": ("{{ ''|attr('__class__') }}", "access to attribute '__class__' of 'str' object is unsafe"),
    "a subscript": ("{{ ''['__class__'] }}", "access to attribute '__class__' of 'str' object is unsafe"),
    "str.format": ("{{ '{0.__class__}'.format('') }}", "access to attribute '__class__' of 'str' object is unsafe"),
    "subclasses": (
        "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "access to attribute '__class__' of 'tuple' object is unsafe",
    ),
    "the template's own reference": ("{{ self.__init__ }}", "access to attribute '__init__' of 'TemplateReference'"),
    "the context's data": ("{{ letter.__dict__ }}", "access to attribute '__dict__' of 'Letter' object is unsafe"),
    "a method's globals": ("{{ letter.__init__.__globals__ }}", "access to attribute '__init__' of 'Letter' object is unsafe"),
    "a file outside the templates": ("{% include '../../../../../../etc/passwd' %}", "../../../../../../etc/passwd"),
    "an absolute file": ("{% include '/etc/passwd' %}", "/etc/passwd"),
    "extending a file outside": ("{% extends '../x.j2' %}", "../x.j2"),
    "a range too big": ("{{ range(10**9)|list|length }}", "OverflowError: Range too big"),  # was exit 3
    "a division by zero": ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),  # was exit 3
}

TEMPLATE_COMMANDS: dict[str, tuple[str, str, Callable[[Path], list[str]]]] = {
    # command: (fixture, template it reads, arguments given the templates folder)
    "letter": ("letters-data", "letters/followup.md.j2", lambda t: ["letter", "ESP", "--lang", "en", "--templates", str(t)]),
    "invite": (
        "practices-data",
        "letters/invitation.md.j2",
        lambda t: ["invite", "NOR", "--lang", "en", "--templates", str(t)],
    ),
    "working-document": (
        "documents-data",
        "working-document.en.md.j2",
        lambda t: ["working-document", "--templates", str(t)],
    ),
    "progress": ("documents-data", "progress.md.j2", lambda t: ["progress", "--format", "md", "--templates", str(t)]),
    "practices compendium": (
        "practices-data",
        "practices/compendium.en.md.j2",
        lambda t: ["practices", "compendium", "--templates", str(t)],
    ),
}


def _run_with_template(run_folder: Path, command: str, text: str) -> tuple[object, Path]:
    fixture, template, arguments = TEMPLATE_COMMANDS[command]
    templates = run_folder / "templates"
    (templates / template).parent.mkdir(parents=True, exist_ok=True)
    (templates / template).write_text(f"# A user's template\n\n{text}\n", encoding="utf-8")
    out = run_folder / "out"
    data = GOLDEN / fixture
    result = runner.invoke(app, [*arguments(templates), "--data", str(data), "--out", str(out), *AS_OF])
    return result, out


@pytest.mark.parametrize("name", list(PYTHON_INTERNALS))
def test_a_user_template_cannot_reach_python_internals(name: str, run_folder: Path) -> None:
    text, message = PYTHON_INTERNALS[name]
    before = files_under(run_folder)
    result, out = _run_with_template(run_folder, "letter", text.replace(CANARY, str(run_folder / CANARY)))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    assert "ccm: template letters/followup.md.j2, line 3: " in result.output
    assert message in result.output
    assert not out.exists()  # nothing written
    assert files_under(run_folder) - before == {run_folder / "templates" / "letters" / "followup.md.j2"}
    assert not (run_folder / CANARY).exists()


@pytest.mark.parametrize("command", list(TEMPLATE_COMMANDS))
def test_every_document_command_renders_in_the_sandbox(command: str, run_folder: Path) -> None:
    text, message = PYTHON_INTERNALS["cycler's globals"]
    result, out = _run_with_template(run_folder, command, text)
    assert result.exit_code == 1, result.output
    assert f"ccm: template {TEMPLATE_COMMANDS[command][1]}, line 3: {message}" in result.output
    assert not out.exists() or not any(out.iterdir())


# -- Output names -------------------------------------------------------------------------------------------

CRAFTED_OUT = ["../escape/../out", "a b/ü/out/", "./-rf", "/ABSOLUTE/out"]


def _resolved(run_folder: Path, value: str) -> Path:
    value = value.replace("/ABSOLUTE", str(run_folder))
    return Path(os.path.normpath(run_folder / "work" / value))


OUT_COMMANDS: dict[str, tuple[str, Callable[[str], list[str]], list[str]]] = {
    # command: (fixture, arguments given --out, the names it writes)
    "letter": ("letters-data", lambda o: ["letter", "--followup", "--out", o], ["followup-{iso3}-2025-06-01.en.md"]),
    "invite": ("practices-data", lambda o: ["invite", "--completed", "--out", o], ["invitation-{iso3}-2025-06-01.en.md"]),
    "working-document": (
        "documents-data",
        lambda o: ["working-document", "--out", o],
        ["working-document-2025-06-01.en.md", "retained-holdings-2025-06-01.svg"],
    ),
    "progress": ("documents-data", lambda o: ["progress", "--format", "md", "--out", o], ["progress-2025-06-01.en.md"]),
    "practices compendium": (
        "practices-data",
        lambda o: ["practices", "compendium", "--out", o],
        ["practices-compendium-2025-06-01.en.md"],
    ),
    "schema": ("letters-data", lambda o: ["schema", "--out", o], ["{any}.schema.json"]),
    "chart": ("documents-data", lambda o: ["chart", "--out", f"{o}/chart.svg"], ["chart.svg"]),
    "export": ("letters-data", lambda o: ["export", "--out", f"{o}/ccm.csv"], ["ccm.csv"]),
}


def _name_matches(name: str, patterns: list[str]) -> bool:
    import re

    return any(re.fullmatch(re.escape(p).replace(r"\{iso3\}", "[A-Z]{3}").replace(r"\{any\}", "[a-z]+"), name) for p in patterns)


@pytest.mark.parametrize("value", CRAFTED_OUT)
@pytest.mark.parametrize("command", list(OUT_COMMANDS))
def test_a_crafted_out_value_writes_only_into_that_folder(command: str, value: str, run_folder: Path) -> None:
    fixture, arguments, names = OUT_COMMANDS[command]
    data = run_folder / "data"
    shutil.copytree(GOLDEN / fixture, data)
    before = files_under(run_folder)
    out_value = value.replace("/ABSOLUTE", str(run_folder))
    command_line = arguments(out_value)
    if command != "schema":
        command_line += ["--data", str(data)]
    if command not in {"schema", "export"}:
        command_line += AS_OF
    result = runner.invoke(app, command_line)
    assert result.exit_code in (0, 1), result.output
    written = files_under(run_folder) - before
    assert written, result.output
    folder = _resolved(run_folder, value)
    for path in written:
        assert path.parent.resolve() == folder.resolve(), (path, folder)
        assert _name_matches(path.name, names), path.name


def _crafted_data(run_folder: Path) -> Path:
    """The letters fixture with a state file under a crafted name, and practices whose ids are paths."""
    data = run_folder / "data"
    shutil.copytree(GOLDEN / "letters-data", data)
    # A state file whose name is not its code (E004): output names come from the validated `iso3`, never the file.
    (data / "states" / "esp.yaml").rename(data / "states" / "-rf ..evil ü.yaml")
    practices = data / "practices"
    practices.mkdir()
    for number, identifier in enumerate(["../../evil", "a/b", str(run_folder / "absolute-evil"), "..", "~/x", "-rf"]):
        record = make_practice(id=identifier, states=["ESP"])
        (practices / f"p{number}.yaml").write_text(json.dumps(record), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        # The crafted state file has an error for the editor (E004): nothing is addressed to that State (SPEC 3b).
        (["letter", "ESP", "--out", "{out}"], set()),
        (["letter", "--followup", "--out", "{out}"], {"followup-BIH-2025-06-01.en.md"}),
        (["invite", "ESP", "--lang", "en", "--out", "{out}"], set()),
        (["practices", "compendium", "--out", "{out}"], {"practices-compendium-2025-06-01.en.md"}),
        (["working-document", "--out", "{out}"], set()),
        (["practices", "show", "../../evil"], set()),
    ],
    ids=["letter", "letter --followup", "invite", "compendium", "working-document", "practices show"],
)
def test_crafted_ids_and_file_names_never_name_an_output(arguments: list[str], expected: set[str], run_folder: Path) -> None:
    data = _crafted_data(run_folder)
    out = run_folder / "out"
    before = files_under(run_folder)
    result = runner.invoke(app, [*(a.replace("{out}", str(out)) for a in arguments), "--data", str(data), *AS_OF])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    written = files_under(run_folder) - before
    assert {path.relative_to(out).as_posix() for path in written} == expected
    assert not (run_folder / "absolute-evil").exists()
    assert not (run_folder.parent / "evil").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["letter", "../../evil"],
        ["letter", "/etc"],
        ["invite", "a/b"],
        ["new-year", "../x", "2025"],
        ["log", "E/S", "--kind", "reply", "--date", "2025-08-20", "--summary", "x"],
        ["show", "../.."],
    ],
    ids=lambda arguments: " ".join(arguments[:2]),
)
def test_a_crafted_iso3_argument_is_bad_usage_and_writes_nothing(arguments: list[str], run_folder: Path) -> None:
    data = run_folder / "data"
    shutil.copytree(GOLDEN / "letters-data", data)
    before = {path: path.read_bytes() for path in files_under(run_folder)}
    command_line = [*arguments, "--data", str(data)]
    if arguments[0] in {"letter", "invite"}:
        command_line += ["--out", str(run_folder / "out")]
    if arguments[0] in {"letter", "invite", "show"}:
        command_line += AS_OF
    result = runner.invoke(app, command_line)
    assert result.exit_code == 2, result.output
    assert "ISO3" in result.output
    assert {path: path.read_bytes() for path in files_under(run_folder)} == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["letter", "ESP", "--out", "{file}"],
            "ccm: cannot write {file}/followup-ESP-2025-06-01.en.md: {file} is a file, not a folder",
        ),
        (["chart", "--out", "{file}/chart.svg"], "ccm: cannot write {file}/chart.svg: {file} is a file, not a folder"),
        (["export", "--out", "{file}/x.csv"], "ccm: cannot write {file}/x.csv: {file} is a file, not a folder"),
        (["schema", "--out", "{file}"], "ccm: cannot write {file}/state.schema.json: {file} is a file, not a folder"),
        (["export", "--out", "{folder}"], "ccm: cannot write {folder}: Is a directory"),
    ],
    ids=["letter", "chart", "export into a file", "schema", "export onto a folder"],
)
def test_an_out_that_cannot_be_written_is_one_line_and_exit_2(arguments: list[str], message: str, run_folder: Path) -> None:
    """Was an internal error (exit 3): an --out naming a file where a folder is needed, or a folder for a file."""
    data = run_folder / "data"
    shutil.copytree(GOLDEN / "letters-data", data)
    a_file, a_folder = run_folder / "a-file", run_folder / "a-folder"
    a_file.write_text("not a folder\n", encoding="utf-8")
    a_folder.mkdir()

    def filled(text: str) -> str:
        return text.replace("{file}", str(a_file)).replace("{folder}", str(a_folder))

    command_line = [filled(a) for a in arguments]
    if arguments[0] != "schema":
        command_line += ["--data", str(data)]
    if arguments[0] in {"letter", "chart"}:
        command_line += AS_OF
    result = runner.invoke(app, command_line)
    assert result.exit_code == 2, result.output
    assert filled(message) in result.output
    assert "internal error" not in result.output
    assert a_file.read_text(encoding="utf-8") == "not a folder\n"
    assert list(a_folder.iterdir()) == []
