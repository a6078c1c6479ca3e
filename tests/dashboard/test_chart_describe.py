"""Generated text alternatives of the charts beyond the Karte (dashboard/describe.py): each
text against the frame it was built from, and each page carrying it beside its chart."""

from __future__ import annotations

import json

import plotly.utils

from dashboard import ids
from dashboard import metrics as m
from dashboard.context import PageContext
from dashboard.data import AtlasData
from dashboard.describe import labelled, ranking_description
from dashboard.figures.ranking import ranking_frame
from dashboard.i18n import fmt_number, t
from dashboard.pages import tabelle
from dashboard.state import parse_query


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
