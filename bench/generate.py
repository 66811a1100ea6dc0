"""Generate a synthetic full-history data set for `make bench`: every State Party with 15 years of
retention (three `by_type` rows a year, movements, transfers, sources), engagements and practices.

Usage: python bench/generate.py OUT_DIR [--scale N]   (N copies of the set; 1 gives about 40,000 lines)

Findings come at the shipped data's rate (about 3 per 100 lines, issue 15): a year in three records no
types or lots (R107), another leaves the actual use out (R105), and every file has its E004; a finding is
where the reader goes back to a file for a position, so a set without findings would flatter `ccm check`.

The figures are invented on purpose, in a throw-away folder: they are test load, never data.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ccm_stockpile.records.iso3166 import ALPHA3

YEARS = range(2010, 2025)
SOURCE = (
    "      - url: https://example.org/report/{iso3}/{year}\n"
    "        title: Synthetic report {year}\n"
    '        quote: "retained {m} cluster munitions and {s} submunitions"\n'
)


def state(iso3: str, name: str) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/state.schema.json\n",
        f"iso3: {iso3}\n",
        f"name: {name}\n",
        "status: party\n",
        "signed: 2008-12-03\n",
        "consent:\n  date: 2009-06-17\n  type: ratification\n",
        "entry_into_force: 2010-08-01\n",
        "withdrawal: null\n",
        "stockpile:\n  status: destroyed\n  destroyed: {munitions: 4762, submunitions: 232647}\n  completed: 2009-03-31\n",
        '  sources:\n    - url: https://example.org/stockpile\n      quote: "4,762 and 232,647"\n',
        "retention:\n",
    ]
    held_m, held_s = 300, 9000
    for position, year in enumerate(YEARS):
        used_m, used_s = 3, 90
        held_m, held_s = held_m - used_m, held_s - used_s
        rows = [(held_m // 3, held_s // 3), (held_m // 3, held_s // 3), (held_m - 2 * (held_m // 3), held_s - 2 * (held_s // 3))]
        lines += [
            f"  - year: {year}\n",
            "    report: reported\n",
            f"    submitted: {year + 1}-04-15\n",
            f"    held: {{munitions: {held_m}, submunitions: {held_s}}}\n",
        ]
        if position % 3 == 0:  # R107: no types or lots recorded
            lines.append("    by_type: []\n")
        else:
            lines.append("    by_type:\n")
            for index, (m, s) in enumerate(rows):
                lines.append(f'      - {{type: M4{index}, munitions: {m}, submunitions: {s}, lots: ["0{index}23", "LOT-{year}"]}}\n')
        actual_use = "null" if position % 3 == 1 else "Demolition training and testing of detection equipment."
        lines += [
            f"    consumed: {{munitions: {used_m}, submunitions: {used_s}}}\n",
            "    destroyed: {munitions: 0, submunitions: 0}\n",
            "    acquired: {munitions: 0, submunitions: 0}\n",
            "    transfers: []\n",
            "    planned_use: Training of explosive ordnance disposal teams in detection and clearance.\n",
            f"    actual_use: {actual_use}\n",
            *(["    omitted: [actual_use]\n"] if position % 3 == 1 else []),  # R105: the report leaves it out
            "    sources:\n",
            SOURCE.format(iso3=iso3, year=year + 1, m=held_m, s=held_s),
            f"      - url: https://example.org/monitor/{iso3}/{year + 1}\n",
            f"        title: Synthetic profile {year + 1}\n        accessed: 2026-01-01\n",
            f'    note: "Synthetic entry for the benchmark; figures as at 31 December {year}."\n',
        ]
    lines += [
        "engagements:\n",
        "  - date: 2025-02-10\n    kind: letter\n    ref: CCM/SDR/2025/1\n    summary: Asked for the planned and actual use.\n",
        "    sources:\n      - title: Letter\n        kept_at: ISU archive\n",
        "  - date: 2025-03-10\n    kind: reply\n    summary: Use described.\n",
        "    sources:\n      - title: Reply\n        kept_at: ISU archive\n",
        "sources:\n  - url: https://treaties.un.org/\n",
    ]
    return "".join(lines)


def practice(index: int) -> str:
    return (
        f"id: practice-{index:03d}\ntitle: Synthetic practice {index}\nmethod: disassembly_recycling\nstates: [ESP]\n"
        "facility: A facility\nperiod: 2010-2012\nquantity: {munitions: 1000, submunitions: 50000}\n"
        "cost: {amount: 1000000, currency: EUR, year: 2011, per: total}\n"
        "safety: Remote disassembly.\nenvironment: Scrap metal recycled.\nefficiency: 100 a day.\n"
        "lessons: Start early.\nsources:\n  - url: https://example.org/practice\n"
    )


def generate(out: Path, scale: int = 1) -> int:
    """Write the set into `out` (replaced); return the number of lines written."""
    if out.exists():
        shutil.rmtree(out)
    (out / "states").mkdir(parents=True)
    (out / "practices").mkdir()
    # Codes no state uses (X.. and Q.. are left to users by ISO 3166), so 1x and 10x have the same make-up:
    # every file gets its E004, whatever the scale.
    spare = [f"{a}{b}{c}" for a in "XQ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    codes = [code for code in spare if code not in ALPHA3][: 110 * scale]
    lines = 0
    for iso3 in codes:
        text = state(iso3, f"State {iso3}")
        (out / "states" / f"{iso3.lower()}.yaml").write_text(text, encoding="utf-8")
        lines += text.count("\n")
    for index in range(10 * scale):
        text = practice(index)
        (out / "practices" / f"practice-{index:03d}.yaml").write_text(text, encoding="utf-8")
        lines += text.count("\n")
    (out / "settings.yaml").write_text("coordinators:\n  - state: ZMB\n", encoding="utf-8")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    arguments = parser.parse_args()
    print(f"{generate(arguments.out, arguments.scale)} lines in {arguments.out}")


if __name__ == "__main__":
    main()
