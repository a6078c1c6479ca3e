"""Every text an export puts into a file, in German and English (the page's language).

The BKG line stays German in both: it is the wording the licence (dl-de/by-2-0) asks for.
"""

from __future__ import annotations

from dashboard.text.i18n import fmt_date, t

LANGS = ("de", "en")

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "by.land": "nach Ländern",
        "by.kreis": "nach Kreisen",
        "map": "{what} – {metric}, {by}",
        "compare": "aLA, Werkstätten und Inklusionsbetriebe im Vergleich – {metric}, {by}",
        "level_as_of": "{level}, Stand {date}",
        "series": "{what}: Anzahl je Datenstand, Deutschland",
        "series.sub": (
            "Datenstände {dates}; Rauten: veröffentlichte Zählungen "
            "(Maaß/Zentel/Poppe/Blach, doi.org/10.35468/6002-22)"
        ),
        "laender": "{what}: Anzahl je Datenstand in jedem Land",
        "laender.sub": "Datenstände {dates}",
        "growth": "{what}: Zuwachs nach Ländern ({measure})",
        "growth.sub": "Veränderung {dates}",
        "absolute": "absolut",
        "rate": "je 100.000 Einwohner",
        "count": "Anzahl",
        "changes": "{what}: neue, weggefallene und geänderte Anbieter",
        "changes.sub": "Vergleich {dates}",
        "region_change": "{what}: Veränderung ({measure}), {by}",
        "table": "{what} – Kennzahlen {by}",
        "ranking": "{what} – Rangfolge {metric}, {by}",
        "providers": "{what} – Anbieterliste",
        "providers.all": "Alle Anbieter",
        "providers.search": "Suche „{text}“",
        "providers.sub": "{n} Anbieter, Stand {date}",
        "source": "Quelle: REHADAT-Adressen (IW Köln), Stand {date}",
        "source.import": "Quelle: {name} (importierte Liste, nicht REHADAT), Stand {date}",
        "snapshot": "Datenstand {id} vom {date}, {origin}",
        "origin.live": "live abgerufen",
        "origin.replay": "aus gespeicherten Seiten eingelesen",
        "origin.demo": "Beispieldaten",
        "origin.import": "importierte Liste",
        "provenance.column": "Quellenangabe",
        "exported": "Exportiert am {date}",
        "demo.note": "Beispieldaten: erzeugte Demo-Anbieter, keine echte Erhebung",
        "demo.mark": "Beispieldaten",
        "population": "Bevölkerung: Destatis, 31.12.2019",
        "sheet.data": "Daten",
        "sheet.source": "Quelle",
        "selection.rows": (
            "Zeilen wie in der Tabelle der Seite gefiltert und sortiert: {n} von {total}"
        ),
        "selection.columns": "Spalten wie in der Tabelle der Seite angeordnet: {n} von {total}",
        "selection.total": (
            "Die Summenzeile „{label}“ gilt für alle {total} Regionen der Tabelle, "
            "nicht nur für die {n} gezeigten (so zeigt sie auch die Seite)"
        ),
    },
    "en": {
        "by.land": "by state",
        "by.kreis": "by district",
        "map": "{what} – {metric}, {by}",
        "compare": "aLA, sheltered workshops and inclusion companies compared – {metric}, {by}",
        "level_as_of": "{level}, as of {date}",
        "series": "{what}: count per snapshot, Germany",
        "series.sub": (
            "Snapshots {dates}; diamonds: published counts "
            "(Maaß/Zentel/Poppe/Blach, doi.org/10.35468/6002-22)"
        ),
        "laender": "{what}: count per snapshot in every state",
        "laender.sub": "Snapshots {dates}",
        "growth": "{what}: growth by state ({measure})",
        "growth.sub": "Change {dates}",
        "absolute": "absolute",
        "rate": "per 100,000 inhabitants",
        "count": "count",
        "changes": "{what}: new, gone and changed providers",
        "changes.sub": "Comparison {dates}",
        "region_change": "{what}: change ({measure}), {by}",
        "table": "{what} – figures {by}",
        "ranking": "{what} – ranking {metric}, {by}",
        "providers": "{what} – list of providers",
        "providers.all": "All providers",
        "providers.search": "search “{text}”",
        "providers.sub": "{n} providers, as of {date}",
        "source": "Source: REHADAT addresses (IW Köln), as of {date}",
        "source.import": "Source: {name} (imported list, not REHADAT), as of {date}",
        "snapshot": "Snapshot {id} of {date}, {origin}",
        "origin.live": "fetched live",
        "origin.replay": "read from recorded pages",
        "origin.demo": "example data",
        "origin.import": "imported list",
        "provenance.column": "Attribution",
        "exported": "Exported on {date}",
        "demo.note": "Example data: generated demo providers, not a real survey",
        "demo.mark": "Example data",
        "population": "Population: Destatis, 31 Dec 2019",
        "sheet.data": "Data",
        "sheet.source": "Source",
        "selection.rows": "Rows as filtered and sorted in the page's table: {n} of {total}",
        "selection.columns": "Columns as arranged in the page's table: {n} of {total}",
        "selection.total": (
            "The total row “{label}” covers all {total} regions of the table, "
            "not only the {n} shown (as the page shows it too)"
        ),
    },
}


def xt(key: str, lang: str, **values: object) -> str:
    """The export text `key` in `lang` (German for an unknown language)."""
    return TEXTS.get(lang, TEXTS["de"])[key].format(**values)


def date_label(iso: str, lang: str) -> str:
    """"01.12.2022" in German, "1 Dec 2022" in English: as the pages write dates (fmt_date),
    so a file's provenance reads like the page it came from. File names keep ISO dates."""
    return fmt_date(iso[:10], "en" if lang == "en" else "de")


def plan_sentence(names: list[str], lang: str) -> str:
    """What a file says of a plan: how many hypothetical providers, and where (the Luftlinie
    and the car exports alike)."""
    n = len(names)
    return t("access.export.plan.one" if n == 1 else "access.export.plan.many", lang, n=n,
             names=", ".join(names))  # fmt: skip
