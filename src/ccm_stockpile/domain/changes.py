"""What changed between two versions of the data, in the records' terms: figures per state and year,
entries added and removed, engagements logged, and the findings the change introduces and resolves.

Files are paired by their path under the data folder; list items by their natural key (a retention entry
by its year, a `by_type` row by its type, a source by its URL), never by position, so inserting an entry
reads as one entry added, not as every later one changed. Findings are compared by (code, state, year,
message): a finding that only moved to another line is neither introduced nor resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ccm_stockpile.codes import CODES
from ccm_stockpile.dataset import Dataset
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.io.locations import NATURAL_KEYS

Kind = Literal["changed", "added", "removed"]


class _Missing:
    """A key the file leaves out (which is not the same as `null`)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()
UNREADABLE = "(cannot be read: run `ccm check`)"

# Sources and rows of lists that NATURAL_KEYS does not name, matched by these keys in turn.
_ITEM_KEYS = {
    **{name: (key,) for name, key in NATURAL_KEYS.items()},
    "sources": ("url", "title"),
    "read": ("url", "kept_at"),
    "transfers": ("direction", "counterpart"),
}
_ENGAGEMENT_KEY = ("date", "kind", "ref")


@dataclass(frozen=True)
class Change:
    """One change: to a value (`changed`), or a value, entry, engagement or record `added` or `removed`."""

    subject: str  # ISO3, `practice <id>` or `settings`
    file: str
    year: int | None
    path: str  # `held.submunitions`, `entry`, `engagement`, `record`, ...
    kind: Kind
    old: object = MISSING
    new: object = MISSING

    def to_dict(self) -> dict[str, object]:
        """For JSON: a key left out is `null` with `old_given`/`new_given` false, so null and absent stay apart."""

        def plain(value: object) -> object:
            return None if value is MISSING else value

        return {
            "subject": self.subject,
            "file": self.file,
            "year": self.year,
            "path": self.path,
            "kind": self.kind,
            "old": plain(self.old),
            "new": plain(self.new),
            "old_given": self.old is not MISSING,
            "new_given": self.new is not MISSING,
        }


@dataclass
class DataChanges:
    """Everything that changed between two versions of a data folder."""

    changes: list[Change] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    # the same finding with other figures or years (a gap narrowed, a run of years grown): (before, after)
    changed_findings: list[tuple[Finding, Finding]] = field(default_factory=list)
    # record files that could not be checked on the new side: their findings are neither introduced nor resolved
    unchecked: list[str] = field(default_factory=list)

    @property
    def subjects(self) -> list[str]:
        """The records changed (ISO3 codes, practices, settings), in order."""
        return list(dict.fromkeys(change.subject for change in self.changes))

    def errors_introduced(self) -> int:
        """How many error-level findings the change brings."""
        return sum(finding.severity == Severity.ERROR for finding in self.introduced)


def _same(old: object, new: object) -> bool:
    """Equal as data: 0 is not False, 1 is not 1.0, null is not a missing key."""
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[key], new[key]) for key in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return type(old) is type(new) and old == new


def _item_key(name: str, item: object) -> tuple[object, ...] | None:
    if not isinstance(item, dict):
        return None
    keys = _ENGAGEMENT_KEY if name == "engagements" else _ITEM_KEYS.get(name)
    if keys is None:
        return None
    if name == "sources":  # the document it names, else the first of url, title that the source has
        document = item.get("document")
        if isinstance(document, dict):
            named = [document.get(key) for key in ("state", "author", "title", "symbol", "year")]
            return ("document", " ".join(str(value) for value in named if value is not None))
        found = next((key for key in keys if item.get(key) is not None), None)
        return (found, item[found]) if found else None
    return tuple(item.get(key) for key in keys)


def _label(name: str, key: tuple[object, ...]) -> str:
    if name == "sources":
        return f"sources[{key[0]}={key[1]}]"
    keys = _ENGAGEMENT_KEY if name == "engagements" else _ITEM_KEYS[name]
    given = [f"{k}={v}" for k, v in zip(keys, key, strict=True) if v is not None]
    return f"{name}[{','.join(given)}]"


