"""The chart of retained holdings over time, per State Party (matplotlib).

Deterministic: no creation date, no random ids (a fixed SVG hash salt), the same bytes for the same data
and date. Readable in greyscale: each state has its own marker and line style, not only a colour; States are
named in the document's language; zero is on the axis (symmetric log scale) and a year with no figure
breaks the line.
"""

from __future__ import annotations

import datetime as dt
import io

from ccm_stockpile.domain.working_document import WorkingDocument

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p", "d", "8", "H", "+", "x")
_LINES = ("-", "--", "-.", ":")
_LABELS = {
    "en": (
        "Retained explosive submunitions",
        "Retained cluster munitions",
        "Year (holdings at 31 December)",
        "Data as of {date}; logarithmic scale above 1, zero on the axis; a break in a line: no figure found for those years.",
    ),
    "fr": (
        "Sous-munitions explosives conservées",
        "Armes à sous-munitions conservées",
        "Année (quantités au 31 décembre)",
        "Données au {date} ; échelle logarithmique au-dessus de 1, zéro sur l\u2019axe ; "
        "une ligne interrompue : aucun chiffre trouvé pour ces années.",
    ),
    "es": (
        "Submuniciones explosivas retenidas",
        "Municiones en racimo retenidas",
        "Año (existencias al 31 de diciembre)",
        "Datos al {date}; escala logarítmica por encima de 1, el cero sobre el eje; "
        "una línea interrumpida: no se encontró ninguna cifra para esos años.",
    ),
}


def chart_series(document: WorkingDocument) -> dict[str, dict[str, list[tuple[int, int | None]]]]:
    """Per state: (year, value) points of munitions and submunitions, zeros included. A year with no figure
    between two figures is a (year, None) point, which breaks the line: a gap is never drawn as a trend."""
    data: dict[str, dict[str, list[tuple[int, int | None]]]] = {}
    for row in document.rows:
        points: dict[str, list[tuple[int, int | None]]] = {"munitions": [], "submunitions": []}
        for name, series in points.items():
            known = {item.year: getattr(item.held, name) for item in row.series if item.held is not None}
            known = {year: value for year, value in known.items() if value is not None}
            if not known:
                continue
            for year in range(min(known), max(known) + 1):
                series.append((year, known.get(year)))
        if points["munitions"] or points["submunitions"]:
            data[row.iso3] = points
    return data


def render_chart(document: WorkingDocument, output: str = "svg", language: str = "en") -> bytes:
    """The chart as SVG or PNG bytes: a symmetric log scale, so that zero holdings show on the axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ccm_stockpile.records.state import Language
    from ccm_stockpile.render.language import territory

    titles = _LABELS[language]
    series = chart_series(document)
    names = {iso3: territory(iso3, Language(language)) for iso3 in series}
    with plt.rc_context({"svg.hashsalt": "ccm-stockpile", "font.size": 9, "axes.prop_cycle": plt.cycler(color=["black"])}):
        figure, axes = plt.subplots(2, 1, figsize=(8.5, 8), sharex=True)
        for index, iso3 in enumerate(sorted(series, key=lambda code: names[code])):
            points = series[iso3]
            # Marker, line style and grey level each cycle with a different period, so no two States share all three.
            style = {
                "marker": _MARKERS[index % len(_MARKERS)],
                "linestyle": _LINES[index % len(_LINES)],
                "color": str(0.55 * (index % 3) / 2),
                "linewidth": 1.2,
                "markersize": 5,
            }
            for axis, name in zip(axes, ("submunitions", "munitions"), strict=True):
                if points[name]:
                    years = [year for year, _ in points[name]]
                    values = [float("nan") if value is None else value for _, value in points[name]]
                    axis.plot(years, values, label=names[iso3], **style)
        for axis, title in zip(axes, titles[:2], strict=True):
            axis.set_yscale("symlog", linthresh=1)
            axis.set_ylim(bottom=-0.5)
            axis.set_title(title, loc="left", fontsize=10)
            axis.grid(True, which="major", linestyle=":", linewidth=0.5, color="0.7")
        axes[1].set_xlabel(titles[2])
        axes[1].xaxis.get_major_locator().set_params(integer=True)
        axes[0].legend(ncol=1, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        date = document.as_of.isoformat()
        figure.text(0.01, 0.005, titles[3].format(date=date), fontsize=7, color="0.3")
        figure.tight_layout(rect=(0, 0.02, 1, 1))
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if output == "svg" else {"Software": None}
        figure.savefig(buffer, format=output, metadata=metadata, dpi=150)
        plt.close(figure)
    return buffer.getvalue()


def chart_file_name(day: dt.date, output: str) -> str:
    """Fixed words and the date only."""
    return f"retained-holdings-{day.isoformat()}.{output}"
