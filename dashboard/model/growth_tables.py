"""The tables of the Entwicklung page as shown: German/English column labels, display order.

The page renders these frames and the exports write them, so a downloaded file has exactly
the rows and columns on screen.
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.growth import tx
from dashboard.model.publishing import contacts_hidden
from dashboard.text.i18n import fmt_date

_LABELS = {
    "de": {
        "region": "Region", "code": "Schlüssel", "ars": "Schlüssel (ARS)", "land": "Land",
        "rank": "Rang", "population": "Einwohner 2019", "count_at": "Anzahl {date}",
        "change_kind": "Änderung", "category": "Art", "name": "Name", "street": "Straße",
        "plz": "PLZ", "city": "Ort", "fields": "geänderte Felder", "source_id": "REHADAT-ID",
        "ohne": "ohne Land",
    },
    "en": {
        "region": "Region", "code": "Code", "ars": "Code (ARS)", "land": "State",
        "rank": "Rank", "population": "Population 2019", "count_at": "Count {date}",
        "change_kind": "Change", "category": "Kind", "name": "Name", "street": "Street",
        "plz": "Postcode", "city": "Town", "fields": "changed fields", "source_id": "REHADAT id",
        "ohne": "no state",
    },
}


def label(key: str, lang: str, **values: object) -> str:
    return _LABELS.get(lang, _LABELS["de"])[key].format(**values)


def series_table(series: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """Regions as rows (Germany first, then the Länder by code), one count column per date."""
    frame = series.copy()
    frame["date"] = pd.to_datetime(frame["taken_at"], utc=True).dt.strftime("%Y-%m-%d")
    frame = frame.sort_values(["taken_at", "snapshot_id"])
    columns = {d: label("count_at", lang, date=fmt_date(d, lang)) for d in frame["date"].unique()}
    wide = frame.pivot_table(
        index=["region", "region_name"], columns="date", values="count", aggfunc="sum",
        sort=False,
    )
    wide = wide.reindex(columns=list(columns)).rename(columns=columns).reset_index()
    wide.columns.name = None
    names = {"region": label("code", lang), "region_name": label("region", lang)}
    wide = wide.rename(columns=names)
    for column in columns.values():
        wide[column] = wide[column].astype("int64")
    return wide


def growth_table(table: pd.DataFrame, old_date: str, new_date: str, lang: str = "de"):
    """store.growth.land_growth as shown: rank, Land, counts at both dates, growth."""
    return pd.DataFrame(
        {
            label("rank", lang): table["rank"].to_numpy(),
            label("code", lang): table["land_code"].to_numpy(),
            label("land", lang): table["land"].to_numpy(),
            label("population", lang): table["population"].to_numpy(),
            label("count_at", lang, date=fmt_date(old_date, lang)): table["count_old"].to_numpy(),
            label("count_at", lang, date=fmt_date(new_date, lang)): table["count_new"].to_numpy(),
            tx("growth", lang): table["growth"].to_numpy(),
            tx("growth_per_100k", lang): table["growth_per_100k"].round(2).to_numpy(),
        }
    )


def region_change_table(change: pd.DataFrame, old_date: str, new_date: str, lang: str = "de"):
    """store.growth.region_change as shown: regions by code with both counts and the change."""
    return pd.DataFrame(
        {
            label("ars", lang): change["code"].to_numpy(),
            label("region", lang): change["name"].to_numpy(),
            label("land", lang): change["land"].to_numpy(),
            label("population", lang): change["population"].to_numpy(),
            label("count_at", lang, date=fmt_date(old_date, lang)): change["count_old"].to_numpy(),
            label("count_at", lang, date=fmt_date(new_date, lang)): change["count_new"].to_numpy(),
            tx("change", lang): change["change"].to_numpy(),
            tx("change_per_100k", lang): change["change_per_100k"].round(2).to_numpy(),
        }
    )


def changes_table(diff: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """One row per new, vanished or changed provider; the address as it is now (as it was,
    for vanished ones); sorted by Land, kind of change, name."""
    vanished = diff["change"] == "vanished"

    def side(field: str) -> pd.Series:
        return diff[f"{field}_new"].where(~vanished, diff[f"{field}_old"])

    frame = pd.DataFrame(
        {
            label("land", lang): diff["land"].fillna(label("ohne", lang)).to_numpy(),
            label("change_kind", lang): diff["change"].map(lambda k: tx(k, lang)).to_numpy(),
            label("category", lang): diff["category"].to_numpy(),
            label("name", lang): side("name").to_numpy(),
            label("street", lang): side("street").to_numpy(),
            label("plz", lang): side("plz").to_numpy(),
            label("city", lang): side("city").to_numpy(),
            label("fields", lang): diff["changed_fields"].fillna("").to_numpy(),
            label("source_id", lang): diff["source_id"].to_numpy(),
        }
    )
    if contacts_hidden():
        frame = frame.drop(columns=[label("street", lang)])
    order = diff["change"].map({"new": 0, "vanished": 1, "changed": 2}).to_numpy()
    frame["_order"] = order
    frame = frame.sort_values([label("land", lang), "_order", label("name", lang)])
    return frame.drop(columns="_order").reset_index(drop=True)
