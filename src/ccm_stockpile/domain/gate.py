"""The gate before anything is addressed to a State: a record with an error-level finding addressed to the
editor (every E code, and any other editor-addressed error) is fixed first. Letters, invitations, the Working
Document, the progress report and follow-up requests all ask this module; error-level findings addressed to
the State (R101, T201) do not block, since they are what a letter asks about."""

from __future__ import annotations

from collections.abc import Iterable

from ccm_stockpile.findings import Addressee, Finding, Severity


def editor_errors(findings: Iterable[Finding], iso3: str, file: str | None = None) -> list[Finding]:
    """The error-level findings addressed to the editor about the State `iso3` (or its file)."""
    return [
        f
        for f in findings
        if f.severity == Severity.ERROR
        and f.addressee == Addressee.EDITOR
        and (f.state == iso3 or (file is not None and f.file == file))
    ]


def blocked_message(iso3: str, blocking: list[Finding]) -> str:
    """What the editor reads when nothing may be addressed to the State yet: the findings, by code and line."""
    named = "; ".join(f"{f.code} line {f.line}: {f.message}" if f.line else f"{f.code}: {f.message}" for f in blocking)
    return (
        f"{iso3}: nothing is addressed to the State until the editor fixes its record ({named}); see `ccm check --state {iso3}`"
    )
