"""What a check sees of one state: the domain's view of it, and how to locate a finding in its file."""

from __future__ import annotations

from dataclasses import dataclass

from ccm_stockpile.codes import new_finding
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.findings import Addressee, Finding


@dataclass
class StateContext(StateView):
    """A state view that can place findings at a path of its file."""

    def finding(
        self,
        code: str,
        message: str,
        path: tuple[str | int, ...] = (),
        year: int | None = None,
        value: object = None,
        addressee: Addressee | None = None,
        facts: dict[str, object] | None = None,
    ) -> Finding:
        """A finding at `path`; a key the file leaves out is located (and named) by its nearest parent."""
        mark = self.loaded.mark(path)
        return new_finding(
            code,
            message,
            file=self.loaded.display,
            line=mark.line,
            column=mark.column,
            path=self.loaded.name(path),
            state=self.record.iso3,
            year=year,
            value=value,
            addressee=addressee,
            facts=facts,
        )
