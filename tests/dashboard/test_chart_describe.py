"""Generated text alternatives of the charts beyond the Karte (dashboard/text/describe.py): each
text against the frame it was built from, and each page carrying it beside its chart."""

from __future__ import annotations

import json

import pandas as pd
import plotly.utils
import pytest

import store
from dashboard.figures.ranking import ranking_frame
from dashboard.frame import ids
from dashboard.model import metrics as m
from dashboard.model.access_data import access_view, region_labels
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query
from dashboard.pages import entwicklung, erreichbarkeit, tabelle
from dashboard.server.callback_client import answer_bytes, callback_outputs
from dashboard.text.describe import (
    access_description,
    growth_description,
    labelled,
    laender_description,
    ranking_description,
    series_description,
)
from dashboard.text.i18n import fmt_date, fmt_number, t
from store import growth


def _rendered(component) -> str:
    return json.dumps(component.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder,
                      ensure_ascii=False)


def test_the_ranking_text_names_first_and_last_bar_and_regions_with_none(metrics_of):
    frame = metrics_of("kreis", "ala")
    text = ranking_description(frame, "per_100k", "ala", "kreis", "2022-12-01", "de")
    values = m.metric_values(frame, "per_100k")
    above = values[values.gt(0)]
    n = min(20, len(above))
    assert text.startswith(f"Balkendiagramm „{t('metric.per_100k', 'de')}“ – ")
    assert f"die {n} von {fmt_number(len(frame), 'de')} Kreisen mit den höchsten Werten" in text
    ranked = ranking_frame(labelled(frame), "per_100k")
    first, last = ranked.iloc[0], ranked.iloc[-1]
    # the highest value of the frame is the first bar's
    assert first["value"] == above.max()
    assert f"Am höchsten: {first['name']} ({fmt_number(first['value'], 'de', 2)})" in text
    assert f"Letzter Balken: {last['name']} ({fmt_number(last['value'], 'de', 2)})" in text
    none = int((frame["count"] == 0).sum())
    assert f"Ohne Anbieter: {fmt_number(none, 'de')} von {fmt_number(len(frame), 'de')}" in text
    assert "Datenstand 01.12.2022" in text


def test_the_ranking_text_in_english_and_without_any_value(metrics_of):
    frame = metrics_of("land", "wfbm")
    empty = frame.assign(count=0, per_100k=0.0)
    text = ranking_description(empty, "count", "wfbm", "land", "2022-12-01", "en")
    assert "No region has a value above zero." in text
    assert f"Without providers: {len(frame)} of {len(frame)} federal states" in text
    full = ranking_description(frame.assign(count=frame["count"] + 1), "count", "wfbm", "land",
                               "2022-12-01", "en")
    assert full.startswith("Bar chart “Count”") and "Every region has at least one provider." \
        in full


def test_the_tabelle_layout_has_the_caption_named_by_the_chart_figure(app, demo_engine):
    data = AtlasData(demo_engine)
    state, _ = parse_query("?level=land&metric=count")
    served = data.served()
    page = _rendered(tabelle.layout(PageContext(app, data, state, served, [])))
    frame = data.region_metrics(int(served["id"]), "land", "ala")
    expected = ranking_description(frame, "count", "ala", "land", str(served["taken_at"])[:10],
                                   "de")
    assert json.dumps(expected, ensure_ascii=False) in page
    assert f'"aria-describedby": "{ids.TABLE_RANKING_DESCRIPTION}"' in page
    assert "Was das Diagramm zeigt" in page


def test_the_access_texts_name_range_highest_lowest_and_zero(demo_engine):
    data = AtlasData(demo_engine)
    served = data.served()
    view = access_view(demo_engine, int(served["id"]), "ala", "all", [])
    labels = region_labels("kreis")
    for kind, column, scale, unit in (("distance", "share_beyond_25km", 100, " %"),
                                      ("sfca", "providers_per_100k_within_50km", 1, "")):
        text = access_description(view.kreise, kind, "ala", 25, "2022-12-01", "de")
        values = (view.kreise[column].astype(float) * scale).dropna()
        decimals = 1 if kind == "distance" else 2
        high = fmt_number(values.max(), "de", decimals) + unit
        low = fmt_number(values.min(), "de", decimals) + unit
        assert f"Werte von {low} bis {high}." in text
        best = view.kreise.loc[values.idxmax()]
        assert f"Am höchsten: {labels[best['ars']]} ({high}" in text or values.eq(
            values.max()).sum() > 1
        positive = values[values.gt(0)]
        lowest = view.kreise.loc[positive.idxmin()]
        assert f"Am niedrigsten über 0: {labels[lowest['ars']]} (" in text or positive.eq(
            positive.min()).sum() > 1
        zero = int(values.eq(0).sum())
        if zero:
            assert f": {fmt_number(zero, 'de')} von {len(view.kreise)} Kreisen" in text
        assert "Datenstand 01.12.2022" in text
    # one Kreis with nobody beyond 25 km, one without a value: both are said
    kreise = view.kreise.assign(share_beyond_25km=0.5)
    kreise.loc[kreise.index[0], "share_beyond_25km"] = 0.0
    kreise.loc[kreise.index[1], "share_beyond_25km"] = float("nan")
    text = access_description(kreise, "distance", "ala", 25, "2022-12-01", "en")
    name = labels[kreise.iloc[0]["ars"]]
    assert f"Nobody farther than 25 km: 1 of {len(kreise)} districts, among them {name}." in text
    assert text.endswith("Districts without a value: 1.")
    assert "Values from 0.0 %" in text


