"""E005-E008 and T203: what one record contradicts within itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import check
from ccm_stockpile.domain.party import article17_entry_into_force
from ccm_stockpile.domain.series import PARTS
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.state import StateStatus


@check("E005")
def check_retention_order(ctx: StateContext) -> Iterator[Finding]:
    seen: dict[int, int] = {}
    latest = None
    for index, entry in enumerate(ctx.record.retention):
        path = ("retention", index)
        if entry.year in seen:
            yield ctx.finding(
                "E005",
                f"a second entry for {entry.year} (the first is entry {seen[entry.year] + 1}); merge them into one",
                path,
                entry.year,
            )
            continue
        seen[entry.year] = index
        if latest is not None and entry.year < latest:
            yield ctx.finding(
                "E005",
                f"the entry for {entry.year} comes after the entry for {latest}; keep entries in ascending year",
                path,
                entry.year,
            )
        latest = entry.year if latest is None else max(latest, entry.year)


@check("E006")
def check_by_type_sums(ctx: StateContext) -> Iterator[Finding]:
    for index, entry in enumerate(ctx.record.retention):
        if entry.held is None or not entry.by_type:
            continue
        problems = []
        for name in PARTS:
            total = getattr(entry.held, name)
            values = [getattr(row, name) for row in entry.by_type]
            if total is None or any(value is None for value in values):
                continue
            if sum(values) != total:
                problems.append(f"{name} rows add up to {sum(values):,}, held says {total:,}")
        if problems:
            yield ctx.finding(
                "E006",
                f"in {entry.year}, " + "; ".join(problems) + ": correct the rows or the total",
                ("retention", index, "by_type"),
                entry.year,
            )


@check("E007")
def check_date_order(ctx: StateContext) -> Iterator[Finding]:
    record = ctx.record
    if record.signed and record.consent and record.signed.surely_after(record.consent.date):
        yield ctx.finding("E007", f"signed {record.signed} is after consent {record.consent.date}", ("signed",))
    if record.consent and record.entry_into_force and record.entry_into_force.surely_before(record.consent.date):
        yield ctx.finding(
            "E007",
            f"entry into force {record.entry_into_force} is before consent {record.consent.date}",
            ("entry_into_force",),
        )
    if record.withdrawal and record.withdrawal.effective.surely_before(record.withdrawal.notified):
        yield ctx.finding(
            "E007",
            f"withdrawal effective {record.withdrawal.effective} is before it was notified ({record.withdrawal.notified})",
            ("withdrawal", "effective"),
        )
    stockpile = record.stockpile
    if stockpile:
        for index, extension in enumerate(stockpile.extensions):
            if extension.new_deadline.surely_before(extension.granted):
                yield ctx.finding(
                    "E007",
                    f"extension new deadline {extension.new_deadline} is before it was granted ({extension.granted})",
                    ("stockpile", "extensions", index, "new_deadline"),
                )
        for index, discovery in enumerate(stockpile.discoveries):
            path = ("stockpile", "discoveries", index)
            if discovery.destroyed and discovery.destroyed.surely_before(discovery.found):
                yield ctx.finding(
                    "E007",
                    f"discovery destroyed {discovery.destroyed} before it was found ({discovery.found})",
                    (*path, "destroyed"),
                )
            if discovery.reported and discovery.reported.surely_before(discovery.found):
                yield ctx.finding(
                    "E007",
                    f"discovery reported {discovery.reported} before it was found ({discovery.found})",
                    (*path, "reported"),
                )
    for index, entry in enumerate(record.retention):
        if entry.submitted and entry.submitted.surely_before(dt.date(entry.year + 1, 1, 1)):
            yield ctx.finding(
                "E007",
                f"the report for {entry.year} is dated {entry.submitted}, before the year ended",
                ("retention", index, "submitted"),
                entry.year,
            )


@check("E008")
def check_status_agrees_with_dates(ctx: StateContext) -> Iterator[Finding]:
    record = ctx.record
    withdrawal = record.withdrawal
    if record.status == StateStatus.WITHDRAWN and withdrawal is None:
        yield ctx.finding(
            "E008",
            "status is `withdrawn` but no `withdrawal` is recorded; add the withdrawal's notified and "
            "effective dates, or correct the status",
            ("status",),
        )
    if record.status != StateStatus.WITHDRAWN and withdrawal is not None and ctx.party.end is not None:
        yield ctx.finding(
            "E008",
            f"status is `{record.status.value}` but the withdrawal took effect on {withdrawal.effective}; "
            f"set `status: withdrawn`",
            ("status",),
        )
    if record.status == StateStatus.SIGNATORY and (record.consent is not None or record.entry_into_force is not None):
        dated = "a consent date" if record.consent is not None else "an entry into force"
        yield ctx.finding(
            "E008",
            f"status is `signatory` but the record gives {dated}; a state that deposited its consent is a "
            f"party: set `status: party`, or remove the date if it is wrong",
            ("status",),
        )


@check("T203")
def check_entry_into_force(ctx: StateContext) -> Iterator[Finding]:
    record = ctx.record
    if record.status != StateStatus.SIGNATORY and ctx.party.start is None:
        yield ctx.finding(
            "T203",
            "entry into force cannot be determined (no `entry_into_force`, and the consent date gives no "
            "month), so no treaty or retention check can run; add `entry_into_force` from the UN Treaty "
            "Collection",
            ("entry_into_force",),
        )
        return
    if not (record.consent and record.entry_into_force):
        return
    derived = article17_entry_into_force(record.consent.date)
    given = record.entry_into_force
    if derived is None:
        return
    if (given.is_complete and given.earliest != derived) or (
        not given.is_complete and not (given.earliest <= derived <= given.latest)
    ):
        yield ctx.finding(
            "T203",
            f"entry into force {given} differs from {derived.isoformat()}, which Article 17 gives for deposit "
            f"on {record.consent.date}; check both dates against the UN Treaty Collection",
            ("entry_into_force",),
            value=str(given),
        )


@check("E009")
def check_figures_are_quoted(ctx: StateContext) -> Iterator[Finding]:
    from ccm_stockpile.domain.quotes import quoted, state_figures

    for path, value, approximate, quotes in state_figures(ctx.record):
        if quotes and not quoted(value, quotes, approximate):
            rounded = " (approximate)" if approximate else ""
            yield ctx.finding(
                "E009",
                f"{value:,}{rounded} is not given by any quote of its block's sources; check it against the source "
                f"and correct the figure, or add the quote that gives it",
                path,
                ctx.record.retention[path[1]].year if path[0] == "retention" and isinstance(path[1], int) else None,
                value,
            )
