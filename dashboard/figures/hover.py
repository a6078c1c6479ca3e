"""Hover texts. Plotly renders a subset of HTML in them, so every value is escaped first and
only our own <b> and <br> tags remain markup."""

from __future__ import annotations

import pandas as pd

from dashboard import metrics as m
from dashboard.figures.common import esc
from dashboard.i18n import fmt_number, t


def region_hover(frame: pd.DataFrame, category: str, lang: str) -> pd.Series:
    """One label per region: name, kind and Land, then every metric of the category."""
    fragile = m.fragile_mask(frame, "per_100k")
    lines = []
    for i, row in enumerate(frame.itertuples(index=False)):
        head = f"<b>{esc(row.name)}</b>"
        bez = getattr(row, "bez", None)
        if isinstance(bez, str) and bez and bez != row.name:
            head += f" ({esc(bez)})"
        parts = [head]
        land = getattr(row, "land", None)
        if isinstance(land, str) and land and land != row.name:
            parts.append(esc(land))
        parts.append(f"{t(f'category.{category}.short', lang)}: {fmt_number(row.count, lang)}")
        rate = fmt_number(row.per_100k, lang, 2)
        if fragile.iloc[i]:
            rate += " ⚠"
        parts.append(f"{t('hover.rate', lang)}: {rate}")
        share = row.ala_share * 100 if pd.notna(row.ala_share) else None
        parts.append(f"{t('hover.share', lang)}: {fmt_number(share, lang, 1)} %")
        parts.append(f"{t('hover.ratio', lang)}: {fmt_number(row.ala_per_wfbm, lang, 2)}")
        parts.append(f"{t('hover.population', lang)}: {fmt_number(row.population, lang)}")
        lines.append("<br>".join(parts))
    return pd.Series(lines, index=frame.index, dtype="object")


def _services(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def provider_hover(providers: pd.DataFrame, lang: str) -> pd.Series:
    """One label per provider: name, Träger, address, services (all escaped)."""
    out = []
    for row in providers.to_dict("records"):
        parts = [f"<b>{esc(row.get('name'))}</b>"]
        if row.get("operator"):
            parts.append(f"{t('hover.operator', lang)}: {esc(row.get('operator'))}")
        address = ", ".join(
            p
            for p in (
                esc(row.get("street")),
                esc(f"{row.get('plz') or ''} {row.get('city') or ''}".strip()),
            )
            if p
        )
        if address:
            parts.append(f"{t('hover.address', lang)}: {address}")
        services = _services(row.get("services"))
        if services:
            parts.append(f"{t('hover.services', lang)}: {esc(services)}")
        out.append("<br>".join(parts))
    return pd.Series(out, index=providers.index, dtype="object")
