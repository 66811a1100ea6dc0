"""R101-R110: the Action 17 review of retained cluster munitions, year over year (Art. 3(6)-(8)).

The year series, the balance and the rule for due years live in the domain layer; these functions only
turn them into findings, each addressed to the state or to the editor from the evidence.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import check
from ccm_stockpile.domain.balance import PartChange, consecutive_known, movements
from ccm_stockpile.domain.series import PARTS, RetentionYear, first_entry_per_year
from ccm_stockpile.findings import Addressee, Finding
from ccm_stockpile.records.state import Omission, ReportStatus

STATE, EDITOR = Addressee.STATE, Addressee.EDITOR


def _pairs(series: list[RetentionYear]) -> Iterator[tuple[RetentionYear, RetentionYear]]:
    return itertools.pairwise(series)


def _span(previous: RetentionYear, current: RetentionYear) -> str:
    if current.year != previous.year + 1:
        return f"between {previous.year} and {current.year} (no figure for the years between)"
    return f"in {current.year}"


@check("R101")
def check_balance(ctx: StateContext) -> Iterator[Finding]:
    for previous, current in consecutive_known(ctx.series):
        if current.entry.report == ReportStatus.UNCHANGED:
            continue  # a report of no change is judged against itself below
        problems = [
            f"{change.part}: {change.before:,} at the end of {previous.year} and the reported movements give "
            f"{change.expected:,}, but {change.after:,} are reported, and every "
            f"{'outflow' if change.unaccounted < 0 else 'inflow'} that could close the gap is reported"
            for change in ctx.change(previous, current)
            if change.contradictory
        ]
        if problems:
            yield ctx.finding(
                "R101",
                f"{current.year}: the state's figures cannot balance ({'; '.join(problems)}); check both reports",
                current.at("held"),
                current.year,
                facts=_between(previous, current, "reconcile"),
            )
    yield from _unchanged_contradictions(ctx)


def _between(previous: RetentionYear, current: RetentionYear, request: str) -> dict[str, object]:
    """The facts a letter needs to ask about the holdings of two years."""
    return {
        "request": request,
        "year": current.year,
        "previous_year": previous.year,
        "before": previous.held,
        "after": current.held,
    }


def _unchanged_contradictions(ctx: StateContext) -> Iterator[Finding]:
    """A report of "no change since the last report" that gives other holdings, or a movement."""
    previous: RetentionYear | None = None
    for item in ctx.series:
        entry = item.entry
        if entry.report == ReportStatus.UNCHANGED and previous is not None:
            if (
                not item.held_carried
                and item.held is not None
                and previous.held is not None
                and not item.held_unknown
                and item.held != previous.held
            ):
                yield ctx.finding(
                    "R101",
                    f"{item.year}: the report says there is no change since the last report, but gives "
                    f"{item.held} where {previous.held} were reported for {previous.year}; check which is "
                    f"right",
                    item.at("held"),
                    item.year,
                    facts=_between(previous, item, "reconcile"),
                )
            moved = [term for name in PARTS for term, value in movements(entry, name).items() if value]
            if moved:
                terms = ", ".join(dict.fromkeys(moved))
                yield ctx.finding(
                    "R101",
                    f"{item.year}: the report says there is no change since the last report, but records "
                    f"movements ({terms}); check which is right",
                    item.path,
                    item.year,
                    facts=_between(previous, item, "reconcile"),
                )
        if not item.held_unknown:
            previous = item


def _unaccounted(ctx: StateContext, lower: bool) -> Iterator[tuple[RetentionYear, RetentionYear, list[PartChange]]]:
    """Pairs of years whose holdings the known movements leave partly unaccounted for, in one direction."""
    for previous, current in consecutive_known(ctx.series):
        if current.entry.report == ReportStatus.UNCHANGED:
            continue  # R101 judges a report of no change
        changes = [
            change
            for change in ctx.change(previous, current)
            if not change.contradictory and change.unaccounted and (change.unaccounted < 0) == lower
        ]
        if changes:
            yield previous, current, changes


def _movement_finding(ctx: StateContext, code: str, lower: bool) -> Iterator[Finding]:
    direction = "lower" if lower else "higher"
    for previous, current, changes in _unaccounted(ctx, lower):
        parts = ", ".join(change.describe() for change in changes)
        unknown = list(dict.fromkeys(t for c in changes for t in (c.unknown_out if lower else c.unknown_in)))
        span = _span(previous, current)
        if current.year == previous.year + 1 and current.omits(Omission.MOVEMENTS):
            message = (
                f"holdings are {direction} than the reported movements account for {span}: {parts}; the "
                f"report does not give the {', '.join(unknown)}; ask the state to explain the change"
            )
            facts = _between(previous, current, "explain_change")
            yield ctx.finding(code, message, current.at("held"), current.year, addressee=STATE, facts=facts)
            continue
        missing = f"; not recorded: {', '.join(unknown)}" if unknown else ""
        message = (
            f"holdings are {direction} than the reported movements account for {span}: {parts}{missing}; "
            f"record the movements from the report, or `omitted: [movements]` with its source if the "
            f"report does not give them"
        )
        yield ctx.finding(code, message, current.at("held"), current.year, addressee=EDITOR)


@check("R102")
def check_unexplained_fall(ctx: StateContext) -> Iterator[Finding]:
    yield from _movement_finding(ctx, "R102", lower=True)


@check("R103")
def check_unexplained_rise(ctx: StateContext) -> Iterator[Finding]:
    yield from _movement_finding(ctx, "R103", lower=False)
    yield from _by_type_changes(ctx)


def _by_type_changes(ctx: StateContext) -> Iterator[Finding]:
    """Per-type rises with no inflow while the totals do not rise: one type quietly replacing another."""
    for previous, current in _pairs(ctx.series):
        if current.year != previous.year + 1 or not previous.by_type or not current.by_type or current.held_carried:
            continue
        if any(change.after > change.before for change in ctx.change(previous, current)):
            continue  # a rise in the totals is for R101/R103 on the totals; this is about hidden swaps
        before = {row.type: row for row in previous.by_type}
        addressee = STATE if current.omits(Omission.MOVEMENTS) else EDITOR
        inflows = {name: movements(current.entry, name) for name in PARTS}
        for index, row in enumerate(current.entry.by_type):
            earlier = before.get(row.type)
            for name in PARTS:
                after = getattr(row, name)
                prior = 0 if earlier is None else getattr(earlier, name)
                terms = inflows[name]
                if after is None or prior is None or after <= prior or terms["acquired"] or terms["transferred in"]:
                    continue
                ask = "ask the state" if addressee == STATE else "record it from the report or check the rows"
                yield ctx.finding(
                    "R103",
                    f"{current.year}: type {row.type} went from {prior:,} to {after:,} {name} with no "
                    f"acquisition or transfer in reported; {ask}",
                    current.at("by_type", index),
                    current.year,
                    addressee=addressee,
                )
                break


@check("R104")
def check_unchanged_holdings(ctx: StateContext) -> Iterator[Finding]:
    threshold = ctx.settings.thresholds.unchanged_years
    run: list[RetentionYear] = []

    def qualifies(item: RetentionYear) -> bool:
        consumed = item.entry.consumed
        return (
            item.submitted
            and item.held is not None
            and item.held.fully_known
            and item.held.positive
            and (consumed is None or not consumed.positive)
        )

    def close(run: list[RetentionYear]) -> Iterator[Finding]:
        if len(run) >= threshold:
            last = run[-1]
            yield ctx.finding(
                "R104",
                f"holdings of {last.held} unchanged for {len(run)} consecutive years "
                f"({run[0].year}-{last.year}) with no consumption reported; ask whether they are used and "
                f"still the minimum absolutely necessary (Action 17)",
                last.at("held"),
                last.year,
                facts={"request": "still_needed", "year": last.year, "first_year": run[0].year, "held": last.held},
            )

    for item in ctx.series:
        if run and qualifies(item) and item.year == run[-1].year + 1 and item.held == run[-1].held:
            run.append(item)
            continue
        yield from close(run)
        run = [item] if qualifies(item) else []
    yield from close(run)


_USES = (("planned use", "planned_use", Omission.PLANNED_USE), ("actual use", "actual_use", Omission.ACTUAL_USE))


@check("R105")
def check_use_reported(ctx: StateContext) -> Iterator[Finding]:
    previous: RetentionYear | None = None
    for item in ctx.series:
        if item.entry.report == ReportStatus.NOT_SUBMITTED:
            previous = item
            continue
        held_before = (
            previous is not None and previous.year == item.year - 1 and previous.held is not None and not previous.held_zero
        )
        if (item.held is not None and not item.held_zero) or held_before:
            missing = [(label, omission) for label, attribute, omission in _USES if not getattr(item, attribute)]
            omitted = [label for label, omission in missing if item.omits(omission)]
            not_recorded = [label for label, omission in missing if not item.omits(omission)]
            if omitted:
                yield ctx.finding(
                    "R105",
                    f"{item.year}: the state held retained munitions, and its reporting is recorded as "
                    f"not giving the {' or the '.join(omitted)}; ask the state for {'them' if len(omitted) > 1 else 'it'} "
                    "(Art. 3(8))",
                    item.at("omitted"),
                    item.year,
                    addressee=STATE,
                    facts={
                        "request": "use",
                        "year": item.year,
                        "items": [omission.value for _, omission in missing if item.omits(omission)],
                    },
                )
            if not_recorded:
                yield ctx.finding(
                    "R105",
                    f"{item.year}: the state held retained munitions but no {' and no '.join(not_recorded)} "
                    f"is recorded; add {'them' if len(not_recorded) > 1 else 'it'} from the report, or `omitted` "
                    f"with its source if the report does not give {'them' if len(not_recorded) > 1 else 'it'}",
                    item.path,
                    item.year,
                    addressee=EDITOR,
                )
        previous = item


@check("R106")
def check_missing_reports(ctx: StateContext) -> Iterator[Finding]:
    series = ctx.series
    last_due = ctx.party.last_year_due()
    if not series or last_due is None:
        return
    by_year = {item.year: item for item in series}
    first_year = min(entry.year for _, entry in first_entry_per_year(ctx.record))
    retaining = True
    missing: list[int] = []
    for year in range(first_year, last_due + 1):
        item = by_year.get(year)
        due = ctx.party.year_is_due(year)
        if item is None:
            if retaining and due:
                missing.append(year)
            continue
        if item.entry.report == ReportStatus.NOT_SUBMITTED and due:
            yield ctx.finding(
                "R106",
                f"the report for {year} (due {ctx.party.report_due(year).isoformat()}) was not submitted; ask the state for it",
                item.at("report"),
                year,
                addressee=STATE,
                facts={"request": "report", "year": year, "due": ctx.party.report_due(year)},
            )
        retaining = not item.held_zero
    if missing:
        earlier = [item for item in series if item.year < missing[-1]]
        anchor = max(earlier, key=lambda item: item.year) if earlier else series[0]
        yield ctx.finding(
            "R106",
            f"no entry recorded for {_ranges(missing)} (each report due 30 April of the next year) while the "
            f"state was retaining; add the entries from the Article 7 reports, or `report: not_submitted` "
            f"where a source says a report was not provided",
            anchor.path,
            missing[-1],
            addressee=EDITOR,
        )


def _ranges(years: list[int]) -> str:
    """`2011-2012, 2016, 2018-2022`."""
    spans: list[list[int]] = []
    for year in years:
        if spans and year == spans[-1][-1] + 1:
            spans[-1].append(year)
        else:
            spans.append([year])
    return ", ".join(str(span[0]) if len(span) == 1 else f"{span[0]}-{span[-1]}" for span in spans)


@check("R107")
def check_types_reported(ctx: StateContext) -> Iterator[Finding]:
    for item in ctx.series:
        if item.held is None or not item.held.positive:
            continue
        if not item.by_type:
            if item.omits(Omission.TYPES, Omission.LOTS):
                yield ctx.finding(
                    "R107",
                    f"{item.year}: {item.held} held, and the report gives no type or lot numbers; ask the "
                    f"state for them (Art. 3(8))",
                    item.at("omitted"),
                    item.year,
                    addressee=STATE,
                    facts={"request": "types_lots", "year": item.year, "held": item.held},
                )
            else:
                yield ctx.finding(
                    "R107",
                    f"{item.year}: {item.held} held with no type or lot numbers recorded; add `by_type` rows "
                    f"from the report, or `omitted: [types, lots]` with its source if the report does not "
                    f"give them",
                    item.at("by_type"),
                    item.year,
                    addressee=EDITOR,
                )
        elif item.omits(Omission.LOTS) and not any(row.lots for row in item.by_type):
            yield ctx.finding(
                "R107",
                f"{item.year}: the report gives the types held but no lot numbers; ask the state for them (Art. 3(8))",
                item.at("omitted"),
                item.year,
                addressee=STATE,
                facts={"request": "lots", "year": item.year},
            )


@check("R108")
def check_retention_ended(ctx: StateContext) -> Iterator[Finding]:
    for previous, current in consecutive_known(ctx.series):
        if current.held_zero and previous.held_positive:
            yield ctx.finding(
                "R108",
                f"retention ended in {current.year}: holdings fell to zero (from {previous.held} in {previous.year})",
                current.at("held"),
                current.year,
            )


@check("R110")
def check_quantity_known(ctx: StateContext) -> Iterator[Finding]:
    for item in ctx.series:
        if item.entry.report == ReportStatus.NOT_SUBMITTED or item.held is None or not item.held.entirely_unknown:
            continue  # an entry that leaves `held` out says nothing about holdings
        if item.omits(Omission.QUANTITY):
            yield ctx.finding(
                "R110",
                f"{item.year}: the state is said to retain, and its report gives no quantity; ask the state for it",
                item.at("omitted"),
                item.year,
                addressee=STATE,
                facts={"request": "quantity", "year": item.year},
            )
        else:
            yield ctx.finding(
                "R110",
                f"{item.year}: an entry exists but the quantity held is not recorded; add it from the report, "
                f"or `omitted: [quantity]` with its source if the report does not give it",
                item.at("held"),
                item.year,
                addressee=EDITOR,
            )
