"""Warming at start-up (dashboard/server/warm.py): the Erreichbarkeit Gemeinde view's data are
computed before the first reader asks, and a store that cannot be read does not stop it."""

from __future__ import annotations

import pytest

from dashboard.server.warm import warm_views


@pytest.fixture()
def fresh_app(demo_db_url):
    from dashboard import create_app

    return create_app(demo_db_url, prepare_store=False)


def test_warming_keeps_the_gemeinde_views_data(fresh_app):
    data = fresh_app.server.config["ATLAS_DATA"]
    kept = data._views._items  # noqa: SLF001 (what memo holds)
    assert not any("access-gemeinde-frame" in key for key in kept)
    assert warm_views(fresh_app) > 0
    keys = [key for key in kept]
    assert any("access-view" in key for key in keys)
    frames = [key for key in keys if "access-gemeinde-frame" in key]
    assert {key[-2] for key in frames} == {"de", "en"}  # the frame per language


def test_a_store_that_cannot_be_read_is_logged_not_raised(fresh_app, monkeypatch, caplog):
    import dashboard.server.router as router

    def broken(*_args, **_kwargs):
        raise RuntimeError("store gone")

    monkeypatch.setattr(router, "render", broken)
    warm_views(fresh_app)
    assert "warming the caches failed" in caplog.text
