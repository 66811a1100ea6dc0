"""`make bench`: whole processes timed against the floors they cannot beat, as ratios measured in one run.

Each measure is the median of RUNS runs after a warm-up, the commands interleaved round by round so that
a noisy machine slows every command alike and the ratios hold. Prints a table (figure, ratio, target,
verdict) and exits 1 when a ratio misses its target. Python may write byte code (PYTHONDONTWRITEBYTECODE
is removed for the timed processes, as an installed package has its byte code), and the results cache
lives in a temporary folder.

    .venv/bin/python bench/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import generate

PYTHON = sys.executable
CCM = str(Path(sys.executable).with_name("ccm"))
BARE_LOAD = (
    "import sys, glob, yaml\n"
    "root = sys.argv[1]\n"
    "for p in sorted(glob.glob(root + '/states/*.yaml')) + sorted(glob.glob(root + '/practices/*.yaml')):\n"
    "    yaml.load(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
)
SITE_SECONDS = 10  # `ccm site` of the shipped data, absolute (issue 20)
PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def timed(command: list[str], env: dict[str, str], before: Callable[[], None] | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def touch_all(root: Path, counter: list[int]) -> Callable[[], None]:
    """Change every data file's bytes (a comment line), so that no cached result can be reused."""

    def change() -> None:
        counter[0] += 1
        for path in sorted(root.glob("*/*.yaml")):
            text = path.read_text(encoding="utf-8").split("\n# bench run", 1)[0]
            path.write_text(f"{text}\n# bench run {counter[0]}\n", encoding="utf-8")

    return change


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env["CCM_CACHE_DIR"] = str(work / "cache")
        one, steady, ten = work / "x1", work / "x1-steady", work / "x10"
        lines_one, lines_ten = generate(one), generate(ten, scale=10)
        generate(steady)  # a copy whose files never change between runs: the warm measure
        shipped = Path(__file__).resolve().parents[1] / "data"
        as_of = "--as-of=2025-06-01"
        counters = ([0], [0])
        commands: dict[str, tuple[list[str], Callable[[], None] | None]] = {
            "bare libyaml load, 1x": ([PYTHON, "-c", BARE_LOAD, str(one)], None),
            "ccm check cold, 1x": ([CCM, "check", "--data", str(one), as_of], touch_all(one, counters[0])),
            "import typer, pydantic, rich": ([PYTHON, "-c", "import typer, pydantic, rich"], None),
            "ccm check warm, 1x": ([CCM, "check", "--data", str(steady), as_of], None),
            "import typer": ([PYTHON, "-c", "import typer"], None),
            "ccm --help": ([CCM, "--help"], None),
            "ccm show ESP (shipped data)": ([CCM, "show", "ESP", "--data", str(shipped), as_of], None),
            "ccm check cold, 10x": ([CCM, "check", "--data", str(ten), as_of], touch_all(ten, counters[1])),
            # issue 20: the whole site of the shipped data, every language, downloads and Working Document
            "ccm site (shipped data)": ([CCM, "site", "--data", str(shipped), "--out", str(work / "site"), as_of], None),
        }
        for command, before in commands.values():  # warm-up: byte code, disk cache, the results cache
            timed(command, env, before)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, before) in commands.items():
                samples[name].append(timed(command, env, before))
        medians = {name: statistics.median(values) for name, values in samples.items()}
        touch_all(ten, counters[1])()
        peak_kib = int(
            subprocess.run(
                [PYTHON, "-c", PEAK, CCM, "check", "--data", str(ten), as_of], env=env, capture_output=True, text=True, check=True
            ).stdout.strip()
        )
    rows = [
        ("ccm check cold, 1x", "bare libyaml load, 1x", 1.3),
        ("ccm check warm, 1x", "import typer, pydantic, rich", 1.5),
        ("ccm --help", "import typer", 1.2),
        ("ccm show ESP (shipped data)", "import typer", 1.2),
        ("ccm check cold, 10x", "ccm check cold, 1x", 11.0),
    ]
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; median of {runs} runs, "
        f"interleaved; data: {lines_one:,} lines (1x), {lines_ten:,} lines (10x)\n"
    )
    print(f"| {'measure':<30} | {'median':>9} | {'against':<30} | {'ratio':>6} | {'target':>7} |    |")
    print(f"|{'-' * 32}|{'-' * 11}|{'-' * 32}|{'-' * 8}|{'-' * 9}|----|")
    failed = 0
    for name, floor, target in rows:
        ratio = medians[name] / medians[floor]
        verdict = "ok" if ratio <= target else "MISS"
        failed += verdict == "MISS"
        print(f"| {name:<30} | {medians[name] * 1000:7.0f} ms | {floor:<30} | {ratio:5.2f}x | <= {target:<4}x | {verdict:<2} |")
    peak_mb = peak_kib * 1024 / 1e6
    verdict = "ok" if peak_mb < 200 else "MISS"
    failed += verdict == "MISS"
    print(f"| {'peak memory, check 10x':<30} | {peak_mb:6.0f} MB | {'':<30} | {'':>6} | {'< 200 MB':>7} | {verdict:<2} |")
    site_s = medians["ccm site (shipped data)"]
    verdict = "ok" if site_s < SITE_SECONDS else "MISS"
    failed += verdict == "MISS"
    target = f"< {SITE_SECONDS} s"
    print(f"| {'ccm site (shipped data)':<30} | {site_s * 1000:7.0f} ms | {'':<30} | {'':>6} | {target:>7} | {verdict:<2} |")
    for name in ("bare libyaml load, 1x", "import typer, pydantic, rich", "import typer"):
        print(f"  floor: {name:<28} {medians[name] * 1000:7.0f} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
