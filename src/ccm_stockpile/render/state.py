"""`ccm show` for people: one state on one screen."""

from __future__ import annotations

from ccm_stockpile.checks import StateContext
from ccm_stockpile.checks.timeline import article17_entry_into_force
from ccm_stockpile.checks.treaty import destruction_deadline
from ccm_stockpile.findings import Finding
from ccm_stockpile.followup import engagements_as_of, reply_awaited, why_not_followed
from ccm_stockpile.records.types import Quantity


def _q(quantity: Quantity | None) -> str:
    return "-" if quantity is None else str(quantity)


def _part(quantity: Quantity | None, name: str) -> str:
    if quantity is None:
        return "?"
    value = getattr(quantity, name)
    return "?" if value is None else f"{value:,}"


def print_state(ctx: StateContext, findings: list[Finding], console) -> None:  # noqa: ANN001
    from rich.markup import escape
    from rich.table import Table

    record = ctx.record
    console.print(f"[bold]{escape(record.name)} ({record.iso3})[/bold]  {record.status.value}  {escape(ctx.loaded.display)}")
    consent = f"{record.consent.date} ({record.consent.type.value})" if record.consent else "-"
    eif = str(record.entry_into_force) if record.entry_into_force else "-"
    if record.consent and record.entry_into_force is None:
        derived = article17_entry_into_force(record.consent.date)
        eif = f"{derived.isoformat()} (Art. 17)" if derived else "-"
    console.print(f"signed {record.signed or '-'}  consent {consent}  entry into force {eif}")
    if record.withdrawal:
        console.print(f"withdrawal notified {record.withdrawal.notified}, effective {record.withdrawal.effective}")
    reason = why_not_followed(ctx)
    if reason:
        console.print(f"[cyan]Not on the follow-up list: {reason}[/cyan]")

    stockpile = record.stockpile
    console.print("\n[bold]Stockpile (Art. 3)[/bold]")
    if stockpile is None:
        console.print("  not recorded")
    else:
        deadline = destruction_deadline(stockpile, ctx.party.start, ctx.as_of)
        console.print(f"  status {stockpile.status.value}; declared {_q(stockpile.declared)}; destroyed "
                      f"{_q(stockpile.destroyed)}")
        console.print(f"  deadline {deadline.isoformat() if deadline else '-'}; completed {stockpile.completed or '-'}"
                      f"; extensions {len(stockpile.extensions)}; discoveries after completion {len(stockpile.discoveries)}")
        if stockpile.note:
            console.print(f"  [dim]{escape(stockpile.note)}[/dim]")

    by_year: dict[int | None, list[Finding]] = {}
    for finding in findings:
        by_year.setdefault(finding.year, []).append(finding)
    console.print("\n[bold]Retention (Art. 3(6)-(8))[/bold]")
    if not record.retention:
        console.print("  no retention recorded")
    else:
        table = Table(show_edge=False, pad_edge=False)
        for header in ("year", "report", "held CM", "held sub", "consumed", "destroyed", "transfers", "findings"):
            table.add_column(header, justify="right" if header.startswith(("held", "cons", "dest")) else "left")
        series = {item.year: item for item in ctx.series}
        for entry in record.retention:
            item = series.get(entry.year)
            held = item.held if item else entry.held
            transfers = "?" if entry.transfers is None else (str(len(entry.transfers)) if entry.transfers else "none")
            codes = " ".join(sorted({f.code for f in by_year.get(entry.year, [])}))
            table.add_row(
                str(entry.year), entry.report.value + (" (carried)" if item and item.held_carried else ""),
                _part(held, "munitions"), _part(held, "submunitions"),
                _q(entry.consumed) if entry.consumed else "?", _q(entry.destroyed) if entry.destroyed else "?",
                transfers, codes,
            )
        console.print(table)

    console.print("\n[bold]Findings[/bold]")
    if not findings:
        console.print("  none")
    for finding in findings:
        console.print(f"  {finding.code} {finding.severity.value} line {finding.line}: {escape(finding.message)}")

    console.print("\n[bold]Engagements[/bold]")
    engagements = engagements_as_of(ctx)
    if not engagements:
        console.print("  none recorded")
    for engagement in engagements:
        console.print(f"  {engagement.date} {engagement.kind.value}: {escape(engagement.summary)}")
    if reply_awaited(engagements):
        console.print("  [yellow]reply awaited[/yellow]")
