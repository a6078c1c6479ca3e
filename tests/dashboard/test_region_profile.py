"""Region profiles without a browser: the numbers (against the store computed independently),
the generated paragraph (against those numbers), the caution and "not recorded" wording, the
citation, and the HTTP status of known and unknown addresses."""

from __future__ import annotations

import pandas as pd
import pytest

import store
from dashboard.model import metrics as m
from dashboard.model.data import AtlasData
from dashboard.model.profile import (
    figure_cells,
    level_of,
    load_profile,
    profile_from_frames,
    profile_paragraph,
    rate_text,
)
from dashboard.text.i18n import fmt_date, fmt_number


@pytest.fixture(scope="module")
def data(demo_engine) -> AtlasData:
    return AtlasData(demo_engine)


@pytest.fixture(scope="module")
def served(data):
    return data.served()


def _expected_rank(frame: pd.DataFrame, code: str) -> tuple[int, int]:
    """Rank by per 100,000 computed here, not by dashboard.model.metrics: 1 + regions above."""
    value = frame.loc[frame["code"] == code, "per_100k"].iloc[0]
    return int((frame["per_100k"] > value).sum()) + 1, len(frame)


@pytest.mark.parametrize("code", ["09187", "11000", "05315", "09", "03"])
def test_profile_numbers_equal_the_stores_region_metrics(data, served, demo_engine, code):
    profile = load_profile(data, served, code)
    level = level_of(code)
    for fig in profile.categories:
        frame = store.region_metrics(demo_engine, served["id"], level, fig.category)
        row = frame[frame["code"] == code].iloc[0]
        assert fig.count == row["count"]
        assert fig.per_100k == pytest.approx(row["per_100k"])
        assert (fig.rank, fig.peers) == _expected_rank(frame, code)
        listed = store.load_providers(demo_engine, served["id"], category=fig.category)
        assert fig.national_count == len(listed)
        assert fig.national_per_100k == pytest.approx(len(listed) / 83_166_711 * 100_000)


