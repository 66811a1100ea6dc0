"""The balance of holdings: unknown movements stay unknown, the known terms bound what the figures allow."""

from __future__ import annotations

import pytest

from ccm_stockpile.domain.balance import PartChange


@pytest.mark.parametrize(
    ("change", "unaccounted", "contradictory"),
    [
        # 500 -> 200 with 300 transferred out and nothing else known: accounted for.
        (PartChange("submunitions", 500, 200, -300, ("consumed", "destroyed"), ("acquired",), gap=False), 0, False),
        # 500 -> 100 with 300 out: 100 more went out than reported; an unreported outflow could explain it.
        (PartChange("submunitions", 500, 100, -300, ("consumed",), (), gap=False), -100, False),
        # ... but not when every outflow is reported.
        (PartChange("submunitions", 500, 100, -300, (), ("acquired",), gap=False), -100, True),
        # A rise with every inflow reported as none cannot be right.
        (PartChange("munitions", 5, 8, 0, ("consumed",), (), gap=False), 3, True),
        # Across a gap nothing is known of the years between: never a contradiction.
        (PartChange("munitions", 5, 8, 0, (), (), gap=True), 3, False),
    ],
)
def test_unaccounted_and_contradictory(change, unaccounted, contradictory):
    assert change.unaccounted == unaccounted
    assert change.contradictory is contradictory


def test_describe_names_the_part_not_accounted_for_only_when_known_movements_explain_some():
    assert PartChange("submunitions", 7335, 6605, 0, ("consumed",), (), gap=False).describe() == ("submunitions 7,335 -> 6,605")
    assert PartChange("submunitions", 500, 100, -300, ("consumed",), (), gap=False).describe() == (
        "submunitions 500 -> 100 (100 not accounted for by the reported movements)"
    )
