"""Benchmark: `ccm check` against the floors it cannot beat, measured as ratios in one run.

Usage: .venv/bin/python scripts/bench.py [DATA_DIR]   (default: data)
Prints the median of 5 runs of each: a bare libyaml load of every state file, the same files through
the project's reader (compose + line marks + YAML 1.2 scalars), the whole in-process load + checks, and
whole `ccm check` / `ccm --help` processes against `python -c "import typer"`. A later issue sets the
targets; this script is where they will be checked (not in timed tests).
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml


def median_seconds(function, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main(data: Path) -> None:
    from ccm_stockpile.checks import run_checks
    from ccm_stockpile.dataset import load
    from ccm_stockpile.io.reader import read_file

    files = sorted((data / "states").glob("*.yaml"))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files)
    bare = median_seconds(lambda: [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files])
    reader = median_seconds(lambda: [read_file(p) for p in files])
    whole = median_seconds(lambda: run_checks(load(data), dt.date(2025, 6, 1)))
    ccm = Path(sys.executable).with_name("ccm")
    process = median_seconds(
        lambda: subprocess.run(
            [str(ccm), "check", "--data", str(data), "--as-of", "2025-06-01"], stdout=subprocess.DEVNULL, check=False
        )
    )
    help_time = median_seconds(lambda: subprocess.run([str(ccm), "--help"], stdout=subprocess.DEVNULL, check=True))
    typer_time = median_seconds(lambda: subprocess.run([sys.executable, "-c", "import typer"], check=True))
    print(f"{len(files)} files, {lines} lines")
    print(f"bare libyaml load          {bare * 1000:8.1f} ms  1.00x")
    print(f"project reader             {reader * 1000:8.1f} ms  {reader / bare:.2f}x")
    print(f"load + validate + checks   {whole * 1000:8.1f} ms  {whole / bare:.2f}x")
    print(f"`ccm check` process        {process * 1000:8.1f} ms")
    print(
        f"`ccm --help` process       {help_time * 1000:8.1f} ms  {help_time / typer_time:.2f}x `import typer` "
        f"({typer_time * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data"))
