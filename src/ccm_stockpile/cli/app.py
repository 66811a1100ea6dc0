"""The Typer app. Command modules import the library lazily, so `ccm --help` stays fast."""

from __future__ import annotations

import typer

from ccm_stockpile.cli import check, followup, schema, show

app = typer.Typer(
    name="ccm",
    help="Records, checks and follow-up for CCM Article 3: stockpile destruction and retained cluster munitions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("check")(check.check)
app.command("followup")(followup.followup)
app.command("show")(show.show)
app.command("schema")(schema.schema)


def main() -> None:
    app()
