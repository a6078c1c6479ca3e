"""The Land view's pure pieces (issue 21) without a browser: which `land=` the URL accepts,
a Land's rows and map frame, the key-figure sentence against the frame it is computed from,
ties named in full, the ranking chart's integer ticks and unambiguous names, profile paths,
and the image export of one Land (rendered by the real renderer)."""

from __future__ import annotations

import pandas as pd
import pytest

import geodata
from dashboard.figures.common import LAT_RANGE, LON_RANGE
from dashboard.figures.ranking import count_axis, ranking_figure, unique_names
from dashboard.model.land_view import applies, land_geo, land_name, land_rows
from dashboard.model.state import DEFAULTS, parse_query, to_query
from dashboard.text.describe import ranking_description
from dashboard.text.land_sentence import land_sentence, none_count
from dashboard.text.ties import joined, tie_phrase, top_tied
from dashboard.views.profile_links import profile_path


# ---------------------------------------------------------------- the URL
@pytest.mark.parametrize("value", ["99", "00", "17", "9", "abc", "091"])
def test_an_unknown_or_malformed_land_falls_back_and_is_reported(value):
    state, problems = parse_query(f"?level=kreis&land={value}")
    assert state.land is None and state.level == "kreis"
    assert [(p.name, p.value) for p in problems] == [("land", value)]


def test_every_land_code_survives_the_round_trip():
    for code in geodata.LAENDER:
        state, problems = parse_query(f"?level=kreis&land={code}")
        assert problems == [] and state.land == code
        assert parse_query(to_query(state))[0] == state


def test_the_land_view_applies_at_kreis_level_only():
    assert applies("kreis", "09") == "09"
    assert applies("land", "09") is None
    assert applies("kreis", None) is None and applies("kreis", "") is None
    with pytest.raises(ValueError, match="two-digit Land code"):
        applies("kreis", "99")
    with pytest.raises(ValueError, match="two-digit Land code"):
        land_name("X")


# ---------------------------------------------------------------- rows and frame
def test_land_rows_keep_that_lands_kreise_and_the_frames_attrs(metrics_of):
    frame = metrics_of("kreis", "ala")
    frame.attrs["recorded"] = True
    part = land_rows(frame, "09")
    expected = geodata.region_table("kreis")
    assert set(part["code"]) == set(expected.loc[expected["land_code"] == "09", "code"])
    assert len(part) == 96 and part.attrs == frame.attrs
    assert land_rows(frame, None) is frame


def test_the_land_frame_is_the_lands_extent_inside_germanys():
    germany = land_geo(None)
    assert germany["lonaxis_range"] == list(LON_RANGE)
    bayern = land_geo("09")
    west, east = bayern["lonaxis_range"]
    south, north = bayern["lataxis_range"]
    # Bayern lies roughly 8.9–13.9 E, 47.2–50.6 N; the frame is that plus a small margin
    assert 8.5 < west < 9.1 and 13.8 < east < 14.2
    assert 47.0 < south < 47.4 and 50.5 < north < 50.8
    # far smaller than Germany's frame (which it shares its southern edge with)
    assert (east - west) < 0.6 * (LON_RANGE[1] - LON_RANGE[0])
    assert (north - south) < 0.5 * (LAT_RANGE[1] - LAT_RANGE[0])


# ---------------------------------------------------------------- the sentence
def test_the_sentence_counts_the_lands_kreise_without_a_provider(metrics_of):
    frame = metrics_of("kreis", "ala")
    kreise = frame[frame["code"].str.startswith("09")]
    none = int((kreise["count"] == 0).sum())
    total = len(kreise)
    assert none_count(kreise) == (none, total)
    text = land_sentence(frame, "09", "ala", "2022-12-01", "de")
    verb = "hat" if none == 1 else "haben"
    assert text.startswith(
        f"In Bayern {verb} {none} von {total} Kreisen keinen aLA (Datenstand 01.12.2022).")
    some = total - none
    assert f"Die {int(kreise['count'].sum())} aLA liegen in {some} Kreisen" in text
    english = land_sentence(frame, "09", "ala", "2022-12-01", "en")
    assert english.startswith(f"In Bayern, {none} of {total} districts")


def test_the_sentence_names_every_kreis_tied_at_the_top():
    frame = pd.DataFrame({
        "code": ["09161", "09162", "09184", "09777", "09279"],
        "name": ["Ingolstadt", "München", "München", "Ostallgäu", "Dingolfing-Landau"],
        "bez": ["Kreisfreie Stadt", "Kreisfreie Stadt", "Landkreis", "Landkreis", "Landkreis"],
        "count": [0, 2, 1, 2, 2],
    })
    text = land_sentence(frame, "09", "ala", "2022-12-01", "de")
    assert text.startswith("In Bayern hat 1 von 5 Kreisen keinen aLA")
    assert text.endswith("am meisten: Dingolfing-Landau, München (Kreisfreie Stadt) und "
                         "Ostallgäu mit je 2.")


