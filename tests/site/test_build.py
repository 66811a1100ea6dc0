"""`ccm site` without a browser: what each page says, escaping, determinism, the catalogues, the command."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from ccm_stockpile.dataset import load
from ccm_stockpile.site import adapter
from ccm_stockpile.site.build import LANGUAGES, build_site, render_site
from tests.conftest import PROJECT
from tests.site.conftest import DATA, write_data

AS_OF = dt.date(2025, 6, 1)
runner = CliRunner()


def _files(data: Path = DATA, languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    return render_site(build_site(load(data, str(data)), AS_OF, working_documents=False), languages)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return _files()


def _text(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


def test_the_same_data_and_date_give_the_same_bytes(files):
    assert _files() == files


def test_every_page_exists_in_every_language(files):
    pages = {name.split("/", 1)[1] for name in files if name.startswith("en/")}
    assert {"index.html", "states.html", "states-by-situation.html", "practices.html", "downloads.html"} <= pages
    assert {f"states/{code}.html" for code in ("aut", "deu", "ita", "nld")} <= pages
    assert "practices/deu-industrial.html" in pages
    for language in ("fr", "es"):
        assert {name.split("/", 1)[1] for name in files if name.startswith(f"{language}/")} == pages


def test_situations_are_the_domains():
    dataset = load(DATA, str(DATA))
    site = build_site(dataset, AS_OF, working_documents=False)
    found = {page.iso3: page.situation.describe() for page in site.states}
    assert found == {
        "DEU": "retains: 8 munitions / 380 submunitions at the end of 2023",
        "NLD": "ended in 2021 (from 5 munitions / 100 submunitions in 2019): destroyed; latest figure 0 munitions / "
        "0 submunitions at the end of 2021",
        "ITA": "unknown: said to retain (2022), no quantity known",
        "AUT": "none: no holding above zero known",
    }


def test_the_reporting_record_tells_reported_not_submitted_and_not_known_apart(files):
    page = _text(files, "en/states/deu.html")
    table = page.split('id="reports-table"')[1].split("</table>")[0]
    rows = re.findall(r'<tr class="report-(\w+)"><th scope="row">(\d{4})</th><td>([^<]+)</td>', table)
    assert rows == [
        ("reported", "2019", "reported"),
        ("not_submitted", "2020", "not submitted"),
        ("not_known", "2021", "not known to us"),  # an entry that says `unknown`
        ("not_known", "2022", "not known to us"),  # no entry at all: a gap in our records, not a missing report
        ("reported", "2023", "reported"),
        ("not_known", "2024", "not known to us"),
    ]


def test_correspondence_is_summarised_without_the_text_of_letters(files):
    page = _text(files, "en/states/deu.html")
    assert "letter from the Coordinators (CSD/2024/3): a missing annual report (Article 7)" in page
    assert "reply from the State" in page
    assert "asked for the 2020 and 2022 reports" not in page  # the summary is the letter's text
    assert "sent its 2022 report" not in page


def test_the_follow_up_shows_what_was_asked_and_answered_never_an_editors_task(files):
    overview = _text(files, "en/index.html")
    followup = overview.split('id="followup-table"')[1].split("</table>")[0]
    assert "Germany" in followup
    assert "1 October 2024" in followup
    assert ">yes<" in followup
    assert "add the entries" not in overview  # the editor's fixes
    assert "record the" not in overview
    assert "R106" not in overview  # no finding code reaches a reader


def test_each_page_links_its_other_languages_with_hreflang(files):
    page = _text(files, "fr/states/deu.html")
    for language in LANGUAGES:
        assert f'<link rel="alternate" hreflang="{language}" href="../../{language}/states/deu.html">' in page
    assert '<html lang="fr">' in page
    assert "Historique des rapports" in page
    assert "Allemagne" in page


def test_nothing_is_loaded_from_outside_the_site(files):
    for name, content in files.items():
        if not name.endswith((".html", ".css", ".js")):
            continue
        text = content.decode("utf-8")
        loaded = re.findall(
            r'<(?:link rel="stylesheet"|script|img|iframe|source|video|audio)\b[^>]*\b(?:href|src)="([^"]*)"', text
        )
        assert [url for url in loaded if re.match(r"[a-z]+:|//", url)] == [], name
        assert "@import" not in text
        assert "url(" not in text


def test_hostile_text_is_escaped_everywhere(tmp_path):
    files = _files(write_data(tmp_path / "data", hostile_text=True))
    for name, content in files.items():
        if not name.endswith(".html"):
            continue
        text = content.decode("utf-8")
        assert "<script>" not in text, name  # only <script src=".../site.js" defer>
        assert re.findall(r"<script\b[^>]*>", text) in ([], [f'<script src="{"../" * name.count("/")}assets/site.js" defer>']), (
            name
        )
        tags = re.findall(r"<[a-zA-Z][^>]*>", text)
        assert not [tag for tag in tags if re.search(r"\son\w+\s*=", tag) or tag.startswith("<img")], name
        assert not [tag for tag in tags if re.search(r"""(?:href|src)=["']?\s*javascript:""", tag, re.IGNORECASE)], name
    page = files["en/states/deu.html"].decode("utf-8")
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in page


