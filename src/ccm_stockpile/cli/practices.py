"""`ccm practices list|show|compare|compendium`: the good-practice database for stockpile destruction."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccm_stockpile.cli.common import (
    AsOfOption,
    DataOption,
    UsageError,
    command,
    console,
    load_dataset,
    parse_as_of,
    require_templates,
)
from ccm_stockpile.cli.letter import TemplatesOption
from ccm_stockpile.extras import documents_modules, require

if TYPE_CHECKING:
    from ccm_stockpile.dataset import Dataset
    from ccm_stockpile.records.practice import Method, PracticeRecord

app = typer.Typer(
    name="practices",
    help="The good-practice database for stockpile destruction: list, show, compare costs, write the compendium.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class MethodOption(StrEnum):
    """The values of `records.practice.Method`, kept here so that `ccm --help` need not import the models."""

    OPEN_BURNING_DETONATION = "open_burning_detonation"
    INCINERATION = "incineration"
    CONTAINED_DETONATION = "contained_detonation"
    DISASSEMBLY_RECYCLING = "disassembly_recycling"
    CRYOFRACTURE = "cryofracture"
    OTHER = "other"


class ListFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class CompendiumFormat(StrEnum):
    MD = "md"
    DOCX = "docx"
    HTML = "html"
    PDF = "pdf"


MethodFilter = Annotated[
    MethodOption | None, typer.Option("--method", help="Only practices that used this method.", show_default=False)
]


def _practices(dataset: Dataset) -> list[PracticeRecord]:
    from ccm_stockpile.domain.practices import practice_records

    return practice_records(dataset)


def _method(value: MethodOption | None) -> Method | None:
    from ccm_stockpile.records import practice

    return None if value is None else practice.Method(value.value)


def list_practices(
    method: MethodFilter = None,
    state: Annotated[
        str | None, typer.Option("--state", help="Only practices that concern this state (ISO3).", show_default=False)
    ] = None,
    output: Annotated[ListFormat, typer.Option("--format", help="text for people, json for scripts.")] = ListFormat.TEXT,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """List the practices, with their method, states and period."""
    from ccm_stockpile.cli.common import parse_state
    from ccm_stockpile.domain.practices import select
    from ccm_stockpile.render.practices import practices_json, print_list

    parse_as_of(as_of)
    dataset = load_dataset(data)
    code = parse_state(state, dataset)
    found = select(_practices(dataset), _method(method), code)
    if output == ListFormat.JSON:
        typer.echo(practices_json(found))
    else:
        print_list(found, console())
    return 0


def show_practice(
    identifier: Annotated[str, typer.Argument(metavar="ID", help="The practice's id (its file name without .yaml).")],
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """One practice in full, with its sources and their quotes."""
    import difflib

    from ccm_stockpile.domain.practices import find
    from ccm_stockpile.render.practices import print_practice

    parse_as_of(as_of)
    dataset = load_dataset(data)
    practices = _practices(dataset)
    record = find(practices, identifier)
    if record is None:
        close = difflib.get_close_matches(identifier, [p.id for p in practices], n=1)
        hint = f"; did you mean {close[0]}?" if close else "; `ccm practices list` shows the ids"
        raise UsageError(f"no practice `{identifier}` in {dataset.root}/practices{hint}")
    print_practice(record, console())
    return 0


def compare(
    method: MethodFilter = None,
    output: Annotated[ListFormat, typer.Option("--format", help="text for people, json for scripts.")] = ListFormat.TEXT,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Published costs side by side, with unit costs per munition, submunition or tonne where the data allows."""
    from ccm_stockpile.domain.practices import cost_rows, select
    from ccm_stockpile.render.practices import costs_json, print_costs

    parse_as_of(as_of)
    dataset = load_dataset(data)
    rows = cost_rows(select(_practices(dataset), _method(method)), dataset.settings.comparison)
    if output == ListFormat.JSON:
        typer.echo(costs_json(rows, dataset.settings.comparison))
    else:
        print_costs(rows, dataset.settings.comparison, console())
    return 0


def compendium(
    output: Annotated[CompendiumFormat, typer.Option("--format", help="md, docx (Word), html or pdf.")] = CompendiumFormat.MD,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the compendium to.")] = Path("build/practices"),
    templates: TemplatesOption = None,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write the compendium of practices (by method, with the cost comparison and every source)."""
    require("`ccm practices compendium`", *documents_modules(output.value))
    from ccm_stockpile.checks import contexts
    from ccm_stockpile.domain.practices import compendium as build
    from ccm_stockpile.io.writer import write_atomic
    from ccm_stockpile.render.documents import Format, RenderError
    from ccm_stockpile.render.practices import compendium_file, render_compendium

    day = parse_as_of(as_of)
    require_templates(templates)
    dataset = load_dataset(data, settings_needed=True)
    views = contexts(dataset, day)
    built = build(dataset, list(views), day)
    records = {view.record.iso3: view.record for view in views}
    try:
        content = render_compendium(built, records, Format(output.value), templates)
    except RenderError as error:
        typer.echo(f"ccm: {error}", err=True)
        return 1
    target = out / compendium_file(built, Format(output.value))
    write_atomic(target, content)
    typer.echo(f"wrote {target} ({built.count} practices)")
    return 0


app.command("list")(command(list_practices))
app.command("show")(command(show_practice))
app.command("compare")(command(compare))
app.command("compendium")(command(compendium))
