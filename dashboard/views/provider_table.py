"""The Anbieter list: the search over a snapshot's providers, the grid rows and columns in
the UI language. The page shows them in its grid; the provider export writes the same."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pandas as pd

from dashboard.model.publishing import contacts_hidden
from dashboard.text.i18n import services_text, t
from dashboard.views.links import safe_url

SEARCH_FIELDS = ("name", "operator", "city", "plz", "street", "gemeinde", "kreis")


def search_providers(
    providers: pd.DataFrame,
    text: str = "",
    land: str | None = None,
    category: str | None = None,
    service: str | None = None,
) -> pd.DataFrame:
    """Providers matching every given filter; `text` matches (case-insensitive, literally)
    any of name, Träger, PLZ, street, place, Gemeinde and Kreis, each word somewhere."""
    mask = pd.Series(True, index=providers.index)
    if land:
        mask &= providers["land_code"].eq(land)
    if category:
        mask &= providers["category"].eq(category)
    if service:
        mask &= providers["services"].map(lambda s: service in (s or []))
    words = [w for w in text.casefold().split() if w]
    if words:
        haystack = providers[list(SEARCH_FIELDS)].fillna("").astype(str).agg(" ".join, axis=1)
        haystack = haystack.str.casefold()
        for word in words:
            mask &= haystack.str.contains(word, regex=False)
    return providers[mask]


def source_markdown(url: Any, lang: str) -> str:
    safe = safe_url(url)
    if not safe:
        return ""
    # percent-encode what could end the Markdown link early
    return f"[{t('details.source', lang)}]({quote(safe, safe=':/?&=#%.-_~+')})"


def grid_rows(providers: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    out = []
    for row in providers.to_dict("records"):
        services = row.get("services") or []
        out.append(
            {
                "source_id": row.get("source_id"),
                "name": row.get("name"),
                "operator": row.get("operator"),
                "street": row.get("street"),
                "plz": row.get("plz"),
                "city": row.get("city"),
                "land": row.get("land") or row.get("land_listed"),
                "category": t(f"category.{row.get('category')}.short", lang),
                "services": services_text(services, lang) if isinstance(services, list) else "",
                "source": source_markdown(row.get("source_url"), lang),
            }
        )
    return out


def column_defs(lang: str) -> list[dict[str, Any]]:
    def col(field: str, **extra: Any) -> dict[str, Any]:
        return {"field": field, "headerName": t(f"col.provider.{field}", lang), **extra}

    return [
        col("name", minWidth=280, pinned="left"),
        col("operator", minWidth=200),
        *([] if contacts_hidden() else [col("street")]),
        col("plz", width=90),
        col("city"),
        col("land"),
        col("category", width=130),
        col("services", minWidth=220),
        col(
            "source",
            cellRenderer="markdown",
            sortable=False,
            filter=False,
            width=120,
        ),
    ]
