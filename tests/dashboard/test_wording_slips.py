"""The language and wording slips of issue 21, item 14, one test for each kind, over the
real demo store (the frames, pages and texts as the app builds them)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

import store
from dashboard.figures.choropleth import class_labels
from dashboard.model import metrics as m
from dashboard.model.data import AtlasData, map_frame
from dashboard.model.scales import series_scale
from dashboard.text.i18n import fmt_number, t

GERMAN_SERVICES = ("Eingangsverfahren", "Berufsbildungsbereich", "Arbeitsbereich")


def text_of(node: Any) -> str:
    """The visible text of Dash components (as a reader would copy it)."""
    if node is None:
        return ""
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, list | tuple):
        return " ".join(text_of(n) for n in node)
    return text_of(getattr(node, "children", None))


@pytest.fixture(scope="module")
def data(demo_engine) -> AtlasData:
    return AtlasData(demo_engine)


@pytest.fixture(scope="module")
def sid(demo_engine) -> int:
    return int(store.served_snapshot(demo_engine)["id"])


def kreise(data: AtlasData, sid: int) -> pd.DataFrame:
    """aLA and WfbM counts per Kreis of the served snapshot, with the aLA frame's shares."""
    return data.region_metrics(sid, "kreis", "ala")


def details(data, sid, code: str, metric: str = "count", lang: str = "de") -> str:
    from dashboard.pages.details import details_panel

    return text_of(details_panel(data, sid, "kreis", "ala", metric, code, lang))


# --- German service names on English near-me --------------------------------------------------
def test_near_me_in_english_names_the_services_in_english(app, data, sid):
    from dashboard.model.context import PageContext
    from dashboard.model.state import parse_query
    from dashboard.pages import near

    providers = data.providers(sid)
    listed = providers[providers["services"].map(lambda s: isinstance(s, list) and len(s) > 0)]
    plz = str(listed.iloc[0]["plz"])
    state, _ = parse_query(f"?plz={plz}&lang=en")
    body = text_of(near.body(PageContext(app, data, state, data.served(), [])))
    assert "Work area" in body or "Vocational training area" in body, body[:400]
    assert not any(word in body for word in GERMAN_SERVICES), body[:400]


# --- region kinds untranslated in English tables ---------------------------------------------
def test_english_tables_name_the_kind_of_region_in_english(data, sid):
    from dashboard.exports.map_views import map_table
    from dashboard.views.region_table import table_rows

    frame = kreise(data, sid)
    rows, _, _ = table_rows(frame, "kreis", None, "en")
    kinds = {row["bez"] for row in rows}
    assert kinds == {"rural district", "independent city", "district", "urban district"}
    exported = map_table(frame, "count", "en")[t("col.bez", "en")]
    assert set(exported) == kinds
    german, _, _ = table_rows(frame, "kreis", None, "de")
    assert {row["bez"] for row in german} == {"Landkreis", "Kreisfreie Stadt", "Kreis",
                                               "Stadtkreis"}


# --- "Zahl der Andere Leistungsanbieter" ------------------------------------------------------
def test_the_series_descriptions_decline_the_category_after_der(demo_engine):
    from dashboard.text.describe import laender_description, series_description
    from store import growth

    counts = growth.snapshot_counts(demo_engine, "ala")
    germany = counts[counts["region"] == "DE"]
    series = series_description(germany, "ala", "de")
    laender = laender_description(counts, "ala", "de")
    assert "Zahl der Anderen Leistungsanbieter (aLA)" in series
    assert "Anzahl der Anderen Leistungsanbieter (aLA)" in laender
    for text in (series, laender):
        assert "der Andere " not in text
    assert "number of other service providers (aLA)" in series_description(germany, "ala", "en")


# --- "…." at the end of alternative texts ------------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_alternative_text_ends_a_list_with_an_ellipsis_and_a_full_stop(data, sid, lang):
    from dashboard.text.describe import map_description, none_sentence

    texts = []
    for metric in m.METRICS:
        frame = map_frame(data, sid, "kreis", "ala")
        texts.append(map_description(frame, metric, "ala", "kreis", "2022-12-01", lang))
    frame = map_frame(data, sid, "kreis", "ala")
    texts.append(none_sentence(frame, frame["count"].eq(0), "kreis", lang))
    assert any("…" in text for text in texts)  # the lists are long enough to be cut
    assert not any("…." in text for text in texts), [x for x in texts if "…." in x]


