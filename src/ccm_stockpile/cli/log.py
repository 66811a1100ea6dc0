"""`ccm log`: record an engagement the tool did not write: a reply, a meeting, a letter or a reminder sent by
other means."""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import DataOption, UsageError, complete_iso3, load_dataset, parse_state


class LogKind(StrEnum):
    LETTER = "letter"
    REPLY = "reply"
    MEETING = "meeting"
    REMINDER = "reminder"


def log(
    iso3: Annotated[str, typer.Argument(help="The state's ISO3 code, e.g. ESP.", autocompletion=complete_iso3)],
    kind: Annotated[LogKind, typer.Option("--kind", help="letter (one sent outside ccm), reply, meeting or reminder.")],
    date: Annotated[str, typer.Option("--date", help="YYYY-MM-DD (or YYYY-MM where only the month is known).")],
    summary: Annotated[str, typer.Option("--summary", help="What was said, in a sentence.")],
    ref: Annotated[str | None, typer.Option("--ref", help="The document's reference number.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where it is published, if it is.")] = None,
    data: DataOption = Path("data"),
) -> int:
    """Append an engagement to the state's file, keeping its comments; the source is the document itself."""
    from ccm_stockpile.cli.letter import append_engagement, archived
    from ccm_stockpile.records.types import PartialDate

    dataset = load_dataset(data)
    code = parse_state(iso3, dataset)
    loaded = dataset.state(code or iso3)
    if loaded is None:
        raise UsageError(f"the record for {iso3.upper()} has errors; fix them first (`ccm check --state {iso3.upper()}`)")
    try:
        day = PartialDate(date)
    except ValueError as error:
        raise UsageError(f"--date: {error}") from None
    if not summary.strip():
        raise UsageError("--summary must say what was said")
    value: dt.date | str = day.earliest if day.is_complete else day.text
    title = f"{kind.value.capitalize()} of {day.text}" + (f" ({ref})" if ref else "")
    # What the State says (a reply, a statement) is its own document; letters, reminders and meetings are the
    # Coordinators'.
    author_state = (code or iso3).upper() if kind.value in {"reply", "statement"} else None
    source = archived(title, value, dataset, state=author_state, url=url)
    engagement: dict[str, object] = {"date": value, "kind": kind.value}
    if ref:
        engagement["ref"] = ref
    engagement |= {"summary": summary.strip(), "sources": [source]}
    append_engagement(loaded.path, loaded.display, engagement)
    typer.echo(f"recorded the {kind.value} of {day.text} in {loaded.display}")
    return 0
