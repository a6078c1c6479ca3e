"""Where the change feed is linked from: the address of a region's own feed and the page
head's `<link rel="alternate">`, which follows the page (a region profile names its own
region's feed, every other page the nationwide one).

Builds addresses only; what a feed holds is decided in `dashboard/endpoints/feeds.py`.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

import flask
from dash import Dash

import geodata
from dashboard.model.feed_address import FEED_PATH, feed_query, region_name
from dashboard.text.i18n import DEFAULT_LANG

__all__ = ["FEED_PATH", "feed_query", "region_name", "alternate_link", "follow_the_page"]

_REGION_PATH = re.compile(r"region/(\d{2}|\d{5})/?")


def known_region(code: str) -> bool:
    if len(code) == 2:
        return code in geodata.LAENDER
    return bool((geodata.region_table("kreis")["code"] == code).any())


def region_of_path(path: str, prefix: str = "/") -> str | None:
    """The Land or Kreis code of a region profile's path ("/region/09" → "09"); None for any
    other page and for codes the atlas does not know."""
    rest = path[len(prefix):] if path.startswith(prefix) else path.lstrip("/")
    match = _REGION_PATH.fullmatch(rest.lstrip("/"))
    if match is None or not known_region(match.group(1)):
        return None
    return match.group(1)


def alternate_link(href: str, title: str) -> str:
    """The `<link rel="alternate">` element for the page head, attributes escaped."""
    return (f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
            f'href="{escape(href)}">')


def nationwide_title() -> str:
    return "aLA-Atlas: Änderungen"


def follow_the_page(app: Dash, nationwide: str) -> None:
    """Let the served index name the region's own feed on a region profile: `nationwide` is
    the `<link>` the index string carries for every other page."""
    prefix = app.config.requests_pathname_prefix
    feed = app.get_relative_path(FEED_PATH)
    original = app.interpolate_index

    def interpolate(**kwargs: Any) -> str:
        page = original(**kwargs)
        code = region_of_path(flask.request.path, prefix) if flask.has_request_context() else None
        if code is None:
            return page
        lang = "en" if flask.request.args.get("lang") == "en" else DEFAULT_LANG
        own = alternate_link(feed + feed_query(code, lang),
                             f"{nationwide_title()} – {region_name(code)}")
        return page.replace(nationwide, own, 1)

    app.interpolate_index = interpolate  # type: ignore[method-assign]
