"""`ccm letter`: follow-up letters (or reminders) to States Parties, and `--record` to log them."""

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    UsageError,
    complete_iso3,
    load_dataset,
    parse_as_of,
    parse_state,
    require_templates,
)

if TYPE_CHECKING:
    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.domain.letters import Letter
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.findings import Finding
    from ccm_stockpile.records.state import StateRecord


class LangOption(StrEnum):
    EN = "en"
    FR = "fr"
    ES = "es"
    AUTO = "auto"


class DocumentFormat(StrEnum):
    MD = "md"
    DOCX = "docx"
    HTML = "html"


TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates", help="A folder of templates that override the built-in ones (same file names).", show_default=False
    ),
]


def letter(
    states: Annotated[
        list[str] | None,
        typer.Argument(help="ISO3 codes of the states to write to.", show_default=False, autocompletion=complete_iso3),
    ] = None,
    followup: Annotated[bool, typer.Option("--followup", help="Write to every state `ccm followup` lists.")] = False,
    reminder: Annotated[bool, typer.Option("--reminder", help="A reminder of the last letter, citing it.")] = False,
    lang: Annotated[LangOption, typer.Option("--lang", help="Language; auto: the state's `language`.")] = (LangOption.AUTO),
    output: Annotated[DocumentFormat, typer.Option("--format", help="md, docx (Word) or html.")] = DocumentFormat.MD,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the letters to.")] = Path("build/letters"),
    record: Annotated[bool, typer.Option("--record", help="Log each letter as an engagement in the state's file.")] = (False),
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write a follow-up letter per state, asking only for what its own reporting lacks."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.followup import followups
    from ccm_stockpile.domain.letters import LetterError, build_letter
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.documents import Format, RenderError
    from ccm_stockpile.render.letters import letter_file, render_letter

    day = parse_as_of(as_of)
    if bool(states) == followup:
        raise UsageError("give ISO3 codes or --followup (one of the two)")
    require_templates(templates)
    dataset = load_dataset(data, settings_needed=True)
    views = contexts(dataset, day)
    findings = run_checks(dataset, day, state_contexts=views)
    if followup:
        codes = [item.iso3 for item in followups(dataset, list(views), findings) if not item.blocked]
    else:
        codes = [code for code in (parse_state(state, dataset) for state in states or []) if code]
    language = None if lang == LangOption.AUTO else Language(lang.value)

    def build(view: "StateView", records: dict[str, "StateRecord"]) -> tuple[Any, bytes, str]:
        built = build_letter(view, findings, language, reminder=reminder)
        document = Format(output.value)
        return built, render_letter(built, view, records, document, templates), letter_file(built, document)

    def log(view: "StateView", built: Any) -> None:
        if record:
            _record(dataset, view, built)
            typer.echo(f"recorded {built.reference} in {view.loaded.display}")

    return write_each(codes, views, build, out, log, (LetterError, RenderError, KeyError), findings)


def write_each(
    codes: list[str],
    views: Sequence["StateView"],
    build: Callable[["StateView", dict[str, "StateRecord"]], tuple[Any, bytes, str]],
    out: Path,
    after: Callable[["StateView", Any], None],
    expected: tuple[type[Exception], ...],
    findings: Sequence["Finding"],
) -> int:
    """Write one document per state (letters, invitations): a state whose record has errors (it does not load,
    or has an error-level finding addressed to the editor: `domain.gate`), or for which nothing can be written,
    is said on stderr and nothing is written for it; the others are still written; exit 1 if any failed."""
    from ccm_stockpile.domain.gate import blocked_message, editor_errors
    from ccm_stockpile.io.writer import write_atomic

    by_code = {view.record.iso3: view for view in views}
    records = {view.record.iso3: view.record for view in views}
    failed = 0
    for code in codes:
        view = by_code.get(code)
        if view is None:
            typer.echo(f"ccm: {code}: the record has errors; fix them first (`ccm check --state {code}`)", err=True)
            failed += 1
            continue
        blocking = editor_errors(findings, code, view.loaded.display)
        if blocking:
            typer.echo(f"ccm: {blocked_message(code, blocking)}", err=True)
            failed += 1
            continue
        try:
            built, content, name = build(view, records)
        except expected as error:
            typer.echo(f"ccm: {error}", err=True)
            failed += 1
            continue
        target = out / name
        write_atomic(target, content)
        typer.echo(f"wrote {target}")
        after(view, built)
    return 1 if failed else 0


_ASKED = {
    "report": "the Article 7 report",
    "use": "planned and actual use",
    "quantity": "the quantity retained",
    "types_lots": "types and lot numbers",
    "lots": "lot numbers",
    "reconcile": "reconciled figures",
    "explain_change": "an explanation of a change in holdings",
    "still_needed": "whether the holdings are still needed",
    "stockpile_deadline": "completion of stockpile destruction",
    "discovery": "destruction of a stockpile found after completion",
}


def _summary(built: "Letter") -> str:
    """`Follow-up letter asking for planned and actual use (2023)` for the engagement log (English, like the data)."""
    asked: dict[str, list[str]] = {}
    for request in built.requests:
        years = asked.setdefault(_ASKED.get(request.kind, request.kind), [])
        if "year" in request.facts:
            years.append(str(request.facts["year"]))
    items = [f"{label} ({', '.join(years)})" if years else label for label, years in asked.items()]
    return f"{'Reminder' if built.reminder_of else 'Follow-up letter'} asking for {'; '.join(items)}"


def _record(dataset: "Dataset", view: "StateView", built: "Letter") -> None:
    """Append the letter to the state's engagements (comments and formatting kept), checked before writing."""
    engagement: dict[str, object] = {
        "date": built.date,
        "kind": "reminder" if built.reminder_of else "letter",
        "ref": built.reference,
        "reply_by": built.reply_by,
        "codes": built.codes,
        "summary": _summary(built),
        "sources": [
            archived(f"{'Reminder' if built.reminder_of else 'Letter'} {built.reference}", built.date, built.reference, dataset)
        ],
    }
    append_engagement(view.loaded.path, view.loaded.display, engagement)


def archived(title: str, date: object, reference: str | None, dataset: "Dataset") -> dict[str, object]:
    """A document kept in the ISU's archive, as the source of an engagement (a letter sent, a reply)."""
    source: dict[str, object] = {"title": title, "date": date}
    if reference:
        source["reference"] = reference
    source["kept_at"] = dataset.settings.letters.archive
    return source


def append_engagement(path: Path, display: str, engagement: dict[str, object]) -> None:
    """Add one engagement to a state file, atomically, refusing a result that would not validate."""
    from ccm_stockpile.io.reader import parse_text
    from ccm_stockpile.io.validation import validate
    from ccm_stockpile.io.writer import append_to_list, write_atomic
    from ccm_stockpile.records.state import StateRecord

    text = append_to_list(path, "engagements", engagement)
    parsed = parse_text(text, path, display)
    record, errors = validate(parsed, StateRecord) if parsed.readable else (None, parsed.findings)
    if record is None:
        raise UsageError(f"{display}: the engagement would not validate ({errors[0].message}); nothing written")
    write_atomic(path, text)
