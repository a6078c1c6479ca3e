"""The text alternatives of Entwicklung's change map and new/vanished-providers map
(dashboard/text/describe_change.py): built from small known frames and checked number by number,
then carried by the page, by the page's one callback and by the exported images."""

from __future__ import annotations

import json

import pandas as pd
import plotly.utils
import pytest

import store
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query
from dashboard.pages import entwicklung
from dashboard.server.callback_client import callback_outputs
from dashboard.text.describe_change import change_description, changes_points_description
from store import growth

# codes geodata does not know: the frame's own names are used
CHANGE = pd.DataFrame({
    "code": ["x1", "x2", "x3", "x4", "x5", "x6"],
    "name": ["Ahausen", "Bedorf", "Cestadt", "Dehain", "Efeld", "Fering"],
    "count_old": [1, 0, 4, 2, 0, 3],
    "count_new": [4, 1, 2, 2, 0, 3],
    "change": [3, 1, -2, 0, 0, 0],
    "change_per_100k": [1.5, 0.25, -0.8, 0.0, 0.0, 0.0],
})


def test_the_change_text_names_period_range_largest_increase_decrease_and_unchanged():
    text = change_description(CHANGE, False, "ala", "kreis", "2021-11-30", "2022-12-01", "de")
    assert text.startswith("Karte „Veränderung, absolut“ – Andere Leistungsanbieter (aLA) nach "
                           "Kreisen, 30.11.2021 → 01.12.2022.")
    assert "Von -2 bis +3." in text
    assert "Mit Zuwachs: 2 von 6 Kreisen, am stärksten Ahausen (+3), Bedorf (+1)." in text
    assert "Mit Rückgang: 1 von 6 Kreisen, am stärksten Cestadt (-2)." in text
    # Dehain, Efeld and Fering did not change; Efeld had none at either date
    assert ("Unverändert: 3 von 6 Kreisen (davon 1 ohne Anbieter zu beiden Daten), darunter "
            "Dehain, Efeld, Fering.") in text


def test_the_change_text_per_100k_in_english_and_without_any_decrease():
    grown = CHANGE[CHANGE["change"] >= 0]
    text = change_description(grown, True, "wfbm", "land", "2021-11-30", "2022-12-01", "en")
    assert text.startswith("Map “Change, per 100,000 inhabitants” – Sheltered workshops (WfbM) "
                           "by federal state, 30 Nov 2021 → 1 Dec 2022.")
    assert "From 0.00 to +1.50." in text
    assert "Increased: 2 of 5 federal states, most Ahausen (+1.50), Bedorf (+0.25)." in text
    assert "No region decreased." in text
    empty = change_description(CHANGE.iloc[0:0], False, "ala", "kreis", "2021-11-30",
                               "2022-12-01", "de")
    assert empty.endswith("Keine Region hat einen Wert.")


DIFF = pd.DataFrame({
    "change": ["new", "new", "new", "new", "vanished", "changed", "new"],
    "land": ["Bayern", "Bayern", "Hessen", "Berlin", "Hessen", "Bayern", None],
    "lon": [11.0, 11.5, 9.0, 13.4, 8.7, 12.0, None],
    "lat": [48.0, 48.1, 50.5, 52.5, 50.1, 49.0, None],
})


def test_the_providers_text_counts_new_gone_changed_and_says_where_most_are():
    text = changes_points_description(DIFF, "ala", "2021-11-30", "2022-12-01", "de")
    assert text.startswith("Karte: neue, weggefallene und geänderte Andere Leistungsanbieter "
                           "(aLA), 30.11.2021 → 01.12.2022.")
    assert "Neu: 5. Weggefallen: 1. Geändert: 1." in text
    assert "Die meisten neuen in: Bayern (2), Berlin (1), Hessen (1)." in text
    assert "Die meisten weggefallenen in: Hessen (1)." in text
    assert text.endswith("Ohne Ort und daher nicht auf der Karte: 1.")
    english = changes_points_description(DIFF.iloc[0:0], "ib", "2021-11-30", "2022-12-01", "en")
    assert english == ("Map: new, gone and changed Inclusive companies, 30 Nov 2021 → "
                       "1 Dec 2022. No changes between these snapshots.")


