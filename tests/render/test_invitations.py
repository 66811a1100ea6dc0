"""The questionnaire annex is generated from the practice record's fields: one heading per field, in every
language, in the record's order, so that a reply can be entered as a record and the two can never drift."""

from __future__ import annotations

import pytest

from ccm_stockpile.domain.invitations import NOT_ASKED, questionnaire_fields
from ccm_stockpile.records.practice import Method, PracticeRecord
from ccm_stockpile.records.state import Language
from ccm_stockpile.render.documents import RenderError
from ccm_stockpile.render.i18n import translate
from ccm_stockpile.render.invitations import METHODS, QUESTIONS, questionnaire


def test_the_questionnaire_asks_about_every_field_but_the_editors_own():
    assert NOT_ASKED == ("id", "note")
    assert questionnaire_fields() == [name for name in PracticeRecord.model_fields if name not in NOT_ASKED]


@pytest.mark.parametrize("language", list(Language))
def test_each_language_has_one_heading_per_field_in_the_records_order(language):
    headings = questionnaire(questionnaire_fields(), language)
    assert [q.field for q in headings] == questionnaire_fields()
    assert set(QUESTIONS) == set(questionnaire_fields()), "wording for a field the record no longer has"
    assert len({q.heading for q in headings}) == len(headings)
    assert all(q.text and "{" not in q.text for q in headings)


@pytest.mark.parametrize("language", list(Language))
def test_the_method_question_lists_every_method_of_the_model(language):
    (method,) = [q for q in questionnaire(questionnaire_fields(), language) if q.field == "method"]
    assert set(METHODS) == set(Method)
    for label in METHODS.values():
        assert translate(label, language) in method.text


def test_a_field_without_wording_stops_the_render():
    with pytest.raises(RenderError, match="no wording for the practice field `cost_per_kilogram`"):
        questionnaire([*questionnaire_fields(), "cost_per_kilogram"], Language.FR)
