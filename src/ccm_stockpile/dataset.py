"""A data folder -> validated records, their locations, and the findings of reading them.

The one entry point every command uses: files -> io -> records -> Dataset. Nothing here prints.
"""

from __future__ import annotations

import gc
import marshal
import os
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generic, TypeVar

from ccm_stockpile.codes import new_finding
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.io.folder import check_data_folder
from ccm_stockpile.io.locations import Locations, Mark, display_path
from ccm_stockpile.io.reader import ParsedFile, parse_text, read_file
from ccm_stockpile.io.validation import validate
from ccm_stockpile.records.iso3166 import ALPHA3
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import StateRecord
from ccm_stockpile.records.workplan import Workplan

RecordT = TypeVar("RecordT")
_ISO3_FORM = re.compile(r"[A-Z]{3}")


def _keep(parsed: ParsedFile) -> bytes:
    """A compact copy of a parsed file: its data and positions marshalled (plain values and tuples only), or
    its text where the data holds anything else; compressed either way."""
    try:
        kept = b"m" + marshal.dumps((parsed.data, parsed.locations.keys, parsed.locations.values, parsed.empty))
    except ValueError:
        kept = b"t" + (parsed.text or "").encode("utf-8")
    return zlib.compress(kept, 1)


def _restore(kept: bytes, path: Path, display: str) -> ParsedFile:
    raw = zlib.decompress(kept)
    if raw[:1] == b"t":
        return parse_text(raw[1:].decode("utf-8"), path, display)
    data, keys, values, empty = marshal.loads(raw[1:])
    return ParsedFile(path=path, display=display, data=data, locations=Locations(keys, values), empty=empty)


@dataclass(slots=True)
class LoadedFile(Generic[RecordT]):
    """One record file: its record when valid, and its parsed data with the position of each node.

    The parsed data and positions of a valid record are only needed to place findings, so `release()`
    drops them once a state's checks have run, and they are restored from a compact copy if a later
    finding needs them: on a large data folder the parsed trees would otherwise double the memory. The
    copy is the parsed data and positions themselves, marshalled and compressed (about 8 times cheaper
    to restore than parsing the text again, which a file with findings would otherwise cost)."""

    path: Path
    display: str
    record: RecordT | None
    _parsed: ParsedFile | None
    _kept: bytes  # `_keep(parsed)`: what restores the parsed data and positions

    @property
    def parsed(self) -> ParsedFile:
        if self._parsed is None:
            self._parsed = _restore(self._kept, self.path, self.display)
        return self._parsed

    @property
    def data(self) -> object:
        return self.parsed.data

    @property
    def locations(self) -> Locations:
        return self.parsed.locations

    def release(self) -> None:
        """Drop the parsed data of a valid record (kept for a file that did not validate)."""
        if self.record is not None:
            self._parsed = None

    def mark(self, path: tuple) -> Mark:
        return self.locations.at(path)

    def name(self, path: tuple) -> str:
        return display_path(self.locations.located(path), self.data)


