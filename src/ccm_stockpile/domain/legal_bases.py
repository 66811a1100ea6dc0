"""One table of the legal bases the documents cite: which obligation, which article and paragraph, and
how it reads. Every letter and document cites from here, so a citation is written once and right.

The words are English messages (`N_`): each language's words are in its catalogue, where a translator
comment says which treaty wording is confirmed (see `shared/reference/ccm-forms-terms-missions.md`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ccm_stockpile.domain.obligations import LegalBasis


def N_(text: str) -> str:
    """Mark a message for extraction (`make messages`); it is translated where a document uses it."""
    return text


@dataclass(frozen=True)
class Basis:
    """An obligation and where the Convention sets it."""

    basis: LegalBasis
    article: int
    paragraph: int
    citation: str  # "Article 3, paragraph 8, of the Convention": a message
    obligation: str  # what it requires, in the treaty's own terms: a message


LEGAL_BASES: dict[LegalBasis, Basis] = {
    LegalBasis.ART_3_6: Basis(
        LegalBasis.ART_3_6,
        3,
        6,
        # Translators: French confirmed (Canadian reproduction of the treaty, ccm-forms-terms-missions.md §A);
        # Spanish NOT CONFIRMED: check against the BOE text before sending.
        N_("Article 3, paragraph 6, of the Convention"),
        N_(
            "permits the retention or acquisition of a limited number of cluster munitions and explosive "
            "submunitions for the development of and training in detection, clearance or destruction "
            "techniques, or for the development of counter-measures; the amount of explosive submunitions "
            "retained or acquired shall not exceed the minimum number absolutely necessary for these purposes"
        ),
    ),
    LegalBasis.ART_3_8: Basis(
        LegalBasis.ART_3_8,
        3,
        8,
        N_("Article 3, paragraph 8, of the Convention"),
        # Translators: the treaty's words. French: "l'utilisation actuelle et envisagée", "type, quantité et
        # numéro de lot", "au plus tard le 30 avril de l'année suivante" (confirmed, §A). Spanish NOT CONFIRMED.
        N_(
            "requires a State Party retaining, acquiring or transferring cluster munitions or explosive "
            "submunitions for these purposes to submit a detailed report on their planned and actual use and "
            "their type, quantity and lot numbers, for each year during which it retained, acquired or "
            "transferred them, to the Secretary-General of the United Nations no later than 30 April of the "
            "following year"
        ),
    ),
    LegalBasis.ART_7_1: Basis(
        LegalBasis.ART_7_1,
        7,
        1,
        N_("Article 7, paragraph 1, of the Convention"),
        N_(
            "requires each State Party to report to the Secretary-General of the United Nations not later than "
            "180 days after the entry into force of the Convention for that State Party"
        ),
    ),
    LegalBasis.ART_7_2: Basis(
        LegalBasis.ART_7_2,
        7,
        2,
        N_("Article 7, paragraph 2, of the Convention"),
        N_(
            "requires each State Party to update that information annually, covering the previous calendar "
            "year, and to report it to the Secretary-General of the United Nations not later than 30 April of "
            "each year"
        ),
    ),
}
