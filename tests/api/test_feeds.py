"""The change feed /feeds/changes.atom over real SQLite stores, read over loopback HTTP and
checked by feedparser and by a strict check of RFC 4287's rules (tests/api/atom_rules.py)."""

from __future__ import annotations

import gzip
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import feedparser
import pandas as pd
import pytest

import store
from dashboard import create_app
from dashboard.frame import ids
from dashboard.server.callback_client import post_callback
from dashboard.server.loopback import serve_in_thread
from store.changes import consecutive_pairs
from tests.api.atom_rules import A, check_atom


@contextmanager
def serving(db_url: str) -> Iterator[str]:
    """The dashboard app over `db_url` on a free loopback port (werkzeug, threaded)."""
    with serve_in_thread(create_app(db_url).server) as url:
        yield url


@pytest.fixture(scope="module")
def base(demo_db) -> Iterator[str]:
    with serving(demo_db) as url:
        yield url


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def _feed(url: str):
    status, mimetype, body = _get(url)
    assert status == 200 and mimetype.startswith("application/atom+xml"), body[:200]
    root = check_atom(body)
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return root, parsed


def _expected_changes(db_url: str, category: str | None = None, land: str | None = None,
                      kreis: str | None = None) -> pd.DataFrame:
    """Every change between consecutive demo snapshots, straight from store.diff_snapshots."""
    engine = store.connect(db_url)
    ids = list(store.served_series(engine)["id"])
    frames = [store.diff_snapshots(engine, old, new, category=category).assign(new_id=new)
              for old, new in zip(ids, ids[1:], strict=False)]
    diff = pd.concat(frames, ignore_index=True)
    if land:
        diff = diff[diff["land_code"] == land]
    if kreis:
        diff = diff[diff["kreis_ars"] == kreis]
    return diff


def test_the_demo_default_feed_is_valid_atom_with_one_entry_per_change(base, demo_db):
    root, parsed = _feed(f"{base}/feeds/changes.atom")
    expected = _expected_changes(demo_db)
    assert len(parsed.entries) == len(expected) > 300
    kinds = pd.Series([e.tags[1].term for e in parsed.entries]).value_counts().to_dict()
    assert kinds == expected["change"].value_counts().to_dict()
    assert parsed.feed.title.endswith("(Beispieldaten)")
    assert parsed.feed.updated == "2022-12-01T00:00:00Z"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    # newest pair first: every 2→3 entry before every 1→2 entry
    pairs = [e.id.split("/")[1] for e in parsed.entries]
    assert pairs == sorted(pairs, reverse=True) and pairs[0] == "2-3" and pairs[-1] == "1-2"


def test_an_entry_names_the_change_the_dates_the_source_and_links_into_the_atlas(base, demo_db):
    _, parsed = _feed(f"{base}/feeds/changes.atom?category=ala&land=09")
    expected = _expected_changes(demo_db, category="ala", land="09")
    assert len(parsed.entries) == len(expected) > 0
    new_row = expected[(expected["change"] == "new") & (expected["new_id"] == 3)].iloc[0]
    entry = next(e for e in parsed.entries if e.id.endswith(f"/{new_row.source_id}/new"))
    assert entry.id == f"tag:ala-atlas,2022-12-01:change/2-3/ala/{new_row.source_id}/new"
    assert entry.title == f"Neu: {new_row.name_new} ({new_row.plz_new} {new_row.city_new})"
    assert f"{new_row.street_new}, {new_row.plz_new} {new_row.city_new}" in entry.summary
    assert "Nr. 2 vom 31.01.2022 und Nr. 3 vom 01.12.2022" in entry.summary
    assert "Quelle: REHADAT-Adressen (IW Köln), Stand 01.12.2022 – Beispieldaten" in entry.summary
    assert "), Bayern" in entry.summary and entry.updated == "2022-12-01T00:00:00Z"
    on_map = entry.link
    assert on_map.startswith(f"{base}/karte?") and f"provider={new_row.source_id}" in on_map
    assert "snapshot=3" in on_map and f"region={new_row.kreis_ars}" in on_map
    related = [lk.href for lk in entry.links if lk.rel == "related"]
    assert related == [f"{base}/entwicklung?snapshot=3&base=2"]
    # the link opens the map with that provider
    status, _, page = _get(on_map)
    assert status == 200 and b"<html" in page


def test_a_vanished_provider_links_to_the_older_snapshot_and_a_change_names_old_and_new(
    base, demo_db
):
    _, parsed = _feed(f"{base}/feeds/changes.atom?category=ib")
    expected = _expected_changes(demo_db, category="ib")
    gone = expected[expected["change"] == "vanished"].iloc[0]
    entry = next(e for e in parsed.entries
                 if e.id.split(":", 2)[2] == f"change/{int(gone.new_id) - 1}-{gone.new_id}"
                                                f"/ib/{gone.source_id}/vanished")
    assert entry.title.startswith(f"Nicht mehr gelistet: {gone.name_old}")
    assert f"snapshot={int(gone.new_id) - 1}" in entry.link
    changed = expected[expected["change"] == "changed"].iloc[0]
    entry = next(e for e in parsed.entries if e.id.endswith(f"/{changed.source_id}/changed"))
    field = changed.changed_fields.split(", ")[0]
    label = {"name": "Name", "street": "Straße", "plz": "PLZ", "city": "Ort"}[field]
    assert f"{label}: {changed[f'{field}_old']} → {changed[f'{field}_new']}" in entry.summary


