"""`ccm brief`: a briefing note per State for a bilateral meeting (internal: never sent to the State)."""

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
from ccm_stockpile.cli.letter import DocumentFormat, LangOption, TemplatesOption, write_each

if TYPE_CHECKING:
    from ccm_stockpile.domain.view import StateView
    from ccm_stockpile.records.state import StateRecord


def brief(
    states: Annotated[
        list[str] | None,
        typer.Argument(help="ISO3 codes of the States to brief on.", show_default=False, autocompletion=complete_iso3),
    ] = None,
    followup: Annotated[bool, typer.Option("--followup", help="A brief on every State `ccm followup` lists.")] = False,
    lang: Annotated[LangOption, typer.Option("--lang", help="Language; auto: the State's `language`.")] = LangOption.AUTO,
    output: Annotated[DocumentFormat, typer.Option("--format", help="md, docx (Word), html or pdf (A4).")] = DocumentFormat.MD,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the briefs to.")] = Path("build/briefs"),
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write a briefing note per State for a bilateral meeting: purpose, key facts, correspondence, the
    letter's requests as points to raise, points the State may raise, sources."""
    from ccm_stockpile.checks import contexts, run_checks
    from ccm_stockpile.domain.brief import build_brief
    from ccm_stockpile.domain.followup import followups
    from ccm_stockpile.domain.practices import practice_records
    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.brief import brief_file, render_brief
    from ccm_stockpile.render.documents import Format, RenderError

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
    practices = practice_records(dataset)
    all_views = list(views)

    def build(view: "StateView", records: dict[str, "StateRecord"]) -> tuple[Any, bytes, str]:
        built = build_brief(view, all_views, findings, practices, dataset.workplan, language)
        document = Format(output.value)
        return built, render_brief(built, view, records, document, templates), brief_file(built, document)

    return write_each(codes, all_views, build, out, lambda view, built: None, (RenderError, KeyError), findings)
