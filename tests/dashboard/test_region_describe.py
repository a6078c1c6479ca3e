"""Generated text alternatives of maps (dashboard/describe.py) against the frames they
describe, and the text written into exported image files (dashboard/exports/alt_text.py)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard import metrics as m
from dashboard.describe import labelled, map_description, series_description
from dashboard.exports.alt_text import embed_description, png_texts
from dashboard.i18n import fmt_number


@pytest.mark.parametrize("level", ["land", "kreis"])
@pytest.mark.parametrize("metric", ["count", "per_100k"])
def test_the_map_text_names_range_highest_lowest_and_regions_with_none(metrics_of, level,
                                                                       metric):
    frame = metrics_of(level, "ala")
    text = map_description(frame, metric, "ala", level, "2022-12-01", "de")
    values = m.metric_values(frame, metric)
    some = frame[frame["count"] > 0]
    decimals = m.SPECS[metric].decimals
    low, high = values[some.index].min(), values[some.index].max()
    assert f"Werte von {fmt_number(low, 'de', decimals)} bis {fmt_number(high, 'de', decimals)}" \
        in text
    names = labelled(frame).set_index("code")["name"]
    top = values[some.index].sort_values(ascending=False)
    leaders = names[frame.loc[top.index[top == top.iloc[0]], "code"]]
    best = f"{fmt_number(top.iloc[0], 'de', decimals)})"
    after = text.split("Am höchsten: ", 1)[1]
    assert any(after.startswith(f"{name} ({best}") for name in leaders)
    none = int((frame["count"] == 0).sum())
    assert f"Ohne Anbieter: {fmt_number(none, 'de')} von {len(frame)}" in text
    assert "Datenstand 01.12.2022" in text


def test_every_region_with_a_provider_is_said_so(metrics_of):
    frame = metrics_of("land", "wfbm")
    frame = frame.assign(count=frame["count"] + 1)
    text = map_description(frame, "count", "wfbm", "land", "2022-12-01", "en")
    assert "Every region has at least one provider." in text
    assert text.startswith("Map “Count” – Sheltered workshops (WfbM) by federal state")


def test_a_kind_not_recorded_is_described_as_such(metrics_of):
    frame = m.mark_unrecorded(metrics_of("land", "ib"), "ib", {"ala", "wfbm"})
    text = map_description(frame, "count", "ib", "land", "2022-12-01", "de")
    assert "nicht erfasst" in text and "Werte von" not in text and "Ohne Anbieter" not in text


def test_twice_used_kreis_names_are_told_apart(metrics_of):
    frame = labelled(metrics_of("kreis", "ala"))
    assert "Rosenheim (Landkreis)" in set(frame["name"])
    assert frame["name"].is_unique


def test_the_series_text_names_first_and_last_counts():
    series = pd.DataFrame({"taken_at": ["2022-12-01", "2021-11-30"], "count": [88, 70]})
    assert series_description(series, "ala", "de") == (
        "Diagramm: Zahl der Andere Leistungsanbieter (aLA) über 2 Datenstände, von 70 "
        "(30.11.2021) bis 88 (01.12.2022)."
    )


DESCRIPTION = "Karte „Anzahl“ – Werte von 0 bis 5 <&> Ä"


def test_svg_gets_title_and_desc_escaped():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10"><g/></svg>'
    out = embed_description(svg, "svg", "Titel", DESCRIPTION).decode()
    assert "<title>Titel</title><desc>Karte „Anzahl“ – Werte von 0 bis 5 &lt;&amp;&gt; Ä</desc>" \
        in out
    from xml.etree import ElementTree

    root = ElementTree.fromstring(out.split("?>", 1)[1])
    assert root.find("{http://www.w3.org/2000/svg}desc").text == DESCRIPTION


def test_png_gets_text_chunks_a_reader_finds():
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))
    out = embed_description(png, "png", "Titel", DESCRIPTION)
    assert png_texts(out) == {"Title": "Titel", "Description": DESCRIPTION}
    assert out.endswith(chunk(b"IEND", b""))


def test_pdf_gets_title_and_subject():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    raw = io.BytesIO()
    writer.write(raw)
    out = embed_description(raw.getvalue(), "pdf", "Titel", DESCRIPTION)
    meta = PdfReader(io.BytesIO(out)).metadata
    assert meta.title == "Titel" and meta.subject == DESCRIPTION


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="png, svg or pdf"):
        embed_description(b"", "gif", "t", "d")
