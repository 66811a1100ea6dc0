"""`ccm show` for people: one state on one screen, every figure shown at 80 columns and in a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ccm_stockpile.domain.followup import off_followup
from ccm_stockpile.domain.practices import PracticeLink
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Finding
from ccm_stockpile.records.state import RetentionEntry, Transfer
from ccm_stockpile.records.types import Quantity
from ccm_stockpile.render.text import markup

if TYPE_CHECKING:
    from rich.console import Console


def _quantity(quantity: Quantity | None) -> str:
    return "-" if quantity is None else str(quantity)


def _pair(quantity: Quantity | None) -> str:
    """`315 / 7,335` (munitions / submunitions); `?` where not known, `~` before an approximate part."""
    if quantity is None:
        return "?"

    def one(name: str) -> str:
        value = getattr(quantity, name)
        if value is None:
            return "?"
        return f"~{value:,}" if name in quantity.approximate else f"{value:,}"

    return f"{one('munitions')} / {one('submunitions')}"


def _transfers(entry: RetentionEntry) -> str:
    if entry.transfers is None:
        return "?"
    if not entry.transfers:
        return "none"

    def one(transfer: Transfer) -> str:
        return f"{transfer.direction.value} {transfer.counterpart}"

    return ", ".join(one(transfer) for transfer in entry.transfers)


def _print_situation(view: StateView, console: Console) -> None:
    """The retention situation with the evidence it rests on, and the reports owed (obligations)."""
    situation = view.situation
    console.print(f"  situation: {markup(situation.describe())}")
    for source in situation.latest.sources if situation.latest else ():
        console.print(f"    evidence ({situation.latest.year if situation.latest else ''}): {markup(source.url)}")
    if situation.conflict:
        for source in situation.conflict.sources:
            console.print(f"    conflict ({situation.conflict.year}): {markup(source.url)}")
    obligations = view.obligations
    upcoming = obligations.upcoming()
    if obligations.withdrawn is not None:
        console.print(f"  reports: none due after the withdrawal took effect on {obligations.withdrawn.isoformat()}")
    elif upcoming:
        nxt = upcoming[0]
        covering = f" covering {nxt.year}" if nxt.year is not None else ""
        console.print(
            f"  next report due {nxt.due.isoformat()}{covering} ({nxt.kind.value.replace('_', ' ')}, {nxt.basis.value})"
        )


def print_state(view: StateView, findings: list[Finding], console: Console, practices: list[PracticeLink] | None = None) -> None:
    """Treaty facts, stockpile, retention year by year with its codes, findings, engagements, and the practices of
    the good-practice database that concern the state."""
    from rich.table import Table

    record = view.record
    console.print(f"[bold]{markup(record.name)} ({record.iso3})[/bold]  {record.status.value}  {markup(view.loaded.display)}")
    consent = f"{record.consent.date} ({record.consent.type.value})" if record.consent else "-"
    facts = view.treaty
    if record.entry_into_force is not None:
        eif = str(record.entry_into_force)
    elif facts.entry_into_force is not None:
        eif = f"{facts.entry_into_force.isoformat()} (Art. 17)"
    else:
        eif = "-"
    console.print(f"signed {record.signed or '-'}  consent {consent}  entry into force {eif}")
    if record.withdrawal:
        console.print(f"withdrawal notified {record.withdrawal.notified}, effective {record.withdrawal.effective}")
    reason = off_followup(view)
    if reason:
        console.print(f"[cyan]Not on the follow-up list: {markup(reason)}[/cyan]")

    stockpile = record.stockpile
    console.print("\n[bold]Stockpile (Art. 3)[/bold]")
    if stockpile is None:
        console.print("  not recorded")
    else:
        deadline = f"{facts.deadline.day.isoformat()} ({facts.deadline.basis})" if facts.deadline else "-"
        console.print(
            f"  status {stockpile.status.value}; declared {markup(_quantity(stockpile.declared))}; "
            f"destroyed {markup(_quantity(stockpile.destroyed))}"
        )
        console.print(
            f"  deadline {deadline}; completed {stockpile.completed or '-'}; extensions "
            f"{len(stockpile.extensions)}; discoveries after completion {len(stockpile.discoveries)}"
        )
        if stockpile.note:
            console.print(f"  [dim]{markup(stockpile.note)}[/dim]")

    codes_by_year: dict[int, set[str]] = {}
    for finding in findings:
        if finding.year is not None:
            codes_by_year.setdefault(finding.year, set()).add(finding.code)
    console.print("\n[bold]Situation and reports due[/bold]")
    _print_situation(view, console)
    console.print("\n[bold]Retention (Art. 3(6)-(8))[/bold]  figures are munitions / submunitions, ? not known")
    if not record.retention:
        console.print("  no retention recorded")
    else:
        table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 1))
        for header, justify in (
            ("year", "left"),
            ("report", "left"),
            ("held", "right"),
            ("consumed", "right"),
            ("destroyed", "right"),
            ("transfers", "left"),
            ("findings", "left"),
        ):
            table.add_column(header, justify=justify, overflow="fold")  # type: ignore[arg-type]
        series = {item.year: item for item in view.series}
        for entry in record.retention:
            item = series.get(entry.year)
            held = item.held if item else entry.held
            report = entry.report.value + (" (carried)" if item and item.held_carried else "")
            table.add_row(
                str(entry.year),
                report,
                _pair(held),
                _pair(entry.consumed),
                _pair(entry.destroyed),
                markup(_transfers(entry)),
                " ".join(sorted(codes_by_year.get(entry.year, set()))),
            )
        console.print(table)

    console.print("\n[bold]Findings[/bold]")
    if not findings:
        console.print("  none")
    for finding in findings:
        console.print(
            f"  {finding.code} {finding.severity.value} ({finding.addressee.value}) line {finding.line}: "
            f"{markup(finding.message)}"
        )

    console.print("\n[bold]Engagements[/bold]")
    correspondence = view.correspondence
    if not correspondence.engagements:
        console.print("  none recorded")
    for engagement in correspondence.engagements:
        console.print(f"  {engagement.date} {engagement.kind.value}: {markup(engagement.summary)}")
    if correspondence.reply_awaited:
        detail = f" ({markup(correspondence.detail)})" if correspondence.detail else ""
        console.print(f"  [yellow]reply awaited[/yellow]{detail}")

    console.print("\n[bold]Destruction practices[/bold]  (ccm practices show ID)")
    if not practices:
        console.print("  none in the database")
    for link in practices or []:
        roles = ", ".join(role.value for role in link.roles)
        console.print(f"  {markup(link.id)} ({roles}): {markup(link.title)}")