def test_filters_keep_only_their_category_land_and_kreis(base, demo_db):
    busiest = _expected_changes(demo_db)["kreis_ars"].value_counts().index[0]
    _, parsed = _feed(f"{base}/feeds/changes.atom?kreis={busiest}")
    assert len(parsed.entries) == len(_expected_changes(demo_db, kreis=busiest)) > 1
    _, both = _feed(f"{base}/feeds/changes.atom?kreis={busiest}&land={busiest[:2]}")
    assert [e.id for e in both.entries] == [e.id for e in parsed.entries]
    for category in store.CATEGORIES:
        _, one = _feed(f"{base}/feeds/changes.atom?category={category}&land=05")
        assert {e.tags[0].term for e in one.entries} <= {category}
        assert len(one.entries) == len(_expected_changes(demo_db, category, land="05"))


def test_entry_ids_are_stable_across_requests_filters_and_languages(base):
    _, german = _feed(f"{base}/feeds/changes.atom?category=wfbm")
    _, again = _feed(f"{base}/feeds/changes.atom?category=wfbm")
    _, english = _feed(f"{base}/feeds/changes.atom?category=wfbm&lang=en")
    _, everything = _feed(f"{base}/feeds/changes.atom")
    ids = [e.id for e in german.entries]
    assert ids == [e.id for e in again.entries] == [e.id for e in english.entries]
    assert set(ids) <= {e.id for e in everything.entries}
    assert english.feed.title.startswith("aLA-Atlas: changes in the provider listings")
    assert english.feed.title.endswith("(sample data)")
    first = english.entries[0]
    assert first.title.split(":")[0] in ("New", "No longer listed", "Changed")
    assert "Comparison of snapshot no." in first.summary and "lang=en" in first.link


def test_a_limit_keeps_the_newest_entries(base):
    _, parsed = _feed(f"{base}/feeds/changes.atom?limit=5")
    _, everything = _feed(f"{base}/feeds/changes.atom")
    assert [e.id for e in parsed.entries] == [e.id for e in everything.entries[:5]]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=aLA", "category must be one of ala, wfbm, ib"),
        ("land=17", "land must be a 2-digit Land code"),
        ("kreis=0916", "kreis must be a 5-digit Kreis ARS"),
        ("kreis=09162&land=05", "kreis 09162 does not lie in land 05"),
        ("lang=fr", "lang must be one of de, en"),
        ("limit=-1", "limit must be a whole number from 1 to 2000"),
        ("limit=999999", "limit must be a whole number from 1 to 2000"),
        ("format=rss", "unknown parameter 'format'"),
        ("category=ala&category=ib", "parameter category given more than once"),
    ],
)
def test_bad_parameters_get_a_one_line_400(base, query, message):
    status, mimetype, body = _get(f"{base}/feeds/changes.atom?{query}")
    assert status == 400 and mimetype == "application/json"
    text = json.loads(body)["error"]
    assert text.startswith(message) and "\n" not in text


def _next_demo_snapshot(db_url: str, rename: dict[str, str], taken_at: str,
                        categories: tuple[str, ...] = store.CATEGORIES,
                        source: str | None = None) -> int:
    """A copy of the served demo snapshot with some providers renamed, written as a new one."""
    engine = store.connect(db_url)
    served = store.served_snapshot(engine)
    frame = store.load_providers(engine, served["id"])
    frame = frame[frame["category"].isin(categories)].copy()
    for source_id, name in rename.items():
        frame.loc[frame["source_id"] == source_id, "name"] = name
    counts = {c: int((frame["category"] == c).sum()) for c in categories}
    meta = {"taken_at": taken_at, "origin": "demo", "categories": counts,
            "source": source or served["source"], "parser_version": served["parser_version"]}
    return store.write_snapshot(engine, meta, frame, {})


def test_names_with_markup_and_control_characters_arrive_as_escaped_text(writable_db):
    engine = store.connect(writable_db)
    ala = store.load_providers(engine, store.served_snapshot(engine)["id"], category="ala")
    target = ala.iloc[0]
    hostile = '<b onmouseover="x()">Werk & "Co"</b>\x0b]]> <!-- -->'
    new_id = _next_demo_snapshot(writable_db, {target.source_id: hostile}, "2023-06-01")
    with serving(writable_db) as url:
        status, _, body = _get(f"{url}/feeds/changes.atom?category=ala&limit=1")
        root, parsed = _feed(f"{url}/feeds/changes.atom?category=ala&limit=1")
    assert status == 200 and b"<b " not in body and b"&lt;b onmouseover" in body
    entry = root.find(f"{A}entry")
    assert entry.findtext(f"{A}id").startswith(
        f"tag:ala-atlas,2023-06-01:change/{new_id - 1}-{new_id}")
    assert len(entry.find(f"{A}title")) == 0  # no element sneaked in
    clean = hostile.replace("\x0b", "")
    assert f"Name: {target['name']} → {clean}" in entry.findtext(f"{A}summary")
    assert parsed.entries[0].title == f"Geändert: {clean} ({target.plz} {target.city})"


