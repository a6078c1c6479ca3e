"""The Kreis car map's colours say what its text says (a pure figure, no engine)."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.access_gemeinde import NO_PROVIDER_COLOUR
from dashboard.figures.common import UNDEFINED_COLOUR
from dashboard.figures.travel_map import travel_map


def kreise() -> pd.DataFrame:
    """Two Kreise: one reaches a provider by road, one not at all (outside the extract)."""
    return pd.DataFrame({
        "ars": ["10041", "09187"], "name": ["Saarbrücken", "Rosenheim"],
        "population": [330_000, 260_000], "pop_beyond_15min": [33_000, None],
        "pop_unreachable": [0, 260_000], "median_min": [9.0, None], "mean_min": [10.0, None],
    })  # fmt: skip


def test_kreise_without_a_time_are_grey_as_the_page_says_and_named_in_the_legend():
    figure = travel_map(kreise(), 15, lang="de", geojson="/geo/kreis.geojson")
    undefined = figure.data[0]
    assert undefined.name == "keine Fahrzeit"
    assert undefined.showlegend is True
    colours = {colour for _, colour in undefined.colorscale}
    assert colours == {NO_PROVIDER_COLOUR} != {UNDEFINED_COLOUR}  # a visible swatch, not white
    # the reachable Kreis keeps its share on the scale; the other has none
    assert list(figure.data[1].z) == [10.0, None]
