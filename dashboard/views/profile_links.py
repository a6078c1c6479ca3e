"""Where a region's profile lives (`/region/<ARS>`), for every page that names a region: the
Karte's details, each Tabelle row, Entwicklung's tables, the Land view (issue 21: profiles
one click away). The app prefix is the page's to add (`Dash.get_relative_path`)."""

from __future__ import annotations

import re

from dashboard.text.i18n import DEFAULT_LANG

_ARS = re.compile(r"^(DE|\d{2}|\d{5})$")


def profile_path(code: str, lang: str) -> str:
    """"/region/09162" (with "?lang=en" in English); a code that is no region is an error."""
    if not _ARS.match(str(code)):
        raise ValueError(f"code must be DE, a 2-digit Land or a 5-digit Kreis ARS, not {code!r}")
    return f"/region/{code}" + ("" if lang == DEFAULT_LANG else f"?lang={lang}")


def land_providers_path(land: str, category: str, lang: str, snapshot: int | None) -> str:
    """The Anbieter page's grid of one Land's providers of a category ("/anbieter?…"): where
    a Land's profile and its details on the Karte send its hundreds of providers."""
    from dataclasses import replace

    from dashboard.model.state import ViewState, to_query

    state = replace(ViewState(), lang=lang, snapshot=snapshot, pland=land, pcat=category)
    return "/anbieter" + to_query(state)
