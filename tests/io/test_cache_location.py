"""Where the results cache lives: platformdirs' answer on every system, written out on Linux for speed."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from ccm_stockpile.io import cache


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the written-out rule is Linux's")
@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/cache", "relative/cache", "/tmp/with space"])
def test_the_written_out_linux_location_is_platformdirs_own(monkeypatch, tmp_path, xdg):
    monkeypatch.delenv("CCM_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache.cache_dir().as_posix() == platformdirs.user_cache_dir("ccm-stockpile", appauthor=False)


def test_other_systems_ask_platformdirs(monkeypatch, tmp_path):
    monkeypatch.delenv("CCM_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda app, appauthor: f"/Users/editor/Library/Caches/{app}")
    assert cache.cache_dir().as_posix() == "/Users/editor/Library/Caches/ccm-stockpile"


def test_ccm_cache_dir_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("CCM_CACHE_DIR", str(tmp_path))
    assert cache.cache_dir() == tmp_path
