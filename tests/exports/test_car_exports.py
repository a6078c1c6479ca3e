"""Exports of Erreichbarkeit's car mode through export_view, over a demo store whose
served snapshot has car times the real engine computed on a test-written extract over
Saarland: the Kreis and Gemeinde maps as SVG/PDF/PNG with the road network's attribution,
the engine, the extract's date and a text alternative; their tables as CSV/XLSX."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest

import store
from dashboard.exports import export_view
from dashboard.exports.errors import ExportError
from dashboard.exports.request import ExportRequest
from tests.exports.pdf_reading import language, open_pdf, outline

pytest.importorskip("valhalla", reason="routing engine: make routing")

SAARLAND = "10"


@pytest.fixture(scope="module")
def car_engine(tmp_path_factory):
    from tests.traveltime.saarland import demo_store_with_car_times

    engine = store.connect(demo_store_with_car_times(tmp_path_factory.mktemp("car-exports")))
    yield engine
    engine.dispose()


def car(fmt: str, view: str = "car", **kwargs) -> ExportRequest:
    kwargs.setdefault("threshold", 30)
    return ExportRequest("erreichbarkeit", fmt, level="kreis", view=view, category="wfbm",
                         **kwargs)  # fmt: skip


def test_the_car_kreis_map_svg_names_road_network_engine_boundaries_and_dates(car_engine,
                                                                             keep):  # fmt: skip
    exported = export_view(car_engine, car("svg", land=SAARLAND))
    keep(exported.filename, exported.content)
    text = exported.content.decode("utf-8")
    assert "mehr als 30 Minuten Fahrzeit" in text  # the title
    assert "© OpenStreetMap-Mitwirkende (ODbL)" in text  # the road network
    assert "Valhalla 3." in text and "saarland.osm.pbf" in text and "2026-11-30" in text
    assert "GeoBasis-DE / BKG" in text  # the boundaries
    assert "Stand 01.12.2022" in text  # the snapshot
    desc = text[text.index("<desc>") + 6 : text.index("</desc>")]
    assert "länger als 30 Minuten" in desc and "Die höchsten Anteile" in desc
    assert "Saarlouis" in desc or "Neunkirchen" in desc or "Merzig" in desc
    assert exported.filename.startswith("wfbm_erreichbarkeit_auto-ueber-30min_kreise_land-10")


def test_the_car_gemeinde_map_pdf_carries_its_text_alternative_as_figure_alt(car_engine,
                                                                            keep):  # fmt: skip
    exported = export_view(car_engine, car("pdf", view="car-gemeinde", land=SAARLAND,
                                           threshold=15))  # fmt: skip
    keep(exported.filename, exported.content)
    reader = open_pdf(exported.content)
    assert language(reader) == "de"
    (alt,) = [a for _, kind, a in outline(reader) if kind == "Figure"]
    assert "Fahrzeit mit dem Auto zum nächsten Anbieter" in alt
    assert "länger als 15 Minuten" in alt and "Am weitesten:" in alt and " min)" in alt
    assert "Valhalla" in alt and "2026-11-30" in alt


def test_the_car_gemeinde_map_png_renders(car_engine, png_size, keep):
    exported = export_view(car_engine, car("png", view="car-gemeinde", land=SAARLAND))
    keep(exported.filename, exported.content)
    assert png_size(exported.content) == (2000, 2500)
    # the Gemeinden are drawn (their shapes come from a file, not from the figure): the
    # 30-45 min class, beyond the threshold, in its full colour over many pixels
    import io

    from PIL import Image

    from dashboard.figures.travel_gemeinde import MINUTE_COLOURS

    rgb = Image.open(io.BytesIO(exported.content)).convert("RGB")
    beyond = tuple(int(MINUTE_COLOURS[2][i:i + 2], 16) for i in (1, 3, 5))
    assert rgb.getcolors(maxcolors=1 << 20) is not None
    counts = {colour: n for n, colour in rgb.getcolors(maxcolors=1 << 20)}
    assert counts.get(beyond, 0) > 10_000


def test_the_car_kreis_table_csv_ranks_every_kreis_in_minutes(car_engine, read_export_csv,
                                                              split_export_csv):  # fmt: skip
    exported = export_view(car_engine, car("csv"))
    head = split_export_csv(exported.content)[1]
    assert "© OpenStreetMap-Mitwirkende" in head and "Valhalla" in head
    table = read_export_csv(exported.content)
    assert len(table) == 401
    beyond = table["Menschen > 30 min"]
    assert (beyond.diff().dropna() <= 0).all()  # most people beyond first
    saar = table[table["Schlüssel (ARS)"].astype(str).str.zfill(5).str[:2] == SAARLAND]
    # a provider at the point of a Kreis's biggest Gemeinde gives a median near 0: defined
    assert saar["Median min"].notna().all() and (saar["Median min"] >= 0).all()
    assert saar["Mittel min"].gt(1).all()
    # Kreise off the extract: nobody reaches a provider by road, no minutes (never 0)
    off = table[table["ohne Straße"] == table["Einwohner"]]
    assert len(off) > 300 and off["Median min"].isna().all()


def test_the_car_gemeinde_table_xlsx_has_minutes_road_and_line_km(car_engine):
    exported = export_view(car_engine, car("xlsx", view="car-gemeinde", land=SAARLAND))
    sheet = pd.read_excel(io.BytesIO(exported.content), sheet_name=0, header=None)
    header_row = sheet.index[sheet.iloc[:, 0].astype(str).eq("Schlüssel (ARS)")][0]
    table = sheet.iloc[header_row + 1 :].set_axis(sheet.iloc[header_row], axis=1)
    assert {"Fahrzeit (min)", "Straße (km)", "Luftlinie (km)"} <= set(table.columns)
    assert len(table) == 52  # Saarland's Gemeinden
    minutes = table["Fahrzeit (min)"].astype(float)
    road, line = table["Straße (km)"].astype(float), table["Luftlinie (km)"].astype(float)
    assert (minutes.diff().dropna() <= 0).all()  # farthest first
    assert (road >= line * 0.95).all()  # a road is never much shorter than the line


def test_car_exports_refuse_km_thresholds_and_snapshots_without_times(car_engine):
    with pytest.raises(ExportError, match="Minuten"):
        export_view(car_engine, car("csv", threshold=25))
    older = int(store.list_snapshots(car_engine)["id"].min())
    with pytest.raises(ExportError, match="keine Fahrzeiten"):
        export_view(car_engine, car("csv", snapshot=older))


def test_the_car_map_button_asks_for_the_view_the_page_shows():
    from dashboard.exports.from_url import car_request

    gemeinden = car_request("?category=wfbm&amode=car&minutes=45&alevel=gemeinde&land=10",
                            "svg")  # fmt: skip
    assert (gemeinden.view, gemeinden.threshold, gemeinden.land) == ("car-gemeinde", 45, "10")
    kreise = car_request("?category=ala&aservice=arbeitsbereich&amode=car", "xlsx")
    assert (kreise.view, kreise.threshold, kreise.service) == ("car", 30, "arbeitsbereich")


def test_a_car_export_with_a_plan_draws_the_planned_times_and_names_the_plan(car_engine, keep,
                                                                           read_export_csv):
    """The page's car section shows the plan's times (computed by the engine now); its
    exports did not (the request had no plan): the star, the planned minutes in the table,
    the plan named under the title. `plan=` from the page's URL, as the button asks."""
    from dashboard.exports.from_url import car_request
    from tests.traveltime.test_traveltime_plan_page import farthest_in_land

    sid = int(store.served_snapshot(car_engine)["id"])
    far, was = farthest_in_land(car_engine, sid)
    request = car_request(f"?category=wfbm&amode=car&minutes=15&alevel=gemeinde&land=10"
                          f"&plan={far}", "svg")  # fmt: skip
    assert request.plan == (far,) and request.view == "car-gemeinde"
    assert car_request(f"?category=wfbm&amode=car&plan={far}&acompare=before", "svg").plan == ()
    planned = export_view(car_engine, request)
    plain = export_view(car_engine, car("svg", view="car-gemeinde", land=SAARLAND,
                                        threshold=15))  # fmt: skip
    keep("planned-" + planned.filename, planned.content)
    text = planned.content.decode("utf-8")
    assert "Geplanter Standort" in text and "Geplanter Standort" not in plain.content.decode()
    assert "Mit einem hypothetischen Standort" in text  # the plan named under the title
    # the table: the planned Gemeinde now within a minute, a few neighbours nearer too
    def minutes(req: ExportRequest) -> pd.Series:
        table = read_export_csv(export_view(car_engine, req).content)
        keys = table["Schlüssel (ARS)"].astype(str).str.zfill(12)
        return table["Fahrzeit (min)"].astype(float).set_axis(keys)

    now = minutes(replace(request, format="csv"))
    before = minutes(car("csv", view="car-gemeinde", land=SAARLAND, threshold=15))
    assert was > 15 and now[far] < 1.0 and before[far] == round(was, 1)
    assert (now < before.reindex(now.index) - 1e-9).sum() > 1
    kreise = export_view(car_engine, replace(request, view="car", format="svg"))
    assert "Mit einem hypothetischen Standort" in kreise.content.decode("utf-8")
    assert kreise.content != export_view(car_engine, car("svg", land=SAARLAND,
                                                         threshold=15)).content  # fmt: skip
