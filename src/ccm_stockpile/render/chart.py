"""The chart of retained holdings over time, per State Party (matplotlib).

Deterministic: no creation date, no random ids (a fixed SVG hash salt), the same bytes for the same data
and date. Readable in greyscale: each state has its own marker and line style, not only a colour.
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
        "Data as of {date}; logarithmic scale; years with no reported figure are left out.",
    ),
    "fr": (
        "Sous-munitions explosives conservées",
        "Armes à sous-munitions conservées",
        "Année (quantités au 31 décembre)",
        "Données au {date} ; échelle logarithmique ; les années sans chiffre communiqué sont omises.",
    ),
    "es": (
        "Submuniciones explosivas retenidas",
        "Municiones en racimo retenidas",
        "Año (existencias al 31 de diciembre)",
        "Datos al {date}; escala logarítmica; se omiten los años sin cifra comunicada.",
    ),
}


def chart_series(document: WorkingDocument) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Per state: (year, value) points of munitions and submunitions, exact positive figures only (log scale)."""
    data: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for row in document.rows:
        points: dict[str, list[tuple[int, int]]] = {"munitions": [], "submunitions": []}
        for item in row.series:
            if item.held is None:
                continue
            for name in points:
                value = getattr(item.held, name)
                if value:  # zero and unknown have no place on a log scale
                    points[name].append((item.year, value))
        if points["munitions"] or points["submunitions"]:
            data[row.iso3] = points
    return data


def render_chart(document: WorkingDocument, output: str = "svg", language: str = "en") -> bytes:
    """The chart as SVG or PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    titles = _LABELS[language]
    series = chart_series(document)
    with plt.rc_context({"svg.hashsalt": "ccm-stockpile", "font.size": 9, "axes.prop_cycle": plt.cycler(color=["black"])}):
        figure, axes = plt.subplots(2, 1, figsize=(8.5, 8), sharex=True)
        for index, (iso3, points) in enumerate(sorted(series.items())):
            style = {
                "marker": _MARKERS[index % len(_MARKERS)],
                "linestyle": _LINES[index % len(_LINES)],
                "color": str(0.1 + 0.5 * (index % 4) / 3),
                "linewidth": 1.2,
                "markersize": 5,
            }
            for axis, name in zip(axes, ("submunitions", "munitions"), strict=True):
                if points[name]:
                    years, values = zip(*points[name], strict=True)
                    axis.plot(years, values, label=iso3, **style)
        for axis, title in zip(axes, titles[:2], strict=True):
            axis.set_yscale("log")
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
