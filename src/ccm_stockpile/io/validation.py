"""Validate parsed data against a model; map every pydantic error back to file:line:col (E002)."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ccm_stockpile.codes import new_finding
from ccm_stockpile.findings import Finding
from ccm_stockpile.io.locations import Path, display_path
from ccm_stockpile.io.locations import year_of as _year_of
from ccm_stockpile.io.reader import ParsedFile

ModelT = TypeVar("ModelT", bound=BaseModel)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside `X | None`, `list[X]`, `Annotated[X, ...]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found:
            return found
    return None


def _model_at(model: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model that validates the mapping at `path` (list indexes are stepped over)."""
    current: type[BaseModel] | None = model
    for element in path:
        if current is None:
            return None
        if isinstance(element, int):
            continue
        field = current.model_fields.get(element)
        current = _model_in(field.annotation) if field else None
    return current


def _nullable(model: type[BaseModel], path: Path) -> bool:
    parent = _model_at(model, path[:-1]) if path else None
    field = parent.model_fields.get(path[-1]) if parent else None  # type: ignore[arg-type]
    return field is not None and type(None) in typing.get_args(field.annotation)


def allowed_keys(model: type[BaseModel], path: Path) -> list[str]:
    """The keys the model accepts for the mapping at `path`."""
    current = _model_at(model, path)
    return list(current.model_fields) if current else []


def closest_key(key: str, allowed: list[str]) -> str | None:
    """The allowed key the editor most likely meant: similar spelling, then the longest shared start."""

    def shared_start(candidate: str) -> int:
        # Characters in common at the start; not os.path.commonpath, which compares path components (so never
        # saw `ret` in `retianed` and `retention`) and raises on a key that starts with `/`.
        lowered = key.lower()
        pairs = zip(lowered, candidate, strict=False)
        return next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(lowered), len(candidate)))

    scored = [
        (shared_start(candidate), difflib.SequenceMatcher(None, key.lower(), candidate).ratio(), candidate)
        for candidate in allowed
    ]
    likely = [item for item in scored if item[1] >= 0.5 or item[0] >= 3]
    return max(likely)[2] if likely else None


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"`{value}`" if value else "an empty text"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"`{value}`"


def _message(error: ErrorDetails, model: type[BaseModel], path: Path) -> str:
    kind = error["type"]
    value = error.get("input")
    key = path[-1] if path else None
    if kind == "missing":
        if _nullable(model, path):
            return f"the required key `{key}` is missing; add it (write null where it is not known)"
        return f"the required key `{key}` is missing; add it"
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, path[:-1])
        close = closest_key(str(key), allowed)
        hint = f"did you mean `{close}`?" if close else f"allowed keys: {', '.join(allowed)}"
        return f"unknown key `{key}`; {hint}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        if isinstance(value, str) and value.strip().isdigit():
            return f"expected a whole number, got the text `{value}`: remove the quotes"
        return f"expected a whole number (or null where not known), got {_show(value)}"
    if kind == "greater_than_equal":
        return f"must be {error['ctx']['ge']} or more, got {_show(value)}"
    if kind == "less_than_equal":
        return f"must be {error['ctx']['le']} or less, got {_show(value)}"
    if kind == "enum":
        return f"{_show(value)} is not one of: {error['ctx']['expected'].replace(chr(39), '')}"
    if kind == "string_type":
        return f"expected text, got {_show(value)}; put it in quotes if it is meant as text"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        if key in {"iso3", "counterpart", "state"} or isinstance(key, int):
            return f"{_show(value)} is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. ESP)"
        if key == "url":
            return f"{_show(value)} is not a web address (it must start with http:// or https://)"
        return f"{_show(value)} does not have the expected form ({error['ctx']['pattern']})"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"expected a mapping of keys and values, got {_show(value)}"
    if kind == "list_type":
        return f"expected a list (`- ` items, or [] for none), got {_show(value)}"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number, got {_show(value)}"
    return error["msg"]


def _example_keys(model: type[BaseModel]) -> str:
    """`iso3: ..., name: ...`: the model's required keys (or its first keys), to show what a record looks like."""
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    return ", ".join(f"{name}: ..." for name in (required or list(model.model_fields))[:3])


def validate(parsed: ParsedFile, model: type[ModelT], state: str | None = None) -> tuple[ModelT | None, list[Finding]]:
    """Validate one parsed file; return the record (or None) and E002 findings with their locations."""
    if parsed.empty:
        required = [name for name, field in model.model_fields.items() if field.is_required()]
        needs = (
            f"a record needs at least {', '.join(required)}"
            if required
            else f"write its keys ({_example_keys(model)}) or delete it"
        )
        message = f"the file is empty; {needs}"
        return None, [new_finding("E002", message, file=parsed.display, line=1, column=1, state=state)]
    if not isinstance(parsed.data, dict):
        mark = parsed.locations.at(())
        message = f"the file holds {_show(parsed.data)} at the top; a record is a mapping of keys ({_example_keys(model)})"
        return None, [new_finding("E002", message, file=parsed.display, line=mark.line, column=mark.column, state=state)]
    try:
        return model.model_validate(parsed.data), []
    except ValidationError as failure:
        findings = []
        for error in failure.errors(include_url=False):
            path: Path = tuple(error["loc"])
            mark = parsed.locations.of_mapping(path[:-1]) if error["type"] == "missing" else parsed.locations.at(path)
            findings.append(
                new_finding(
                    "E002",
                    _message(error, model, path),
                    file=parsed.display,
                    line=mark.line,
                    column=mark.column,
                    path=display_path(path, parsed.data),
                    state=state,
                    year=_year_of(parsed.data, path),
                    value=_plain(error.get("input")),
                )
            )
        return None, findings


def _plain(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, types.NoneType)) else None
