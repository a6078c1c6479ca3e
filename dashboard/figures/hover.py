"""Hover texts. Plotly renders a subset of HTML in them, so every value is escaped first and
only our own <b> and <br> tags remain markup."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import esc
from dashboard.model import metrics as m
from dashboard.text.i18n import fmt_number, region_kind, services_text, t


def region_hover(frame: pd.DataFrame, category: str, lang: str) -> pd.Series:
    """One label per region: name, kind and Land, then every metric of the category (count,
    rate, shares, population), a ⚠ on each rate that rests on few providers and then the
    caution sentence. Metric-independent, so a metric switch need not resend it."""
    fragile = m.fragile_mask(frame, "per_100k").to_numpy()
    # aLA share and aLA per WfbM rest on the same counts: one mark serves both
    fragile_ratio = m.fragile_mask(frame, "ala_per_wfbm").to_numpy()
    caution = "⚠ " + t("map.fragile.note", lang, n=m.FRAGILE_MIN)
    short = t(f"category.{category}.short", lang)
    rate_label, share_label = t("hover.rate", lang), t("hover.share", lang)
    ratio_label, people_label = t("hover.ratio", lang), t("hover.population", lang)
    not_recorded = t("map.not_recorded", lang)
    bez = frame["bez"] if "bez" in frame else pd.Series(None, index=frame.index)
    land = frame["land"] if "land" in frame else pd.Series(None, index=frame.index)
    columns = zip(
        frame["name"].to_numpy(), bez.to_numpy(), land.to_numpy(), frame["count"].to_numpy(),
        frame["per_100k"].to_numpy(), frame["ala_share"].to_numpy(),
        frame["ala_per_wfbm"].to_numpy(), frame["population"].to_numpy(), fragile,
        fragile_ratio, strict=True,
    )
    lines = []
    for name, kind, land_name, count, rate, share, ratio, people, small, few in columns:
        head = f"<b>{esc(name)}</b>"
        if isinstance(kind, str) and kind and kind != name:
            head += f" ({esc(region_kind(kind, lang))})"
        parts = [head]
        if isinstance(land_name, str) and land_name and land_name != name:
            parts.append(esc(land_name))
        if pd.isna(count):  # the snapshot did not record this category: say so, no number
            parts.append(f"{short}: {not_recorded}")
        else:
            parts.append(f"{short}: {fmt_number(int(count), lang)}")
        rate_text = fmt_number(float(rate), lang, 2) + (" ⚠" if small else "")
        parts.append(f"{rate_label}: {rate_text}")
        percent = float(share) * 100 if pd.notna(share) else None
        mark = " ⚠" if few else ""
        parts.append(f"{share_label}: {fmt_number(percent, lang, 1)} %{mark}")
        parts.append(f"{ratio_label}: {fmt_number(float(ratio), lang, 2)}{mark}")
        parts.append(f"{people_label}: {fmt_number(int(people), lang)}")
        if small or few:
            parts.append(caution)
        lines.append("<br>".join(parts))
    return pd.Series(lines, index=frame.index, dtype="object")




def provider_hover(providers: pd.DataFrame, lang: str) -> pd.Series:
    """One label per provider: name, Träger, address, services (all escaped)."""
    out = []
    for row in providers.to_dict("records"):
        parts = [f"<b>{esc(row.get('name'))}</b>"]
        operator = esc(row.get("operator")).strip()  # NaN (no Träger) is "", not a line
        if operator:
            parts.append(f"{t('hover.operator', lang)}: {operator}")
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
        services = services_text(row.get("services"), lang)
        if services:
            parts.append(f"{t('hover.services', lang)}: {esc(services)}")
        out.append("<br>".join(parts))
    return pd.Series(out, index=providers.index, dtype="object")
