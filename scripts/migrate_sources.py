"""Migrate source blocks from the short form `{url, title, quote, accessed}` to `{document, read}` (issue 16).

    python -m scripts.migrate_sources [DATA]      (default: data)

Each short-form source becomes one `document` (what the facts rest on: author or State, title, symbol, date;
for a State's report under Article 7, the State and the year covered) and one place `read` (url, quote,
accessed, and a research note where the old title carried one). Sources of one list that name the same
document are merged into one, with every place read under `read`. Every (url, quote) pair is kept: the
test `tests/test_migrate_sources.py` compares them before and after. Then run `ccm fmt`.

The document is inferred from the old title, the address and the quote by the rules below; what they
cannot name is named from the title as written (author = the part before the first comma).
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path
from typing import Any

from ccm_stockpile.domain.provenance import is_mirror

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = re.compile(rf"^(?:(\d{{1,2}}) )?({_MONTHS})? ?(\d{{4}})$")
_AUTHORS = {
    "CMC": "Cluster Munition Coalition",
    "CCM ISU": "CCM Implementation Support Unit",
    "HRW/CMC": "Human Rights Watch and Cluster Munition Coalition",
}
_UNTC = {
    "author": "United Nations, Secretary-General as depositary",
    "kind": "treaty_record",
    "title": "Multilateral Treaties Deposited with the Secretary-General, chapter XXVI, 6: Convention on Cluster Munitions",
}
# A report of the State for a named year (not "had not submitted its report for 2012").
_REPORT_FOR_YEAR = re.compile(
    r"(?:Article 7|transparency)[\w ]*?report(?:[^.;]*?)(?:\bfor\b|\bcovering\b)(?: the)?(?: calendar year)? (\d{4})\b"
    r"|Reporting period: 01/01/(\d{4}) to 31/12/\1"
    r"|reporting for time period prior to 31/12/(\d{4})"
)
_ARTICLE7_TITLE = re.compile(r"^[\w ]+, Article 7 report for 1 January to 31 December (\d{4})(?: \((.*)\))?$")


def _date(text: str) -> str | None:
    """`12 September 2023` -> 2023-09-12, `March 2011` -> 2011-03, `2014` -> 2014; None if not a date."""
    match = _DAY.match(text.strip())
    if not match:
        return None
    day, month, year = match.groups()
    if month is None:
        return None if day else year
    number = _MONTHS.split("|").index(month) + 1
    return f"{year}-{number:02d}-{int(day):02d}" if day else f"{year}-{number:02d}"


def _split_parenthesis(title: str) -> tuple[str, str | None, str | None]:
    """`Title (last updated 4 May 2020)` -> (Title, 2020-05-04, None); the parenthesis that is not a date is a note."""
    match = re.match(r"^(.*?) \(([^()]*(?:\([^()]*\)[^()]*)*)\)$", title)
    if not match:
        return title, None, None
    body, inside = match.groups()
    found = re.search(rf"last updated ((?:\d{{1,2}} )?(?:(?:{_MONTHS}) )?\d{{4}})", inside)
    if found:
        rest = inside.replace(found.group(0), "").strip(" ,;")
        return body, _date(found.group(1)), rest or None
    parts = [part.strip() for part in inside.split(",")]
    if _date(parts[-1]) and len(parts) <= 2:
        keep = parts[0] if len(parts) == 2 else None
        if keep and re.search(r"Review|Summary", keep):
            return f"{body} ({keep})", _date(parts[-1]), None
        return body, _date(parts[-1]), keep
    if _date(inside):
        return body, _date(inside), None
    if re.fullmatch(r"(Ten|Five)-Year (Review|Summary)", inside):
        return f"{body} ({inside})", None, None
    return body, None, inside


def _named(title: str) -> tuple[dict[str, Any], str | None]:
    """A document named from a title written `Author, Title (date)`, and a research note left over."""
    body, date, note = _split_parenthesis(title)
    kind = None
    if "," in body:
        author, rest = (piece.strip() for piece in body.split(",", 1))
    else:
        author, rest = body, None
    statement = re.match(r"^(CMC|HRW/CMC) (statement .*)$", author)
    if statement:
        author, rest, kind = (
            statement.group(1),
            statement.group(2)[0].upper() + statement.group(2)[1:] + (f", {rest}" if rest else ""),
            "statement",
        )
    author = _AUTHORS.get(author, author)
    if author == "Cluster Munition Monitor" or author.startswith("Landmine Monitor"):
        kind = "profile"
    if rest and rest.lower().startswith("statement"):
        kind = "statement"
    document: dict[str, Any] = {"author": author, "title": rest or author}
    if kind:
        document = {"kind": kind, **document}
    if date:
        document["date"] = date
    return document, note


def _document(source: dict[str, Any], iso3: str | None, entry: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document a short-form source rests on, and its place read."""
    title = str(source.get("title") or "")
    url = str(source.get("url") or "")
    quote = str(source.get("quote") or "")
    read: dict[str, Any] = {"url": url} if url else {}
    if source.get("kept_at"):
        read["kept_at"] = source["kept_at"]
    if quote:
        read["quote"] = quote
    if source.get("accessed"):
        read["accessed"] = source["accessed"]
    if "treaties.un.org" in url:
        return dict(_UNTC), read
    article7 = _ARTICLE7_TITLE.match(title)
    if article7 and iso3:
        if article7.group(2):
            read["note"] = article7.group(2)
        return {"kind": "article7_report", "state": iso3, "year": int(article7.group(1))}, read
    document, note = _named(title) if title else ({"author": url, "title": url}, None)
    if source.get("date"):
        document["date"] = source["date"]
    if source.get("reference"):
        document["symbol"] = source["reference"]
    report = _REPORT_FOR_YEAR.search(quote) if iso3 and " not " not in quote else None
    if report and iso3:
        year = int(next(group for group in report.groups() if group))
        secondary = f"{document['author']}, {document['title']}" + (f" ({document['date']})" if "date" in document else "")
        read = {"url": url, "title": secondary, **{k: v for k, v in read.items() if k != "url"}}
        if note:
            read["note"] = note
        found: dict[str, Any] = {"kind": "article7_report", "state": iso3, "year": year}
        if entry is not None and entry.get("year") == year and entry.get("submitted"):
            found["date"] = entry["submitted"]
        return found, read
    if note:
        read["note"] = note
    if is_mirror(url) and "copy" not in (note or ""):
        read["note"] = (read.get("note", "") + "; " if read.get("note") else "") + "a copy, not the original"
    return document, read


