"""Atomic writes (issue 12, point 4): every file the tool writes goes through `write_atomic`, and a write that
fails or is interrupted halfway leaves the old file exactly as it was and no temporary file behind.

The failure is injected where a real one happens: the handle's `write` stops halfway (a full disk), `fsync`
fails (an I/O error), the final rename fails, or Ctrl-C arrives in the middle of the write. Each command
that writes is run on a copy of a fixture folder whose target file already holds other content.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import ccm_stockpile.io.writer as writer
from ccm_stockpile.cli.app import app
from ccm_stockpile.io.writer import WriteError, write_atomic
from tests.conftest import PROJECT

runner = CliRunner()
GOLDEN = PROJECT / "tests" / "golden"
AS_OF = ["--as-of", "2025-06-01"]


@dataclass(frozen=True)
class Writer:
    """A command that writes, the fixture folder it runs on, and the file it writes (relative to the run's folder)."""

    name: str
    fixture: str
    arguments: Callable[[Path, Path], list[str]]  # (data, out) -> the command line
    target: str  # relative to the run's folder (its `data/` and `out/`)


WRITERS = [
    Writer(
        "letter", "letters-data", lambda d, o: ["letter", "ESP", "--out", str(o), *AS_OF], "out/followup-ESP-2025-06-01.en.md"
    ),
    Writer(
        "letter --record (the record)",
        "letters-data",
        lambda d, o: ["letter", "ESP", "--record", "--out", str(o), *AS_OF],
        "data/states/esp.yaml",
    ),
    Writer(
        "invite",
        "practices-data",
        lambda d, o: ["invite", "NOR", "--lang", "en", "--out", str(o), *AS_OF],
        "out/invitation-NOR-2025-06-01.en.md",
    ),
    Writer(
        "working-document",
        "documents-data",
        lambda d, o: ["working-document", "--out", str(o), *AS_OF],
        "out/working-document-2025-06-01.en.md",
    ),
    Writer("chart", "documents-data", lambda d, o: ["chart", "--out", str(o / "chart.svg"), *AS_OF], "out/chart.svg"),
    Writer(
        "progress",
        "documents-data",
        lambda d, o: ["progress", "--format", "md", "--out", str(o), *AS_OF],
        "out/progress-2025-06-01.en.md",
    ),
    Writer(
        "practices compendium",
        "practices-data",
        lambda d, o: ["practices", "compendium", "--out", str(o), *AS_OF],
        "out/practices-compendium-2025-06-01.en.md",
    ),
    Writer("export", "letters-data", lambda d, o: ["export", "--out", str(o / "retention.csv")], "out/retention.csv"),
    Writer("schema", "letters-data", lambda d, o: ["schema", "--out", str(o)], "out/state.schema.json"),
    Writer("fmt", "letters-data", lambda d, o: ["fmt", str(d / "states" / "esp.yaml")], "data/states/esp.yaml"),
    Writer("new-year", "letters-data", lambda d, o: ["new-year", "ESP", "2025"], "data/states/esp.yaml"),
    Writer(
        "log",
        "letters-data",
        lambda d, o: ["log", "ESP", "--kind", "reply", "--date", "2025-08-20", "--summary", "Use described."],
        "data/states/esp.yaml",
    ),
]
RECORD_WRITERS = {"letter --record (the record)", "fmt", "new-year", "log"}


class Interrupted(Exception):
    """Raised by the fake file where the injected failure is not an OSError."""


@pytest.fixture
def run_folder(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    return tmp_path


def _prepare(writer_case: Writer, folder: Path) -> tuple[Path, Path, Path, bytes]:
    data = folder / "data"
    shutil.copytree(GOLDEN / writer_case.fixture, data)
    out = folder / "out"
    target = folder / writer_case.target
    if writer_case.name == "fmt":  # a record that is not in canonical form, so that fmt has something to write
        target.write_text("name: Spain\n" + target.read_text(encoding="utf-8").replace("name: Spain\n", "", 1), encoding="utf-8")
    if not target.exists():
        target.write_bytes(b"the old file, which must survive\n")
    return data, out, target, target.read_bytes()


def _invoke(writer_case: Writer, data: Path, out: Path) -> Any:
    arguments = writer_case.arguments(data, out)
    if arguments[0] not in {"schema"}:
        arguments += ["--data", str(data)]
    return runner.invoke(app, arguments)


MODES = ("write", "fsync", "replace", "interrupt")


def inject(monkeypatch: pytest.MonkeyPatch, mode: str, target: Path) -> None:
    """Make the write of `target`, and only it, fail in `mode` once its temporary file holds half the bytes."""
    real_mkstemp, real_fdopen, real_fsync, real_replace = writer.tempfile.mkstemp, os.fdopen, os.fsync, os.replace
    doomed: dict[int, str] = {}

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        descriptor, name = real_mkstemp(*args, **kwargs)
        temporary = Path(name)
        if temporary.name.startswith(f".{target.name}.") and temporary.parent.resolve() == target.parent.resolve():
            doomed[descriptor] = name
        return descriptor, name

    class HalfWritten:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def write(self, data: bytes) -> int:
            if mode in {"write", "interrupt"}:
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                if mode == "interrupt":
                    raise KeyboardInterrupt
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def flush(self) -> None:
            self.handle.flush()

        def fileno(self) -> int:
            return self.handle.fileno()

        def __enter__(self) -> HalfWritten:
            return self

        def close(self) -> None:
            self.handle.close()

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    def fdopen(descriptor: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(descriptor, *args, **kwargs)
        return HalfWritten(handle) if descriptor in doomed else handle

    def fsync(descriptor: int) -> None:
        if mode == "fsync" and descriptor in doomed:
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(descriptor)

    def replace(source: Any, destination: Any) -> None:
        if mode == "replace" and str(source) in doomed.values():
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(writer.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)


def temporaries(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if re.fullmatch(r"\..+\.tmp", path.name))


def _cases() -> Iterator[Any]:
    for case in WRITERS:
        for mode in MODES if case.name in RECORD_WRITERS or case.name == "letter" else ("write",):
            yield pytest.param(case, mode, id=f"{case.name}-{mode}")


@pytest.mark.parametrize(("case", "mode"), list(_cases()))
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(case: Writer, mode: str, run_folder: Path, monkeypatch):
    data, out, target, before = _prepare(case, run_folder)
    inject(monkeypatch, mode, target)
    result = _invoke(case, data, out)
    assert "Traceback" not in result.output
    if mode == "interrupt":
        assert result.exit_code == 130  # Ctrl-C: 128 + SIGINT, as a shell reports it
    else:
        assert result.exit_code == 2, result.output
        assert f"ccm: cannot write {target}" in result.output
    assert target.read_bytes() == before
    assert temporaries(run_folder) == []
    if case.name.startswith("letter --record"):
        assert (out / "followup-ESP-2025-06-01.en.md").exists()  # the letter went out; the record is untouched


@pytest.mark.parametrize("case", WRITERS, ids=[case.name for case in WRITERS])
def test_the_same_command_writes_when_nothing_fails(case: Writer, run_folder: Path):
    """The control: without the injected failure, each command does write its target."""
    data, out, target, before = _prepare(case, run_folder)
    result = _invoke(case, data, out)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() != before
    assert temporaries(run_folder) == []


@pytest.mark.parametrize("mode", MODES)
def test_write_atomic_keeps_the_old_file_or_none_at_all(mode: str, tmp_path: Path, monkeypatch):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("before\n", encoding="utf-8")
    old.chmod(0o640)
    for target in (old, new):
        with monkeypatch.context() as patched:
            inject(patched, mode, target)
            with pytest.raises(KeyboardInterrupt if mode == "interrupt" else WriteError):
                write_atomic(target, "after\n" * 1000)
    assert old.read_text(encoding="utf-8") == "before\n"
    assert old.stat().st_mode & 0o777 == 0o640
    assert not new.exists()
    assert temporaries(tmp_path) == []


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path):
    target = tmp_path / "x.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    target.chmod(0o604)
    write_atomic(target, "a: 2\n")
    assert (target.read_text(encoding="utf-8"), target.stat().st_mode & 0o777) == ("a: 2\n", 0o604)


# Writes that are not the tool's output: a scratch folder for pandoc and the chart it embeds, and the GitHub job
# summary, which is appended to (GitHub's own contract; an interrupted append never touches what was there).
NOT_THROUGH_WRITE_ATOMIC = {
    ("render/working_document.py", "(Path(folder) / chart_name).write_bytes(image)"),
    ("cli/runs.py", 'with summary.open("a", encoding="utf-8") as handle:'),
}
_WRITES = re.compile(r"\.write_text\(|\.write_bytes\(|\bopen\([^)]*[\"'][wax]b?\+?[\"']|\.save\(|savefig\(|outputfile=")


def test_every_write_of_the_tool_goes_through_write_atomic():
    """grep -rn "write_text|write_bytes|open(..."w"..." src/: each hit is write_atomic itself or a listed exception."""
    package = PROJECT / "src" / "ccm_stockpile"
    found = set()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            if _WRITES.search(line) and not line.lstrip().startswith("#"):
                found.add((relative, line.strip()))
    in_memory = {  # these write to an in-memory buffer that write_atomic then stores
        ("render/export.py", "workbook.save(raw)"),
        ("render/chart.py", "figure.savefig(buffer, format=output, metadata=metadata, dpi=150)"),
        (
            "render/documents.py",
            'pypandoc.convert_text(markdown, output.value, format="markdown", outputfile=str(target), extra_args=arguments)',
        ),  # into a TemporaryDirectory, read back as bytes
        ("io/writer.py", 'with os.fdopen(descriptor, "wb") as handle:'),
    }
    assert found - in_memory == NOT_THROUGH_WRITE_ATOMIC
