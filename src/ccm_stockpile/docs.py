"""Generated documentation: the rule catalogue and the record format, from the code itself.

`python -m ccm_stockpile.docs` (or `make docs`) rewrites docs/checks.md and docs/record-format.md;
tests/test_docs.py fails when the committed copies are stale.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from ccm_stockpile.codes import CODES

DOCS = {"checks.md": "render_checks", "record-format.md": "render_record_format"}


def _module_section(title: str, module: str) -> list[str]:
    """A section from a domain module's docstring, so the documented rule is the one the code states."""
    import importlib
    import inspect

    text = inspect.cleandoc(importlib.import_module(module).__doc__ or "")
    return [f"## {title}", "", *text.splitlines(), ""]


def render_checks() -> str:
    """docs/checks.md: each code, its severity, addressee, meaning, basis, an example and the fix."""
    lines = [
        "# Finding codes",
        "",
        "Generated from the catalogue (`src/ccm_stockpile/codes.py`) by `make docs`; do not edit by hand.",
        "",
        "`ccm check` exits 1 when a finding is at **error** level (with `--strict`, at **warning** level too).",
        "E-codes are about the record's form; R-codes review retention (Art. 3(6)-(8), Action 17); T-codes",
        "treaty time (Art. 3, 17, 20); P-codes the good-practice database (`data/practices/`), always",
        "addressed to the editor. Party time is computed from the dates (consent, entry into force,",
        "withdrawal): a state gets no R or T findings for the time it was not a party. Every check runs as of",
        "`--as-of` (default today).",
        "",
        "Each finding is addressed to the **state** (the evidence is its own reporting: a report recorded as",
        "not submitted or as omitting use, types, lots or quantity; figures of its own that cannot balance;",
        "holdings unchanged for years) or to the **editor** (a gap or a fault in our records: a year we hold",
        "no entry for, use we have not recorded, a malformed file). `ccm followup` and letters use the state's",
        "findings only; `ccm todo` lists the editor's.",
        "",
        "Nothing is addressed to a State (a letter, an invitation, an entry of the Working Document or of the",
        "progress report, a follow-up request) from a record with an error-level finding addressed to the editor:",
        "the command names the findings and exits 1, writing nothing for that State. Error-level findings",
        "addressed to the State (R101, T201) do not block: they are what a letter asks about.",
        "",
        *_module_section("Obligations and due dates", "ccm_stockpile.domain.obligations"),
        *_module_section("Retention situation", "ccm_stockpile.domain.situation"),
        "## Catalogue",
        "",
        "| code | severity | addressee | what it means |",
        "| --- | --- | --- | --- |",
    ]
    codes = sorted(CODES.values(), key=lambda code: code.code)
    for code in codes:
        addressee = code.addressee.value if code.addressee else "state or editor"
        lines.append(f"| [{code.code}](#{code.code.lower()}) | {code.severity.value} | {addressee} | {code.title} |")
    for code in codes:
        addressee = code.addressee.value if code.addressee else f"state or editor: {code.addressee_rule}"
        lines += [
            "",
            f"## {code.code}",
            "",
            f"**{code.title}.** Severity: {code.severity.value}. Addressee: {addressee}. Basis: {code.basis}.",
            "",
            code.rationale,
            "",
            f"**How to fix.** {code.fix}",
        ]
        if code.example:
            lines += ["", "A record that triggers it:", "", "```yaml", code.example.rstrip("\n"), "```"]
    return "\n".join(lines) + "\n"


def _type_name(annotation: typing.Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(arguments[0])
    if origin in (typing.Union, __import__("types").UnionType):
        names = [_type_name(a) for a in arguments if a is not type(None)]
        suffix = " or null" if type(None) in arguments else ""
        return " or ".join(names) + suffix
    if origin is list:
        return f"list of {_type_name(arguments[0])}"
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        if hasattr(annotation, "__members__"):
            return " \\| ".join(f"`{member.value}`" for member in annotation)  # type: ignore[attr-defined]
        return {"str": "text", "int": "whole number", "float": "number", "PartialDate": "date"}.get(
            annotation.__name__, annotation.__name__
        )
    return str(annotation)


def _models(root: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    if root.__name__ in seen:
        return
    seen[root.__name__] = root
    for field in root.model_fields.values():
        stack = [field.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                _models(annotation, seen)
            stack.extend(typing.get_args(annotation))


def render_record_format() -> str:
    """docs/record-format.md: every record and field, with its type, whether required, and its meaning."""
    from ccm_stockpile.records.practice import PracticeRecord
    from ccm_stockpile.records.settings import Settings
    from ccm_stockpile.records.state import StateRecord
    from ccm_stockpile.records.workplan import Workplan

    lines = [
        "# Record format",
        "",
        "Generated from the pydantic models (`src/ccm_stockpile/records/`) by `make docs`; do not edit by hand.",
        "A date is `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source gives only a month or a year; a partial",
        "date stands for every day of its month or year, and the doubt goes to the State (a reply dated `2025-05`",
        "answers a letter of 2025-05-10; a report dated `2016-04` is in time for 30 April 2016).",
        "`null` means *not known*; `0` means *none*. A key left out means *not known*.",
    ]
    for root in (StateRecord, PracticeRecord, Settings, Workplan):
        models: dict[str, type[BaseModel]] = {}
        _models(root, models)
        for model in models.values():
            lines += [
                "",
                f"## {model.__name__}",
                "",
                (model.__doc__ or "").strip().splitlines()[0],
                "",
                "| key | type | required | meaning |",
                "| --- | --- | --- | --- |",
            ]
            for name, field in model.model_fields.items():
                required = "yes" if field.is_required() else ""
                meaning = (field.description or "").replace("|", "\\|")
                lines.append(f"| `{name}` | {_type_name(field.annotation)} | {required} | {meaning} |")
    return "\n".join(lines) + "\n"


def generated() -> dict[str, str]:
    module = sys.modules[__name__]
    return {name: getattr(module, function)() for name, function in DOCS.items()}


def main(folder: Path = Path("docs")) -> None:
    from ccm_stockpile.io.writer import write_atomic

    for name, text in generated().items():
        write_atomic(folder / name, text)
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
