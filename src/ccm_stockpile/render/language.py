"""Words that depend on the language: states' and missions' names, dates, numbers (Babel).

Names recorded in a state's file (`names`, `mission`) always win; otherwise a state's name comes from
Babel's territory names and a mission's from the pattern in settings. French and Spanish names are
written as they stand in running text, with their article, and `de_name` contracts the preposition
("du Royaume", "de l'Espagne", "del Perú").
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ccm_stockpile.records.settings import Settings
from ccm_stockpile.records.state import Language, StateRecord

LOCALES = {Language.EN: "en_GB", Language.FR: "fr_FR", Language.ES: "es_ES"}

# French country names used without an article (islands and city states), and plural ones.
_FR_NO_ARTICLE = {
    "CUB", "CYP", "MLT", "MDG", "MUS", "MCO", "NRU", "LCA", "SMR", "STP", "SGP", "TON", "WSM", "KNA", "VCT", "ATG",
    "GRD", "TTO", "FJI", "COK", "NIU", "PLW", "BRB", "JAM", "HTI", "BHR", "VAT", "ISR", "DJI",
}  # fmt: skip
_FR_MASCULINE_E = {"MEX", "KHM", "MOZ", "ZWE", "BLZ", "MDA"}
# Feminine names that do not end in -e ("la Macédoine du Nord", "la Guinée-Bissau").
_FR_FEMININE = {"MKD", "GNB"}


@cache
def _alpha2(iso3: str) -> str:
    from babel.core import get_global

    aliases = get_global("territory_aliases").get(iso3)
    if not aliases:
        raise KeyError(f"no ISO 3166 alpha-2 code for {iso3}")
    return str(aliases[0])


def territory(iso3: str, language: Language) -> str:
    """Babel's name of the country, without an article."""
    from babel import Locale

    name = str(Locale.parse(LOCALES[language]).territories[_alpha2(iso3)])
    return name.replace(" & ", " and " if language == Language.EN else " y " if language == Language.ES else " et ")


def french_article(iso3: str, name: str) -> str:
    if iso3 in _FR_NO_ARTICLE:
        return name
    if name.endswith("s") and iso3 not in {"LAO"}:
        return f"les {name}"
    if name[0].lower() in "aeiouyéèêâîh":
        return f"l'{name}"
    if iso3 in _FR_FEMININE or (name.endswith("e") and iso3 not in _FR_MASCULINE_E):
        return f"la {name}"
    return f"le {name}"


def state_name(record: StateRecord, language: Language) -> str:
    """The state's name in running text: `Spain`, `l'Espagne`, `el Reino de los Países Bajos`."""
    recorded = getattr(record.names, language.value) if record.names else None
    if recorded:
        return recorded
    name = territory(record.iso3, language)
    return french_article(record.iso3, name) if language == Language.FR else name


def de_name(name: str, language: Language) -> str:
    """`of` + the name: `de l'Espagne`, `du Royaume des Pays-Bas`, `des Pays-Bas`, `del Perú`, `de España`."""
    if language == Language.FR:
        for article, contracted in (("le ", "du "), ("les ", "des ")):
            if name.startswith(article):
                return contracted + name[len(article) :]
        return f"de {name}"
    if language == Language.ES:
        return "del " + name[3:] if name.startswith("el ") else f"de {name}"
    return f"of {name}"


def to_name(name: str, language: Language) -> str:
    """`to` + the name: `à l'Espagne`, `au Royaume des Pays-Bas`, `aux Pays-Bas`, `al Perú`, `a España`."""
    if language == Language.FR:
        for article, contracted in (("le ", "au "), ("les ", "aux ")):
            if name.startswith(article):
                return contracted + name[len(article) :]
        return f"à {name}"
    if language == Language.ES:
        return "al " + name[3:] if name.startswith("el ") else f"a {name}"
    return f"to {name}"


def mission_name(record: StateRecord, language: Language, settings: Settings) -> str:
    """The state's Permanent Mission in Geneva: recorded, or built from the pattern in settings."""
    recorded = getattr(record.mission, language.value) if record.mission else None
    if recorded:
        return recorded
    name = state_name(record, language)
    pattern = getattr(settings.letters.mission_pattern, language.value)
    return pattern.format(state=name, de_state=de_name(name, language))


def long_date(day: dt.date, language: Language) -> str:
    """`15 May 2025`, `15 mai 2025`, `15 de mayo de 2025`."""
    from babel.dates import format_date

    text = format_date(day, format="long", locale=LOCALES[language])
    return "1er" + text[1:] if language == Language.FR and day.day == 1 else text


