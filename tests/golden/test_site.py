"""Golden page of `ccm site`: one State's page of the site's fixture folder (regenerate with `make golden`)."""

from __future__ import annotations

import datetime as dt

import pytest

from ccm_stockpile.dataset import load
from ccm_stockpile.site.build import build_site, render_site
from tests.site.conftest import DATA


@pytest.mark.parametrize("page", ["en/states/deu.html", "fr/states/deu.html"])
def test_state_page_matches_its_golden_file(golden, page):
    site = build_site(load(DATA, str(DATA)), dt.date(2025, 6, 1), working_documents=False)
    files = render_site(site, ("en", "fr", "es"))
    golden(f"site/{page.replace('/', '-')}", files[page].decode("utf-8"))