def test_the_sentence_for_a_land_where_every_kreis_has_one_and_for_wfbm():
    frame = pd.DataFrame({"code": ["04011", "04012"], "name": ["Bremen", "Bremerhaven"],
                          "bez": ["Stadt", "Stadt"], "count": [3, 1]})
    assert land_sentence(frame, "04", "wfbm", "2022-12-01", "de") == (
        "In Bremen hat jeder der 2 Kreise mindestens einen Anbieter dieser Art "
        "(WfbM, Datenstand 01.12.2022).")
    none = frame.assign(count=[0, 1])
    assert land_sentence(none, "04", "wfbm", "2022-12-01", "de") == (
        "In Bremen hat 1 von 2 Kreisen keine WfbM (Datenstand 01.12.2022). "
        "Kreis mit WfbM: Bremerhaven mit 1.")


def test_a_category_not_recorded_is_said_not_counted():
    frame = pd.DataFrame({"code": ["04011"], "name": ["Bremen"], "bez": ["Stadt"],
                          "count": [float("nan")]})
    frame.attrs["recorded"] = False
    assert land_sentence(frame, "04", "ib", "2022-12-01", "de") == (
        "In Bremen: Inklusionsbetriebe sind in diesem Datenstand nicht erfasst.")


# ---------------------------------------------------------------- ties and the ranking chart
def test_ties_are_named_in_full_and_in_name_order():
    frame = pd.DataFrame({"name": ["C", "A", "B", "D"]})
    names, best = top_tied(frame, pd.Series([2.0, 2.0, 1.0, 2.0]))
    assert (names, best) == (["A", "C", "D"], 2.0)
    assert tie_phrase(names, "2", "de") == "A, C und D mit je 2"
    assert tie_phrase(names, "2", "en") == "A, C and D with 2 each"
    assert tie_phrase(["A"], "2", "de") == "A (2)"
    assert joined([], "de") == "" and top_tied(frame, pd.Series([None] * 4)) == ([], None)


def test_the_ranking_text_names_all_regions_tied_first():
    frame = pd.DataFrame({
        "code": ["09162", "09184", "09777", "09279", "09161"],
        "name": ["München", "München", "Ostallgäu", "Dingolfing-Landau", "Ingolstadt"],
        "bez": ["Kreisfreie Stadt", "Landkreis", "Landkreis", "Landkreis", "Kreisfreie Stadt"],
        "count": [2, 1, 2, 2, 0], "population": [1.0] * 5, "per_100k": [1.0] * 5,
        "none_here": [False, False, False, False, True],
    })
    text = ranking_description(frame, "count", "ala", "kreis", "2022-12-01", "de")
    assert ("Am höchsten: Dingolfing-Landau, München (Kreisfreie Stadt) und Ostallgäu "
            "mit je 2.") in text
    english = ranking_description(frame, "count", "ala", "kreis", "2022-12-01", "en")
    # the kind in the reader's language (issue 21)
    assert "Highest: Dingolfing-Landau, München (independent city) and Ostallgäu with 2 each." \
        in english


def test_ranking_bars_say_stadt_or_landkreis_where_a_name_is_there_twice(metrics_of):
    bayern = land_rows(metrics_of("kreis", "wfbm"), "09")
    names = unique_names(bayern)
    assert "München (Kreisfreie Stadt)" in set(names) and "München (Landkreis)" in set(names)
    assert "Ingolstadt" in set(names)  # once in Bayern: left as it is
    figure = ranking_figure(bayern, "count", lang="de", subject="WfbM in Bayern")
    assert not set(figure.data[0].y) & {"München", "Augsburg", "Rosenheim"}
    assert figure.layout.title.text == "WfbM in Bayern – Rangfolge: Anzahl"


@pytest.mark.parametrize(("high", "step"), [(2, 1), (6, 1), (7, 2), (40, 7)])
def test_count_axes_tick_on_whole_numbers(high, step):
    axis = count_axis(pd.Series([0, high]))
    assert axis["dtick"] == step and axis["tick0"] == 0 and axis["tickformat"] == ",d"


def test_a_rate_axis_keeps_its_decimals(metrics_of):
    figure = ranking_figure(metrics_of("kreis", "ala"), "per_100k", lang="de")
    assert figure.layout.xaxis.dtick is None and figure.layout.xaxis.tickformat == ",.2f"