def test_pairs_follow_each_source_and_skip_runs_that_did_not_record_the_category(writable_db):
    only_ala = _next_demo_snapshot(writable_db, {}, "2023-01-01", categories=("ala",))
    other = _next_demo_snapshot(writable_db, {}, "2023-02-01", source="https://other.example/")
    series = store.served_series(store.connect(writable_db))
    wfbm = [(p.old_id, p.new_id) for p in consecutive_pairs(series, "wfbm")]
    ala = [(p.old_id, p.new_id) for p in consecutive_pairs(series, "ala")]
    assert wfbm == [(2, 3), (1, 2)]  # the aLA-only run is no "all WfbM vanished"
    assert ala == [(3, only_ala), (2, 3), (1, 2)]  # the other source has nothing to follow
    assert other not in {i for pair in ala + wfbm for i in pair}
    with serving(writable_db) as url:
        _, parsed = _feed(f"{url}/feeds/changes.atom")
    pairs = {e.id.split("/")[1] for e in parsed.entries}
    assert pairs == {"1-2", "2-3"}  # 3→only_ala is an unchanged copy: no entries


def test_a_store_with_one_snapshot_gives_an_empty_valid_feed_and_an_empty_store_a_404(
    tmp_path, demo_db
):
    engine = store.connect(f"sqlite:///{tmp_path / 'one.sqlite'}")
    demo = store.connect(demo_db)
    served = store.served_snapshot(demo)
    frame = store.load_providers(demo, served["id"])
    store.write_snapshot(engine, {"taken_at": "2024-03-01", "origin": "live",
                                  "categories": {"ala": 88, "wfbm": 891, "ib": 1020},
                                  "source": "https://www.rehadat-adressen.de/"}, frame, {})
    with serving(f"sqlite:///{tmp_path / 'one.sqlite'}") as url:
        root, parsed = _feed(f"{url}/feeds/changes.atom")
    assert parsed.entries == [] and parsed.feed.updated == "2024-03-01T00:00:00Z"
    assert "Beispieldaten" not in parsed.feed.title and root.find(f"{A}entry") is None
    with serving(f"sqlite:///{tmp_path / 'empty.sqlite'}") as url:
        status, _, body = _get(f"{url}/feeds/changes.atom")
    assert status == 404 and json.loads(body) == {"error": "the store holds no snapshot yet"}


def test_the_feed_answers_not_modified_to_a_reader_that_has_it(base):
    request = urllib.request.Request(f"{base}/feeds/changes.atom?limit=3")
    with urllib.request.urlopen(request, timeout=60) as response:
        etag = response.headers["ETag"]
    again = urllib.request.Request(f"{base}/feeds/changes.atom?limit=3",
                                   headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(again, timeout=60)
    assert caught.value.code == 304


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        (b"<updated>2022-12-01T00:00:00Z</updated><published>", b"<published>", "0 <updated>"),
        (b'<link rel="self"', b'<link rel="next"', "feed without rel=self link"),
        (b"<author><name>aLA-Atlas</name></author>", b"", "no author"),
        (b"<id>tag:ala-atlas,2022-12-01:change/2-3", b"<id>change/2-3", "is no absolute IRI"),
    ],
)
def test_the_strict_check_refuses_a_feed_that_breaks_a_rule(base, old, new, rule):
    _, _, body = _get(f"{base}/feeds/changes.atom?limit=2")
    assert old in body
    with pytest.raises(AssertionError, match=rule):
        check_atom(body.replace(old, new, 1))


def test_every_page_and_the_quellen_page_point_to_valid_feeds(base, demo_db):
    _, _, index = _get(f"{base}/")
    head = re.search(rb'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"',
                     index)
    assert head is not None and head.group(1) == b"/feeds/changes.atom"
    client = create_app(demo_db).server.test_client()
    response = post_callback(
        client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
        [(ids.URL, "pathname", "/quellen"), (ids.LANG_STORE, "data", None)],
        [(ids.URL, "search", "?lang=en")], [f"{ids.URL}.pathname"],
    )
    text = json.dumps(json.loads(gzip.decompress(response.data)), ensure_ascii=False)
    links = re.findall(r'"href": "(/feeds/changes\.atom[^"]*)"', text)
    assert links == ["/feeds/changes.atom?lang=en"] + [
        f"/feeds/changes.atom?category={c}&lang=en" for c in store.CATEGORIES
    ]
    assert "Subscribe to changes (Atom feed)" in text
    for link in links:
        _, parsed = _feed(base + link)
        assert parsed.feed.language == "en"
