"""The details of one region: its figures, its rank among its peers, its providers."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import dcc, html

from dashboard.model import metrics as m
from dashboard.model.data import AtlasData
from dashboard.model.publishing import contacts_hidden
from dashboard.pages.controls import scroll_box
from dashboard.text.i18n import fmt_number, region_kind, services_text, t
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
        value = f"{fmt_number(row['count'], lang)} ({rate} {t('hover.rate', lang)})"
        # the caution after the whole value, never between a number and its unit
        rows.append((t(f"category.{cat}", lang),
                     value + _caution(0 < row["count"] < m.FRAGILE_MIN, lang)))
    ala = data.region_metrics(sid, level, "ala")  # the shares rest on aLA and WfbM counts
    for metric in UNDEFINED_WHY:
        rows.append((t(f"metric.{metric}", lang), _comparison_text(ala, code, metric, lang)))
    items = []
    for label, value in rows:
        items += [html.Dt(label), html.Dd(value)]
    return items


def _caution(fragile: bool, lang: str) -> str:
    return f" ⚠ {t('map.fragile', lang)}" if fragile else ""


def _fragile(frame: pd.DataFrame, metric: str, code: str) -> bool:
    return bool(m.fragile_mask(frame, metric)[frame["code"] == code].any())


# why the aLA/WfbM comparisons have no value: no aLA and no WfbM, or no WfbM
UNDEFINED_WHY = {"ala_share": "details.share.undefined", "ala_per_wfbm": "details.ratio.undefined"}


def _comparison_text(frame: pd.DataFrame, code: str, metric: str, lang: str) -> str:
    """The aLA share (in %) or aLA per WfbM with its caution, or why there is none."""
    row = frame[frame["code"] == code].iloc[0]
    if pd.isna(row["ala_count"]) or pd.isna(row["wfbm_count"]):
        return t("map.not_recorded", lang)
    if pd.isna(row[metric]):
        return t(UNDEFINED_WHY[metric], lang)
    spec = m.SPECS[metric]
    value = fmt_number(row[metric] * spec.scale, lang, spec.decimals)
    unit = " %" if metric == "ala_share" else ""
    return value + unit + _caution(_fragile(frame, metric, code), lang)


def _none_here(frame: pd.DataFrame, level: str, code: str, lang: str) -> list[Any]:
    """A yes/no measure has no rank: whether the region has none, and how many share that."""
    none = frame["count"].eq(0)
    here = bool(none[frame["code"] == code].any())
    peers = t(f"details.peers.{level}", lang)
    key = "details.none_here.yes" if here else "details.none_here.no"
    # "like 299 of 401": the others without, not counting the region itself
    k = int(none.sum()) - (1 if here else 0)
    text = t(key, lang, k=fmt_number(k, lang), n=fmt_number(len(frame), lang), peers=peers)
    return [html.P(f"{t('metric.none_here', lang)}: {text}")]


def _ranks(frame: pd.DataFrame, level: str, metric: str, code: str, lang: str) -> list[Any]:
    if metric == "none_here":
        return _none_here(frame, level, code, lang) if m.is_recorded(frame) else []
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
    if _fragile(frame, metric, code):
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
    providers_href: str | None = None,
) -> list[Any]:
    """The children of the details section (a prompt when no region is chosen); with a
    `profile_href`, a link to the region's profile under its heading. With `providers_href`
    (the Anbieter page's grid of the region), a Land lists its providers there, not here."""
    if snapshot_id is None or not region:
        return [html.H2(t("details.figures", lang)), html.P(t("details.empty", lang))]
    frame = data.region_metrics(snapshot_id, level, category)
    if region not in set(frame["code"]):
        return [html.H2(t("details.figures", lang)), html.P(t("details.empty", lang))]
    row = frame[frame["code"] == region].iloc[0]
    title = row["name"]
    if level == "kreis":
        title = f"{row['name']} ({region_kind(row['bez'], lang)}, {row['land']})"
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
    elif level == "land" and providers_href:
        # a Land lists hundreds: as rows of this section (a component per cell) the browser
        # took 1.5-5 s to build North Rhine-Westphalia's 188; the region profile links the
        # same filtered grid. A chosen provider keeps its row.
        chosen = here[here["source_id"] == provider_id] if provider_id else here.iloc[:0]
        if not chosen.empty:
            provider_part.append(scroll_box(provider_table(chosen, lang, provider_id),
                                            t("details.providers", lang, n=len(chosen))))
        label = t(f"category.{category}", lang)
        provider_part.append(html.P(dcc.Link(
            t("profile.providers.land", lang, category=label, land=row["name"]),
            href=providers_href, className="providers-link")))
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
