"""R101-R110: the Action 17 review of retained cluster munitions, year over year (Art. 3(6)-(8))."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import rule
from ccm_stockpile.checks.series import PARTS, RetentionYear, first_entry_per_year, known_holdings, part, transfer_total
from ccm_stockpile.checks.timeline import report_due
from ccm_stockpile.findings import Finding, Severity
from ccm_stockpile.records.state import ReportStatus


def _pairs(series: list[RetentionYear]) -> Iterator[tuple[RetentionYear, RetentionYear]]:
    return zip(series, series[1:], strict=False)


def _movements(current: RetentionYear, name: str) -> dict[str, int | None]:
    entry = current.entry
    return {
        "consumed": part(entry.consumed, name),
        "destroyed": part(entry.destroyed, name),
        "transferred out": transfer_total(entry, "out", name),
        "acquired": part(entry.acquired, name),
        "transferred in": transfer_total(entry, "in", name),
    }


def _inflow_reported(movements: dict[str, int | None]) -> bool:
    return bool(movements["acquired"]) or bool(movements["transferred in"])


def _balance(previous: int, movements: dict[str, int | None]) -> int | None:
    if any(value is None for value in movements.values()):
        return None
    return (
        previous - movements["consumed"] - movements["destroyed"] - movements["transferred out"]
        + movements["acquired"] + movements["transferred in"]
    )  # type: ignore[operator]


def _unknown_terms(movements: dict[str, int | None]) -> list[str]:
    return [name for name, value in movements.items() if value is None]


@rule(
    "R101", Severity.ERROR, title="The balance does not hold",
    basis="Art. 3(8); Lausanne Action Plan Action 17",
    rationale="Holdings at the end of a year must equal the previous year's, less what was consumed, destroyed "
              "and transferred out, plus what was acquired and transferred in; when every term is reported "
              "and they do not add up, one of the reports is wrong (monitors' sign S8: inconsistent reports).",
    fix="Check both years' figures against the Article 7 reports; record the missing movement or correct the "
        "figure that was copied wrong.",
    example="retention:\n  - {year: 2015, report: reported, held: {munitions: 10, submunitions: 500}, sources: [...]}\n"
            "  - year: 2016\n    report: reported\n    held: {munitions: 10, submunitions: 400}\n"
            "    consumed: {munitions: 0, submunitions: 50}\n    destroyed: {munitions: 0, submunitions: 0}\n"
            "    acquired: {munitions: 0, submunitions: 0}\n    transfers: []\n    sources: [...]\n",
)
def check_balance(ctx: StateContext) -> Iterator[Finding]:
    for previous, current in _pairs(ctx.series):
        if current.year != previous.year + 1 or previous.held is None or current.held is None:
            continue
        problems = []
        for name in PARTS:
            before, after = part(previous.held, name), part(current.held, name)
            if before is None or after is None:
                continue
            expected = _balance(before, _movements(current, name))
            if expected is not None and expected != after:
                problems.append(f"{name}: {before:,} at the end of {previous.year} and the reported movements give "
                                f"{expected:,}, but {after:,} are reported")
        if problems:
            yield ctx.finding(
                "R101", f"{current.year}: the balance does not hold ({'; '.join(problems)}); check both reports",
                current.at("held"), current.year,
            )


def _changes(previous: RetentionYear, current: RetentionYear) -> Iterator[tuple[str, int, int]]:
    for name in PARTS:
        before, after = part(previous.held, name), part(current.held, name)
        if before is not None and after is not None and before != after:
            yield name, before, after


@rule(
    "R102", Severity.WARNING, title="Holdings went down, and the movements that would explain it are not reported",
    basis="Art. 3(8): planned and actual use; Action 17",
    rationale="A fall in holdings should be explained by consumption in training or research, destruction of "
              "excess or a transfer; otherwise the use of retained munitions is not accounted for (signs S3, S8).",
    fix="Record `consumed`, `destroyed` and `transfers` for the year from the Article 7 report, or ask the state "
        "to report them.",
    example="retention:\n  - {year: 2015, report: reported, held: {munitions: 315, submunitions: 7335}, sources: [...]}\n"
            "  - {year: 2016, report: reported, held: {munitions: 292, submunitions: 6605}, sources: [...]}\n",
)
def check_unexplained_fall(ctx: StateContext) -> Iterator[Finding]:
    for change in _unexplained_changes(ctx, falling=True):
        unknown = "" if change.gap else f"; not reported: {', '.join(change.unknown)}"
        yield ctx.finding(
            "R102", f"holdings went down {change.span}: {', '.join(change.parts)}{unknown}; record or ask for the "
                    f"consumption, destruction or transfers that explain it",
            change.current.at("held"), change.current.year,
        )


@dataclass
class _Change:
    previous: RetentionYear
    current: RetentionYear
    parts: list[str]
    unknown: list[str]

    @property
    def gap(self) -> bool:
        return self.current.year != self.previous.year + 1

    @property
    def span(self) -> str:
        if self.gap:
            return f"between {self.previous.year} and {self.current.year} (no figure for the years between)"
        return f"in {self.current.year}"


def _unexplained_changes(ctx: StateContext, falling: bool) -> Iterator[_Change]:
    """Falls (or rises) that R101 cannot judge: across a gap (or years of unknown holdings), or with a
    movement not known."""
    for previous, current in _pairs(known_holdings(ctx.series)):
        change = _Change(previous, current, [], [])
        for name, before, after in _changes(previous, current):
            if (after < before) != falling:
                continue
            movements = _movements(current, name)
            if not change.gap and _balance(before, movements) is not None:
                continue  # every term is known: R101 decides
            if not falling and _inflow_reported(movements):
                continue
            change.parts.append(f"{name} {before:,} -> {after:,}")
            change.unknown += [term for term in _unknown_terms(movements) if term not in change.unknown]
        if change.parts:
            yield change


@rule(
    "R103", Severity.WARNING, title="Holdings went up with no acquisition or transfer in reported",
    basis="Art. 3(6)-(8): retention or acquisition of a limited number; Action 17",
    rationale="An increase is only possible through acquisition or a transfer in, which Art. 3(8) requires to be "
              "reported; an unexplained increase is the first thing a review asks about (signs S8, S10).",
    fix="Record the acquisition or transfer in from the Article 7 report, or check whether one of the two "
        "figures was copied wrong.",
    example="retention:\n  - {year: 2017, report: reported, held: {munitions: 0, submunitions: 0}, sources: [...]}\n"
            "  - {year: 2018, report: reported, held: {munitions: 8, submunitions: 400}, sources: [...]}\n",
)
def check_unexplained_rise(ctx: StateContext) -> Iterator[Finding]:
    for change in _unexplained_changes(ctx, falling=False):
        yield ctx.finding(
            "R103", f"holdings went up {change.span}: {', '.join(change.parts)}, and no acquisition or transfer in "
                    f"is reported; record it or check the figures",
            change.current.at("held"), change.current.year,
        )
    yield from _by_type_changes(ctx)


def _by_type_changes(ctx: StateContext) -> Iterator[Finding]:
    """Per-type rises with no inflow while the totals do not rise: one type quietly replacing another."""
    for previous, current in _pairs(ctx.series):
        if current.year != previous.year + 1 or not previous.by_type or not current.by_type:
            continue
        if current.held_carried or any(after > before for _, before, after in _changes(previous, current)):
            continue  # a rise in the totals is for R101/R103 on the totals; this is about hidden swaps
        before = {row.type: row for row in previous.by_type}
        for index, row in enumerate(current.entry.by_type):
            earlier = before.get(row.type)
            for name in PARTS:
                after = getattr(row, name)
                prior = 0 if earlier is None else getattr(earlier, name)
                if after is None or prior is None or after <= prior:
                    continue
                if _inflow_reported(_movements(current, name)):
                    continue
                yield ctx.finding(
                    "R103", f"{current.year}: type {row.type} went from {prior:,} to {after:,} {name} with no "
                            f"acquisition or transfer in reported; record it or check the rows",
                    current.at("by_type", index), current.year,
                )
                break


@rule(
    "R104", Severity.WARNING, title="The same holdings for several years with no consumption",
    basis="Lausanne Action Plan Action 17: annual review of what is absolutely necessary; Art. 3(6)",
    rationale="Identical figures year after year suggest the munitions are not used for their permitted "
              "purpose (sign S2); Action 17 asks whether the amount is still the minimum absolutely necessary.",
    fix="Ask the state how the retained munitions are used and whether the amount is still necessary; record "
        "consumption where the report gives it.",
    example="retention:\n  - {year: 2016, report: reported, held: {munitions: 6, submunitions: 906}, sources: [...]}\n"
            "  - {year: 2017, report: unchanged}\n  - {year: 2018, report: unchanged}\n",
)
def check_unchanged_holdings(ctx: StateContext) -> Iterator[Finding]:
    threshold = ctx.settings.thresholds.unchanged_years
    run: list[RetentionYear] = []

    def qualifies(item: RetentionYear) -> bool:
        consumed = item.entry.consumed
        return (
            item.submitted and item.held is not None and item.held.fully_known and item.held.positive
            and (consumed is None or not consumed.positive)
        )

    def close(run: list[RetentionYear]) -> Iterator[Finding]:
        if len(run) >= threshold:
            last = run[-1]
            yield ctx.finding(
                "R104", f"holdings of {last.held} unchanged for {len(run)} consecutive years "
                        f"({run[0].year}-{last.year}) with no consumption reported; ask whether they are used and "
                        f"still the minimum absolutely necessary (Action 17)",
                last.at("held"), last.year,
            )

    for item in ctx.series:
        extends = (
            run and qualifies(item) and item.year == run[-1].year + 1 and item.held == run[-1].held
        )
        if extends:
            run.append(item)
            continue
        yield from close(run)
        run = [item] if qualifies(item) else []
    yield from close(run)


@rule(
    "R105", Severity.WARNING, title="No planned or actual use reported",
    basis="Art. 3(8): a detailed report on the planned and actual use; work plan 2024-2025, strategy (a)",
    rationale="A state that holds retained munitions during a year must report what it planned to use them for "
              "and what it actually used them for (signs S4, S5, S7).",
    fix="Record `planned_use` and `actual_use` from the report, or ask the state for them.",
    example="retention:\n  - {year: 2016, report: reported, held: {munitions: 2, submunitions: 276}, sources: [...]}\n",
)
def check_use_reported(ctx: StateContext) -> Iterator[Finding]:
    previous: RetentionYear | None = None
    for item in ctx.series:
        if item.entry.report == ReportStatus.NOT_SUBMITTED:
            previous = item
            continue
        held_before = previous is not None and previous.year == item.year - 1 and not previous.held_zero
        if not item.held_zero or held_before:
            missing = [label for label, value in (("planned use", item.planned_use), ("actual use", item.actual_use))
                       if not value]
            if missing:
                yield ctx.finding(
                    "R105", f"{item.year}: the state held retained munitions but no {' or '.join(missing)} is "
                            f"recorded; add it from the report or ask the state (Art. 3(8))",
                    item.path, item.year,
                )
        previous = item


@rule(
    "R106", Severity.WARNING, title="A year's report is missing",
    basis="Art. 3(8) and Art. 7(2): a report each year by 30 April",
    rationale="Each year during which a state retains is covered by a report due on 30 April of the next year; "
              "a missing year is the first warning sign monitors use (sign S1).",
    fix="Add the year's entry from the Article 7 report, or `report: not_submitted` and follow up with the state.",
    example="retention:\n  - {year: 2015, report: reported, held: {munitions: 9, submunitions: 4089}, sources: [...]}\n"
            "  - {year: 2017, report: reported, held: {munitions: 9, submunitions: 4089}, sources: [...]}\n",
)
def check_missing_reports(ctx: StateContext) -> Iterator[Finding]:
    series = ctx.series
    if not series:
        return
    last_due = ctx.party.last_year_due()
    if last_due is None:
        return
    by_year = {item.year: item for item in series}
    first_year = min(entry.year for _, entry in first_entry_per_year(ctx.record))
    retaining = True
    missing: list[int] = []
    for year in range(first_year, last_due + 1):
        item = by_year.get(year)
        if item is None:
            if retaining and ctx.party.report_is_due(year):
                missing.append(year)
            continue
        if item.entry.report == ReportStatus.NOT_SUBMITTED and ctx.party.report_is_due(year):
            yield ctx.finding(
                "R106", f"the report for {year} (due {report_due(year).isoformat()}) was not submitted; follow up",
                item.at("report"), year,
            )
        retaining = not item.held_zero
    if missing:
        earlier = [item for item in series if item.year < missing[-1]]
        anchor = max(earlier, key=lambda item: item.year) if earlier else series[0]
        years = _ranges(missing)
        yield ctx.finding(
            "R106", f"no report recorded for {years} (each due 30 April of the next year) while the state was retaining; "
                    f"add the entries or mark them `not_submitted`",
            anchor.path, missing[-1],
        )


def _ranges(years: list[int]) -> str:
    spans: list[str] = []
    start = previous = years[0]
    for year in years[1:] + [None]:  # type: ignore[list-item]
        if year is not None and year == previous + 1:
            previous = year
            continue
        spans.append(str(start) if start == previous else f"{start}-{previous}")
        if year is not None:
            start = previous = year
    return ", ".join(spans)


@rule(
    "R107", Severity.WARNING, title="Holdings reported without type and lot numbers",
    basis="Art. 3(8): type, quantity and lot numbers",
    rationale="The report must give the type, quantity and lot numbers of what is retained.",
    fix="Add `by_type` rows (type, munitions, submunitions, lots) from the report, or ask the state for them.",
    example="retention:\n  - {year: 2016, report: reported, held: {munitions: 0, submunitions: 125}, by_type: [], "
            "sources: [...]}\n",
)
def check_types_reported(ctx: StateContext) -> Iterator[Finding]:
    for item in ctx.series:
        if item.held is not None and item.held.positive and not item.by_type:
            yield ctx.finding(
                "R107", f"{item.year}: {item.held} held with no type or lot numbers; add `by_type` rows (Art. 3(8))",
                item.at("by_type"), item.year,
            )


@rule(
    "R108", Severity.INFO, title="Retention ended",
    basis="Art. 3(6); Action 17 (sign S11)",
    rationale="Holdings fell to zero: the state no longer retains, which closes follow-up on retention.",
    fix="Nothing to fix; check that later entries, if any, confirm it.",
    example="retention:\n  - {year: 2019, report: reported, held: {munitions: 5, submunitions: 3220}, sources: [...]}\n"
            "  - {year: 2020, report: reported, held: {munitions: 0, submunitions: 0}, sources: [...]}\n",
)
def check_retention_ended(ctx: StateContext) -> Iterator[Finding]:
    for previous, current in _pairs(known_holdings(ctx.series)):
        if current.held_zero and previous.held_positive:
            yield ctx.finding(
                "R108", f"retention ended in {current.year}: holdings fell to zero (from {previous.held} in "
                        f"{previous.year})",
                current.at("held"), current.year,
            )


@rule(
    "R110", Severity.WARNING, title="The state is said to retain but the quantity is unknown",
    basis="Art. 3(8): quantity; Action 17",
    rationale="Without a figure the annual review of what is absolutely necessary cannot be made.",
    fix="Add `held` from the report, or ask the state for the figure.",
    example="retention:\n  - year: 2023\n    report: unknown\n    held: {munitions: null, submunitions: null}\n",
)
def check_quantity_known(ctx: StateContext) -> Iterator[Finding]:
    for item in ctx.series:
        if item.entry.report == ReportStatus.NOT_SUBMITTED:
            continue
        if item.held_unknown:
            yield ctx.finding(
                "R110", f"{item.year}: an entry exists but the quantity held is not known; add it from the report "
                        f"or ask the state",
                item.at("held"), item.year,
            )