class _Differ:
    def __init__(self, subject: str, file: str) -> None:
        self.subject = subject
        self.file = file
        self.found: list[Change] = []

    def add(self, year: int | None, path: str, kind: Kind, old: object = MISSING, new: object = MISSING) -> None:
        self.found.append(Change(self.subject, self.file, year, path, kind, old, new))

    def value(self, old: object, new: object, path: str, year: int | None) -> None:
        if _same(old, new):
            return
        if isinstance(old, dict) and isinstance(new, dict):
            for key in [*old, *(k for k in new if k not in old)]:
                self.value(old.get(key, MISSING), new.get(key, MISSING), f"{path}.{key}" if path else str(key), year)
            return
        if (isinstance(old, dict) and new is MISSING) or (old is MISSING and isinstance(new, dict)):
            source = old if isinstance(old, dict) else new
            assert isinstance(source, dict)
            if not source:
                self.add(year, path, "removed" if new is MISSING else "added", old, new)
            for key in source:
                before, after = (source[key], MISSING) if new is MISSING else (MISSING, source[key])
                self.value(before, after, f"{path}.{key}" if path else str(key), year)
            return
        name = path.rsplit(".", 1)[-1]
        lists = [
            old if isinstance(old, list) else [] if old is MISSING else None,
            new if isinstance(new, list) else [] if new is MISSING else None,
        ]
        if (
            lists[0] is not None
            and lists[1] is not None
            and (lists[0] or lists[1])
            and self.items(name, lists[0], lists[1], path, year)
        ):
            return
        kind: Kind = "added" if old is MISSING else "removed" if new is MISSING else "changed"
        self.add(year, path, kind, old, new)

    def items(self, name: str, old: list[object], new: list[object], path: str, year: int | None) -> bool:
        """Lists of keyed items: items added, removed, or changed in place. False for other lists."""
        old_keys = [_item_key(name, item) for item in old]
        new_keys = [_item_key(name, item) for item in new]
        if None in old_keys or None in new_keys or len(set(old_keys)) < len(old_keys) or len(set(new_keys)) < len(new_keys):
            return False
        before = dict(zip(old_keys, old, strict=True))
        after = dict(zip(new_keys, new, strict=True))
        for key, item in before.items():
            if key not in after:
                self.add(year, path, "removed", old=item)
            else:
                self.value(item, after[key], f"{path[: -len(name)]}{_label(name, key)}", year)  # type: ignore[arg-type]
        for key, item in after.items():
            if key not in before:
                self.add(year, path, "added", new=item)
        return True

    def state(self, old: dict, new: dict) -> None:
        for key in [*old, *(k for k in new if k not in old)]:
            before, after = old.get(key, MISSING), new.get(key, MISSING)
            if key == "retention" and isinstance(before, list | _Missing) and isinstance(after, list | _Missing):
                self.retention(before if isinstance(before, list) else [], after if isinstance(after, list) else [])
            elif key == "engagements" and isinstance(before, list | _Missing) and isinstance(after, list | _Missing):
                self.engagements(before if isinstance(before, list) else [], after if isinstance(after, list) else [])
            else:
                self.value(before, after, str(key), None)

    def retention(self, old: list[object], new: list[object]) -> None:
        def by_year(entries: list[object]) -> dict[object, object] | None:
            years = [entry.get("year") if isinstance(entry, dict) else None for entry in entries]
            return dict(zip(years, entries, strict=True)) if None not in years and len(set(years)) == len(years) else None

        before, after = by_year(old), by_year(new)
        if before is None or after is None:  # entries without a year, or a year twice: compare them as they stand
            self.value(old, new, "retention", None)
            return
        for year in sorted({*before, *after}, key=str):
            number = year if isinstance(year, int) else None
            if year not in after:
                self.add(number, "entry", "removed", old=before[year])
            elif year not in before:
                self.add(number, "entry", "added", new=after[year])
            else:
                self.value(before[year], after[year], "", number)

    def engagements(self, old: list[object], new: list[object]) -> None:
        if not self.items("engagements", old, new, "engagements", None):
            self.value(old, new, "engagements", None)
        self.found = [
            Change(c.subject, c.file, c.year, "engagement", c.kind, c.old, c.new) if c.path == "engagements" else c
            for c in self.found
        ]


def _subject(display: str, data: object, folder: str) -> str:
    stem = display.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if folder == "states":
        code = data.get("iso3") if isinstance(data, dict) else None
        return code if isinstance(code, str) else stem.upper()
    if folder == "practices":
        return f"practice {stem}"
    return "settings"


def _files(dataset: Dataset | None) -> dict[str, tuple[str, object]]:
    """Each record file by its path under the data folder: (folder kind, parsed data)."""
    if dataset is None:
        return {}
    files: dict[str, tuple[str, object]] = {}
    for kind, loaded_files in (("states", dataset.states), ("practices", dataset.practices)):
        for loaded in loaded_files:
            files[loaded.path.relative_to(dataset.root).as_posix()] = (kind, loaded.data)
    settings = dataset.root / "settings.yaml"
    if settings.is_file():
        from ccm_stockpile.io.reader import read_file

        files["settings.yaml"] = ("settings", read_file(settings).data)
    return files


