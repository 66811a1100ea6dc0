"""Words in catalogues: one template per document, one gettext catalogue per language (Babel).

- English is the source language: the templates are written in it and need no catalogue.
- Every other language is `templates/locale/<lang>/LC_MESSAGES/messages.po`, under version control and
  edited by translators; `make messages` extracts the messages from the templates and the Python code
  (`babel.cfg`) into `templates/locale/messages.pot` and updates each catalogue.
- The `.po` is compiled in memory the first time a language is used (a few milliseconds), so there is no
  binary `.mo` in git to drift from its `.po` and no build step to forget: a fresh clone renders as it is.
- A user's `--templates FOLDER` may carry its own `locale/<lang>/LC_MESSAGES/messages.po`; its messages
  win over the built-in ones, message by message.

Inside a template, `{% trans %}...{% endtrans %}` and `_()` translate; every variable put into a message is
escaped for Markdown like any other value from the data, while the message itself (written by the project
and its translators) may hold Markdown (`**Ref.:**`, `[^1]`).
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from pathlib import Path
from typing import Any

from ccm_stockpile.records.state import Language
from ccm_stockpile.render.markup import TEMPLATES, Safe, escape_markdown

SOURCE_LANGUAGE = Language.EN
DOMAIN = "messages"


def catalogue_path(language: Language, folder: Path = TEMPLATES) -> Path:
    """Where the catalogue of a language lives under a templates folder."""
    return folder / "locale" / language.value / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _mo(path: Path, mtime_ns: int) -> bytes:
    """The catalogue at `path` compiled in memory (keyed on its modification time, so an edit is seen)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    # Fuzzy entries are a translator's unfinished work: they are left out, so the English shows (and the
    # catalogue test fails) rather than a guess reaching a government.
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _load(path: Path) -> _gettext.GNUTranslations:
    import io

    return _gettext.GNUTranslations(io.BytesIO(_mo(path, path.stat().st_mtime_ns)))


def translations(language: Language, templates: Path | None = None) -> _gettext.NullTranslations:
    """The messages of `language`: the user's catalogue (with --templates) in front of the built-in one."""
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    built_in = catalogue_path(language)
    if not built_in.is_file():
        raise LookupError(f"no catalogue for {language.value}: {built_in} (see CONTRIBUTING, 'Adding a language')")
    result: _gettext.NullTranslations = _load(built_in)
    own = catalogue_path(language, templates) if templates is not None else None
    if own is not None and own.is_file():
        user = _load(own)
        user.add_fallback(result)
        result = user
    return result


class Message(str):
    """A translated message: `%` puts each value in escaped for Markdown (a Safe value as it is) and the
    result is Safe, so the message's own Markdown survives and the data's cannot change the document."""

    __slots__ = ()

    def __mod__(self, values: Any) -> Safe:
        if isinstance(values, dict):
            return Safe(str.__mod__(self, {key: escape_markdown(value) for key, value in values.items()}))
        if isinstance(values, tuple):
            return Safe(str.__mod__(self, tuple(escape_markdown(value) for value in values)))
        return Safe(str.__mod__(self, escape_markdown(values)))


def gettext_callables(messages: _gettext.NullTranslations) -> dict[str, Any]:
    """gettext, ngettext, pgettext and npgettext returning `Message`s, for Jinja's i18n extension."""
    return {
        "gettext": lambda text: Message(messages.gettext(text)),
        "ngettext": lambda one, many, n: Message(messages.ngettext(one, many, n)),
        "pgettext": lambda context, text: Message(messages.pgettext(context, text)),
        "npgettext": lambda context, one, many, n: Message(messages.npgettext(context, one, many, n)),
    }


def N_(text: str) -> str:
    """Mark a message in Python code for extraction; it is translated where it is used (`translate`)."""
    return text


def translate(text: str, language: Language) -> str:
    """A message from the Python code in `language` (the built-in catalogue)."""
    return translations(language).gettext(text)
