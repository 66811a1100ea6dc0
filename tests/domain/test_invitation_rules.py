"""What an invitation recalls, built by the domain (issue 15, point 5: `build_invitation` was run only by the
CLI's tests, which mutation testing of the domain does not run)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.dataset import load
from ccm_stockpile.domain.invitations import (
    AssistanceGiven,
    InvitationError,
    _written,
    build_invitation,
    destruction_completed,
    questionnaire_fields,
)
from ccm_stockpile.domain.practices import practice_records
from ccm_stockpile.domain.view import state_views
from ccm_stockpile.records.practice import PracticeRecord
from ccm_stockpile.records.state import Language
from ccm_stockpile.records.types import PartialDate, Quantity, Source
from tests.conftest import make_practice, make_state

AS_OF = dt.date(2025, 6, 1)
GENERAL = {"url": "https://example.org/general"}
FIGURES = {"url": "https://example.org/figures", "quote": "Spain destroyed 1,250 munitions"}
AID = {"url": "https://example.org/aid", "quote": "Spain funded the destruction"}
YEAR = {"url": "https://example.org/year", "quote": "destruction was completed in 2015"}


def build(data_dir, iso3="ESP", as_of=AS_OF, language=None):
    dataset = load(data_dir, str(data_dir))
    (view,) = (view for view in state_views(dataset, as_of) if view.record.iso3 == iso3)
    return view, build_invitation(view, practice_records(dataset), language)


def destroyed_stockpile(**fields):
    return {"status": "destroyed", "completed": "2015-06-01", "sources": [GENERAL, FIGURES]} | fields


def test_a_sourced_completion_is_recalled_with_its_figures_and_the_sources_that_give_them(data_dir, write_state):
    write_state(make_state(stockpile=destroyed_stockpile(destroyed={"munitions": 1250, "submunitions": None})))
    view, invitation = build(data_dir)
    assert destruction_completed(view)
    assert (invitation.completed, invitation.completion_date, invitation.destroyed) == (
        True,
        PartialDate("2015-06-01"),
        Quantity(munitions=1250, submunitions=None),
    )
    assert invitation.sources == [Source.model_validate(FIGURES)]
    assert (invitation.assistance, invitation.practices) == ([], [])


def test_destroyed_figures_entirely_unknown_are_not_recalled(data_dir, write_state):
    unknown = {"munitions": None, "submunitions": None}
    write_state(make_state(stockpile=destroyed_stockpile(destroyed=unknown, sources=[GENERAL, FIGURES, YEAR])))
    _, invitation = build(data_dir)
    assert invitation.destroyed is None
    assert invitation.sources == [Source.model_validate(YEAR)], "the source that gives the year of completion"
    write_state(make_state(stockpile=destroyed_stockpile(destroyed=unknown)))
    assert build(data_dir)[1].sources == [Source.model_validate(GENERAL)], "nothing to match: the first source"


def test_assistance_alone_makes_an_invitation_without_a_completion(data_dir, write_state, write_practice):
    # Norway's record says it destroyed its stockpile, without a source: nothing of it is recalled.
    unsourced = destroyed_stockpile(destroyed={"munitions": 10, "submunitions": 100}, sources=[])
    write_state(make_state(iso3="NOR", name="Norway", stockpile=unsourced))
    write_state(make_state(stockpile={"status": "held", "sources": [GENERAL]}))
    write_practice(make_practice(states=["ESP", "NOR"], assistance=[{"state": "NOR", "means": "funding", "sources": [AID]}]))
    view, invitation = build(data_dir, "NOR")
    assert destruction_completed(view)
    assert (invitation.completed, invitation.completion_date, invitation.destroyed, invitation.sources) == (False, None, None, [])
    assert invitation.assistance == [AssistanceGiven("esp-example", ("ESP",), "funding", [Source.model_validate(AID)])]
    assert [link.id for link in invitation.practices] == ["esp-example"]


def test_no_invitation_without_a_sourced_completion_or_assistance(data_dir, write_state):
    write_state(make_state(stockpile=destroyed_stockpile(sources=[])))
    with pytest.raises(InvitationError) as raised:
        build(data_dir)
    assert str(raised.value) == (
        "ESP: its record shows no sourced completion of destruction and no assistance to another state's destruction "
        "as of 2025-06-01; no invitation to write"
    )


def test_a_completion_after_the_day_is_not_known_yet(data_dir, write_state):
    write_state(make_state(stockpile=destroyed_stockpile(completed="2025-06-02")))
    view, _ = build(data_dir, as_of=dt.date(2025, 6, 2))
    assert destruction_completed(view)
    with pytest.raises(InvitationError):
        build(data_dir, as_of=AS_OF)


def test_only_a_destroyed_stockpile_is_a_completion(data_dir, write_state):
    no_stockpile = make_state(iso3="ITA", name="Italy")
    no_stockpile.pop("stockpile", None)
    write_state(no_stockpile)
    write_state(make_state(stockpile={"status": "held", "sources": [GENERAL]}))
    views = {view.record.iso3: view for view in state_views(load(data_dir, str(data_dir)), AS_OF)}
    assert (destruction_completed(views["ITA"]), destruction_completed(views["ESP"])) == (False, False)


def test_the_language_asked_for_is_the_invitations(data_dir, write_state):
    write_state(make_state(stockpile=destroyed_stockpile(), language="en"))
    assert build(data_dir, language=Language.FR)[1].language == Language.FR
    assert build(data_dir)[1].language == Language.EN


def test_the_questionnaire_asks_every_practice_field_but_its_id_and_note():
    assert questionnaire_fields() == [name for name in PracticeRecord.model_fields if name not in ("id", "note")]
    assert "method" in questionnaire_fields()


def test_an_approximate_figure_in_the_billions_is_written_in_millions_exactly():
    assert "2000 million" in _written(2_000_000_000, approximate=True)


def test_a_stockpile_not_destroyed_gives_no_source_to_an_invitation_for_assistance(data_dir, write_state, write_practice):
    write_state(make_state(iso3="NOR", name="Norway", stockpile={"status": "held", "sources": [GENERAL]}))
    write_state(make_state(stockpile={"status": "held", "sources": [GENERAL]}))
    write_practice(make_practice(states=["ESP", "NOR"], assistance=[{"state": "NOR", "means": "funding", "sources": [AID]}]))
    _, invitation = build(data_dir, "NOR")
    assert (invitation.completed, invitation.sources, [given.practice for given in invitation.assistance]) == (
        False,
        [],
        ["esp-example"],
    )
