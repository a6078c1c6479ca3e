"""File names that say what a file holds and when, in the export's language:
`ala_je-100k_kreise_2022-12-01.png`, in English `ala_per-100k_districts_2022-12-01.png`."""

from __future__ import annotations

import re
import unicodedata

from dashboard.exports.request import ExportRequest

EXTENSIONS = {"csv-de": "csv"}

# every word a file name is made of: request value → (German, English)
WORDS: dict[str, tuple[str, str]] = {
    "count": ("anzahl", "count"),
    "per_100k": ("je-100k", "per-100k"),
    "ala_share": ("ala-anteil", "ala-share"),
    "ala_per_wfbm": ("ala-je-wfbm", "ala-per-wfbm"),
    "none_here": ("ohne-anbieter", "no-provider"),
    "land": ("laender", "states"),
    "kreis": ("kreise", "districts"),
    "verlauf": ("verlauf", "series"),
    "laender": ("verlauf-laender", "series-by-state"),
    "wachstum": ("wachstum-nach-land", "growth-by-state"),
    "aenderungen": ("anbieter-neu-weg", "providers-new-gone"),
    "veraenderung": ("veraenderung", "change"),
    "all": ("alle", "all"),
    "compare": ("vergleich-ala-wfbm-ib", "comparison-ala-wfbm-ib"),
    "change": ("veraenderung", "change"),
    "ranking": ("rangfolge", "ranking"),
    "figures": ("kennzahlen", "figures"),
    "providers": ("anbieter", "providers"),
    "access": ("erreichbarkeit", "access"),
    "beyond": ("weiter-als-{km}km", "beyond-{km}km"),
    "sfca": ("2sfca-je-100k", "2sfca-per-100k"),
    "table": ("tabelle", "table"),
    "plan": ("planung-{n}-orte", "planning-{n}-places"),
    "in_land": ("land-{code}", "state-{code}"),
    "search": ("suche-{text}", "search-{text}"),
    "gemeinden": ("gemeinden-{code}", "municipalities-{code}"),
    "line": ("luftlinie", "straight-line"),
    "car": ("auto-ueber-{minutes}min", "car-over-{minutes}min"),
    "gemeinde_level": ("gemeinden", "municipalities"),
}

def file_name(request: ExportRequest, taken_at: str, base_taken_at: str | None = None) -> str:
    """Parts joined by "_": category, what, level, date(s), a dialect or filter suffix; the
    words in the request's language."""
    column = 1 if request.lang == "en" else 0
    w = {key: words[column] for key, words in WORDS.items()}
    parts = [request.category if not request.all_categories else w["all"]]
    if request.compare:
        parts = [w["compare"]]
    if request.page == "karte" and request.base is not None:
        parts += [f"{w['change']}-{w[request.metric]}", w[request.level]]
    elif request.page == "karte":
        parts += [w[request.metric], w[request.level]]
    elif request.page == "tabelle" and request.is_image:
        parts += [f"{w['ranking']}-{w[request.metric]}", w[request.level]]
    elif request.page == "tabelle":
        parts += [w["figures"], w[request.level]]
    elif request.page == "anbieter":
        parts += [w["providers"]]
    elif request.page == "erreichbarkeit":
        parts += [w["access"], _access_part(request, w)]
        if request.view in ("gemeinde", "car-gemeinde"):
            parts.append(w["gemeinde_level"])
        elif request.view != "gemeinden":
            parts.append(w["kreis"])
        if request.plan:
            parts.append(w["plan"].format(n=len(request.plan)))
    else:
        parts += [w[request.view]]
        if request.view == "veraenderung":
            parts += [w[request.metric], w[request.level]]
    if request.land:
        parts.append(w["in_land"].format(code=request.land))
    if request.search:
        parts.append(w["search"].format(text=_slug(request.search)))
    if request.service and request.service != "all":
        parts.append(_slug(request.service))
    if base_taken_at:
        parts.append(base_taken_at)
    parts.append(taken_at)
    if request.format == "csv-de":
        parts.append("excel-de")
    extension = EXTENSIONS.get(request.format, request.format)
    return "_".join(p for p in parts if p) + "." + extension


def _access_part(request: ExportRequest, w: dict[str, str]) -> str:
    if request.view == "distance":
        return w["beyond"].format(km=request.threshold)
    if request.view == "sfca":
        return w["sfca"]
    if request.view == "gemeinden":
        return w["gemeinden"].format(code=request.kreis)
    if request.view == "gemeinde":
        return w["line"]
    if request.view in ("car", "car-gemeinde"):
        # "auto-ueber-30min" / "car-over-30min": minutes, never read as km
        return w["car"].format(minutes=request.threshold)
    return w["table"]


def _slug(text: str) -> str:
    """ASCII, lower case, dashes, safe in any file system: "Müller & Söhne" → "mueller-soehne"."""
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]