def number(value: int, language: Language) -> str:
    """`23,901`, `23 901`, `23.901`."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALES[language])


# The treaty's terms for the two parts of a quantity: (one, several, none), per language.
_PARTS = {
    Language.EN: {
        "munitions": ("cluster munition", "cluster munitions", "no cluster munitions"),
        "submunitions": ("explosive submunition", "explosive submunitions", "no explosive submunitions"),
    },
    Language.FR: {
        "munitions": ("arme à sous-munitions", "armes à sous-munitions", "aucune arme à sous-munitions"),
        "submunitions": ("sous-munition explosive", "sous-munitions explosives", "aucune sous-munition explosive"),
    },
    Language.ES: {
        "munitions": ("munición en racimo", "municiones en racimo", "ninguna munición en racimo"),
        "submunitions": ("submunición explosiva", "submuniciones explosivas", "ninguna submunición explosiva"),
    },
}
_ABOUT = {Language.EN: "about", Language.FR: "environ", Language.ES: "unas"}
_ABOUT_MILLIONS = {Language.EN: "about", Language.FR: "environ", Language.ES: "unos"}
_AND = {Language.EN: "and", Language.FR: "et", Language.ES: "y"}
_MILLION = {Language.EN: "million", Language.FR: "millions de", Language.ES: "millones de"}
_ONE_MILLION = {Language.EN: "million", Language.FR: "million de", Language.ES: "millón de"}


def amount(value: int, approximate: bool, language: Language) -> str:
    """A figure as its source gives it: exact, or rounded (`about 14.9 million`, `environ 14,9 millions de`)."""
    if not approximate:
        return number(value, language)
    from babel.numbers import format_decimal

    if value >= 1_000_000:
        millions = format_decimal(value / 1_000_000, format="#,##0.###", locale=LOCALES[language])
        # French keeps "million" singular below two; Spanish only for exactly one.
        singular = value < 2_000_000 if language == Language.FR else value == 1_000_000
        word = _ONE_MILLION[language] if singular else _MILLION[language]
        return f"{_ABOUT_MILLIONS[language]} {millions} {word}"
    return f"{_ABOUT[language]} {number(value, language)}"


_NONE_AT_ALL = {
    Language.EN: "no cluster munitions or explosive submunitions",
    Language.FR: "aucune arme à sous-munitions ni sous-munition explosive",
    Language.ES: "ninguna munición en racimo ni submunición explosiva",
}


_UNKNOWN_NUMBER = {
    Language.EN: "an unknown number of cluster munitions",
    Language.FR: "un nombre inconnu d'armes à sous-munitions",
    Language.ES: "un número desconocido de municiones en racimo",
}


def quantity(held: object, language: Language) -> str:
    """`5 cluster munitions and 578 explosive submunitions`; an unknown part is left out."""
    if getattr(held, "munitions", None) == 0 and getattr(held, "submunitions", None) == 0:
        return _NONE_AT_ALL[language]
    if getattr(held, "munitions", None) is None and getattr(held, "submunitions", None) is None:
        return _UNKNOWN_NUMBER[language]
    parts = []
    for name in ("munitions", "submunitions"):
        value = getattr(held, name)
        if value is None:
            continue
        one, several, none = _PARTS[language][name]
        if value == 0:
            parts.append(none)
            continue
        approximate = name in getattr(held, "approximate", [])
        noun = one if value == 1 and not approximate else several
        figure = amount(value, approximate, language)
        if language == Language.FR and figure.endswith(" de") and noun[0] in "aeiouéè":
            parts.append(f"{figure[:-3]} d'{noun}")  # "environ 14,9 millions d'armes"
        else:
            parts.append(f"{figure} {noun}")
    return f" {_AND[language]} ".join(parts)


def date_range(start: dt.date, end: dt.date, language: Language) -> str:
    """`16-19 September 2025`, `16-19 septembre 2025`, `16 a 19 de septiembre de 2025`."""
    if (start.year, start.month) != (end.year, end.month):
        return f"{long_date(start, language)} - {long_date(end, language)}"
    first = "1er" if language == Language.FR and start.day == 1 else str(start.day)
    return f"{first} a {long_date(end, language)}" if language == Language.ES else f"{first}-{long_date(end, language)}"


def join_and(items: list[str], language: Language) -> str:
    """`A, B and C`, `A, B et C`, `A, B y C` (Spanish `e` before an i- sound: `España e Italia`)."""
    if len(items) < 2:
        return "".join(items)
    last = items[-1]
    word = _AND[language]
    if (language == Language.ES and last[:1].lower() in "ií") or (language == Language.ES and last[:2].lower() == "hi"):
        word = "e"
    return f"{', '.join(items[:-1])} {word} {last}"
