"""T201, T202, T204: stockpile destruction deadlines, later discoveries, withdrawal; R111: a reply overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ccm_stockpile.checks.context import StateContext
from ccm_stockpile.checks.registry import check
from ccm_stockpile.domain.obligations import late
from ccm_stockpile.findings import Finding


@check("T201")
def check_destruction_deadline(ctx: StateContext) -> Iterator[Finding]:
    deadline = ctx.treaty.deadline
    if not ctx.party.ever_party or not ctx.treaty.stockpile_awaits_destruction or deadline is None:
        return
    if ctx.party.end is not None:
        return  # a withdrawal that has taken effect ends every request; the history stays in `show`
    if late(deadline.day, ctx.as_of) and ctx.party.contains(deadline.day):
        yield ctx.finding(
            "T201",
            f"the stockpile destruction deadline {deadline.day.isoformat()} ({deadline.basis}) has passed "
            f"and destruction is not recorded as complete; record the completion or the extension granted",
            ("stockpile", "status"),
            facts={"request": "stockpile_deadline", "deadline": deadline.day},
        )


@check("T202")
def check_discoveries_destroyed(ctx: StateContext) -> Iterator[Finding]:
    stockpile = ctx.record.stockpile
    if stockpile is None or not ctx.party.ever_party or ctx.party.end is not None:
        return  # after a withdrawal takes effect there is no obligation left to follow up
    for index, discovery in enumerate(stockpile.discoveries):
        if discovery.found.surely_after(ctx.as_of):
            continue
        if discovery.destroyed is None or discovery.destroyed.surely_after(ctx.as_of):
            yield ctx.finding(
                "T202",
                f"{discovery.quantity} found in {discovery.found} are not recorded as destroyed; record the "
                f"destruction or follow up (Action 14)",
                ("stockpile", "discoveries", index),
                facts={"request": "discovery", "found": str(discovery.found), "quantity": discovery.quantity},
            )


@check("T204")
def check_withdrawal(ctx: StateContext) -> Iterator[Finding]:
    if ctx.party.end is not None:
        yield ctx.finding(
            "T204",
            f"withdrawal took effect on {ctx.party.end.isoformat()}: no obligations after that date; the state leaves follow-up",
            ("withdrawal", "effective"),
        )


@check("R111")
def check_reply_overdue(ctx: StateContext) -> Iterator[Finding]:
    correspondence = ctx.correspondence
    letter = correspondence.last_letter
    if letter is None or not correspondence.reply_awaited or letter.reply_by is None or ctx.party.end is not None:
        return
    if late(letter.reply_by.latest, ctx.as_of):
        index = ctx.record.engagements.index(letter)
        reference = f" (ref. {letter.ref})" if letter.ref else ""
        yield ctx.finding(
            "R111",
            f"no reply to the {letter.kind.value} of {letter.date}{reference}, which asked for one by "
            f"{letter.reply_by}; send a reminder (`ccm letter --reminder {ctx.record.iso3}`) or record the reply",
            ("engagements", index),
            facts={"request": "reply", "letter_date": letter.date, "ref": letter.ref, "reply_by": letter.reply_by},
        )
