"""Change feeds for those who watch the listings: GET /feeds/changes.atom.

One Atom entry per provider that is new, vanished or changed (name, street, PLZ, Ort) between
two consecutive snapshots of the same source (store.changes.feed_pairs over
store.served_series), newest first, filterable by category, Land and Kreis, in German or
English (`lang`). Entry ids are tag: URIs dated with the newer snapshot's day and built from
the two snapshot ids, the category, the provider's source id and the kind of change, so they
stay the same across requests, filters, languages and years. Parameters are checked like the
data API's (dashboard/endpoints/api.py): an unknown or bad one answers 400 with a one-line
message.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlencode

import pandas as pd
from flask import Blueprint, Flask, Response, request

import geodata
import store
from dashboard.endpoints import atom
from dashboard.endpoints.api import (
    ApiError,
    BadRequest,
    NotFound,
    Param,
    _choice,
    _error_response,
    _kreis,
    _land,
    _parse,
)
from dashboard.model.data import AtlasData, _Lru
from dashboard.model.publishing import contacts_hidden
from dashboard.model.state import DEFAULTS, to_query
from dashboard.text.i18n import DEFAULT_LANG, LANGS, fmt_date, t
from store.changes import SnapshotPair, feed_pairs, load_compared
from store.times import iso

log = logging.getLogger(__name__)

PATH = "/feeds/changes.atom"
ENTRY_AUTHORITY = "tag:ala-atlas"
# the feeds' own ids: a fixed date, the day the scheme was minted (entries carry their change's)
TAG = f"{ENTRY_AUTHORITY},2026:"
DEFAULT_LIMIT = 500
MAX_LIMIT = 2000
KINDS = ("new", "vanished", "changed")
# Diffs of (older, newer, category) kept per app: small frames, and a year of weekly snapshots
# is 51 pairs × 3 categories, more than AtlasData's cache of whole provider frames holds.
DIFF_CACHE_SIZE = 1024


def _limit(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}, not {value[:20]!r}")
    return int(value)


FEED_SPEC = {
    "category": Param(None, _choice("category", store.CATEGORIES)),
    "land": Param(None, _land),
    "kreis": Param(None, _kreis),
    "lang": Param(DEFAULT_LANG, _choice("lang", LANGS)),
    "limit": Param(str(DEFAULT_LIMIT), _limit),
}


# --- what changed ---------------------------------------------------------------------------


def pair_changes(data: AtlasData, pair: SnapshotPair, cache: _Lru) -> pd.DataFrame:
    """store.compute_diff of one pair, the rows of the pair's category. Cached: snapshots
    never change, and one diff of all categories serves the three categories' pairs."""

    def rows(snapshot_id: int) -> pd.DataFrame:
        return cache.get(("rows", snapshot_id), lambda: load_compared(data.engine, snapshot_id))

    diff = cache.get(
        ("diff", pair.old_id, pair.new_id),
        lambda: store.compute_diff(rows(pair.old_id), rows(pair.new_id)),
    )
    return diff[diff["category"] == pair.category]


def _filtered(diff: pd.DataFrame, land: str | None, kreis: str | None) -> pd.DataFrame:
    if land is not None:
        diff = diff[diff["land_code"] == land]
    if kreis is not None:
        diff = diff[diff["kreis_ars"] == kreis]
    return diff


def change_rows(
    data: AtlasData, cache: _Lru, pairs: list[SnapshotPair], land: str | None,
    kreis: str | None, limit: int,
) -> list[tuple[SnapshotPair, dict[str, Any]]]:
    """(pair, diff row) newest pair first, at most `limit`; older pairs are not computed
    once the limit is reached."""
    out: list[tuple[SnapshotPair, dict[str, Any]]] = []
    for pair in pairs:
        for row in _filtered(pair_changes(data, pair, cache), land, kreis).to_dict("records"):
            out.append((pair, row))
            if len(out) >= limit:
                return out
    return out


# --- texts ----------------------------------------------------------------------------------


def _side(row: dict[str, Any]) -> str:
    return "old" if row["change"] == "vanished" else "new"


def _place(row: dict[str, Any]) -> str:
    side = _side(row)
    return " ".join(str(v) for v in (row[f"plz_{side}"], row[f"city_{side}"]) if v)


