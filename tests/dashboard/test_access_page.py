"""The Erreichbarkeit page's builders without a browser: undefined distances are said so."""

from __future__ import annotations

import pandas as pd
from dash import Dash, html

import store
from dashboard.model.access_data import access_view
from dashboard.model.data import AtlasData
from dashboard.pages import erreichbarkeit as page


def texts(component) -> str:
    """All text inside a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    children = getattr(component, "children", None)
    return "" if children is None else texts(children)


def test_a_kind_without_any_provider_says_undefined_never_zero(tmp_path):
    engine = store.connect(f"sqlite:///{tmp_path / 'empty-ala.sqlite'}")
    frame = pd.DataFrame(columns=list(store.PROVIDER_COLUMNS))
    meta = {"taken_at": "2023-01-01", "origin": "replay", "categories": {"ala": 0}}
    snapshot = store.write_snapshot(engine, meta, frame, {})
    view = access_view(engine, snapshot, "ala", "all", [])
    assert view.status == "no_provider"
    text = texts(page.summary(view, "ala", 25, "de"))
    assert "Entfernungen sind nicht definiert" in text and "Luftlinie" in text
    assert " km, Median" not in text  # no mean or median printed
    app = Dash(__name__)
    figure = page.distance_figure(app, AtlasData(engine), view, category="ala", threshold=25,
                                  lang="de")  # fmt: skip
    values = figure.data[1]
    assert all(z is None for z in values.z) and values.showscale is False
    assert figure.data[0].showlegend and figure.data[0].name == "nicht definiert"
    assert "nicht definiert" in figure.layout.title.text
    kreise, laender = page.ranking_tables(view, 25, "de")
    assert isinstance(kreise, html.P) and "nicht definiert" in texts(kreise)
    # a wfbm view of the same snapshot: not recorded, so no view at all
    assert page.load_view(AtlasData(engine), snapshot, "wfbm", "all", []) is None
    assert "nicht erfasst" in texts(page.summary(None, "wfbm", 25, "de"))
