"""Invitations to share destruction practice: the domain's `Invitation` put into words through the language's
template, with the questionnaire annex generated from the practice record's fields."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ccm_stockpile.domain.invitations import Invitation
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.practice import Method
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.records.types import Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Format, RenderError, Safe, convert, environment, escape_markdown, render_markdown
from ccm_stockpile.render.filters import language_filters
from ccm_stockpile.render.i18n import N_, translate
from ccm_stockpile.render.letters import correspondence_context, require_signatories

# The words of the questionnaire: English messages (N_), translated in the catalogues.
METHODS = {
    Method.OPEN_BURNING_DETONATION: N_("open burning and open detonation"),
    Method.INCINERATION: N_("incineration"),
    Method.CONTAINED_DETONATION: N_("contained detonation"),
    Method.DISASSEMBLY_RECYCLING: N_("disassembly and recycling"),
    Method.CRYOFRACTURE: N_("cryofracture"),
    Method.OTHER: N_("another method (please describe it)"),
}

# One heading and one question per field of the practice record (see `questionnaire_fields`); a field
# without wording stops the render, so the questionnaire can never silently drop a field. The field's
# name itself never reaches the reader.
QUESTIONS: dict[str, tuple[str, str]] = {
    "title": (N_("Title"), N_("A one-line title for the practice: who destroyed what, and where.")),
    "method": (N_("Main method of destruction"), N_("The main method used: {methods}.")),
    "other_methods": (N_("Other methods"), N_("Any other method used in the same programme.")),
    "states": (
        N_("States concerned"),
        N_("The States whose stockpiles the practice concerned, where other States were involved."),
    ),
    "facility": (
        N_("Facility and operator"),
        N_("Where destruction took place, and by whom: national forces, a company or an organization."),
    ),
    "period": (N_("Period"), N_("When destruction began and when it was completed.")),
    "quantity": (
        N_("Quantities destroyed"),
        N_(
            "The number of cluster munitions and of explosive submunitions destroyed, and their weight in tonnes "
            "where known; any other figure with its unit."
        ),
    ),
    "costs": (
        N_("Costs"),
        N_(
            "The cost of destruction, with its currency and the year of the prices, stating whether it is the "
            "final cost, an estimate or a budget, and what it covers."
        ),
    ),
    "funding": (
        N_("Funding"),
        N_("How destruction was paid for: national budget, assistance received, sale of recovered materials."),
    ),
    "procurement": (
        N_("Organization and procurement"),
        N_(
            "How the work was organized: by national forces, by contract (and how the contractor was chosen), "
            "through an agency or in partnership with an organization."
        ),
    ),
    "transfers": (
        N_("Transfers for destruction (Article 3, paragraph 7)"),
        N_(
            "Any cluster munitions transferred to another State, or received from one, for destruction: the "
            "States, the year and the quantities."
        ),
    ),
    "assistance": (
        N_("Assistance (Article 6, paragraph 5)"),
        N_("Assistance received from, or given to, other States for the destruction of stockpiles, and its form."),
    ),
    "safety": (
        N_("Safety"),
        N_("The safety standards applied, the measures taken and the safety record (Article 7, paragraph 1 (e) and (f))."),
    ),
    "environment": (
        N_("Environment"),
        N_(
            "The environmental standards applied, emissions and their treatment, and the share of materials "
            "recycled (Article 3, paragraph 2)."
        ),
    ),
    "efficiency": (
        N_("Efficiency"),
        N_("Planning, timeline and cost-effectiveness: what allowed destruction to be completed on time."),
    ),
    "throughput": (N_("Throughput"), N_("The rate of destruction achieved, for example in items or tonnes per day or per year.")),
    "verification": (N_("Verification"), N_("How destruction was witnessed, certified or verified.")),
    "lessons": (
        N_("Lessons learned"),
        N_(
            "What other States should know before destroying a stockpile, including the handling of stocks "
            "discovered after completion."
        ),
    ),
    "sources": (N_("Documents"), N_("Public documents that describe the practice and may be cited, such as Article 7 reports.")),
}


_AND = {Language.EN: " and ", Language.FR: " et ", Language.ES: " y "}


@dataclass(frozen=True)
class Question:
    """One heading of the questionnaire: the record field it fills, its heading and its question."""

    field: str
    heading: str
    text: str


def questionnaire(fields: list[str], language: Language) -> list[Question]:
    """The questionnaire's headings, one per field, in the record's order."""
    methods = ", ".join(translate(METHODS[method], language) for method in Method)
    questions = []
    for name in fields:
        if name not in QUESTIONS:
            raise RenderError(f"the questionnaire has no wording for the practice field `{name}`")
        heading, text = (translate(message, language) for message in QUESTIONS[name])
        questions.append(Question(name, heading, text.format(methods=methods)))
    return questions


def _join(names: list[str], language: Language) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + _AND[language] + names[-1]


def _of_states(codes: tuple[str, ...], states: dict[str, StateRecord], language: Language) -> str:
    """`of Belgium and France`, `de la Belgique et de la France`, `del Perú y de España`."""
    names = [words.state_name(states[code], language) if code in states else code for code in codes]
    if language == Language.EN:
        return "of " + _join(names, language)
    return _join([words.de_name(name, language) for name in names], language)


def invitation_markdown(
    invitation: Invitation, view: StateView, states: dict[str, StateRecord], templates: Path | None = None
) -> str:
    """The invitation as Markdown, from `letters/invitation.md.j2` with the language's catalogue."""
    language = invitation.language
    settings = view.settings
    require_signatories(invitation.form, settings)
    filters = language_filters(language)

    def cite_all(sources: list[Source]) -> Safe:
        return Safe("; ".join(filters["cite"](source) for source in sources))

    filters["cite_all"] = cite_all
    filters["of_states"] = lambda codes: Safe(escape_markdown(_of_states(tuple(codes), states, language)))
    filters["of_name"] = lambda name: Safe(escape_markdown(words.de_name(name, language)))
    env = environment(templates, filters, language)
    context = correspondence_context(view, states, language, invitation.form) | {
        "invitation": invitation,
        "questions": questionnaire(invitation.fields, language),
    }
    return render_markdown(env, "letters/invitation.md.j2", context)


def invitation_file(invitation: Invitation, output: Format) -> str:
    """The file name: fixed words and the ISO3 code only, never text from the data."""
    return f"invitation-{invitation.iso3}-{invitation.date.isoformat()}.{invitation.language.value}.{output.value}"


def render_invitation(
    invitation: Invitation, view: StateView, states: dict[str, StateRecord], output: Format, templates: Path | None = None
) -> bytes:
    """The invitation in the chosen format."""
    markdown = invitation_markdown(invitation, view, states, templates)
    return convert(markdown, output, invitation.reference, invitation.date, invitation.language.value)