def compare(
    old: Dataset | None,
    new: Dataset | None,
    old_findings: list[Finding],
    new_findings: list[Finding],
    display_root: str,
) -> DataChanges:
    """The changes from `old` to `new` (either may be None: no data folder at that revision)."""
    before, after = _files(old), _files(new)
    result = DataChanges()
    for name in sorted({*before, *after}):
        kind, old_data = before.get(name, ("", MISSING))
        kind, new_data = after.get(name, (kind, MISSING))
        display = f"{display_root.rstrip('/')}/{name}" if display_root not in {"", "."} else name
        differ = _Differ(_subject(display, new_data if new_data is not MISSING else old_data, kind), display)
        if old_data is MISSING or new_data is MISSING:
            differ.add(None, "record", "added" if old_data is MISSING else "removed", old_data, new_data)
        elif new_data is None or old_data is None:  # a file that is not valid YAML on one side
            differ.add(
                None,
                "record",
                "changed",
                UNREADABLE if old_data is None else "(readable)",
                UNREADABLE if new_data is None else "(readable)",
            )
        elif isinstance(old_data, dict) and isinstance(new_data, dict):
            differ.state(old_data, new_data)
        else:
            differ.value(old_data, new_data, "", None)
        result.changes += differ.found
    result.changes.sort(key=lambda change: (change.subject, change.year or 0))

    key = Finding.identity
    old_keys = {key(finding) for finding in old_findings}
    new_keys = {key(finding) for finding in new_findings}
    # A record that cannot be checked on one side has no check findings there: their absence says nothing.
    blind_new, blind_old = _unchecked_states(new), _unchecked_states(old)
    result.unchecked = [loaded.display for loaded in new.unchecked()] if new is not None else []

    def order(finding: Finding) -> tuple[object, ...]:
        return (finding.state or "", finding.year or 0, finding.code, finding.message)

    introduced = [f for f in new_findings if key(f) not in old_keys and not (f.state in blind_old and _checked(f))]
    resolved = [f for f in old_findings if key(f) not in new_keys and not (f.state in blind_new and _checked(f))]
    result.changed_findings = _pairs(resolved, introduced)
    paired = {id(finding) for pair in result.changed_findings for finding in pair}
    result.introduced = sorted((f for f in introduced if id(f) not in paired), key=order)
    result.resolved = sorted((f for f in resolved if id(f) not in paired), key=order)
    result.changed_findings.sort(key=lambda pair: order(pair[1]))
    return result


def _checked(finding: Finding) -> bool:
    """A finding of the checks, as opposed to one of reading the file (which a broken file still gets)."""
    return CODES[finding.code].scope != "file"


def _unchecked_states(dataset: Dataset | None) -> set[str | None]:
    if dataset is None:
        return set()
    states: set[str | None] = {loaded.path.stem.upper() for loaded in dataset.unchecked()}
    return states | {code.upper() for loaded in dataset.unchecked() if isinstance(code := _claimed(loaded.data), str)}


def _claimed(data: object) -> object:
    return data.get("iso3") if isinstance(data, dict) else None


# A figure, a date, a year or a list of years and spans (`2016, 2018-2024`) in a message.
_NUMBER = r"\d+(?:[,.]\d+)*(?:-\d+(?:[,.]\d+)*)*"
_FIGURES = re.compile(rf"{_NUMBER}(?:, {_NUMBER})*")


def _pairs(resolved: list[Finding], introduced: list[Finding]) -> list[tuple[Finding, Finding]]:
    """A resolved and an introduced finding that are one finding whose figures or years changed: the same code,
    state and addressee, and the same message once its numbers are set aside, each the only one of its kind on
    its side (R106's `no entry for 2016-2019` narrowed to `2016-2018`, R104's run of years grown by one)."""

    def kind(finding: Finding) -> tuple[object, ...]:
        return (finding.code, finding.state, finding.addressee, _FIGURES.sub("#", finding.message))

    before: dict[tuple[object, ...], list[Finding]] = {}
    after: dict[tuple[object, ...], list[Finding]] = {}
    for finding in resolved:
        before.setdefault(kind(finding), []).append(finding)
    for finding in introduced:
        after.setdefault(kind(finding), []).append(finding)
    return [(old[0], after[k][0]) for k, old in before.items() if len(old) == 1 and len(after.get(k, [])) == 1]
