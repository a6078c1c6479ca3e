"""Clean data at the door: only http(s) URLs, and no field longer than its column.

`clean_providers` runs at ingest (scrapers.pipeline), before the one write: a URL with any
other scheme (`javascript:`, `data:`, `javascript://…`) is dropped, an over-long text is cut
at its column's length (ending in "…"), and both are counted, with examples, for the
quality report, instead of refusing the whole run. `safe_url` is also applied whenever
providers are read (store.providers), so snapshots stored before this rule never emit
another scheme through the API or an export either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from store import schema

URL_FIELDS: tuple[str, ...] = ("website", "source_url")
TEXT_LIMITS: dict[str, int] = {
    col.name: col.type.length
    for col in schema.providers.columns
    if getattr(col.type, "length", None) is not None
}
# Fields whose length is part of their format: a cut value would be wrong, not shorter.
_NOT_CUT = ("category", "plz", "gemeinde_ags", "kreis_ars", "land_code", "geocode_quality")
_EXAMPLES = 5
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")


def safe_url(value: Any) -> str | None:
    """`value` if it is an absolute http or https URL with a host, else None."""
    if not isinstance(value, str):
        return None
    return _safe_text(value)


# Remembered: every read of a snapshot checks its two URL columns again, and the snapshots of
# a series share most URLs (a fresh server's first Entwicklung page split ~12,000 URLs,
# issue 21)
@lru_cache(maxsize=1 << 16)
def _safe_text(value: str) -> str | None:
    if _UNSAFE_CHARS.search(value.strip()):
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def clean_providers(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A copy of `frame` with unsafe URLs dropped and over-long texts cut, and a summary for
    the quality report: {"urls_dropped": {field: n}, "truncated": {field: n},
    "limits": {field: length}, "examples": [...]}."""
    out = frame.copy()
    dropped: dict[str, int] = {}
    truncated: dict[str, int] = {}
    examples: list[dict[str, Any]] = []
    ids = out["source_id"] if "source_id" in out else pd.Series("", index=out.index)
    for field in URL_FIELDS:
        if field not in out:
            continue
        given = out[field].notna() & out[field].astype(str).str.strip().ne("")
        cleaned = out[field].map(safe_url)
        bad = given & cleaned.isna()
        dropped[field] = int(bad.sum())
        examples += [{"source_id": str(i), "field": field, "change": "url dropped"}
                     for i in ids[bad].head(_EXAMPLES)]
        out[field] = cleaned.where(cleaned.notna(), None)
    for field, limit in TEXT_LIMITS.items():
        if field not in out or field in _NOT_CUT:
            continue
        long = out[field].map(lambda v, n=limit: isinstance(v, str) and len(v) > n)
        truncated[field] = int(long.sum())
        if long.any():
            out.loc[long, field] = out.loc[long, field].map(lambda v, n=limit: v[: n - 1] + "…")
            examples += [{"source_id": str(i)[:100], "field": field,
                          "change": f"cut at {limit} characters"}
                         for i in ids[long].head(_EXAMPLES)]
    summary = {
        "urls_dropped": {k: v for k, v in dropped.items() if v},
        "truncated": {k: v for k, v in truncated.items() if v},
        "limits": {k: v for k, v in TEXT_LIMITS.items() if k not in _NOT_CUT},
        "examples": examples[: _EXAMPLES * 4],
    }
    return out, summary


__all__ = ["TEXT_LIMITS", "URL_FIELDS", "clean_providers", "safe_url"]
