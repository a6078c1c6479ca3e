"""The details of one region: its figures, its rank among its peers, its providers."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.model import metrics as m
from dashboard.model.data import AtlasData
from dashboard.model.publishing import contacts_hidden
from dashboard.pages.controls import scroll_box
from dashboard.text.i18n import fmt_number, services_text, t
from dashboard.views.links import safe_url


def provider_table(providers: pd.DataFrame, lang: str, highlight: str | None = None) -> html.Table:
    """Providers as an accessible table; Dash renders every string as text (escaped)."""
    hidden = contacts_hidden()
    shown = [k for k in ("name", "operator", "street", "city", "services", "source")
             if not (hidden and k == "street")]
    head = html.Thead(html.Tr([html.Th(t(f"col.provider.{k}", lang), scope="col") for k in shown]))
    rows = []
    for row in providers.to_dict("records"):
        url = safe_url(row.get("source_url"))
        link = (
            html.A(t("details.source", lang), href=url, target="_blank", rel="noopener noreferrer")
            if url
            else "–"
        )
        rows.append(
            html.Tr(
                [
                    html.Td(row.get("name") or ""),
                    html.Td(row.get("operator") or ""),
                    *([] if hidden else [html.Td(row.get("street") or "")]),
                    html.Td(f"{row.get('plz') or ''} {row.get('city') or ''}".strip()),
                    html.Td(services_text(row.get("services"), lang)),
                    html.Td(link),
                ],
                className="highlight" if highlight and row.get("source_id") == highlight else None,
            )
        )
    return html.Table([head, html.Tbody(rows)], className="provider-table")


def _figure_rows(data: AtlasData, sid: int, level: str, code: str, lang: str) -> list[Any]:
    rows: list[Any] = []
    by_category = {
        cat: data.region_metrics(sid, level, cat).set_index("code").loc[code]
        for cat in m.CATEGORIES
    }
    first = by_category["ala"]
    rows.append((t("hover.population", lang), fmt_number(first["population"], lang)))
    for cat, row in by_category.items():
        if pd.isna(row["count"]):  # the snapshot did not record this category
            rows.append((t(f"category.{cat}", lang), t("map.not_recorded", lang)))
            continue
        rate = fmt_number(row["per_100k"], lang, 2)
        if 0 < row["count"] < m.FRAGILE_MIN:
            rate += " ⚠"
        rows.append(
            (
                t(f"category.{cat}", lang),
                f"{fmt_number(row['count'], lang)} ({rate} {t('hover.rate', lang)})",
            )
        )
    share = first["ala_share"] * 100 if pd.notna(first["ala_share"]) else None
    rows.append((t("metric.ala_share", lang), f"{fmt_number(share, lang, 1)} %"))
    rows.append((t("metric.ala_per_wfbm", lang), fmt_number(first["ala_per_wfbm"], lang, 2)))
    items = []
    for label, value in rows:
        items += [html.Dt(label), html.Dd(value)]
    return items


def _ranks(frame: pd.DataFrame, level: str, metric: str, code: str, lang: str) -> list[Any]:
    rank, n = m.rank_of(frame, metric, code)
    metric_name = t(f"metric.{metric}", lang)
    if rank is None:
        return [html.P(f"{metric_name}: {t('details.rank.none', lang)}")]
    texts = [
        f"{metric_name}: "
        + t("details.rank", lang, rank=rank, n=n, peers=t(f"details.peers.{level}", lang))
    ]
    if level == "kreis":
        row = frame[frame["code"] == code].iloc[0]
        same_land = frame[frame["land_code"] == row["land_code"]]
        land_rank, land_n = m.rank_of(same_land, metric, code)
        texts.append(t("details.rank.land", lang, rank=land_rank, n=land_n, land=row["land"]))
    fragile = bool(m.fragile_mask(frame, metric)[frame["code"] == code].any())
    if fragile:
        texts.append("⚠ " + t("map.fragile.note", lang, n=m.FRAGILE_MIN))
    return [html.P(text) for text in texts]


def details_panel(
    data: AtlasData,
    snapshot_id: int | None,
    level: str,
    category: str,
    metric: str,
    region: str | None,
    lang: str,
    provider_id: str | None = None,
    profile_href: str | None = None,
) -> list[Any]:
    """The children of the details section (a prompt when no region is chosen); with a
    `profile_href`, a link to the region's profile under its heading."""
    if snapshot_id is None or not region:
        return [html.H2(t("details.figures", lang)), html.P(t("details.empty", lang))]
    frame = data.region_metrics(snapshot_id, level, category)
    if region not in set(frame["code"]):
        return [html.H2(t("details.figures", lang)), html.P(t("details.empty", lang))]
    row = frame[frame["code"] == region].iloc[0]
    title = row["name"]
    if level == "kreis":
        title = f"{row['name']} ({row['bez']}, {row['land']})"
    providers = data.providers(snapshot_id)
    key = "kreis_ars" if level == "kreis" else "land_code"
    here = providers[(providers[key] == region) & (providers["category"] == category)]
    provider_part: list[Any] = [
        html.H3(t("details.providers", lang, n=len(here)) + " – " + t(f"category.{category}", lang))
    ]
    if not m.is_recorded(frame):
        # no list to show, and "none here" would be a claim the snapshot cannot make
        notice = t("notice.not_recorded", lang, category=t(f"category.{category}", lang))
        provider_part = [html.P(notice, className="notice not-recorded", role="status")]
    elif here.empty:
        provider_part.append(html.P(t("details.providers.none", lang), className="none-here"))
    else:
        provider_part.append(
            scroll_box(provider_table(here, lang, provider_id),
                       t("details.providers", lang, n=len(here)))
        )
    return [
        html.H2(t("details.heading", lang, name=title)),
        *([html.P(dcc.Link(t("profile.link", lang, name=title), href=profile_href,
                           className="profile-link"))] if profile_href else []),
        html.Div(
            [
                html.Dl(_figure_rows(data, snapshot_id, level, region, lang), className="figures"),
                html.Div(_ranks(frame, level, metric, region, lang), className="ranks"),
            ],
            className="details-top",
        ),
        *provider_part,
    ]
