"""The catalogues: every message of the templates and renderers translated, none fuzzy, none stale, and
the placeholders of each translation the same as the English message's."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ccm_stockpile.records.state import Language
from ccm_stockpile.render.i18n import SOURCE_LANGUAGE, Message, catalogue_path, translations

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [language for language in Language if language != SOURCE_LANGUAGE]


def _read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _extracted() -> set[object]:
    """The message ids `make messages` would extract now, from babel.cfg."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids: set[object] = set()
    for _file, _line, message, _comments, context in extract_from_dir(str(ROOT), method_map, options_map):
        ids.add((message, context) if context else message)
    return ids


def _ids(catalog: Catalog) -> set[object]:
    return {(m.id, m.context) if m.context else m.id for m in catalog if m.id}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.value)
def test_every_message_is_translated_and_none_is_fuzzy(language: Language) -> None:
    catalog = _read(catalogue_path(language))
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [], f"{language.value}: untranslated messages"
    assert fuzzy == [], f"{language.value}: fuzzy messages (check them and remove the flag)"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.value)
def test_the_catalogue_holds_exactly_the_messages_of_the_templates(language: Language) -> None:
    """A message added to a template or renderer and not merged (`make messages`) fails here, and so does
    one left in a catalogue after its template dropped it."""
    extracted = _extracted()
    held = _ids(_read(catalogue_path(language)))
    assert sorted(map(str, extracted - held)) == [], "run `make messages` and translate the new messages"
    assert sorted(map(str, held - extracted)) == [], "run `make messages` to drop the messages no template uses"


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.value)
def test_translations_keep_the_placeholders(language: Language) -> None:
    catalog = _read(catalogue_path(language))
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalog.check()]
    assert problems == []


def test_the_template_of_the_catalogues_is_current() -> None:
    assert _ids(_read(ROOT / "templates" / "locale" / "messages.pot")) == _extracted()


def test_a_message_escapes_the_values_put_into_it_but_not_its_own_markdown() -> None:
    text = Message("**Ref.:** %(ref)s [^1]") % {"ref": "A*B_[x]"}
    assert text == r"**Ref.:** A\*B\_\[x\] [^1]"


def test_a_user_catalogue_wins_message_by_message(tmp_path: Path) -> None:
    own = catalogue_path(Language.FR, tmp_path)
    own.parent.mkdir(parents=True)
    own.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "kept at"\nmsgstr "déposé à"\n')
    messages = translations(Language.FR, tmp_path)
    assert messages.gettext("kept at") == "déposé à"
    assert messages.gettext("not reported") == "non indiqué"