@dataclass(slots=True)
class Dataset:
    """Every record of a data folder, with the findings of reading and validating them."""

    root: Path
    states: list[LoadedFile[StateRecord]] = field(default_factory=list)
    practices: list[LoadedFile[PracticeRecord]] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    workplan: Workplan | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.states) + len(self.practices)

    def valid_states(self) -> list[LoadedFile[StateRecord]]:
        """State files whose record validated, one per state (the first file of a duplicated state)."""
        seen: set[str] = set()
        valid = []
        for loaded in self.states:
            if loaded.record is not None and loaded.record.iso3 not in seen:
                seen.add(loaded.record.iso3)
                valid.append(loaded)
        return valid

    def state(self, iso3: str) -> LoadedFile[StateRecord] | None:
        """The valid record of a state, if its file validated."""
        return next((s for s in self.valid_states() if s.record and s.record.iso3 == iso3.upper()), None)

    def state_files(self, iso3: str) -> list[LoadedFile[StateRecord]]:
        """Every file that is, or claims to be, the state's (by `iso3`, or by file name when unreadable)."""
        code = iso3.upper()
        return [
            loaded
            for loaded in self.states
            if loaded.path.stem.upper() == code
            or (loaded.record.iso3 if loaded.record is not None else _claimed_code(loaded.data)) == code
        ]

    def valid_practices(self) -> list[LoadedFile[PracticeRecord]]:
        """Practice files whose record validated, one per id (the first file of a duplicated id)."""
        seen: set[str] = set()
        valid = []
        for loaded in self.practices:
            if loaded.record is not None and loaded.record.id not in seen:
                seen.add(loaded.record.id)
                valid.append(loaded)
        return valid

    def unchecked(self) -> list[LoadedFile[StateRecord]]:
        """State files that could not be checked: unreadable, or not a valid record."""
        return [loaded for loaded in self.states if loaded.record is None]

    def blocking(self, display: str) -> list[Finding]:
        """The error-level findings of reading one file."""
        return [f for f in self.findings if f.file == display and f.severity == Severity.ERROR]


def _claimed_code(data: object) -> str | None:
    code = data.get("iso3") if isinstance(data, dict) else None
    return code.upper() if isinstance(code, str) else None


def _display(path: Path, root: Path, root_display: str) -> str:
    relative = path.relative_to(root).as_posix()
    return f"{root_display.rstrip('/')}/{relative}" if root_display not in {"", "."} else relative


def _state_code(parsed: ParsedFile) -> str | None:
    code = parsed.data.get("iso3") if isinstance(parsed.data, dict) else None
    return code if isinstance(code, str) else None


def _load_state(path: Path, display: str) -> tuple[LoadedFile[StateRecord], list[Finding]]:
    parsed = read_file(path, display)
    findings = list(parsed.findings)
    code = _state_code(parsed)
    owner = code or (path.stem.upper() if _ISO3_FORM.fullmatch(path.stem.upper()) else None)
    if owner:  # a file that cannot be read still belongs to the state its name gives
        findings = [finding if finding.state else replace(finding, state=owner) for finding in findings]
    record = None
    if parsed.readable:
        record, errors = validate(parsed, StateRecord, state=code)
        findings.extend(errors)
    findings.extend(_identity_findings(path, parsed, display, code))
    loaded = LoadedFile(path, display, record, parsed, _keep(parsed))
    loaded.release()
    return loaded, findings


def _identity_findings(path: Path, parsed: ParsedFile, display: str, code: str | None) -> list[Finding]:
    # A code that is not three capital letters already has its E002; one finding per fault.
    if code is None or not parsed.readable or not _ISO3_FORM.fullmatch(code):
        return []
    mark = parsed.locations.at(("iso3",))

    def at_iso3(message: str) -> Finding:
        return new_finding("E004", message, file=display, line=mark.line, column=mark.column, path="iso3", state=code, value=code)

    findings = []
    if code not in ALPHA3:
        findings.append(at_iso3(f"`{code}` is not an ISO 3166-1 alpha-3 code; check the code"))
    if path.stem != code.lower():
        findings.append(
            at_iso3(
                f"the file name `{path.name}` does not match iso3 `{code}`; rename the file to "
                f"`{code.lower()}.yaml` or correct iso3"
            )
        )
    return findings


def _later_copies(
    files: list[LoadedFile[RecordT]], key: Callable[[RecordT], str]
) -> Iterator[tuple[LoadedFile[RecordT], LoadedFile[RecordT]]]:
    """Each file whose record has the key of an earlier one, with that earlier file (unreadable files are skipped)."""
    first: dict[str, LoadedFile[RecordT]] = {}
    for loaded in files:
        if loaded.record is not None:
            earlier = first.setdefault(key(loaded.record), loaded)
            if earlier is not loaded:
                yield loaded, earlier


