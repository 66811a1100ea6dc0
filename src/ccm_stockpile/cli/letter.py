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
from ccm_stockpile.extras import documents_modules, require

if TYPE_CHECKING:
    import datetime as dt

    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.domain.letters import Letter
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.findings import Finding
    from ccm_stockpile.records.state import Language, StateRecord


class LangOption(StrEnum):
    EN = "en"
    FR = "fr"
    ES = "es"
    AUTO = "auto"


class DocumentFormat(StrEnum):
    MD = "md"
    DOCX = "docx"
    HTML = "html"
    PDF = "pdf"


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
    output: Annotated[DocumentFormat, typer.Option("--format", help="md, docx (Word), html or pdf (A4).")] = DocumentFormat.MD,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the letters to.")] = Path("build/letters"),
    record: Annotated[bool, typer.Option("--record", help="Log each letter as an engagement in the state's file.")] = (False),
    templates: TemplatesOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Dispatch date printed on the letter, YYYY-MM-DD (default: the --as-of date).", show_default=False
        ),
    ] = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write a follow-up letter per state, asking only for what its own reporting lacks."""
    require("`ccm letter`", *documents_modules(output.value))
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.followup import followups
    from ccm_stockpile.domain.letters import LetterError, build_letter
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.documents import Format, RenderError
    from ccm_stockpile.render.letters import letter_file, render_letter

    day = parse_as_of(as_of)
    dispatch = dispatch_date(date, day)
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
        built = build_letter(view, findings, language, reminder=reminder, dispatch=dispatch)
        for warning in unconfirmed_names(view, records, built.language):
            typer.echo(f"ccm: {warning}", err=True)
        document = Format(output.value)
        return built, render_letter(built, view, records, document, templates), letter_file(built, document)

    def log(view: "StateView", built: Any) -> None:
        if record:
            _record(dataset, view, built)
            typer.echo(f"recorded {built.reference} in {view.loaded.display}")

    return write_each(codes, views, build, out, log, (LetterError, RenderError, KeyError), findings)


def dispatch_date(text: str | None, as_of: "dt.date") -> "dt.date":
    """The letter's dispatch date: --date, else the as-of date (so the same inputs give the same bytes). A
    Saturday or Sunday given with --date is allowed (a mission may date a note then) but warned about."""
    import datetime as dt

    if text is None:
        day = as_of
    else:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise UsageError(f"--date {text!r} is not a date: write YYYY-MM-DD") from None
    if text is not None and day.weekday() >= 5:
        typer.echo(
            f"ccm: warning: the letter is dated {day.isoformat()}, a {day.strftime('%A')}; give --date a working day", err=True
        )
    return day


def unconfirmed_names(view: "StateView", records: dict[str, "StateRecord"], language: "Language") -> list[str]:
    """E030 for the editor: a mission name the letter prints that no source confirms in that language."""
    from ccm_stockpile.codes import CODES
    from ccm_stockpile.render.letters import unconfirmed_missions

    severity = CODES["E030"].severity.value
    return [f"{severity} E030 {message}" for message in unconfirmed_missions(view, records, language)]


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
        "sources": [archived(f"{'Reminder' if built.reminder_of else 'Letter'} {built.reference}", built.date, dataset)],
    }
    append_engagement(view.loaded.path, view.loaded.display, engagement)


COORDINATORS = "Coordinators on Stockpile Destruction"


def archived(
    title: str, date: object, dataset: "Dataset", *, state: str | None = None, url: str | None = None
) -> dict[str, object]:
    """The source of an engagement (a letter sent, a reply): the document itself, named as a meeting cites it
    (written by the State `state`, else by the Coordinators), read in the ISU's archive or at `url`."""
    document: dict[str, object] = {"kind": "correspondence"}
    document |= {"state": state} if state else {"author": COORDINATORS}
    document |= {"title": title, "date": date}
    reading: dict[str, object] = {"url": url} if url else {"kept_at": dataset.settings.letters.archive}
    return {"document": document, "read": [reading]}


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