# ---------------------------------------------------------------- profile paths
def test_profile_paths_and_a_code_that_is_no_region():
    assert profile_path("09162", "de") == "/region/09162"
    assert profile_path("09", "en") == "/region/09?lang=en"
    assert profile_path("DE", "de") == "/region/DE"
    for bad in ("9162", "../x", "091620"):
        with pytest.raises(ValueError, match="2-digit Land or a 5-digit Kreis"):
            profile_path(bad, "de")


def test_the_defaults_have_no_land():
    assert DEFAULTS.land is None


# ---------------------------------------------------------------- the Karte's one callback
def karte_answer(app, dash_post, land: str, region: str | None, changed: str) -> dict:
    import json

    from dashboard.frame import ids
    from dashboard.server.callback_client import answer_bytes, callback_outputs

    outputs = callback_outputs(app, f"{ids.MAP_GRAPH}.figure")
    inputs = [
        (ids.MAP_LEVEL, "value", "kreis"), (ids.MAP_CATEGORY, "value", "ala"),
        (ids.MAP_METRIC, "value", "none_here"), (ids.MAP_CLASSES, "value", "quantiles"),
        (ids.MAP_VIEW, "value", "single"), (ids.MAP_POINTS, "value", []),
        (ids.MAP_REGION, "value", region), (ids.snapshot("karte"), "value", None),
        (ids.MAP_LAND, "value", land),
    ]
    state = [(ids.MAP_DRAWN, "data", {"level": "kreis", "land": None}),
             (ids.COMPARE_DRAWN, "data", {}), (ids.URL, "search", "?level=kreis")]
    response = dash_post(app.server.test_client(), outputs, inputs, state, [changed])
    assert response.status_code == 200
    return json.loads(answer_bytes(response))["response"]


def test_choosing_a_land_answers_its_map_title_caption_sentence_and_url(app, dash_post):
    from dashboard.frame import ids

    out = karte_answer(app, dash_post, "09", None, f"{ids.MAP_LAND}.value")
    figure = out[ids.MAP_GRAPH]["figure"]
    assert "data" in figure  # a whole figure: other regions, another frame
    locations = figure["data"][0]["locations"]
    assert len(locations) == 96 and all(code.startswith("09") for code in locations)
    assert figure["layout"]["geo"]["lonaxis"]["range"] == land_geo("09")["lonaxis_range"]
    assert out[ids.MAP_DRAWN]["data"] == {"level": "kreis", "land": "09"}
    assert out[ids.MAP_TITLE]["children"].endswith("nach Kreisen in Bayern")
    assert out[ids.MAP_CAPTION]["children"].startswith("Karte: aLA: Regionen ohne Anbieter "
                                                       "nach Kreisen in Bayern.")
    assert out[ids.MAP_LAND_SENTENCE]["children"].startswith("In Bayern haben ")
    assert out[ids.MAP_LAND_SENTENCE]["hidden"] is False
    assert "land=09" in out[ids.URL]["search"]
    assert out[ids.MAP_DESCRIPTION]["children"].startswith("Bayern: ")


def test_the_details_of_a_kreis_link_its_profile(app, dash_post):
    import json

    from dashboard.frame import ids

    out = karte_answer(app, dash_post, "", "09162", f"{ids.MAP_REGION}.value")
    details = json.dumps(out[ids.MAP_DETAILS]["children"], ensure_ascii=False)
    assert '"href": "/region/09162"' in details and "Profil von München" in details


# ---------------------------------------------------------------- the image export of a Land
def test_a_land_map_export_is_of_that_land_and_titled_with_it(demo_engine, artifacts_dir):
    from dashboard.exports.export import export_view
    from dashboard.exports.from_url import karte_request
    from dashboard.exports.map_views import map_view

    request = karte_request("?level=kreis&metric=none_here&land=09", "png")
    assert request.land == "09"
    view = map_view(demo_engine, request)
    assert view.title.endswith("nach Kreisen in Bayern")
    assert len(view.table) == 96
    assert view.figure.layout.geo.lonaxis.range == tuple(land_geo("09")["lonaxis_range"])
    assert set(view.figure.data[0].locations) == set(view.table.iloc[:, 0])
    png = export_view(demo_engine, request)
    assert png.content.startswith(b"\x89PNG") and "land-09" in png.filename
    (artifacts_dir / "land-bayern-export.png").write_bytes(png.content)
    # at Land level the Land choice does not apply: Germany's sixteen Länder
    assert len(map_view(demo_engine, karte_request("?land=09", "csv")).table) == 16


def test_the_land_texts_exist_in_both_languages_and_override_nothing():
    from pathlib import Path

    from dashboard.text import i18n, i18n_land, i18n_region

    assert set(i18n_land.DE) == set(i18n_land.EN)
    assert not set(i18n_land.DE) & set(i18n_region.DE)
    shared = Path(i18n.__file__).read_text(encoding="utf-8")
    assert [key for key in i18n_land.DE if f'"{key}":' in shared] == []