@pytest.mark.parametrize("code", ["09187", "11000", "05315", "09", "DE"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_paragraph_states_the_numbers_on_the_page(data, served, code, lang):
    profile = load_profile(data, served, code)
    text = profile_paragraph(profile, lang)
    cells = figure_cells(profile, lang)
    assert fmt_date(served["taken_at"][:10], lang) in text
    for fig in profile.categories:
        assert fmt_number(fig.count, lang) in text
        assert cells["count"][fig.category] == fmt_number(fig.count, lang)
        if fig.count:
            assert rate_text(fig.per_100k, lang) in text
        if profile.level != "de" and fig.count:  # (zero counts: see the test below)
            rank = f"{fig.rank} {'von' if lang == 'de' else 'of'} {fig.peers}"
            assert rank in text and cells["rank"][fig.category].startswith(rank)
    assert ("Vorsicht" in text or "Caution" in text) == any(
        0 < f.count < m.FRAGILE_MIN for f in profile.categories) or profile.level == "de"


def test_rosenheim_reads_as_the_issue_asks(data, served):
    text = profile_paragraph(load_profile(data, served, "09187"), "de")
    assert text.startswith("Im Landkreis Rosenheim gibt es am 01.12.2022 ")
    assert "Kreisen" in text and "je 100.000 Einwohner – Rang " in text


def test_a_region_without_a_kind_is_counted_among_the_regions_with_none(data, served):
    profile = load_profile(data, served, "05315")  # Köln: no aLA in the demo data
    ala = profile.categories[0]
    assert ala.count == 0
    text = profile_paragraph(profile, "de")
    assert f"keinen Anderen Leistungsanbieter – wie {ala.regions_with_none - 1} weitere von 401" \
        in text
    assert figure_cells(profile, "de")["rank"]["ala"] == (
        f"ohne Anbieter (wie {ala.regions_with_none} von 401)")


def _frames(counts: dict[str, list[float]], recorded: set[str]) -> dict[str, pd.DataFrame]:
    base = pd.DataFrame({
        "code": ["01001", "01002", "01003"], "name": ["A", "B", "C"],
        "bez": ["Landkreis"] * 3, "land_code": ["01"] * 3, "land": ["Schleswig-Holstein"] * 3,
        "population": [100_000, 200_000, 300_000],
    })
    frames = {}
    for cat, values in counts.items():
        frame = base.assign(count=values, per_100k=[v / p * 100_000 for v, p in zip(
            values, base["population"], strict=True)], ala_count=counts["ala"],
            wfbm_count=counts["wfbm"], ala_share=0.0, ala_per_wfbm=0.0, none_here=False)
        frames[cat] = m.mark_unrecorded(frame, cat, recorded)
    return frames


def test_a_kind_not_recorded_gets_the_honest_phrase_and_no_number():
    frames = _frames({"ala": [1, 0, 4], "wfbm": [3, 5, 6], "ib": [0, 0, 0]}, {"ala", "wfbm"})
    profile = profile_from_frames("01001", frames, {"ala": 5, "wfbm": 14, "ib": None},
                                  "2022-12-01")
    text = profile_paragraph(profile, "de")
    assert "Inklusionsbetriebe wurden im Datenstand vom 01.12.2022 nicht erfasst" in text
    assert "keinen Inklusionsbetrieb" not in text
    assert "Vorsicht: Die Zahl ist klein." in text  # one aLA
    assert figure_cells(profile, "de")["count"]["ib"] == "nicht erfasst"


def test_large_counts_carry_no_caution():
    frames = _frames({"ala": [3, 0, 4], "wfbm": [3, 5, 6], "ib": [7, 0, 0]},
                     {"ala", "wfbm", "ib"})
    profile = profile_from_frames("01003", frames, {"ala": 7, "wfbm": 14, "ib": 7},
                                  "2022-12-01")
    text = profile_paragraph(profile, "de")
    assert "Vorsicht" not in text
    # 4 per 300,000 after 3 per 100,000; 6 per 300,000 after 3/100k and 5/200k; the rates
    # in the tables' precision (issue 21: the prose said 1,3 where the table said 1,33)
    assert "4 Andere Leistungsanbieter, 1,33 je 100.000 Einwohner – Rang 2 von 3 Kreisen" in text
    assert ("6 Werkstätten für behinderte Menschen, 2,00 je 100.000 Einwohner – Rang 3 von 3"
            in text)
    assert "keinen Inklusionsbetrieb – wie 1 weitere von 3 Kreisen" in text


@pytest.mark.parametrize("code", ["", "9", "0918", "091870", "DEU", "de", "../x", "99999"])
def test_malformed_or_unknown_codes_have_no_profile(data, served, code):
    assert load_profile(data, served, code) is None


@pytest.mark.parametrize(("path", "status"), [
    ("/region/09187", 200), ("/region/DE", 200), ("/region/16", 200),
    ("/region/99999", 404), ("/region/xyz", 404), ("/region/17", 404), ("/region/", 404),
])
def test_unknown_regions_answer_404_with_the_page(app, path, status):
    response = app.server.test_client().get(path)
    assert response.status_code == status
    assert b"_dash-config" in response.data  # the app's page (with the search box), not an error


def test_the_history_counts_every_served_snapshot(data, demo_engine):
    from dashboard.model.profile import history

    rows = history(data, "09187")
    series = store.served_series(demo_engine)
    assert [r["id"] for r in rows] == list(series["id"])
    for row in rows:
        listed = store.load_providers(demo_engine, row["id"], kreis="09187")
        for cat in ("ala", "wfbm", "ib"):
            assert row[cat] == int((listed["category"] == cat).sum())
    germany = history(data, "DE")
    assert [r["ala"] for r in germany] == [
        len(store.load_providers(demo_engine, r["id"], category="ala")) for r in germany]


def test_the_embed_view_is_the_profile_with_a_link_to_the_full_page(app, data):
    import json

    from dashboard.pages import available_pages
    from dashboard.server.router import render

    with app.server.test_request_context("/"):
        out = render(app, data, available_pages(), "/region/09187", "?embed=1")
    text = json.dumps(out, default=lambda c: c.to_plotly_json(), ensure_ascii=False)
    assert "Im Landkreis Rosenheim gibt es am" in text
    assert '"href": "/region/09187"' in text  # "open the full view"
    assert "search-header-q" not in text  # no header in an iframe


def test_the_pdf_button_sends_a_one_page_pdf(app, dash_post):
    import base64
    import io
    import json

    import pypdf

    from dashboard.frame import ids

    response = dash_post(
        app.server.test_client(),
        [(ids.REGION_DOWNLOAD, "data"), (ids.REGION_PDF_STATUS, "children")],
        [(ids.REGION_PDF, "n_clicks", 1)],
        [(ids.URL, "pathname", "/region/09187"), (ids.URL, "search", "?lang=en")],
        [f"{ids.REGION_PDF}.n_clicks"],
    )
    assert response.status_code == 200
    import gzip

    body = response.data
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    sent = json.loads(body)["response"][ids.REGION_DOWNLOAD]["data"]
    assert sent["filename"] == "ala-atlas_profil_09187_2022-12-01.pdf" and sent["base64"]
    reader = pypdf.PdfReader(io.BytesIO(base64.b64decode(sent["content"])))
    assert len(reader.pages) == 1
    assert reader.metadata.subject.startswith("In the district (Landkreis) of Rosenheim")
    assert "http://localhost/region/09187?snapshot=" in " ".join(
        reader.pages[0].extract_text().split())


def _page_text(app, data, path: str) -> str:
    import json

    from dashboard.pages import available_pages
    from dashboard.server.router import render

    with app.server.test_request_context("/"):
        out = render(app, data, available_pages(), path, "")
    return json.dumps(out, default=lambda c: c.to_plotly_json(), ensure_ascii=False)


def test_the_profile_shows_the_stored_access_measures_of_its_region(app, data):
    from store.access import access_regions

    sid = data.served()["id"]
    row = access_regions(data.engine, sid, "kreis", "ala").set_index("ars").loc["09187"]
    text = _page_text(app, data, "/region/09187")
    assert "Erreichbarkeit (Luftlinie)" in text
    assert "Menschen weiter als 25 km vom nächsten aLA" in text
    assert fmt_number(row["pop_beyond_25km"], "de", 0) in text
    assert fmt_number(row["mean_km"], "de", 1) in text


def test_germany_has_access_figures_and_a_snapshot_without_alas_has_none(app, data, monkeypatch):
    from store.access import access_regions

    germany = access_regions(data.engine, data.served()["id"], "germany", "ala").iloc[0]
    assert fmt_number(germany["pop_beyond_50km"], "de", 0) in _page_text(app, data, "/region/DE")

    def unrecorded(*_args, **_kwargs):
        from store.errors import CategoryNotInSnapshot

        raise CategoryNotInSnapshot(1, "ala")

    monkeypatch.setattr("store.access.access_regions", unrecorded)
    assert "Erreichbarkeit (Luftlinie)" not in _page_text(app, data, "/region/09187")
