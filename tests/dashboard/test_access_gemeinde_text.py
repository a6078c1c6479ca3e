"""The Gemeinde map's text alternative describes that map only (issue 17, item 4)."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from dashboard.model.access_data import access_view, gemeinde_map_frame
from dashboard.model.data import AtlasData
from dashboard.pages import erreichbarkeit as page
from dashboard.text.describe import access_description
from dashboard.text.describe_gemeinden import gemeinde_sentence
from dashboard.text.i18n import fmt_number


@pytest.fixture(scope="module")
def snapshot(demo_engine) -> dict:
    return store.served_snapshot(demo_engine)


@pytest.mark.parametrize(("lang", "land"), [("de", None), ("en", "09")])
def test_the_gemeinde_level_text_is_the_gemeinde_maps_own(demo_engine, snapshot, lang, land):
    view = access_view(demo_engine, int(snapshot["id"]), "ala", "all", [])
    frame = gemeinde_map_frame(view, AtlasData(demo_engine).providers(int(snapshot["id"])),
                               lang, land)  # fmt: skip
    distance, _ = page.map_texts(view, snapshot, "ala", 25, lang, frame, land)
    assert distance == gemeinde_sentence(frame, 25, land, lang)
    kreise = view.kreise if land is None else view.kreise[view.kreise["ars"].str[:2] == land]
    kreis_text = access_description(kreise, "distance", "ala", 25, str(snapshot["taken_at"])[:10],
                                    lang, view.status)  # fmt: skip
    assert kreis_text not in distance and kreis_text.split(".")[0] not in distance
    # the numbers it names are the Gemeinde frame's: people and Gemeinden beyond 25 km
    beyond = frame[frame["nearest_km"].gt(25) | frame["nearest_km"].isna()]
    assert fmt_number(int(beyond["population"].sum()), lang) in distance
    assert f"{fmt_number(len(beyond), lang)} " in distance


def test_the_sentence_names_the_farthest_gemeinden_and_the_kreise_with_most_people_beyond():
    frame = pd.DataFrame({
        "ars": ["1", "2", "3", "4", "5"],
        "name": ["Aheim", "Bdorf", "Cstadt", "Dfeld", "Ewald"],
        "kreis": ["Kreis X", "Kreis Y", "Kreis Y", "Kreis Z", "Kreis X"],
        "population": [100, 2000, 3000, 50, 9_999],
        "nearest_km": [61.0, 30.0, 26.0, 80.5, 5.0],
    })  # fmt: skip
    text = gemeinde_sentence(frame, 25, None, "de")
    assert "5.150 Menschen in 4 von 5 Gemeinden weiter als 25 km" in text
    assert "am weitesten: Dfeld (Kreis Z, 80,5 km), Aheim (Kreis X, 61,0 km)" in text
    assert "Die meisten von ihnen wohnen in Kreis Y (5.000), Kreis X (100), Kreis Z (50)." in text
    assert "Ewald" not in text  # within the threshold
    english = gemeinde_sentence(frame, 50, "09", "en")
    assert english.startswith("In Bayern, 150 people in 2 of 5 municipalities")
    assert "Most of them live in Kreis X (100), Kreis Z (50)." in english


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_stars_hover_names_it_as_its_legend_key_does_on_every_map(app, demo_engine, snapshot,
                                                                   lang):  # fmt: skip
    """One name for the planned star: the Gemeinde map's legend key, the star's hover on the
    plan's layer and the 2SFCA and Kreis maps' legend and hover (the hover read
    "Hypothetischer Standort (Planung): …" under a key "Geplanter Standort")."""
    from dashboard.figures.plan_overlay import STARS

    flensburg = "010010000000"
    data = AtlasData(demo_engine)

    def made(level: str) -> dict:
        choice = page.Choice(category="ala", service="all", threshold=25, places=(flensburg,),
                             level=level)  # fmt: skip
        return page.figures(app, data, snapshot, choice, lang)

    gemeinde, kreis = made("gemeinde"), made("kreis")
    stars = [t for t in gemeinde["distance"].to_plotly_json()["data"]
             if t.get("showlegend") and t.get("marker", {}).get("symbol") == "star"]  # fmt: skip
    assert len(stars) == 1
    key = stars[0]["name"]
    assert key == {"de": "Geplanter Standort", "en": "Planned location"}[lang]  # short
    hovers = [gemeinde["plan"].data[STARS].hovertext, gemeinde["sfca"].data[3].hovertext,
              kreis["distance"].data[3].hovertext]  # fmt: skip
    assert [list(h) for h in hovers] == [[f"{key}: Flensburg"]] * 3
    assert gemeinde["sfca"].data[3].name == kreis["distance"].data[3].name == key
