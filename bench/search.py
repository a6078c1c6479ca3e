"""How long the header search takes on the server, now that it folds names and searches the
served snapshot's providers too.

    .venv/bin/python bench/search.py [--rounds N] [--db URL]

GETs /suche?q=… through the Flask test client: a name with one hit answers with a redirect
before Dash is involved, several hits with the Dash page (its router callback is posted as a
browser would). "cold" is the first query of a fresh app (it folds the Gemeinde and provider
names and loads the snapshot's providers); "warm" the median of the following rounds. Without
--db a temporary SQLite file with the demo default is built (a few seconds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _demo_store import demo_url  # noqa: E402  (bench/ is first on the path of a script)

from dashboard import create_app  # noqa: E402
from dashboard.frame import ids  # noqa: E402
from dashboard.server.callback_client import post_callback  # noqa: E402

QUERIES = ("Landkreis München", "Muenchen", "Stadt Augsburg", "Beispiel-Teilhabe", "80331",
           "xyzzy")


def redirect_or_list(client: Any, query: str) -> tuple[float, str]:
    """The time of the GET, plus the router callback when the answer is the results page."""
    start = time.perf_counter()
    response = client.get("/suche", query_string={"q": query})
    what = "redirect" if response.status_code == 302 else "list"
    if what == "list":
        answer = post_callback(
            client, [(ids.ROOT, "children"), (ids.ROOT, "lang")],
            [(ids.URL, "pathname", "/suche"), (ids.LANG_STORE, "data", None)],
            [(ids.URL, "search", f"?q={query}")], [f"{ids.URL}.pathname"])
        if answer.status_code != 200:
            raise SystemExit(f"/suche?q={query}: callback answered {answer.status_code}")
    return time.perf_counter() - start, what


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    db = demo_url(args.db, "ala-bench-search-")
    print(f"store: {db}; {args.rounds} warm rounds per query")
    for query in QUERIES:
        client = create_app(db).server.test_client()  # a fresh app: its first query is cold
        cold, what = redirect_or_list(client, query)
        warm = [redirect_or_list(client, query)[0] for _ in range(args.rounds)]
        print(f"  {query!r:22} {what:8} cold {cold * 1000:7.1f} ms; warm median "
              f"{statistics.median(warm) * 1000:6.1f} ms, max {max(warm) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
