"""Clean data at the door: only http(s) URLs are stored and emitted (also from snapshots
stored before the rule), over-long fields are cut with a note instead of refusing the run,
and clean_text keeps emoji sequences but drops bidi controls."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.exports import ExportRequest, export_view
from scrapers.crawl import CategoryResult, RunResult
from scrapers.normalise import clean_text
from scrapers.pipeline import ingest_run
from scrapers.records import Provider

HOSTILE_URLS = ["javascript:alert(1)", "javascript://%0aalert(1)", "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                "ftp://example.org/x", "https://", "http://exa mple.org", " \tjavascript:x"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_safe_url_refuses_every_other_scheme(url):
    assert store.safe_url(url) is None


@pytest.mark.parametrize("url", ["https://www.rehadat-adressen.de/x?id=1",
                                 "http://example.org", "HTTPS://Example.org/a#b"])
def test_safe_url_keeps_http_and_https(url):
    assert store.safe_url(url) == url


def test_clean_text_keeps_zwj_sequences_and_drops_bidi_controls():
    family = "Team \U0001f469\u200d\U0001f4bb Werkstatt"  # woman technologist: one glyph
    assert clean_text(family) == family
    assert clean_text("Nord\u200cwerk") == "Nord\u200cwerk"
    assert clean_text("abc\u202egnp.exe") == "abcgnp.exe"
    controls = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    assert clean_text(f"A{controls}B") == "AB"
    assert clean_text("A\u200bB\ufeff") == "AB"


def _run(records: list[Provider]) -> RunResult:
    run = RunResult(started_at="2026-11-30T06:00:00+00:00",
                    finished_at="2026-11-30T06:05:00+00:00", base_url="https://example.invalid")
    run.categories["ala"] = CategoryResult("ala", len(records), records, ["p1"], [])
    return run


def _provider(source_id: str, **kw) -> Provider:
    fields = {"name": f"Beispiel {source_id}", "plz": "01067", "city": "Dresden",
              "street": "Hauptstraße 1", **kw}
    return Provider(category="ala", source_id=source_id, **fields)


def test_an_ingest_drops_unsafe_urls_and_cuts_long_fields_and_says_so(tmp_path):
    engine = store.connect(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    run = _run([
        _provider("A1", website="javascript://%0aalert(1)", source_url="data:text/html,x"),
        _provider("A2", website="https://ok.example", source_url="https://rehadat.example/2"),
        _provider("A3", name="N" * 5000, operator="T" * 900),
    ])
    snapshot_id = ingest_run(run, engine, "live", "2026-11-30T06:00:00+00:00")
    rows = store.load_providers(engine, snapshot_id).set_index("source_id")
    assert pd.isna(rows.loc["A1", "website"]) and pd.isna(rows.loc["A1", "source_url"])
    assert rows.loc["A2", "website"] == "https://ok.example"
    assert len(rows.loc["A3", "name"]) == 500 and rows.loc["A3", "name"].endswith("…")
    assert len(rows.loc["A3", "operator"]) == 500
    cleaning = store.quality_report(engine, snapshot_id)["cleaning"]
    assert cleaning["urls_dropped"] == {"website": 1, "source_url": 1}
    assert cleaning["truncated"] == {"name": 1, "operator": 1}
    assert cleaning["limits"]["name"] == 500
    assert {"source_id": "A3", "field": "name", "change": "cut at 500 characters"} in (
        cleaning["examples"])
    engine.dispose()


@pytest.fixture
def old_snapshot_db(tmp_path) -> tuple[str, int]:
    """A snapshot written straight to the store, as before the ingest checked URLs."""
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = store.connect(url)
    frame = pd.DataFrame([
        {"category": "ala", "source_id": f"OLD{i}", "name": f"Alt {i}", "plz": "01067",
         "city": "Dresden", "kreis_ars": "14612", "land_code": "14", "lon": 13.7, "lat": 51.0,
         "geocode_quality": "gemeinde", "services": [], "website": bad, "source_url": bad}
        for i, bad in enumerate(HOSTILE_URLS[:4])
    ] + [{"category": "ala", "source_id": "GOOD", "name": "Gut", "plz": "01067",
          "city": "Dresden", "kreis_ars": "14612", "land_code": "14", "lon": 13.7, "lat": 51.0,
          "geocode_quality": "gemeinde", "services": [], "website": "https://gut.example",
          "source_url": "https://rehadat.example/gut"}])
    expected = {"ala": len(frame)}
    meta = {"taken_at": "2025-01-01", "origin": "live", "categories": expected}
    snapshot_id = store.write_snapshot(engine, meta, frame,
                                       store.build_quality_report(frame, expected))
    engine.dispose()
    return url, snapshot_id


def _urls_in(text: str) -> list[str]:
    return [u for u in HOSTILE_URLS[:4] if u in text or u.replace("<", "\\u003c") in text]


def test_the_api_emits_only_http_urls_even_from_an_old_snapshot(old_snapshot_db):
    url, _ = old_snapshot_db
    client = create_app(url).server.test_client()
    for fmt in ("json", "csv", "geojson"):
        body = client.get(f"/api/providers?format={fmt}").get_data(as_text=True)
        assert _urls_in(body) == [], fmt
        assert "https://rehadat.example/gut" in body and "https://gut.example" in body
    records = json.loads(client.get("/api/providers").get_data(as_text=True))["providers"]
    assert sum(r["source_url"] is None for r in records) == 4


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson"])
def test_every_provider_export_emits_only_http_urls(old_snapshot_db, fmt):
    url, snapshot_id = old_snapshot_db
    engine = store.connect(url)
    exported = export_view(engine, ExportRequest(page="anbieter", format=fmt,
                                                 snapshot=snapshot_id))
    engine.dispose()
    if fmt == "xlsx":
        sheets = pd.read_excel(io.BytesIO(exported.content), sheet_name=None, header=None)
        text = "\n".join(frame.to_csv() for frame in sheets.values())
    else:
        text = exported.content.decode("utf-8-sig")
    assert _urls_in(text) == []
    assert "https://rehadat.example/gut" in text
