"""The change feed's documented default of 500 entries (README, feeds.DEFAULT_LIMIT), pinned
by a store with more changes than that (issue 21, item 16)."""

from __future__ import annotations

import store
from dashboard.endpoints.feeds import DEFAULT_LIMIT, MAX_LIMIT
from tests.api.test_feeds import _feed, _next_demo_snapshot, serving


def test_without_a_limit_the_feed_holds_the_newest_500_entries(writable_db):
    engine = store.connect(writable_db)
    served = store.load_providers(engine, store.served_snapshot(engine)["id"])
    # 600 renamed providers: 600 "geändert" entries in the newest pair, more than the default
    renamed = {sid: f"Umbenannt {n}" for n, sid in enumerate(served["source_id"][:600])}
    newest = _next_demo_snapshot(writable_db, renamed, "2023-06-01")
    with serving(writable_db) as url:
        _, default = _feed(f"{url}/feeds/changes.atom")
        _, most = _feed(f"{url}/feeds/changes.atom?limit={MAX_LIMIT}")
    assert DEFAULT_LIMIT == 500
    assert len(default.entries) == 500
    assert len(most.entries) > 600  # the 600 and the demo's own changes
    # the default keeps the newest: every entry of it belongs to the newest pair
    assert {e.id.split("/")[1] for e in default.entries} == {f"{newest - 1}-{newest}"}