def test_every_message_has_a_french_and_a_spanish_translation():
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    options = {"**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    found = extract_from_dir(str(PROJECT / "templates" / "site"), [("**.j2", "jinja2")], options)
    messages = {str(message) for _, _, message, *_ in found}
    assert len(messages) > 100
    for language in ("fr", "es"):
        with (adapter.LOCALE / language / "LC_MESSAGES" / "site.po").open("rb") as handle:
            entries = [m for m in read_po(handle) if m.id]
        catalogue = {m.id: m.string for m in entries if not m.fuzzy}
        assert sorted(m for m in messages if not catalogue.get(m)) == [], f"{language}: run `make messages` and translate"
        assert sorted(str(m.id) for m in entries if m.id not in messages) == [], f"{language}: stale; run `make messages`"


def test_the_command_builds_the_site_and_refuses_a_folder_it_did_not_write(tmp_path):
    out = tmp_path / "site"
    args = ["site", "--data", str(DATA), "--as-of", "2025-06-01", "--no-working-document", "--lang", "en", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "en" / "states" / "deu.html").is_file()
    assert (out / "index.html").is_file()
    assert (out / "downloads" / "retention-2025-06-01.csv").is_file()
    assert not (out / "fr").exists()
    (out / "en" / "old.html").write_text("stale", encoding="utf-8")
    assert runner.invoke(app, args).exit_code == 0
    assert not (out / "en" / "old.html").exists()  # a rebuild removes what it no longer writes
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, [*args[:-1], str(other)])
    assert result.exit_code == 2
    assert "was not written by `ccm site`" in result.output
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(("option", "value"), [("--lang", "de"), ("--base-url", "javascript:alert(1)")])
def test_bad_options_are_bad_usage(tmp_path, option, value):
    result = runner.invoke(app, ["site", "--data", str(DATA), "--out", str(tmp_path / "s"), option, value])
    assert result.exit_code == 2
    assert option in result.output


def test_a_base_url_makes_the_language_links_absolute():
    files = render_site(
        build_site(load(DATA, str(DATA)), AS_OF, working_documents=False), ("en", "fr"), "https://example.org/ccm"
    )
    page = _text(files, "fr/states/deu.html")
    assert '<link rel="alternate" hreflang="en" href="https://example.org/ccm/en/states/deu.html">' in page
    assert '<link rel="canonical" href="https://example.org/ccm/fr/states/deu.html">' in page
    assert '<a href="../../en/states/deu.html" hreflang="en" lang="en">English</a>' in page  # navigation stays relative
