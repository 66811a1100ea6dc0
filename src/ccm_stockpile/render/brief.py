"""Briefing notes: the domain's `Brief` put into words through one template, `brief.md.j2`, whose messages
are translated by the shared catalogues (`render/i18n.py`, `templates/locale/<lang>/LC_MESSAGES/messages.po`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ccm_stockpile.domain.brief import Brief
from ccm_stockpile.domain.view import StateView
from ccm_stockpile.records.state import Language, StateRecord
from ccm_stockpile.records.types import Source
from ccm_stockpile.render import language as words
from ccm_stockpile.render.documents import Format, Safe, convert, environment, render_markdown
from ccm_stockpile.render.filters import language_filters
from ccm_stockpile.render.i18n import N_, translate
from ccm_stockpile.render.letters import CONVENTION, senders

TEMPLATE = "brief.md.j2"
# Translators: the titles of the two panels of the small chart of a State's figures in a briefing note.
_CHART_TITLES = (N_("Cluster munitions"), N_("Explosive submunitions"))

# Art. 3(6), second sentence, in the authentic texts confirmed so far (shared reference F1 for French). The
# Spanish text is not confirmed: the Spanish brief quotes the English one and says so.
ARTICLE_3_6 = {
    Language.EN: "The amount of explosive submunitions retained or acquired shall not exceed the minimum number "
    "absolutely necessary for these purposes.",
    Language.FR: "La quantité de sous-munitions explosives conservées ou acquises ne devra pas dépasser le nombre "
    "minimum absolument nécessaire à ces fins.",
}


def brief_markdown(
    brief: Brief, view: StateView, states: dict[str, StateRecord], templates: Path | None = None, chart: str | None = None
) -> str:
    """The brief as Markdown, from `brief.md.j2` with the language's catalogue; `chart` names the image of the
    State's figures, beside the document (Word, HTML and PDF embed it; Markdown keeps the table alone)."""
    language = brief.language
    numbers = {_key(source): index for index, source in enumerate(brief.sources, start=1)}

    def ref(source: Source | None) -> Safe:
        """` [n]`: the number of the source in the brief's list of sources (nothing for no source)."""
        return Safe(f" \\[{numbers[_key(source)]}\\]") if source is not None else Safe("")

    def state_name(record: StateRecord) -> str:
        return words.state_name(record, language)

    def join_and(items: list[Any]) -> str:
        return words.join_and([str(item) for item in items], language)

    filters = language_filters(language) | {"ref": ref, "state_name": state_name, "join_and": join_and}
    env = environment(templates, filters, language)
    names = senders(view, states, language)
    context = {
        "brief": brief,
        "state": words.state_name(view.record, language),
        "senders": names,
        "convention": CONVENTION[language],
        "classification": getattr(view.settings.brief.classification, language.value),
        "meeting": getattr(view.settings.working_document.meeting, language.value),
        "article_3_6": ARTICLE_3_6.get(language, ARTICLE_3_6[Language.EN]),
        "article_3_6_in_english": language not in ARTICLE_3_6,
        "chart": Safe(chart) if chart else None,
    }
    return render_markdown(env, TEMPLATE, context)


def _key(source: Source) -> tuple[object, ...]:
    """Two readings of one document are one source of the brief (domain/provenance)."""
    from ccm_stockpile.domain.provenance import citation

    return citation(source).key


def brief_file(brief: Brief, output: Format) -> str:
    """The file name: fixed words and the ISO3 code only, never text from the data."""
    return f"brief-{brief.iso3}-{brief.date.isoformat()}.{brief.language.value}.{output.value}"


def render_brief(
    brief: Brief, view: StateView, states: dict[str, StateRecord], output: Format, templates: Path | None = None
) -> bytes:
    """The brief in the chosen format; Word, HTML and PDF with the small chart of the State's figures."""
    image = brief_chart(brief) if output != Format.MD else None
    if image is None:
        markdown = brief_markdown(brief, view, states, templates)
        return convert(markdown, output, f"Brief {brief.iso3}", brief.date, brief.language.value)
    import tempfile

    markdown = brief_markdown(brief, view, states, templates, CHART)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / CHART).write_bytes(image)
        return convert(markdown, output, f"Brief {brief.iso3}", brief.date, brief.language.value, resource_path=Path(folder))


CHART = "retained-by-year.png"
# The chart needs three years at least: fewer points are read better in the table alone.
CHART_MINIMUM = 3


def brief_chart(brief: Brief) -> bytes | None:
    """A small PNG of the State's own reported holdings by year (munitions and submunitions side by side), or
    None with fewer than three years. Exact figures only: an approximate or unknown part is left out, as
    the table beside it says. No date or software in the file, so the bytes depend on the data alone."""
    if len(brief.figures) < CHART_MINIMUM:
        return None
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    titles = tuple(translate(title, brief.language) for title in _CHART_TITLES)
    with plt.rc_context({"font.size": 7}):
        figure, axes = plt.subplots(1, 2, figsize=(6.0, 1.7))
        for axis, name, title in zip(axes, ("munitions", "submunitions"), titles, strict=True):
            points = [(row.year, row.held.exact(name)) for row in brief.figures]  # type: ignore[attr-defined]
            known = [(year, value) for year, value in points if value is not None]
            if known:
                years, values = zip(*known, strict=True)
                axis.plot(years, values, marker="o", color="black", linewidth=1.0, markersize=3)
            axis.set_title(title, loc="left", fontsize=8)
            axis.set_ylim(bottom=0)
            axis.xaxis.get_major_locator().set_params(integer=True)
            axis.grid(True, linestyle=":", linewidth=0.5, color="0.7")
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None}, dpi=150)
        plt.close(figure)
    return buffer.getvalue()