def _duplicate_states(states: list[LoadedFile[StateRecord]]) -> list[Finding]:
    findings = []
    for loaded, earlier in _later_copies(states, lambda record: record.iso3):
        code = loaded.record.iso3 if loaded.record else ""
        mark = loaded.mark(("iso3",))
        findings.append(
            new_finding(
                "E004",
                f"two files for {code}: this one and {earlier.display}; keep one file per state",
                file=loaded.display,
                line=mark.line,
                column=mark.column,
                path="iso3",
                state=code,
                value=code,
            )
        )
    return findings


def _load_practice(path: Path, display: str) -> tuple[LoadedFile[PracticeRecord], list[Finding]]:
    parsed = read_file(path, display)
    findings = list(parsed.findings)
    record = None
    if parsed.readable:
        record, errors = validate(parsed, PracticeRecord)
        findings.extend(errors)
    if record is not None and record.id != path.stem:
        mark = parsed.locations.at(("id",))
        findings.append(
            new_finding(
                "P005",
                f"the file name `{path.name}` does not match id `{record.id}`; rename the file to `{record.id}.yaml` "
                f"or correct id",
                file=display,
                line=mark.line,
                column=mark.column,
                path="id",
                value=record.id,
            )
        )
    loaded = LoadedFile(path, display, record, parsed, _keep(parsed))
    loaded.release()
    return loaded, findings


def _duplicate_practices(practices: list[LoadedFile[PracticeRecord]]) -> list[Finding]:
    findings = []
    for loaded, earlier in _later_copies(practices, lambda record: record.id):
        identifier = loaded.record.id if loaded.record else ""
        mark = loaded.mark(("id",))
        findings.append(
            new_finding(
                "P005",
                f"two files for practice `{identifier}`: this one and {earlier.display}; keep one file per practice",
                file=loaded.display,
                line=mark.line,
                column=mark.column,
                path="id",
                value=identifier,
            )
        )
    return findings


def _yaml_files(folder: Path) -> list[Path]:
    """Every entry named *.yaml or *.yml (any case): unreadable ones are reported, never skipped."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".yaml", ".yml"})


SingleT = TypeVar("SingleT", Settings, Workplan)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: it only slows the building of many small objects down (a third of
    the time of reading a large data folder), and records make no reference cycles."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load_single(path: Path, model: type[SingleT], root: Path, root_display: str, findings: list[Finding]) -> SingleT | None:
    """A single optional record file (settings.yaml, workplan.yaml): its record, its findings added.

    Only a file that is not there at all is optional: a folder, a link that leads nowhere, an unreadable or an
    empty file is reported (E001, E002), as a state's would be, never silently replaced by the defaults."""
    if not os.path.lexists(path):
        return None
    parsed = read_file(path, _display(path, root, root_display))
    findings.extend(parsed.findings)
    if not parsed.readable:
        return None
    record, errors = validate(parsed, model)
    findings.extend(errors)
    return record


def load(root: Path, root_display: str | None = None) -> Dataset:
    """Read and validate every record under `root` (states/, practices/, settings.yaml)."""
    check_data_folder(root)
    root_display = str(root) if root_display is None else root_display
    dataset = Dataset(root=root)
    with collector_paused():
        for path in _yaml_files(root / "states"):
            loaded, findings = _load_state(path, _display(path, root, root_display))
            dataset.states.append(loaded)
            dataset.findings.extend(findings)
        dataset.findings.extend(_duplicate_states(dataset.states))
        for path in _yaml_files(root / "practices"):
            loaded_practice, findings = _load_practice(path, _display(path, root, root_display))
            dataset.practices.append(loaded_practice)
            dataset.findings.extend(findings)
        dataset.findings.extend(_duplicate_practices(dataset.practices))
        settings = _load_single(root / "settings.yaml", Settings, root, root_display, dataset.findings)
        if settings is not None:
            dataset.settings = settings
        dataset.workplan = _load_single(root / "workplan.yaml", Workplan, root, root_display, dataset.findings)
    return dataset
