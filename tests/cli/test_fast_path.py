"""The fast path never changes an answer (issue 15, point 6): for every option combination it accepts (built
from its own table, `fast.ACCEPTED`, so an option added there is covered here or this test fails), its output
and exit code are those of the full command line.

The fast suite runs every option with every example value and every pair with one; `make test-slow` every
subset of the options, with every value for pairs."""

from __future__ import annotations

import contextlib
import io
import itertools
import shutil
from pathlib import Path

import pytest

from ccm_stockpile.cli import fast

PROJECT = Path(__file__).resolve().parents[2]
GOLDEN = PROJECT / "tests" / "golden" / "data"

# Example values for each option of the table: valid ones, each a different answer where it can be. An option
# of the table missing here fails `test_every_accepted_option_has_examples`.
EXAMPLES: dict[str, dict[str, list[str]]] = {
    "check": {
        "--data": ["data", "other"],
        "--as-of": ["2020-01-01", "2025-06-01"],
        "--format": ["text", "json", "github"],
        "--select": ["R1,T2", "e002"],
        "--ignore": ["E", "R10"],
        "--state": ["esp", "AUT"],
        "--fail-on": ["editor", "any"],
        "--strict": [""],
        "--no-cache": [""],
    },
    "show": {"--data": ["data", "other"], "--as-of": ["2020-01-01", "2025-06-01"]},
}
POSITIONAL = {"check": [[]], "show": [["ESP"], ["aut"]]}


def test_every_accepted_option_has_examples():
    assert {name: set(options) for name, options in fast.ACCEPTED.items()} == {
        name: set(options) for name, options in EXAMPLES.items()
    }


def _argvs(name: str, largest: int, every_value_up_to: int) -> list[list[str]]:
    """Every combination of at most `largest` options: with every example value when there are at most
    `every_value_up_to` of them, else with the first."""
    options = sorted(EXAMPLES[name])
    argvs = []
    for size in range(largest + 1):
        for chosen in itertools.combinations(options, size):
            values = [EXAMPLES[name][option] if size <= every_value_up_to else EXAMPLES[name][option][:1] for option in chosen]
            for picked in itertools.product(*values):
                for positional in POSITIONAL[name]:
                    argv = [name, *positional]
                    for option, value in zip(chosen, picked, strict=True):
                        argv += [option, value] if fast.ACCEPTED[name][option] else [option]
                    argvs.append(argv)
    return argvs


def _full(argv: list[str]) -> tuple[str, int]:
    from ccm_stockpile.cli.app import app

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        try:
            app(args=argv, prog_name="ccm")
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0
    return buffer.getvalue(), code


def _fast(argv: list[str]) -> tuple[str, int] | None:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = fast.answer_from_cache(argv)
    return None if code is None else (buffer.getvalue(), code)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "data")
    shutil.copytree(GOLDEN, tmp_path / "other")
    (tmp_path / "other" / "states" / "bel.yaml").unlink()  # another answer: no E002, Belgium unknown
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


def _compare(argvs: list[list[str]], cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1. Each run on its own (an empty cache): `check` is computed by the fast path, `show` left to the full one.
    fresh = itertools.count()
    expected = {}
    for argv in argvs:
        monkeypatch.setenv("CCM_CACHE_DIR", str(cache_folder / f"alone-{next(fresh)}"))
        expected[tuple(argv)] = _full(argv)
        monkeypatch.setenv("CCM_CACHE_DIR", str(cache_folder / f"alone-{next(fresh)}"))
        answer = _fast(argv)
        if argv[0] == "check":
            assert answer == expected[tuple(argv)], argv
        else:
            assert answer is None, argv
    # 2. One cache shared by every run, filled by the full command line: the fast path finds each run's own
    # answer, never another's (a key that left out an option would mix two of them up).
    monkeypatch.setenv("CCM_CACHE_DIR", str(cache_folder / "shared"))
    for argv in argvs:
        _full(argv)
    for argv in argvs:
        answer = _fast(argv)
        if "--no-cache" in argv:
            assert answer == expected[tuple(argv)], argv
        else:
            assert answer is not None, argv
            assert answer == expected[tuple(argv)], argv


def test_the_fast_path_answers_as_the_full_command_line_for_every_pair_of_options(folders, tmp_path, monkeypatch):
    argvs = _argvs("check", 2, 1) + _argvs("show", 2, 2)
    assert len(argvs) > 60
    _compare(argvs, tmp_path / "caches", monkeypatch)


@pytest.mark.slow
def test_the_fast_path_answers_as_the_full_command_line_for_every_combination(folders, tmp_path, monkeypatch):
    argvs = _argvs("check", len(EXAMPLES["check"]), 2) + _argvs("show", len(EXAMPLES["show"]), 2)
    _compare(argvs, tmp_path / "caches", monkeypatch)