def _key(document: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, str(value)) for key, value in document.items()))


def migrate_list(sources: list[Any], iso3: str | None, entry: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The new form of one list of sources: one block per document, its places read in the order first given."""
    merged: dict[tuple[tuple[str, str], ...], dict[str, Any]] = {}
    for source in sources:
        if not isinstance(source, dict) or "document" in source or "read" in source:
            merged[(("", str(id(source))),)] = source
            continue
        document, read = _document(source, iso3, entry)
        block = merged.setdefault(_key(document), {"document": document, "read": []})
        if read not in block["read"]:
            block["read"].append(read)
    return list(merged.values())


def migrate(node: Any, iso3: str | None = None, entry: dict[str, Any] | None = None) -> Any:
    """The whole record with every source list (and the settings' single `source`) migrated."""
    if isinstance(node, dict):
        if "year" in node and "report" in node:
            entry = node
        out = {}
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                out[key] = migrate_list(value, iso3, entry)
            elif key == "source" and isinstance(value, dict) and "url" in value:
                out[key] = migrate_list([value], iso3, entry)[0]
            else:
                out[key] = migrate(value, iso3, entry)
        return out
    if isinstance(node, list):
        return [migrate(item, iso3, entry) for item in node]
    return node


def migrate_file(path: Path) -> None:
    """Rewrite one data file with its sources migrated (comments above the record kept; `ccm fmt` after)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(path.read_text(encoding="utf-8"))
    iso3 = data.get("iso3") if path.parent.name == "states" and isinstance(data, dict) else None
    new = migrate(_plain(data), iso3)
    _update(data, new)
    from io import StringIO

    buffer = StringIO()
    yaml.dump(data, buffer)
    # Dates as the other dates of a record are written: plain, not quoted.
    text = re.sub(r"^(\s*(?:- )?date: )[\"'](\d{4}(?:-\d{2}){0,2})[\"']$", r"\1\2", buffer.getvalue(), flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node


def _update(target: Any, new: Any) -> None:
    """Replace the source lists inside ruamel's round-trip data, leaving everything else (and comments) as it is."""
    if isinstance(target, dict):
        for key in list(target):
            if key in ("sources", "source") and target[key] != new[key]:
                target[key] = copy.deepcopy(new[key])
            else:
                _update(target[key], new[key])
    elif isinstance(target, list):
        for item, replacement in zip(target, new, strict=True):
            _update(item, replacement)


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("data")
    files = sorted((root / "states").glob("*.yaml")) + sorted((root / "practices").glob("*.yaml"))
    files += [root / "settings.yaml"] if (root / "settings.yaml").exists() else []
    for path in files:
        migrate_file(path)
    print(f"migrated {len(files)} files; now run: ccm fmt --data {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
