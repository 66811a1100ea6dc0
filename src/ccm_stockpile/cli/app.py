"""The Typer app. Command modules import the library lazily, so `ccm --help` stays fast."""

from typing import Annotated

import typer

from ccm_stockpile.cli import (
    brief,
    check,
    diff,
    documents,
    export,
    fmt,
    followup,
    invite,
    letter,
    log,
    new_year,
    practices,
    schema,
    show,
    site,
    todo,
)
from ccm_stockpile.cli.common import Options, command

app = typer.Typer(
    name="ccm",
    help="Records, checks and follow-up for CCM Article 3: stockpile destruction and retained cluster munitions.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich is never imported for --help (start-up time)
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"ccm {version('ccm-stockpile')}")
        raise typer.Exit(0)


@app.callback()
def options(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
    _: Annotated[bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)] = False,
) -> None:
    """Records, checks and follow-up for CCM Article 3: stockpile destruction and retained cluster munitions."""
    Options.debug = debug


app.command("check")(command(check.check))
app.command("followup")(command(followup.followup))
app.command("todo")(command(todo.todo))
app.command("show")(command(show.show))
app.command("letter")(command(letter.letter))
app.command("log")(command(log.log))
app.command("working-document")(command(documents.working_document))
app.command("chart")(command(documents.chart))
app.command("progress")(command(documents.progress))
app.command("invite")(command(invite.invite))
app.command("brief")(command(brief.brief))
app.add_typer(practices.app, name="practices")
app.command("schema")(command(schema.schema))
app.command("fmt")(command(fmt.fmt))
app.command("new-year")(command(new_year.new_year))
app.command("diff")(command(diff.diff))
app.command("export")(command(export.export))
app.command("site")(command(site.site))


def main() -> None:
    """Entry point of the `ccm` script and of `python -m ccm_stockpile`."""
    app()
