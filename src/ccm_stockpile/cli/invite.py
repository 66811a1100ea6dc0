"""`ccm invite`: invitations to share destruction practice (work plan, strategy (b)), and `--record` to log them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    UsageError,
    load_dataset,
    parse_as_of,
    parse_state,
    require_templates,
)
from ccm_stockpile.cli.letter import DocumentFormat, LangOption, TemplatesOption, write_each

if TYPE_CHECKING:
    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.domain.invitations import Invitation
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.records.state import StateRecord


def invite(
    states: Annotated[list[str] | None, typer.Argument(help="ISO3 codes of the states to invite.", show_default=False)] = None,
    completed: Annotated[
        bool,
        typer.Option(
            "--completed", help="Invite every State Party that completed destruction and has no practice in the database yet."
        ),
    ] = False,
    lang: Annotated[LangOption, typer.Option("--lang", help="Language; auto: the state's `language`.")] = LangOption.AUTO,
    output: Annotated[DocumentFormat, typer.Option("--format", help="md, docx (Word) or html.")] = DocumentFormat.MD,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the invitations to.")] = Path("build/invitations"),
    record: Annotated[bool, typer.Option("--record", help="Log each invitation as an engagement in the state's file.")] = False,
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write an invitation per state to share its destruction practice, with a questionnaire annex."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.invitations import InvitationError, build_invitation
    from ccm_stockpile.domain.practices import completed_without_practice, practice_records
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.documents import Format, RenderError
    from ccm_stockpile.render.invitations import invitation_file, render_invitation

    day = parse_as_of(as_of)
    if bool(states) == completed:
        raise UsageError("give ISO3 codes or --completed (one of the two)")
    require_templates(templates)
    dataset = load_dataset(data, settings_needed=True)
    views = contexts(dataset, day)
    practices = practice_records(dataset)
    if completed:
        codes = [view.record.iso3 for view in completed_without_practice(views, practices)]
        if not codes:
            typer.echo(f"every State Party that completed destruction by {day.isoformat()} has a practice in the database")
    else:
        codes = [code for code in (parse_state(state, dataset) for state in states or []) if code]
    language = None if lang == LangOption.AUTO else Language(lang.value)

    def build(view: StateView, records: dict[str, StateRecord]) -> tuple[Any, bytes, str]:
        built = build_invitation(view, practices, language)
        document = Format(output.value)
        return built, render_invitation(built, view, records, document, templates), invitation_file(built, document)

    def log(view: StateView, built: Any) -> None:
        if record:
            _record(dataset, view, built)
            typer.echo(f"recorded {built.reference} in {view.loaded.display}")

    findings = run_checks(dataset, day, state_contexts=views)
    return write_each(codes, views, build, out, log, (InvitationError, RenderError, KeyError), findings)


def _record(dataset: Dataset, view: StateView, built: Invitation) -> None:
    """Append the invitation to the state's engagements (comments and formatting kept), checked before writing."""
    from ccm_stockpile.cli.letter import append_engagement, archived

    engagement: dict[str, object] = {
        "date": built.date,
        "kind": "invitation",
        "ref": built.reference,
        "reply_by": built.reply_by,
        "summary": "Invitation to share stockpile destruction practice, with a questionnaire annexed",
        "sources": [archived(f"Invitation {built.reference}", built.date, built.reference, dataset)],
    }
    append_engagement(view.loaded.path, view.loaded.display, engagement)