def test_the_access_text_of_undefined_measures_says_so():
    kreise = pd.DataFrame({"ars": ["09163"], "name": ["Rosenheim"],
                           "share_beyond_25km": [float("nan")]})
    text = access_description(kreise, "distance", "ala", 25, "2023-01-01", "de", "no_provider")
    assert text.endswith(t("access.status.no_provider", "de"))
    assert "Werte von" not in text


def test_the_erreichbarkeit_layout_has_both_captions_named_by_the_maps(app, demo_engine):
    data = AtlasData(demo_engine)
    state, _ = parse_query("?threshold=50")
    served = data.served()
    rendered = _rendered(erreichbarkeit.layout(PageContext(app, data, state, served, [])))
    view = access_view(demo_engine, int(served["id"]), "ala", "all", [])
    for kind, component in (("distance", ids.ACCESS_MAP_DESCRIPTION),
                            ("sfca", ids.ACCESS_SFCA_DESCRIPTION)):
        expected = access_description(view.kreise, kind, "ala", 50,
                                      str(served["taken_at"])[:10], "de")
        assert json.dumps(expected, ensure_ascii=False) in rendered
        assert f'"aria-describedby": "{component}"' in rendered


def test_the_erreichbarkeit_callback_returns_both_texts_with_its_maps(app, demo_engine,
                                                                      dash_post):
    outputs = callback_outputs(app, f"{ids.ACCESS_MAP_DESCRIPTION}.children")
    inputs = [
        (ids.ACCESS_CATEGORY, "value", "ala"), (ids.ACCESS_SERVICE, "value", "all"),
        (ids.ACCESS_THRESHOLD, "value", "25"), (ids.ACCESS_PLAN_SEARCH, "value", []),
        (ids.snapshot("erreichbarkeit"), "value", None), (ids.ACCESS_REGION_STORE, "data", None),
        (ids.ACCESS_LEVEL, "value", "kreis"), (ids.ACCESS_LAND, "value", ""),
        (ids.ACCESS_COMPARE, "value", "after"),
    ]
    state = [(ids.URL, "search", "?lang=en"), (erreichbarkeit.TABLES_SHOWN, "data", None)]
    response = dash_post(app.server.test_client(), outputs, inputs, state,
                         [f"{ids.ACCESS_THRESHOLD}.value"])
    assert response.status_code == 200
    raw = answer_bytes(response)
    out = json.loads(raw)["response"]
    served = AtlasData(demo_engine).served()
    view = access_view(demo_engine, int(served["id"]), "ala", "all", [])
    taken = str(served["taken_at"])[:10]
    assert out[ids.ACCESS_MAP_DESCRIPTION]["children"] == access_description(
        view.kreise, "distance", "ala", 25, taken, "en")
    assert out[ids.ACCESS_SFCA_DESCRIPTION]["children"] == access_description(
        view.kreise, "sfca", "ala", 25, taken, "en")


def _demo_growth(engine):
    served = store.served_series(engine)
    counts = growth.snapshot_counts(engine, "ala", served)
    old, new = served.iloc[0], served.iloc[-1]
    table = growth.land_growth_between(engine, int(old["id"]), int(new["id"]), "ala")
    return counts, table, str(old["taken_at"])[:10], str(new["taken_at"])[:10]


def test_the_laender_text_names_most_fewest_and_none_at_the_latest_snapshot(demo_engine):
    counts, _, _, new = _demo_growth(demo_engine)
    text = laender_description(counts, "ala", "de")
    latest = counts[(counts["region"] != "DE") & (counts["taken_at"] == counts["taken_at"].max())]
    most = latest.sort_values(["count", "region_name"], ascending=[False, True]).iloc[0]
    assert f"Zuletzt am meisten: {most['region_name']} ({fmt_number(most['count'], 'de')})" \
        in text
    assert f"bis {fmt_date(new, 'de')}" in text
    none = int((latest["count"] == 0).sum())
    if none:
        assert f"Ohne Anbieter: {none} von {len(latest)} Ländern" in text
    else:
        assert "Jede Region hat mindestens einen Anbieter." in text
    # a Land at zero is named as without providers
    zeroed = counts.copy()
    zeroed.loc[(zeroed["region"] == most["region"])
               & (zeroed["taken_at"] == zeroed["taken_at"].max()), "count"] = 0
    after = laender_description(zeroed, "ala", "de").split("Ohne Anbieter: ", 1)[1]
    assert after.startswith(f"{none + 1} von {len(latest)} Ländern")
    assert most["region_name"] in after


