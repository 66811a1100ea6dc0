"""E005-E007 and T203: what one record contradicts within itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import rule
from ccm_stockpile.checks.series import PARTS
from ccm_stockpile.checks.timeline import article17_entry_into_force
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.records.state import StateStatus


@rule(
    "E005", Severity.ERROR, title="Retention entries repeated or out of order",
    basis="Art. 3(8): one report per year", scope="state",
    rationale="Each calendar year has one retention entry, in ascending order, so a year's figures are "
              "never ambiguous. The checks use the first entry of a repeated year.",
    fix="Merge the two entries of the year, or move the entry to its place in ascending year order.",
    example="retention:\n  - {year: 2016, report: reported}\n  - {year: 2015, report: reported}\n",
)
def check_retention_order(ctx: StateContext) -> Iterator[Finding]:
    seen: dict[int, int] = {}
    latest = None
    for index, entry in enumerate(ctx.record.retention):
        path = ("retention", index)
        if entry.year in seen:
            yield ctx.finding(
                "E005",
                f"a second entry for {entry.year} (the first is entry {seen[entry.year] + 1}); merge them into one",
                path, entry.year,
            )
            continue
        seen[entry.year] = index
        if latest is not None and entry.year < latest:
            yield ctx.finding(
                "E005", f"the entry for {entry.year} comes after the entry for {latest}; keep entries in ascending year",
                path, entry.year,
            )
        latest = entry.year if latest is None else max(latest, entry.year)


@rule(
    "E006", Severity.ERROR, title="`by_type` rows do not add up to `held`",
    basis="Art. 3(8): type, quantity and lot numbers",
    rationale="The breakdown by type and the total must describe the same holdings.",
    fix="Correct the row or the total so that the rows add up to `held`; leave a figure null if it is not known.",
    example="held: {munitions: 10, submunitions: 500}\nby_type:\n  - {type: M42, munitions: 4, submunitions: 300}\n"
            "  - {type: M46, munitions: 4, submunitions: 200}\n",
)
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
                "E006", f"in {entry.year}, " + "; ".join(problems) + ": correct the rows or the total",
                ("retention", index, "by_type"), entry.year,
            )


@rule(
    "E007", Severity.ERROR, title="Dates contradict each other",
    basis="Art. 17, Art. 20, Art. 7(1)(g), Art. 3(8)",
    rationale="Partial dates are ranges, so only sure contradictions are reported. Completion of destruction "
              "before entry into force is not one: several states destroyed stocks before they were bound.",
    fix="Check both dates against their sources and correct the wrong one.",
    example="signed: 2010-05-01\nconsent: {date: 2009-12-22, type: ratification}\n",
)
def check_date_order(ctx: StateContext) -> Iterator[Finding]:
    record = ctx.record
    if record.signed and record.consent and record.signed.surely_after(record.consent.date):
        yield ctx.finding("E007", f"signed {record.signed} is after consent {record.consent.date}", ("signed",))
    if record.consent and record.entry_into_force and record.entry_into_force.surely_before(record.consent.date):
        yield ctx.finding(
            "E007", f"entry into force {record.entry_into_force} is before consent {record.consent.date}",
            ("entry_into_force",),
        )
    if record.withdrawal and record.withdrawal.effective.surely_before(record.withdrawal.notified):
        yield ctx.finding(
            "E007", f"withdrawal effective {record.withdrawal.effective} is before it was notified "
            f"({record.withdrawal.notified})", ("withdrawal", "effective"),
        )
    stockpile = record.stockpile
    if stockpile:
        for index, extension in enumerate(stockpile.extensions):
            if extension.new_deadline.surely_before(extension.granted):
                yield ctx.finding(
                    "E007", f"extension new deadline {extension.new_deadline} is before it was granted ({extension.granted})",
                    ("stockpile", "extensions", index, "new_deadline"),
                )
        for index, discovery in enumerate(stockpile.discoveries):
            path = ("stockpile", "discoveries", index)
            if discovery.destroyed and discovery.destroyed.surely_before(discovery.found):
                yield ctx.finding(
                    "E007", f"discovery destroyed {discovery.destroyed} before it was found ({discovery.found})",
                    path + ("destroyed",),
                )
            if discovery.reported and discovery.reported.surely_before(discovery.found):
                yield ctx.finding(
                    "E007", f"discovery reported {discovery.reported} before it was found ({discovery.found})",
                    path + ("reported",),
                )
    for index, entry in enumerate(record.retention):
        if entry.submitted and entry.submitted.surely_before(dt.date(entry.year + 1, 1, 1)):
            yield ctx.finding(
                "E007", f"the report for {entry.year} is dated {entry.submitted}, before the year ended",
                ("retention", index, "submitted"), entry.year,
            )


@rule(
    "T203", Severity.WARNING, title="Entry into force differs from Article 17",
    basis="Art. 17(1)-(2)",
    rationale="The Convention enters into force for a state on the first day of the sixth month after the "
              "month of deposit, and never before 1 August 2010; a different date is a typing or source error.",
    fix="Check the deposit date and the entry-into-force date against the UN Treaty Collection.",
    example="consent: {date: 2012-10-08, type: ratification}\nentry_into_force: 2013-03-01\n",
)
def check_entry_into_force(ctx: StateContext) -> Iterator[Finding]:
    record = ctx.record
    if record.status != StateStatus.SIGNATORY and ctx.party.start is None:
        yield ctx.finding(
            "T203", "entry into force cannot be determined (no `entry_into_force`, and the consent date gives no "
                    "month), so no treaty or retention check can run; add `entry_into_force` from the UN Treaty "
                    "Collection", ("entry_into_force",),
        )
        return
    if not (record.consent and record.entry_into_force):
        return
    derived = article17_entry_into_force(record.consent.date)
    given = record.entry_into_force
    if derived is None:
        return
    if given.is_complete and given.earliest != derived or not given.is_complete and not (
        given.earliest <= derived <= given.latest
    ):
        yield ctx.finding(
            "T203",
            f"entry into force {given} differs from {derived.isoformat()}, which Article 17 gives for deposit "
            f"on {record.consent.date}; check both dates against the UN Treaty Collection",
            ("entry_into_force",), value=str(given),
        )
