"""Letters to States Parties: the domain's `Letter` put into words through the language's template."""

from __future__ import annotations

from pathlib import Path

from ccm_stockpile.domain.letters import Letter
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.settings import LetterForm, Settings
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Format, RenderError, convert, environment, render_markdown
from ccm_stockpile.render.filters import language_filters

CONVENTION = {
    Language.EN: "Convention on Cluster Munitions",
    Language.FR: "Convention sur les armes à sous-munitions",
    Language.ES: "Convención sobre Municiones en Racimo",
}


def senders(view: StateView, states: dict[str, StateRecord], language: Language) -> list[str]:
    """The coordinators' missions, as the sender of a note verbale."""
    settings = view.settings
    names = []
    for coordinator in settings.coordinators:
        record = states.get(coordinator.state)
        if record is None:
            raise KeyError(f"settings names coordinator {coordinator.state}, which has no valid state record")
        mission = words.mission_name(record, language, settings)
        article = {Language.EN: "the ", Language.FR: "la ", Language.ES: "la "}[language]
        names.append(article + mission)
    if not names:
        raise KeyError("settings.yaml names no coordinator: add `coordinators: [{state: ISO3}]`")
    return names


def require_signatories(form: LetterForm, settings: Settings) -> None:
    """A signed letter names each coordinator who signs it; without the names it is not written."""
    if form == LetterForm.LETTER and not all(c.name for c in settings.coordinators):
        raise RenderError(
            "a signed letter needs the name of each coordinator who signs it: add `name` (and "
            "`title`) under `coordinators` in settings.yaml, or use `letters: {form: note_verbale}`"
        )


def correspondence_context(
    view: StateView, states: dict[str, StateRecord], language: Language, form: LetterForm
) -> dict[str, object]:
    """What every letter to a state's mission names: sender, addressee, convention, place, the ISU's address."""
    settings = view.settings
    names = senders(view, states, language)
    return {
        "state": words.state_name(view.record, language),
        "mission": words.mission_name(view.record, language, settings),
        "senders": [names[0][0].upper() + names[0][1:], *names[1:]],
        "coordinators": settings.coordinators,
        "convention": CONVENTION[language],
        "place": getattr(settings.letters.place, language.value),
        "isu": settings.isu,
        "note_verbale": form == LetterForm.NOTE_VERBALE,
    }


def letter_markdown(letter: Letter, view: StateView, states: dict[str, StateRecord], templates: Path | None = None) -> str:
    """The letter as Markdown, from `letters/followup.<language>.md.j2`."""
    language = letter.language
    require_signatories(letter.form, view.settings)
    env = environment(templates, language_filters(language), language)
    context = correspondence_context(view, states, language, letter.form) | {"letter": letter}
    return render_markdown(env, f"letters/followup.{language.value}.md.j2", context)


def letter_file(letter: Letter, output: Format) -> str:
    """The file name: fixed words and the ISO3 code only, never text from the data."""
    kind = "reminder" if letter.reminder_of else "followup"
    return f"{kind}-{letter.iso3}-{letter.date.isoformat()}.{letter.language.value}.{output.value}"


def render_letter(
    letter: Letter, view: StateView, states: dict[str, StateRecord], output: Format, templates: Path | None = None
) -> bytes:
    """The letter in the chosen format."""
    markdown = letter_markdown(letter, view, states, templates)
    return convert(markdown, output, f"{letter.reference}", letter.date, letter.language.value)
