"""One-off import of the treaty dates in ../shared/reference/ccm-reference.md §2 into data/states/.

Kept for provenance: it shows exactly how each state file's dates were taken from the UN Treaty
Collection table. It only creates files that do not exist yet, so it never overwrites edited records.
Run from the project root: python scripts/import_treaty_dates.py ../shared/reference/ccm-reference.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

UNTC_URL = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-6&chapter=26&clang=_en"
HEADER = "# yaml-language-server: $schema=../../schemas/state.schema.json\n"
ROW = re.compile(r"^\|\s*(?P<name>[^|]+?)\s*\|\s*(?P<iso3>[A-Z]{3})\s*\|(?P<rest>.*)\|\s*$")


def quoted(text: str) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z .()\-]*", text) and text.lower() not in {"yes", "no", "null"}:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def consent_type(notes: str) -> str:
    if notes.startswith("acceptance"):
        return "acceptance"
    if notes.startswith("accession"):
        return "accession"
    return "ratification"


def render(
    name: str,
    iso3: str,
    status: str,
    signed: str | None,
    consent: tuple[str, str] | None,
    eif: str | None,
    withdrawal: tuple[str, str] | None,
) -> str:
    lines = [HEADER, f"iso3: {iso3}\n", f"name: {quoted(name)}\n", f"status: {status}\n"]
    lines.append(f"signed: {signed or 'null'}\n")
    if consent:
        lines.append(f"consent:\n  date: {consent[0]}\n  type: {consent[1]}\n")
    else:
        lines.append("consent: null\n")
    lines.append(f"entry_into_force: {eif or 'null'}\n")
    if withdrawal:
        lines.append(f"withdrawal:\n  notified: {withdrawal[0]}\n  effective: {withdrawal[1]}\n")
    else:
        lines.append("withdrawal: null\n")
    lines.append("stockpile:\n  status: unknown\n")
    lines.append("retention: []\n")
    lines.append("engagements: []\n")
    lines.append(
        "sources:\n"
        f"  - url: {UNTC_URL}\n"
        "    title: UN Treaty Collection, Convention on Cluster Munitions (MTDSG XXVI-6), status as at 3 February 2026\n"
        "    accessed: 2026-02-03\n"
    )
    if withdrawal:
        lines.append(
            "    quote: The withdrawal took effect for Lithuania on 6 March 2025 in accordance with article 20 (3)"
            " of the Convention.\n"
        )
    return "".join(lines)


def reference_rows(reference: Path):
    """(section, name, iso3, cells) for each state row of ccm-reference.md §2.1-2.3."""
    section = None
    for line in reference.read_text(encoding="utf-8").splitlines():
        if line.startswith("### 2.1"):
            section = "party"
        elif line.startswith("### 2.2"):
            section = "signatory"
        elif line.startswith("### 2.3"):
            section = "withdrawn"
        elif line.startswith("## 3"):
            return
        match = ROW.match(line) if section else None
        if match:
            yield section, match["name"], match["iso3"], [c.strip() for c in match["rest"].split("|")]


def main(reference: Path, out_dir: Path) -> None:
    for section, name, iso3, cells in reference_rows(reference):
        signed = None if cells[0] in {"—", ""} else cells[0]
        if section == "party":
            text = render(name, iso3, "party", signed, (cells[1], consent_type(cells[3])), cells[2], None)
        elif section == "signatory":
            text = render(name, iso3, "signatory", signed, None, None, None)
        else:
            text = render(name, iso3, "withdrawn", signed, (cells[1], "ratification"), cells[2], ("2024-09-06", "2025-03-06"))
        target = out_dir / f"{iso3.lower()}.yaml"
        if not target.exists():
            target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path("data/states"))