def test_the_growth_text_names_range_strongest_weakest_and_unchanged(demo_engine):
    _, table, old, new = _demo_growth(demo_engine)
    text = growth_description(table, False, "ala", old, new, "de")
    best = table.sort_values(["growth", "land"], ascending=[False, True]).iloc[0]
    worst = table.sort_values(["growth", "land"]).iloc[0]
    def signed(v):
        return ("+" if v > 0 else "") + fmt_number(v, "de")
    assert f"Von {signed(worst['growth'])} bis {signed(best['growth'])}." in text
    assert f"Am stärksten: {best['land']} ({signed(best['growth'])})" in text
    assert f"Am schwächsten: {worst['land']} ({signed(worst['growth'])})" in text
    assert f"{fmt_date(old, 'de')} → {fmt_date(new, 'de')}" in text
    same = table.assign(growth=0)
    assert f"Unverändert: {len(table)} von {len(table)} Ländern" in growth_description(
        same, False, "ala", old, new, "de")
    english = growth_description(table, True, "ala", old, new, "en")
    assert english.startswith("Bar chart: growth per 100,000 inhabitants per federal state")


def test_the_entwicklung_layout_has_the_three_captions_named_by_the_charts(app, demo_engine):
    data = AtlasData(demo_engine)
    state, _ = parse_query("?")
    served = data.served()
    rendered = _rendered(entwicklung.layout(PageContext(app, data, state, served, [])))
    counts, table, old, new = _demo_growth(demo_engine)
    expected = {
        entwicklung.NATIONAL: series_description(counts[counts["region"] == "DE"], "ala", "de"),
        entwicklung.LAENDER: laender_description(counts, "ala", "de"),
        entwicklung.BARS: growth_description(table, False, "ala", old, new, "de"),
    }
    for graph, text in expected.items():
        component = entwicklung.DESCRIBED[graph]
        assert json.dumps(text, ensure_ascii=False) in rendered
        assert f'"aria-describedby": "{component}"' in rendered


def test_the_entwicklung_callback_returns_the_texts_with_its_charts(demo_engine,
                                                                    entwicklung_answer):
    out = entwicklung_answer(entwicklung.NATIONAL, entwicklung.MEASURE)
    counts, table, old, new = _demo_growth(demo_engine)
    assert out[entwicklung.DESCRIBED[entwicklung.BARS]]["children"] == growth_description(
        table, True, "ala", old, new, "en")
    assert out[entwicklung.DESCRIBED[entwicklung.NATIONAL]]["children"] == series_description(
        counts[counts["region"] == "DE"], "ala", "en")
    assert out[entwicklung.DESCRIBED[entwicklung.LAENDER]]["children"] == laender_description(
        counts, "ala", "en")


@pytest.mark.browser
@pytest.mark.parametrize("path, caption", [
    ("/tabelle?lang=en", "tabelle-ranking-description"),
    ("/erreichbarkeit", "access-sfca-description"),
    ("/entwicklung?lang=en", "entwicklung-bars-description"),
])
def test_the_caption_is_shown_and_named_by_its_figure(page, artifacts_dir, path, caption):
    from selenium.webdriver.common.by import By

    page.open(path)
    page.wait_for(lambda d: d.find_element(By.ID, caption).text.strip())
    figure = page.driver.find_element(By.CSS_SELECTOR, f'figure[aria-describedby="{caption}"]')
    assert figure.is_displayed()
    assert page.driver.find_element(By.ID, caption).is_displayed()
    name = path.strip("/").split("?")[0]
    try:
        for width, height in ((1440, 900), (390, 844)):
            page.driver.set_window_size(width, height)
            page.js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});",
                    caption)
            page.driver.save_screenshot(str(artifacts_dir / f"describe-{name}-{width}.png"))
    finally:
        # the browser is shared by the session: later tests expect the default window
        page.driver.set_window_size(1400, 1000)


@pytest.mark.parametrize("width", [1440, 390])
def test_the_toolbar_does_not_cover_the_laender_panel_titles(page, viewport, width):
    viewport(width, 900 if width > 600 else 844)
    page.open("/entwicklung")
    page.wait_in_page(
        "return document.querySelectorAll('#entwicklung-laender .annotation-text').length >= 16")
    page.wait_idle()
    bar, titles = page.js(
        "const g = document.getElementById('entwicklung-laender');"
        "const b = g.querySelector('.modebar').getBoundingClientRect();"
        "return [[b.left, b.top, b.right, b.bottom], [...g.querySelectorAll('.annotation-text')]"
        ".map(e => { const r = e.getBoundingClientRect();"
        "  return [e.textContent, r.left, r.top, r.right, r.bottom]; })];")
    for name, left, top, right, bottom in titles:
        apart = right <= bar[0] or left >= bar[2] or bottom <= bar[1] or top >= bar[3]
        assert apart, f"the toolbar covers the title {name!r}"
