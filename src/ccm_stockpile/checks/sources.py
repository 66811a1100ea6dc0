"""S301-S302: what the sources of a record rest on (editor-addressed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby

from pydantic import BaseModel

from ccm_stockpile.checks.registry import check
from ccm_stockpile.codes import new_finding
from ccm_stockpile.dataset import Dataset, LoadedFile
from ccm_stockpile.domain.provenance import citation, is_mirror, mirror_only, sources_in
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.types import Source

Path = tuple[str | int, ...]


def _mirrored(record: BaseModel) -> Iterator[tuple[Path, str]]:
    for path, source in sources_in(record):
        if mirror_only(source):
            yield (
                path,
                f"this source is read only on a copy ({source.url}): name the original under `document` "
                "(author, title, symbol, date)",
            )
        elif source.document is not None and is_mirror(source.document.url):
            yield (
                (*path, "document", "url"),
                (f"the document's address {source.document.url} is a copy: give the original's address, or none"),
            )


def _repeated(record: BaseModel) -> Iterator[tuple[Path, str]]:
    located: list[tuple[Path, Source]] = list(sources_in(record))
    for _, group in groupby(located, key=lambda item: item[0][:-1]):
        seen: dict[tuple[object, ...], object] = {}
        for path, source in group:
            if source.document is None:
                continue
            key = citation(source).key
            if key in seen:
                yield (
                    path,
                    (
                        f"names the same document as source {seen[key]} of this list: merge the two under one "
                        "`document`, with every place read under its `read`"
                    ),
                )
            else:
                seen[key] = int(path[-1]) + 1 if isinstance(path[-1], int) else 1


def _records(dataset: Dataset) -> Iterator[tuple[LoadedFile, BaseModel, str | None]]:
    for loaded in dataset.valid_states():
        assert loaded.record is not None
        yield loaded, loaded.record, loaded.record.iso3
    for practice in dataset.valid_practices():
        assert practice.record is not None
        yield practice, practice.record, None


def _findings(dataset: Dataset, code: str, problems: Callable[[BaseModel], Iterator[tuple[Path, str]]]) -> Iterator[Finding]:
    for loaded, record, state in _records(dataset):
        for path, message in problems(record):
            mark = loaded.mark(path)
            yield new_finding(
                code, message, file=loaded.display, line=mark.line, column=mark.column, path=loaded.name(path), state=state
            )


@check("S301")
def check_sources_not_mirrors(dataset: Dataset) -> Iterator[Finding]:
    yield from _findings(dataset, "S301", _mirrored)


@check("S302")
def check_sources_once(dataset: Dataset) -> Iterator[Finding]:
    yield from _findings(dataset, "S302", _repeated)