def _demo_pair(engine, level: str = "kreis"):
    served = store.served_series(engine)
    old, new = served.iloc[0], served.iloc[-1]
    change = growth.region_change_between(engine, int(old["id"]), int(new["id"]), level, "ala")
    diff = growth.provider_changes(engine, int(old["id"]), int(new["id"]), "ala")
    return change, diff, str(old["taken_at"]), str(new["taken_at"])


def test_the_demo_change_text_states_the_frame_s_extremes(demo_engine):
    change, diff, old, new = _demo_pair(demo_engine)
    text = change_description(change, False, "ala", "kreis", old, new, "de")
    low, high = int(change["change"].min()), int(change["change"].max())
    assert f"Von {low} bis +{high}." in text
    up = int((change["change"] > 0).sum())
    assert f"Mit Zuwachs: {up} von {len(change)} Kreisen" in text
    points = changes_points_description(diff, "ala", old, new, "de")
    assert f"Neu: {int((diff['change'] == 'new').sum())}." in points


def _rendered(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder,
                      ensure_ascii=False)


def test_the_entwicklung_layout_has_both_map_texts_named_by_the_maps(app, demo_engine):
    data = AtlasData(demo_engine)
    state, _ = parse_query("?level=kreis")
    rendered = _rendered(entwicklung.layout(PageContext(app, data, state, data.served(), [])))
    change, diff, old, new = _demo_pair(demo_engine)
    from dashboard.model.publishing import redact

    expected = {
        entwicklung.CHANGE_MAP: change_description(change, False, "ala", "kreis", old, new, "de"),
        entwicklung.POINTS: changes_points_description(redact(diff), "ala", old, new, "de"),
    }
    for graph, text in expected.items():
        component = entwicklung.DESCRIBED[graph]
        assert json.dumps(text, ensure_ascii=False) in rendered
        assert f'"aria-describedby": "{component}"' in rendered
    assert "Was die Karte zeigt" in rendered


def test_the_entwicklung_callback_returns_the_map_texts_with_its_maps(app, demo_engine,
                                                                      entwicklung_answer):
    outputs = callback_outputs(app, f"{entwicklung.CHANGE_MAP}.figure")
    assert (entwicklung.DESCRIBED[entwicklung.CHANGE_MAP], "children") in outputs
    out = entwicklung_answer(entwicklung.CHANGE_MAP, entwicklung.LEVEL)
    change, diff, old, new = _demo_pair(demo_engine, "land")
    assert out[entwicklung.DESCRIBED[entwicklung.CHANGE_MAP]]["children"] == change_description(
        change, True, "ala", "land", old, new, "en")
    assert out[entwicklung.DESCRIBED[entwicklung.POINTS]]["children"] == \
        changes_points_description(diff, "ala", old, new, "en")


@pytest.mark.browser
def test_the_change_map_text_follows_the_level_control(page, demo_engine, artifacts_dir):
    """Shown after the map, named by its <figure>, and redrawn by the page's one callback when
    the level changes (Länder -> Kreise)."""
    from selenium.webdriver.common.by import By

    caption = entwicklung.DESCRIBED[entwicklung.CHANGE_MAP]
    page.open("/entwicklung?level=land")
    change, _, old, new = _demo_pair(demo_engine, "land")
    expected = change_description(change, False, "ala", "land", old, new, "de")
    page.wait_for(lambda d: d.find_element(By.ID, caption).text == expected)
    assert page.driver.find_element(
        By.CSS_SELECTOR, f'figure[aria-describedby="{caption}"]').is_displayed()
    page.js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", caption)
    page.driver.save_screenshot(str(artifacts_dir / "describe-entwicklung-change-map-1400.png"))
    page.driver.find_element(By.CSS_SELECTOR,
                             f"#{entwicklung.LEVEL} input[value='kreis']").click()
    kreise, _, _, _ = _demo_pair(demo_engine, "kreis")
    after = change_description(kreise, False, "ala", "kreis", old, new, "de")
    page.wait_for(lambda d: d.find_element(By.ID, caption).text == after)
    page.wait_idle()
    assert page.console_errors() == []
