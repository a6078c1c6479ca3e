"""The address of the change feed for Germany, a Land or a Kreis: shared by the page links
(dashboard/frame/feed_link.py) and the page head's alternate link (dashboard/endpoints/
feed_links.py), which sit on different layers."""

from __future__ import annotations

from urllib.parse import urlencode

import geodata
from dashboard.text.i18n import DEFAULT_LANG

FEED_PATH = "/feeds/changes.atom"


def feed_query(code: str | None, lang: str = DEFAULT_LANG) -> str:
    """The feed's query for a region: "?land=09", "?kreis=09162&lang=en"; "" for Germany
    (`code` None or "DE") in German."""
    params: list[tuple[str, str]] = []
    if code and len(code) == 2 and code.isdigit():
        params.append(("land", code))
    elif code and len(code) == 5 and code.isdigit():
        params.append(("kreis", code))
    elif code not in (None, "DE"):
        raise ValueError(f"no feed for region code {code!r}: expected DE, 2 or 5 digits")
    if lang != DEFAULT_LANG:
        params.append(("lang", lang))
    return "?" + urlencode(params) if params else ""


def region_name(code: str) -> str:
    """"Bayern", "München (Landkreis)": Stadt and Landkreis of one name told apart."""
    if len(code) == 2:
        return geodata.LAENDER[code]
    row = geodata.region_table("kreis").set_index("code").loc[code]
    return f"{row['name']} ({row['bez']})"
