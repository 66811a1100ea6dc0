"""The obligations a document can cite, by their legal basis in the Convention.

`LegalBasis` is the key the `engine` branch's obligations use (issue 15); this module path and these
values are shared with it, so the two merge into one enum. The wording of each basis, per language, is in
`domain/legal_bases.py`.
"""

from __future__ import annotations

from enum import StrEnum


class LegalBasis(StrEnum):
    """An article and paragraph of the Convention that sets an obligation a document cites."""

    ART_3_6 = "art-3-6"  # retention permitted, limited to the minimum absolutely necessary
    ART_3_8 = "art-3-8"  # the retention report, for each year retained, by 30 April of the following year
    ART_7_1 = "art-7-1"  # the initial transparency report, 180 days after entry into force
    ART_7_2 = "art-7-2"  # the annual update, by 30 April, covering the previous calendar year