# --- "Regionen ohne Anbieter: Rang 1 von 401" --------------------------------------------------
def test_a_yes_no_measure_gets_no_rank_but_says_how_many_share_it(data, sid):
    frame = kreise(data, sid)
    none = frame[frame["count"].eq(0)]["code"].iloc[0]
    some = frame[frame["count"].gt(0)]["code"].iloc[0]
    k, n = int(frame["count"].eq(0).sum()), len(frame)
    without = details(data, sid, none, "none_here")
    with_one = details(data, sid, some, "none_here")
    assert "Rang" not in without and "Rang" not in with_one
    assert (f"Regionen ohne Anbieter: ja – wie {fmt_number(k - 1, 'de')} von {n} "
            "Kreisen in Deutschland") in without
    assert f"nein – {fmt_number(k, 'de')} von {n} Kreisen in Deutschland haben keinen" in with_one
    assert "Rank" not in details(data, sid, none, "none_here", "en")
    # other measures keep their rank
    assert "Rang" in details(data, sid, some, "per_100k")


# --- "aLA-Anteil an aLA + WfbM: – %" -----------------------------------------------------------
def test_a_share_that_cannot_be_computed_says_why(data, sid):
    frame = kreise(data, sid)
    empty = frame[frame["ala_count"].eq(0) & frame["wfbm_count"].eq(0)]
    no_wfbm = frame[frame["ala_count"].gt(0) & frame["wfbm_count"].eq(0)]
    assert len(empty) and len(no_wfbm), "the demo has Kreise with neither, and aLA only"
    text = details(data, sid, empty["code"].iloc[0])
    assert "– %" not in text
    assert "aLA-Anteil an aLA + WfbM nicht berechenbar: weder aLA noch WfbM" in text
    assert "aLA je WfbM nicht berechenbar: keine WfbM" in text


# --- the ⚠ inside a number; a share on one provider without ⚠ ----------------------------------
def test_the_caution_follows_the_whole_value_and_marks_shares_on_few_providers(data, sid):
    frame = kreise(data, sid)
    alone = frame[frame["ala_count"].eq(1) & frame["wfbm_count"].eq(0)]
    assert len(alone), "the demo has a Kreis with one aLA and no WfbM (a share of 100 %)"
    text = details(data, sid, alone["code"].iloc[0])
    assert not re.search(r"\d ⚠", text), text  # never "0,73 ⚠ je 100.000"
    assert "je 100.000 Einw.) ⚠ geringe Fallzahl" in text
    assert "100,0 % ⚠ geringe Fallzahl" in text
    # a share on enough providers carries no caution
    sturdy = frame[frame["ala_count"].ge(3) & frame["wfbm_count"].ge(3)]
    if len(sturdy):
        share = fmt_number(sturdy["ala_share"].iloc[0] * 100, "de", 1)
        assert f"{share} % ⚠" not in details(data, sid, sturdy["code"].iloc[0])


# --- the profile's prose rounds 1,14 to "1,1" --------------------------------------------------
def test_the_profile_prose_gives_rates_in_the_tables_precision(data, demo_engine):
    from dashboard.model.profile import figure_cells, load_profile, profile_paragraph, rate_text

    assert rate_text(1.14, "de") == "1,14" and rate_text(0.114, "de") == "0,11"
    snapshot = store.served_snapshot(demo_engine)
    frame = data.region_metrics(int(snapshot["id"]), "kreis", "ala")
    code = frame[frame["per_100k"].ge(1)]["code"].iloc[0]
    profile = load_profile(data, snapshot, code)
    cell = figure_cells(profile, "de")["per_100k"]["ala"].replace(" ⚠", "")
    assert f"{cell} je 100.000 Einwohner" in profile_paragraph(profile, "de")


# --- legend classes that share their edges -----------------------------------------------------
def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


@pytest.mark.parametrize("metric", ["per_100k", "ala_share", "ala_per_wfbm"])
@pytest.mark.parametrize("classes", ["quantiles", "equal"])
def test_legend_classes_never_share_an_edge_in_the_shown_precision(data, sid, metric, classes):
    scale = series_scale(data, sid, "kreis", ("ala",), metric, classes)
    labels = class_labels(scale, metric, "de")
    assert len(labels) >= 2
    edges = [[_number(x) for x in label.split(" – ")] for label in labels]
    for (_, high), (low, _) in zip(edges, edges[1:], strict=False):
        assert low > high, labels
    # and every region sits in the class whose label holds its shown value
    frame = map_frame(data, sid, "kreis", "ala")
    values = m.shown_values(frame, metric)
    index = scale.assign(values)
    decimals = m.SPECS[metric].decimals
    for value, i in zip(values, index, strict=True):
        shown = _number(fmt_number(value, "de", decimals))
        low, high = edges[int(i)][0], edges[int(i)][-1]
        assert low <= shown <= high, (value, labels[int(i)])