def _address(row: dict[str, Any]) -> str:
    street = None if contacts_hidden() else row[f"street_{_side(row)}"]
    return ", ".join(v for v in (street, _place(row)) if v)


def _field_change(row: dict[str, Any], field: str, lang: str) -> str:
    label = t(f"col.provider.{field}", lang)
    if field == "street" and contacts_hidden():
        return t("feed.changed.hidden", lang, field=label)
    old = row[f"{field}_old"] or "–"
    new = row[f"{field}_new"] or "–"
    return f"{label}: {old} → {new}"


def _what(row: dict[str, Any], lang: str) -> str:
    change = row["change"]
    if change == "changed":
        fields = [f for f in (row["changed_fields"] or "").split(", ") if f]
        return t("feed.what.changed", lang, fields="; ".join(_field_change(row, f, lang)
                                                              for f in fields))
    return t(f"feed.what.{change}", lang, address=_address(row) or "–")


def _region(row: dict[str, Any], kreise: dict[str, str], lang: str) -> str:
    land = geodata.LAENDER.get(row["land_code"] or "")
    kreis = kreise.get(row["kreis_ars"] or "")
    parts = [p for p in (kreis, land) if p]
    return ", ".join(parts) if parts else t("feed.unplaced", lang)


def _kreis_labels(regions: pd.DataFrame) -> dict[str, str]:
    # "Augsburg (Landkreis)": the Stadt and the Landkreis Augsburg share a name
    labels = regions["name"] + " (" + regions["bez"] + ")"
    return dict(zip(regions["code"], labels, strict=True))


def _summary(pair: SnapshotPair, row: dict[str, Any], kreise: dict[str, str], lang: str) -> str:
    source = t("source.line", lang, date=fmt_date(pair.new_taken_at, lang))
    if pair.origin == "demo":
        source += f" – {t('snapshot.demo', lang)}"
    lines = [
        f"{t(f'category.{pair.category}', lang)} · {_region(row, kreise, lang)}",
        _what(row, lang),
        t(
            "feed.between",
            lang,
            old_id=pair.old_id,
            old_date=fmt_date(pair.old_taken_at, lang),
            new_id=pair.new_id,
            new_date=fmt_date(pair.new_taken_at, lang),
        ),
        source,
    ]
    return "\n".join(lines)


def _title(row: dict[str, Any], lang: str) -> str:
    name = row[f"name_{_side(row)}"] or row["source_id"]
    place = _place(row)
    kind = t("feed.kind." + row["change"], lang)
    title = f"{kind}: {name}"
    return f"{title} ({place})" if place else title


# --- links and ids --------------------------------------------------------------------------


def entry_id(pair: SnapshotPair, row: dict[str, Any]) -> str:
    """tag:ala-atlas,<date>:change/<old>-<new>/<category>/<source_id>/<change>, where <date> is
    the newer snapshot's day (RFC 4151: the day the name was minted, i.e. when the change was
    seen), so an id never depends on when the feed is read."""
    source_id = quote(str(row["source_id"]), safe="")
    minted = f"{ENTRY_AUTHORITY},{pair.new_taken_at[:10]}:"
    return f"{minted}change/{pair.old_id}-{pair.new_id}/{pair.category}/{source_id}/{row['change']}"


def _links(base: str, pair: SnapshotPair, row: dict[str, Any], lang: str) -> tuple[atom.Link, ...]:
    # a vanished provider is shown where it still is: on the older snapshot's map
    snapshot = pair.old_id if row["change"] == "vanished" else pair.new_id
    on_map = replace(
        DEFAULTS,
        level="kreis",
        category=pair.category,
        points=True,
        snapshot=snapshot,
        provider=str(row["source_id"]),
        region=row["kreis_ars"] or None,
        lang=lang,
    )
    compare = replace(
        DEFAULTS, category=pair.category, snapshot=pair.new_id, base=pair.old_id, lang=lang
    )
    return (
        atom.Link(f"{base}karte{to_query(on_map)}", title=t("feed.link.map", lang)),
        atom.Link(
            f"{base}entwicklung{to_query(compare)}", rel="related",
            title=t("feed.link.compare", lang),
        ),
    )


