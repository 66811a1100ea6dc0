"""The check functions, registered by finding code; what each code means is in `ccm_stockpile.codes`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ccm_stockpile.codes import CODES
from ccm_stockpile.findings import Finding

CheckFunction = Callable[..., Iterable[Finding]]

CHECKS: dict[str, CheckFunction] = {}


def check(code: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the function that finds `code` (it must be in the catalogue, once)."""

    def decorate(function: CheckFunction) -> CheckFunction:
        if code not in CODES:
            raise ValueError(f"{code} is not in the catalogue (ccm_stockpile.codes)")
        if code in CHECKS:
            raise ValueError(f"{code} registered twice")
        CHECKS[code] = function
        return function

    return decorate