def _feed_id(args: dict[str, Any]) -> str:
    chosen = [(k, args[k]) for k in ("category", "land", "kreis", "lang") if args[k] is not None]
    return f"{TAG}feeds/changes?{urlencode(chosen)}"


def _feed_title(args: dict[str, Any], demo: bool) -> str:
    lang = args["lang"]
    parts = [t(f"category.{args['category']}", lang)] if args["category"] else []
    if args["kreis"]:
        parts.append(_kreis_labels(geodata.region_table("kreis"))[args["kreis"]])
    if args["land"]:
        parts.append(geodata.LAENDER[args["land"]])
    title = t("feed.title", lang)
    if parts:
        title += f" – {', '.join(parts)}"
    if demo:
        title += f" ({t('snapshot.demo', lang)})"
    return title


# --- the feed -------------------------------------------------------------------------------


def build_feed(
    data: AtlasData, cache: _Lru, args: dict[str, Any], base: str, self_url: str
) -> atom.Feed:
    """The change feed for checked parameters `args`; `base` is the app's absolute root URL,
    `cache` keeps the diffs of snapshot pairs between requests."""
    series = store.served_series(data.engine)
    if series.empty:
        raise NotFound("the store holds no snapshot yet")
    lang = args["lang"]
    categories = (args["category"],) if args["category"] else store.CATEGORIES
    pairs = feed_pairs(series, categories)
    rows = change_rows(data, cache, pairs, args["land"], args["kreis"], args["limit"])
    kreise = _kreis_labels(data.regions("kreis"))
    entries = tuple(
        atom.Entry(
            id=entry_id(pair, row),
            title=_title(row, lang),
            updated=pair.new_taken_at,
            published=pair.new_taken_at,
            summary=_summary(pair, row, kreise, lang),
            links=_links(base, pair, row, lang),
            categories=(
                (pair.category, t(f"category.{pair.category}", lang)),
                (row["change"], t(f"feed.kind.{row['change']}", lang)),
            ),
        )
        for pair, row in rows
    )
    newest = iso(series["taken_at"].max())
    demo = bool((series["origin"] == "demo").all())
    return atom.Feed(
        id=_feed_id(args),
        title=_feed_title(args, demo),
        subtitle=t("feed.subtitle", lang),
        updated=max([e.updated for e in entries], default=newest),
        author="aLA-Atlas",
        lang=lang,
        rights=t("feed.rights", lang),
        links=(
            atom.Link(self_url, rel="self", type=atom.MEDIA_TYPE),
            atom.Link(f"{base}entwicklung" + (f"?lang={lang}" if lang != DEFAULT_LANG else "")),
        ),
        entries=entries,
    )


def _check_region(args: dict[str, Any]) -> None:
    if args["land"] and args["kreis"] and not args["kreis"].startswith(args["land"]):
        raise BadRequest(f"kreis {args['kreis']} does not lie in land {args['land']}")


def _changes(data: AtlasData, cache: _Lru, prefix: str) -> Response:
    args = _parse(FEED_SPEC)
    _check_region(args)
    base = request.host_url.rstrip("/") + prefix
    feed = build_feed(data, cache, args, base, request.url)
    response = Response(atom.render(feed), mimetype=atom.MEDIA_TYPE)
    response.headers["Cache-Control"] = "public, max-age=300"
    response.add_etag()
    return response.make_conditional(request)


def register_feeds(server: Flask, data: AtlasData, prefix: str = "/") -> None:
    """Add /feeds/changes.atom to the Dash app's Flask server; `prefix` is the app's
    requests_pathname_prefix (links in the feed point into the app)."""
    feeds = Blueprint("atlas_feeds", __name__)
    cache = _Lru(DIFF_CACHE_SIZE)

    @feeds.errorhandler(ApiError)
    def _feed_error(exc: ApiError) -> Response:
        return _error_response(exc.status, exc.message)

    @feeds.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        code = getattr(exc, "code", None)
        if isinstance(code, int) and 400 <= code < 500:
            return _error_response(code, getattr(exc, "name", "bad request").lower())
        log.exception("unexpected error in the change feed")
        return _error_response(500, "internal error")

    feeds.add_url_rule(PATH, "changes", lambda: _changes(data, cache, prefix), methods=["GET"])
    server.register_blueprint(feeds)
